import type { DeclarativeRestApiSettings, IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit } from '../../shared/errors';

export const CONTACTS_PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

type PagingContext = IExecuteSingleFunctions & {
	makeRoutingRequest: (options: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;
};

/**
 * Booking → Get Contacts: walks `pageIndex` (from 1) with `pageSize` until a page comes back short,
 * or until "Limit" entries were read. The answer carries no total, so a short page is the end. A
 * server that ignores the paging parameters (same page again) stops the walk instead of looping.
 */
export async function paginateContacts(
	this: PagingContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this);
	const pageSize = Math.min(limit, CONTACTS_PAGE_SIZE);
	const out: INodeExecutionData[] = [];
	let previous: string | undefined;
	for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
		const options = {
			...requestData.options,
			qs: { ...((requestData.options.qs as IDataObject | undefined) ?? {}), pageIndex, pageSize, isAll: 'no' },
		};
		const page = await this.makeRoutingRequest({ ...requestData, options });
		const fingerprint = JSON.stringify(page.map((item) => item.json));
		// an empty page is short: it never comes twice
		if (fingerprint === previous) break;
		previous = fingerprint;
		out.push(...page);
		if (page.length < pageSize || out.length >= limit) break;
	}
	return out.slice(0, limit);
}
