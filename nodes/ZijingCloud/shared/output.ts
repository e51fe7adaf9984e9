import { NodeApiError, type IDataObject, type IExecuteSingleFunctions, type IN8nHttpFullResponse, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { shapeOf } from '../../shared/answerShape';
import { codeOf, notAnAnswer, SERVICE, serviceError, unexpectedData, unwrapEnvelope, whatArrived, type Reader } from './errors';

type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/** The keys of `getLiveRecStatus`'s data that the status operations need (the document's answer has them). */
export const STATUS_KEYS = ['live', 'record'];

const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasKeys = (value: unknown, keys: string[]) => isObject(value) && keys.every((key) => key in value);
const listOfKeys = (keys: string[]) => keys.map((key) => `"${key}"`).join(' and ');

/**
 * The `data` of a success envelope, checked against what the API document shows for the call: an
 * object with `keys`. Anything else (`data: null`, a list, other keys) is refused with what arrived,
 * never turned into an empty success.
 */
export function objectData(keys: string[]): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const data = unwrapEnvelope(this, response);
		if (!hasKeys(data, keys)) throw unexpectedData(this, response, data, `an object with ${listOfKeys(keys)}`);
		return [{ json: data as IDataObject }];
	};
}

/**
 * A list call: `data` must be a list (possibly empty) of objects, each with `keys`. A list that is
 * not there (`data: null`, an object, a bare array outside the envelope) is refused with what arrived.
 */
export function listData(keys: string[]): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		return checkedList(this, response, unwrapEnvelope(this, response), keys).map((json) => ({ json }));
	};
}

/** `data` as a list of objects with `keys`, or the "what arrived" error. */
export function checkedList(ctx: Reader, response: IN8nHttpFullResponse, data: unknown, keys: string[]): IDataObject[] {
	const expected = `a list of entries with ${listOfKeys(keys)}`;
	if (!Array.isArray(data)) throw unexpectedData(ctx, response, data, expected);
	const odd = data.find((entry) => !hasKeys(entry, keys));
	if (odd !== undefined) {
		throw unexpectedData(ctx, response, data, `${expected}; an entry is ${shapeOf(odd)}`);
	}
	return data as IDataObject[];
}

/**
 * postReceive of Booking → Create: the document shows `data` as a list holding the booking (its
 * sample leaves the bracket open, so one booking object is read too); each booking has an `id`.
 */
export async function bookingData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = unwrapEnvelope(this, response);
	const bookings = isObject(data) ? [data] : data;
	if (!Array.isArray(bookings) || bookings.length === 0 || !bookings.every((b) => hasKeys(b, ['id']))) {
		throw unexpectedData(this, response, data, 'the booking (a list of bookings, or one booking, with "id")');
	}
	return (bookings as IDataObject[]).map((json) => ({ json }));
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

/** The keys every meeting of `/api/getmeetinginfo` has in the document's answer (checked before output). */
const MEETING_KEYS = ['alias', 'started', 'participants'];

/**
 * postReceive of Meeting → Get: `/api/getmeetinginfo` answers with a flat body
 * `{code, msg, name, alias, …}` (code 200 = success). Output the meeting fields without code/msg.
 * An answer in the usual envelope shape is understood too (`state: 0` a failure, `data` the meeting).
 * Any other answer (no code, code 200 without the meeting) is refused with what arrived.
 */
export async function meetingInfoOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw notAnAnswer(this, response);
	const flat = body as IDataObject;
	if ('state' in flat) {
		const data = unwrapEnvelope(this, response);
		if (!hasKeys(data, MEETING_KEYS)) throw unexpectedData(this, response, data, `the meeting, an object with ${listOfKeys(MEETING_KEYS)}`);
		return [{ json: data as IDataObject }];
	}
	const code = codeOf(flat.code);
	if (code === undefined) throw notAnAnswer(this, response);
	if (code !== '200') {
		const original = typeof flat.msg === 'string' ? flat.msg : typeof flat.message === 'string' ? flat.message : undefined;
		throw serviceError(this, response, code, original);
	}
	const { code: _code, msg: _msg, ...meeting } = flat;
	if (!hasKeys(meeting, MEETING_KEYS)) {
		throw new NodeApiError(this.getNode(), { message: 'unexpected answer' } as JsonObject, {
			message: `${SERVICE} error ${response.statusCode}: unexpected answer: code 200 without the meeting's ${listOfKeys(MEETING_KEYS)} (${whatArrived(response)})`,
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	return [{ json: meeting }];
}
