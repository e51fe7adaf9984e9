import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError, readLimit, show } from '../../shared/errors';
import { unexpectedAnswer } from './errors';
import { calendarDate, monthWindows } from './time';

const MAX_PAGE_SIZE = 300;

/**
 * Pages through one of Zoom's lists with `next_page_token` (`""` at the end), `page_size` up to 300,
 * stopping as soon as Limit items were collected. Returns the entries of `rootProperty`.
 */
export async function collectPages(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	rootProperty: string,
	limit: number,
	extraQs: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let token = '';
	do {
		const qs: IDataObject = {
			...(requestData.options.qs ?? {}),
			...extraQs,
			page_size: Math.min(MAX_PAGE_SIZE, limit - out.length),
		};
		if (token) qs.next_page_token = token;
		const pages = await ctx.makeRoutingRequest.call(ctx as never, {
			...requestData,
			options: { ...requestData.options, qs },
		});
		const body = (pages[0]?.json ?? {}) as IDataObject;
		const list = body[rootProperty];
		if (!Array.isArray(list)) throw unexpectedAnswer(ctx, `the "${rootProperty}" list`);
		for (const entry of list as IDataObject[]) {
			if (out.length >= limit) break;
			out.push({ json: entry });
		}
		token = typeof body.next_page_token === 'string' ? body.next_page_token : '';
		if (token && seen.has(token)) break;
		seen.add(token);
	} while (token && out.length < limit);
	return out;
}

/** `routing.operations.pagination` for a Zoom list whose entries are under `rootProperty`. */
export function paginateByToken(rootProperty: string) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await collectPages(this, requestData, rootProperty, readLimit(this));
	};
}

/**
 * Pagination of Cloud Recording → Get Many: Zoom answers at most one month per request (a longer
 * range is silently cut), so the range is split into windows of at most one month, each paged with
 * `next_page_token`, oldest window first, until Limit.
 */
export async function paginateRecordings(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const i = this.getItemIndex();
	const rawFrom = this.getNodeParameter('from', '');
	const rawTo = this.getNodeParameter('to', '');
	const from = calendarDate(rawFrom);
	const to = calendarDate(rawTo);
	if (!from) throw inputError(this, `"From" must be a date such as 2024-09-01, got ${show(rawFrom)}`, i);
	if (!to) throw inputError(this, `"To" must be a date such as 2024-09-30, got ${show(rawTo)}`, i);
	if (from > to) throw inputError(this, `"From" (${from}) is after "To" (${to})`, i);
	const limit = readLimit(this);
	const out: INodeExecutionData[] = [];
	for (const window of monthWindows(from, to)) {
		if (out.length >= limit) break;
		out.push(...(await collectPages(this, requestData, 'meetings', limit - out.length, { from: window.from, to: window.to })));
	}
	return out;
}
