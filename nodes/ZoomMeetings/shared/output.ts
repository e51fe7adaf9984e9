import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { normalizeMeetingId } from './validation';

/** postReceive of an operation answered with 204: a short confirmation instead of an empty item. */
export function confirmation(flag: string, extra?: (ctx: IExecuteSingleFunctions) => IDataObject) {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], _response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
		const raw = this.getNodeParameter('meetingId', undefined, { extractValue: true });
		const id = normalizeMeetingIdOrKeep(raw);
		return [{ json: { id, [flag]: true, ...extra?.(this) } }];
	};
}

/** A meeting ID as output: a number when it is one (exact below 2^53), otherwise the UUID text. */
export function normalizeMeetingIdOrKeep(raw: unknown): number | string {
	const text = String(raw ?? '').trim();
	const digits = text.replace(/[\s-]/g, '');
	if (/^\d{1,15}$/.test(digits)) return Number(digits);
	return text;
}

/** What Meeting → Update sent, by item context, so the output can show it (Zoom answers 204 with no body). */
const sentChanges = new WeakMap<object, IDataObject>();

/** preSend of Meeting → Update (after the checks): remembers the change for the output. */
export async function rememberChanges(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	sentChanges.set(this, JSON.parse(JSON.stringify(request.body ?? {})) as IDataObject);
	return request;
}

/** postReceive of Meeting → Update: the meeting ID, `updated: true` and the changes that were sent. */
export async function updatedMeeting(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const id = normalizeMeetingIdOrKeep(normalizeMeetingId(this.getNodeParameter('meetingId', undefined, { extractValue: true }), 'Meeting ID', this, this.getItemIndex()));
	const changes = sentChanges.get(this) ?? {};
	return [{ json: { id, updated: true, ...changes } }];
}
