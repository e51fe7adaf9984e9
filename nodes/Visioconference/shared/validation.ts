import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** preSend of Room → Create: the name is trimmed and may not be empty. */
export async function checkRoomName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('name');
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (!name) throw inputError(this, '"Room Name" is empty', this.getItemIndex(), 'Give the room a name, e.g. "Weekly sync"');
	if (name.length > 255) throw inputError(this, '"Room Name" is longer than 255 characters', this.getItemIndex());
	(request.body as IDataObject).name = name;
	return request;
}
