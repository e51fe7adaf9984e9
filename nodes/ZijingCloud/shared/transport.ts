import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { HttpFailure, ProviderSettings } from '../../shared/executor';

export const SERVICE = 'Zijing Cloud';

/**
 * What the service's codes mean, in English. 200001–200009 are the API's "common response codes";
 * 400, 403 and 500 are the "public response codes" of an earlier edition of the same document
 * (parameter error, auth key rejected, server error).
 */
export const CODE_MEANINGS: Record<string, string> = {
	'400': 'the request parameters were refused',
	'403': 'the auth key was rejected (a wrong key, or a key that belongs to another tenant)',
	'500': 'the server could not complete the request',
	'200001': 'the conference number does not belong to the tenant of this auth key',
	'200002': 'live streaming is already on for this meeting',
	'200003': 'recording is already on for this meeting',
	'200004': 'this meeting is not allowed to record',
	'200005': 'this meeting is not allowed to stream live',
	'200006': 'the meeting has not started',
	'200007': 'the meeting is not being recorded',
	'200008': 'the meeting does not exist',
	'200009': 'this meeting room is already booked for that time slot',
};

const HINTS: Record<string, string> = {
	'403': 'Check the credential: its key type, the API ID and API KEY (or the tenant key) and the API server URL',
	'200001': 'Check the conference number, and that the credential’s key belongs to the tenant that owns this meeting room',
	'200003': 'Use Recording → Get Status to read the running recording’s ID, or stop the running recording first',
	'200004': 'Recording is not enabled for this meeting room in Zijing Cloud',
	'200005': 'Live streaming is not enabled for this meeting room in Zijing Cloud',
	'200006': 'Recording can start only while the meeting is running (someone has joined)',
	'200007': 'There is no running recording to stop',
	'200008': 'Check the conference number (the meeting room’s short number)',
	'200009': 'Choose another time slot or another room (Room ID)',
};

function codeOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

/** "Zijing Cloud error 200003: recording is already on for this meeting (该会议已开启录制)" */
export function describeCode(code: string | undefined, original: string | undefined) {
	const meaning = (code && CODE_MEANINGS[code]) || (original ? 'the request failed' : 'the request failed without a message');
	const originalText = original && original.trim() && original.trim() !== meaning ? ` (${original.trim()})` : '';
	return {
		message: `${meaning}${originalText}`,
		description: (code && HINTS[code]) || undefined,
	};
}

/** A failure the service reported in its answer (HTTP 200 with `state: 0`, or a flat body with an error code). */
export function serviceError(
	ctx: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	code: string | undefined,
	original: string | undefined,
): NodeApiError {
	const { message, description } = describeCode(code, original);
	return new NodeApiError(ctx.getNode(), { message: original ?? '', code: code ?? null } as JsonObject, {
		message: `${SERVICE} error ${code ?? 'unknown'}: ${message}`,
		description,
		httpCode: String(response.statusCode),
		itemIndex: ctx.getItemIndex(),
	});
}

function notAnAnswer(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): NodeApiError {
	const body = response.body;
	const what =
		body === undefined || body === null || body === ''
			? 'the answer was empty'
			: typeof body === 'string'
				? /^\s*</.test(body)
					? 'the answer was a web page, not JSON'
					: 'the answer was not valid JSON'
				: 'the answer was not a Zijing Cloud response (no "state")';
	return new NodeApiError(ctx.getNode(), { message: what } as JsonObject, {
		message: `${SERVICE} error ${response.statusCode}: ${what}`,
		description: 'Check the credential’s API server URL; if it is right, the service failed to answer properly',
		httpCode: String(response.statusCode),
		itemIndex: ctx.getItemIndex(),
	});
}

function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) {
		return data.map((entry) => ({
			json: (entry !== null && typeof entry === 'object' ? entry : { value: entry }) as IDataObject,
		}));
	}
	if (data === null || data === undefined) return [{ json: { success: true } }];
	if (typeof data === 'object') return [{ json: data as IDataObject }];
	return [{ json: { value: data } as IDataObject }];
}

/**
 * The envelope `{code, data, message, state}`: `state` 1 is success, 0 a failure whatever the HTTP
 * status. Returns the `data` part, or throws the failure with its code, its English meaning and the
 * service's own message.
 */
export function unwrapEnvelope(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): unknown {
	const body = response.body;
	if (body === null || typeof body !== 'object' || Array.isArray(body) || !('state' in body)) {
		throw notAnAnswer(ctx, response);
	}
	const envelope = body as IDataObject;
	if (Number(envelope.state) !== 1) {
		throw serviceError(
			ctx,
			response,
			codeOf(envelope.code),
			typeof envelope.message === 'string' ? envelope.message : undefined,
		);
	}
	return envelope.data;
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

export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'zijingCloudApi',
	secretFields: ['apiKey', 'tenantAuthKey'],
	defaultConcurrency: 5,
	// status and recording lists are POSTs that only read
	readOnly: (options) => options.method === 'GET' || /\/meeting\/(getRecords|getLiveRecStatus)$/.test(String(options.url ?? '')),
	describeHttpError(failure: HttpFailure) {
		const body = failure.body && typeof failure.body === 'object' ? (failure.body as IDataObject) : undefined;
		const bodyCode = codeOf(body?.code);
		const original =
			typeof body?.message === 'string' ? body.message : typeof body?.msg === 'string' ? body.msg : undefined;
		if (bodyCode && CODE_MEANINGS[bodyCode]) {
			return { code: bodyCode, ...describeCode(bodyCode, original) };
		}
		const status = failure.status ?? 0;
		if (status === 401 || status === 403) {
			return { code: String(status), ...describeCode('403', original) };
		}
		if (typeof failure.body === 'string' && /^\s*</.test(failure.body)) {
			return {
				code: String(status),
				message: status >= 500 ? `the server failed (HTTP ${status})` : `the request was refused (HTTP ${status})`,
				description: 'The server answered with a web page instead of JSON',
			};
		}
		if (status >= 500) return { code: String(status), message: `the server failed (HTTP ${status})${original ? ` (${original})` : ''}` };
		if (status === 429) {
			return { code: '429', message: 'too many requests (rate limit); try again later or lower "Max Concurrent Requests"' };
		}
		return { code: String(status), message: `the request was refused (HTTP ${status})${original ? ` (${original})` : ''}` };
	},
};
