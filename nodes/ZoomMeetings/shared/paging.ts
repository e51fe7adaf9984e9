import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { bodyShape } from '../../shared/answerShape';
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
	keep?: (entry: IDataObject) => boolean,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let token = '';
	do {
		const qs: IDataObject = {
			...(requestData.options.qs ?? {}),
			...extraQs,
			// entries are left out afterwards when `keep` is given: full pages then
			page_size: keep ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit - out.length),
		};
		if (token) qs.next_page_token = token;
		const pages = await ctx.makeRoutingRequest.call(ctx as never, {
			...requestData,
			options: { ...requestData.options, qs },
		});
		const body = (pages[0]?.json ?? {}) as IDataObject;
		const list = body[rootProperty];
		if (!Array.isArray(list)) {
			// a list answer comes back as one item per entry
			const answer = pages.length === 1 ? pages[0].json : pages.map((page) => page.json);
			throw unexpectedAnswer(ctx, `the "${rootProperty}" list`, bodyShape(answer));
		}
		for (const entry of list as IDataObject[]) {
			if (out.length >= limit) break;
			if (!keep || keep(entry)) out.push({ json: entry });
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
 * Pagination of Cloud Recording → Get Many. Zoom's reference: "the maximum range can be a month"
 * (what it does with a longer one is not documented: one report shows the range cut to the last
 * month), so the range is split into windows of at most one month, each paged with
 * `next_page_token`, oldest window first, until Limit. The trash "cannot be filtered by date range"
 * (`from` and `to` are not to be used with it): the trash is listed once, without dates, and the
 * recordings whose start date falls outside From–To are left out here.
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
	const trash = requestData.options.qs?.trash;
	if (trash !== undefined && typeof trash !== 'boolean' && trash !== 'true' && trash !== 'false') {
		throw inputError(this, `"In Trash" must be true or false, got ${show(trash)}`, i);
	}
	if (trash === true || trash === 'true') {
		const day = (entry: IDataObject) => String(entry.start_time ?? '').slice(0, 10);
		return await collectPages(this, requestData, 'meetings', limit, {}, (entry) => day(entry) >= from && day(entry) <= to);
	}
	const out: INodeExecutionData[] = [];
	for (const window of monthWindows(from, to)) {
		if (out.length >= limit) break;
		out.push(...(await collectPages(this, requestData, 'meetings', limit - out.length, { from: window.from, to: window.to })));
	}
	return out;
}
