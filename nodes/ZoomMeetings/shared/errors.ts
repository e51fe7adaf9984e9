import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { describeAnswer } from '../../shared/answerShape';
import { defaultStatusText } from '../../shared/errors';
import type { HttpFailure } from '../../shared/http';

export const SERVICE = 'Zoom';

/** Zoom's error codes (body `{code, message}`) in plain English. */
const ZOOM_CODES: Record<number, string> = {
	124: 'the access token is invalid or expired; reconnect the credential (or check the Server-to-Server app’s credentials)',
	200: 'no permission for this request (the app lacks a scope or the user lacks a role)',
	300: 'a parameter was refused (invalid parameter)',
	429: 'too many requests (Zoom rate limit); lower "Max Concurrent Requests" or try again later',
	1001: 'the user does not exist or does not belong to this account',
	1010: 'the user does not belong to this account',
	1120: 'the user is not valid',
	3000: 'the meeting cannot be accessed',
	3001: 'the meeting does not exist or has expired',
	3003: 'only the meeting’s host (or a user with scheduling privilege) can do this',
	3027: 'the meeting’s registration is not enabled',
	3301: 'the recording does not exist',
	4700: 'the access token lacks the scopes this request needs',
	4711: 'the access token lacks the scopes this request needs',
};

/** The error mapper of a failed HTTP exchange: Zoom's code in English, then Zoom's own message. */
function describe(status: number | undefined, body: unknown): { code?: string; message: string; description?: string } {
	if (typeof body === 'string' || body === undefined || body === null) {
		const text = typeof body === 'string' ? body.trim() : '';
		return {
			code: status !== undefined ? String(status) : undefined,
			message: statusText(status),
			description: text ? `Zoom answered with ${text.startsWith('<') ? 'a page' : 'text'} instead of JSON` : undefined,
		};
	}
	const data = body as IDataObject;
	// token endpoint: {reason, error}
	if (typeof data.error === 'string' && data.code === undefined) {
		const reason = typeof data.reason === 'string' ? data.reason : '';
		return {
			code: data.error,
			message: `the token request was refused${reason ? ` (${reason})` : ''}; check the client ID, client secret and account ID`,
		};
	}
	const code = Number(data.code);
	const original = typeof data.message === 'string' ? data.message : '';
	if (Number.isFinite(code) && data.code !== undefined && data.code !== null) {
		const english = ZOOM_CODES[code] ?? statusText(status);
		return { code: String(code), message: original ? `${english} (Zoom: "${original}")` : english };
	}
	return { code: status !== undefined ? String(status) : undefined, message: original ? `${statusText(status)} (Zoom: "${original}")` : statusText(status) };
}

/** The shared English text of a status, with Zoom's own words where they say more (a 403 is a missing scope or role). */
function statusText(status: number | undefined): string {
	if (status === 403) return 'access denied';
	if (status === 429) return ZOOM_CODES[429];
	if (status !== undefined && status >= 500) return `Zoom failed (HTTP ${status})`;
	return defaultStatusText(status);
}

export const describeHttpError = (failure: HttpFailure) => describe(failure.status, failure.body);

/** An answer without what the operation returns; `arrived` names what came instead (its shape, never its values). */
export function unexpectedAnswer(ctx: IExecuteSingleFunctions, what: string, arrived: string, status?: number): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: `no ${what} in the answer` } as JsonObject, {
		message: `${SERVICE} error ${status ?? 200}: unexpected answer (${what} missing; received ${arrived})`,
		itemIndex: ctx.getItemIndex(),
		httpCode: String(status ?? 200),
	});
}

/** postReceive of operations answered with an object: anything else (empty, broken JSON, a page) is a failure. */
export async function expectObject(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw unexpectedAnswer(this, 'the object', describeAnswer(response), response.statusCode);
	}
	return items;
}

