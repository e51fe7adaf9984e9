import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { codeOf, notAnAnswer, serviceError, unwrapEnvelope } from './errors';

/** The `data` of an answer as items: one per array entry, `{ success: true }` for none. */
export function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) {
		return data.map((entry) => ({
			json: (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject,
		}));
	}
	if (data === null || data === undefined) return [{ json: { success: true } }];
	if (typeof data === 'object') return [{ json: data as IDataObject }];
	return [{ json: { value: data } as IDataObject }];
}

/** postReceive shared by the enveloped operations: output the `data` (one item per array entry). */
export async function envelopeData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return toItems(unwrapEnvelope(this, response));
}

/** postReceive of the list operations: like `envelopeData`, but `data: null` is an empty list. */
export async function listData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = unwrapEnvelope(this, response);
	return data === null || data === undefined ? [] : toItems(data);
}

/** postReceive of Booking → Cancel: the answer has `data: null`; output what was cancelled. */
export async function cancelOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = unwrapEnvelope(this, response);
	const message = (response.body as IDataObject).message;
	return [
		{
			json: {
				bookingId: String(this.getNodeParameter('bookingId', '')).trim(),
				cancelled: true,
				...(typeof message === 'string' && message ? { message } : {}),
				...(data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {}),
			},
		},
	];
}

/**
 * postReceive of Meeting → Get: `/api/getmeetinginfo` answers with a flat body
 * `{code, msg, name, alias, …}` (code 200 = success). Output the meeting fields without code/msg.
 * An answer in the usual envelope shape (`state: 0`) is understood too.
 */
export async function meetingInfoOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw notAnAnswer(this, response);
	const flat = body as IDataObject;
	if ('state' in flat && Number(flat.state) !== 1) {
		throw serviceError(this, response, codeOf(flat.code), typeof flat.message === 'string' ? flat.message : undefined);
	}
	const code = codeOf(flat.code);
	if (code !== undefined && code !== '200') {
		const original = typeof flat.msg === 'string' ? flat.msg : typeof flat.message === 'string' ? flat.message : undefined;
		throw serviceError(this, response, code, original);
	}
	if ('state' in flat && flat.data && typeof flat.data === 'object') return toItems(flat.data);
	const { code: _code, msg: _msg, ...meeting } = flat;
	if (code === undefined && Object.keys(meeting).length === 0) throw notAnAnswer(this, response);
	return [{ json: meeting }];
}
