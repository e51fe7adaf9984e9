import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { describeAnswer } from '../../shared/answerShape';
import { defaultStatusText } from '../../shared/errors';
import type { HttpFailure } from '../../shared/http';
import { maskDerivedSecrets } from './signing';

export const SERVICE = 'YTX';

/**
 * The `statusCode` values YTX answers with (HTTP 200 envelopes), with an English explanation for each.
 * `-2` and `-205` come from the API document; the others from the code table of a public client.
 */
export const YTX_STATUS_CODES: Record<string, string> = {
	'-1': 'invalid number (for example a display number that is not configured for the account)',
	'-2': 'a required parameter is missing',
	'-3': 'invalid action',
	'-4': 'the request body is not valid JSON',
	'-100': 'server exception at YTX',
	'-101': 'invalid parameter',
	'-102': 'invalid phone number',
	'-104': 'request rate too high: the request was not processed; lower "Max Concurrent Requests" or run the item again later',
	'-200': 'no such user: check the Account SID of the credential',
	'-201': 'the account status is invalid (suspended or not activated)',
	'-202': 'header authorization error: the Authorization header or its timestamp was refused (check the server clock)',
	'-203': 'authToken check failed: check the Auth Token of the credential',
	'-204': 'insufficient balance',
	'-205':
		'application check failed: the app ID does not match the environment (sandbox app IDs only work on sandbox.ytx.net, your own apps only on api.ytx.net once online), the server IP is not on the app’s whitelist, or the app lacks the conference feature',
};

export function explainStatusCode(code: string): string {
	return YTX_STATUS_CODES[code] ?? 'unknown error code';
}

export function excerpt(body: unknown): string {
	if (body === undefined || body === null) return '';
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const flat = maskDerivedSecrets(text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim());
	return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function statusMessageText(statusMsg: unknown): string {
	if (statusMsg === undefined || statusMsg === null) return '';
	return maskDerivedSecrets(typeof statusMsg === 'string' ? statusMsg : JSON.stringify(statusMsg));
}

/** "authToken check failed … (鉴权失败)": the English meaning, then the service's own words. */
function describeEnvelope(code: string, statusMsg: unknown): string {
	const original = statusMessageText(statusMsg);
	return `${explainStatusCode(code)}${original ? ` (${original})` : ''}`;
}

function statusText(status: number): string {
	if (status === 401 || status === 403) return `the request was refused (HTTP ${status}); check the credential and the app's IP whitelist`;
	if (status === 404) return 'not found (HTTP 404); check the credential’s environment or custom URL';
	if (status === 429) return 'too many requests (HTTP 429); lower "Max Concurrent Requests" or try again later';
	return defaultStatusText(status);
}

/** The error mapper of a failed HTTP exchange: an envelope's statusCode in English, or the HTTP status. */
export function describeHttpError(failure: HttpFailure) {
	const status = failure.status ?? 0;
	const body = failure.body;
	if (body && typeof body === 'object' && 'statusCode' in body) {
		const envelope = body as IDataObject;
		const code = String(envelope.statusCode);
		return { code, message: describeEnvelope(code, envelope.statusMsg), description: `HTTP ${status}` };
	}
	return {
		code: String(status),
		message: statusText(status),
		description: typeof body === 'string' && body.trim().startsWith('<') ? `The service answered with a page instead of JSON: ${excerpt(body)}` : excerpt(body),
	};
}

/**
 * The answer as the executor (or n8n's RoutingNode) hands it over: parsed JSON whatever its content
 * type, or the text when it is not JSON (so text is never parsed again here); spaces alone are empty.
 */
function parseBody(value: unknown): unknown {
	return typeof value === 'string' && !value.trim() ? undefined : value;
}

/** What a request may have done although its answer could not be read. */
export function mayHaveDone(ctx: IExecuteSingleFunctions): string {
	const operation = ctx.getNodeParameter('operation', '') as string;
	if (operation === 'cancelBooking') return 'the booking may or may not have been cancelled';
	if (operation === 'editBooking') return 'the booking may or may not have been changed';
	return 'the meeting may or may not have been created';
}

/** A text value of an answer, or null when absent. */
export const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

/**
 * The envelope check of every operation: an HTTP-200 answer whose `statusCode` is not "0" is a
 * failure, and so is an answer that is not a YTX envelope. Returns the envelope.
 */
export function envelopeFromAnswer(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): IDataObject {
	const answer = parseBody(response.body);
	const index = ctx.getItemIndex();
	if (!answer || typeof answer !== 'object' || Array.isArray(answer) || !('statusCode' in answer)) {
		const what = answer === undefined ? 'the answer was empty' : 'the answer was not a YTX response';
		throw new NodeApiError(ctx.getNode(), { message: what } as JsonObject, {
			message: `${SERVICE} error ${response.statusCode}: ${what} (${describeAnswer({ ...response, body: answer })}); ${mayHaveDone(ctx)}`,
			description: excerpt(answer),
			httpCode: String(response.statusCode),
			itemIndex: index,
		});
	}
	const envelope = answer as IDataObject;
	const code = String(envelope.statusCode);
	if (code !== '0') {
		const original = statusMessageText(envelope.statusMsg);
		throw new NodeApiError(
			ctx.getNode(),
			{ statusCode: code, statusMsg: original, requestId: text(envelope.requestId) } as JsonObject,
			{
				message: `${SERVICE} error ${code}: ${describeEnvelope(code, envelope.statusMsg)}`,
				description: `YTX statusCode ${code}${original ? `, statusMsg "${original}"` : ''}${envelope.requestId ? `, requestId ${String(envelope.requestId)}` : ''}`,
				itemIndex: index,
			},
		);
	}
	return envelope;
}
