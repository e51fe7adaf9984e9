import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { describeAnswer, shapeOf } from '../../shared/answerShape';
import { defaultStatusText } from '../../shared/errors';
import type { HttpFailure } from '../../shared/http';

export const SERVICE = 'Zijing Cloud';

/**
 * What the service's codes mean, in English. 200001–200009 are the API's "common response codes";
 * 400, 403 and 500 are the "public response codes" of an earlier edition of the same document
 * (parameter error, auth key rejected, server error); 401 is read like 403. The current document
 * shows no refusal of a key at all.
 */
export const CODE_MEANINGS: Record<string, string> = {
	'400': 'the request parameters were refused',
	'401': 'the auth key was rejected (a wrong key, or a key that belongs to another tenant)',
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

const KEY_HINT =
	'Check the credential: its key type, the API ID and API KEY (or the tenant key) and the API server URL. With "API ID and API KEY" the key is built as API ID:API KEY, an assumption the API document does not confirm: if Zijing gave you a ready key, choose "Tenant Key"';

const HINTS: Record<string, string> = {
	'401': KEY_HINT,
	'403': KEY_HINT,
	'200001': 'Check the conference number, and that the credential’s key belongs to the tenant that owns this meeting room',
	'200003': 'Use Recording → Get Status to read the running recording’s ID, or stop the running recording first',
	'200004': 'Recording is not enabled for this meeting room in Zijing Cloud',
	'200005': 'Live streaming is not enabled for this meeting room in Zijing Cloud',
	'200006': 'Recording can start only while the meeting is running (someone has joined)',
	'200007': 'There is no running recording to stop',
	'200008': 'Check the conference number (the meeting room’s short number)',
	'200009': 'Choose another time slot or another room (Room ID)',
};

/** Where an answer is read: a run's item (`getItemIndex`) or a drop-down of the editor. */
export type Reader = { getNode: IExecuteSingleFunctions['getNode']; getItemIndex?: () => number };

export function codeOf(value: unknown): string | undefined {
	// a JSON number is always finite
	if (typeof value === 'number') return String(value);
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
	ctx: Reader,
	response: Pick<IN8nHttpFullResponse, 'statusCode'>,
	code: string | undefined,
	original: string | undefined,
): NodeApiError {
	const { message, description } = describeCode(code, original);
	// the service's message becomes the description when there is no hint (NodeApiError reads it from here)
	return new NodeApiError(ctx.getNode(), { message: original ?? '' } as JsonObject, {
		message: `${SERVICE} error ${code ?? 'unknown'}: ${message}`,
		description,
		httpCode: String(response.statusCode),
		itemIndex: ctx.getItemIndex?.(),
	});
}

/** What arrived, for an answer the node does not recognise: HTTP status, content type, top-level keys. */
export const whatArrived = (response: Pick<IN8nHttpFullResponse, 'statusCode' | 'headers' | 'body'>) =>
	`received ${describeAnswer(response)}`;

function unrecognised(ctx: Reader, response: IN8nHttpFullResponse, what: string): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: what } as JsonObject, {
		message: `${SERVICE} error ${response.statusCode}: ${what} (${whatArrived(response)})`,
		description: 'Check the credential’s API server URL; if it is right, the service answered in a shape its API document does not show',
		httpCode: String(response.statusCode),
		itemIndex: ctx.getItemIndex?.(),
	});
}

/** An answer that is not the service's: empty, a page, broken JSON, JSON without the envelope. */
export function notAnAnswer(ctx: Reader, response: IN8nHttpFullResponse): NodeApiError {
	const body = response.body;
	const what =
		body === undefined || body === ''
			? 'the answer was empty'
			: body === null
				? 'the answer was JSON null, not a Zijing Cloud response'
				: typeof body === 'string'
					? /^\s*</.test(body)
						? 'the answer was a web page, not JSON'
						: 'the answer was not valid JSON'
					: 'the answer was not a Zijing Cloud response (no "state" 1 or 0)';
	return unrecognised(ctx, response, what);
}

/** A success envelope whose `data` is not what the API document shows for this call. */
export function unexpectedData(ctx: Reader, response: IN8nHttpFullResponse, data: unknown, expected: string): NodeApiError {
	return unrecognised(ctx, response, `unexpected answer: "data" is ${shapeOf(data)}, expected ${expected}`);
}

/**
 * The envelope `{code, data, message, state}`: `state` 1 is success, 0 a failure whatever the HTTP
 * status and whether or not a code comes with it; any other `state` (or none) is not an answer of
 * the service. Returns the `data` part, or throws the failure with its code, its English meaning
 * and the service's own message.
 */
export function unwrapEnvelope(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): unknown {
	const envelope = readEnvelope(ctx, response);
	if (envelope.failed) {
		throw serviceError(ctx, response, codeOf(envelope.body.code), typeof envelope.body.message === 'string' ? envelope.body.message : undefined);
	}
	return envelope.body.data;
}

/** The envelope's verdict: `state` 1 or "1" succeeded, 0 or "0" failed; anything else is refused as not an answer. */
export function readEnvelope(ctx: Reader, response: IN8nHttpFullResponse): { failed: boolean; body: IDataObject } {
	// text, a list, a number or null has no "state": refused below
	const body = response.body as IDataObject | null;
	const state = body?.state;
	const text = typeof state === 'number' || typeof state === 'string' ? String(state).trim() : undefined;
	if (text !== '1' && text !== '0') throw notAnAnswer(ctx, response);
	return { failed: text === '0', body: body as IDataObject };
}

/** The error mapper of a failed HTTP exchange. */
export function describeHttpError(failure: HttpFailure) {
	// a text body has no `code`, `message` or `msg` either
	const body = failure.body as IDataObject | null | undefined;
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
		return { code: String(status), message: defaultStatusText(status), description: 'The server answered with a web page instead of JSON' };
	}
	return { code: String(status), message: `${defaultStatusText(status)}${original ? ` (${original})` : ''}` };
}
