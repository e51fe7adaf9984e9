import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { listRequest, unexpectedListAnswer } from '../../shared/listRequest';
import { SERVICE } from '../shared/errors';
import { SERVER_TO_SERVER_CREDENTIAL_TYPE, settings, USER_APP_CREDENTIAL_TYPE } from '../shared/transport';

/** Entries per page of a list search (Zoom allows up to 300). */
export const SEARCH_PAGE_SIZE = 100;

/**
 * One page of a Zoom list for a "From List" search: `next_page_token` in and out (`""` at the end),
 * the entries under `rootProperty`, sent with the credential the node's "Authentication" picks.
 */
export async function zoomListPage(
	this: ILoadOptionsFunctions,
	url: string,
	rootProperty: string,
	paginationToken?: string,
	query: IDataObject = {},
): Promise<{ entries: IDataObject[]; nextToken?: string }> {
	const authentication = this.getCurrentNodeParameter('authentication') ?? 'oAuth2';
	const credentialType = authentication === 'serverToServerOAuth' ? SERVER_TO_SERVER_CREDENTIAL_TYPE : USER_APP_CREDENTIAL_TYPE;
	const qs: IDataObject = { ...query, page_size: SEARCH_PAGE_SIZE };
	if (paginationToken) qs.next_page_token = paginationToken;
	const read = (answer: unknown) => {
		const body = answer as IDataObject;
		if (!body || typeof body !== 'object' || !Array.isArray(body[rootProperty])) {
			throw unexpectedListAnswer(this, SERVICE, `Zoom's "${rootProperty}" list`, answer);
		}
		const token = typeof body.next_page_token === 'string' && body.next_page_token ? body.next_page_token : undefined;
		return { entries: body[rootProperty] as IDataObject[], nextToken: token === paginationToken ? undefined : token };
	};
	return (await listRequest.call(this, settings, credentialType, { baseUrlField: 'apiBaseUrl', url, qs }, read)) as {
		entries: IDataObject[];
		nextToken?: string;
	};
}
