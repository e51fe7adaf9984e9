import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { shapeOf, unrecognisedAnswer } from '../../shared/answerShape';
import type { HttpFailure } from '../../shared/executor';

export const SERVICE = 'Visioconference.me';

/** The English meaning of a status (the body's `code` or the HTTP status), with the service's message. */
function explain(code: number | undefined, message: string | undefined): string {
	if (code === 401 || code === 403) return `the API key was rejected${message ? ` (${message})` : ''}; check the credential's API key`;
	if (code === 400 || code === 422) return `the request was refused${message ? `: ${message}` : ''}`;
	if (code === 429) return 'too many requests; lower "Max Concurrent Requests" or try again later';
	if (code !== undefined && code >= 500) return `the service failed${message ? `: ${message}` : ` (HTTP ${code})`}`;
	return message || 'the request failed';
}

/** The error mapper of a failed HTTP exchange. */
export function describeHttpError(failure: HttpFailure) {
	const body = (failure.body && typeof failure.body === 'object' ? failure.body : {}) as IDataObject;
	const code = Number(body.code ?? failure.status);
	const message = typeof body.message === 'string' && body.message ? body.message : undefined;
	return {
		code: String(Number.isFinite(code) ? code : failure.status),
		message: explain(Number.isFinite(code) ? code : failure.status, message),
		description: typeof failure.body === 'string' ? 'The service answered with a page instead of JSON' : undefined,
	};
}

/**
 * The envelope check of Room → Create: the body carries its own `code`; a `code` of 400 or more is a
 * failure even with HTTP 2xx. A room is read where the document shows it — `data.url` (the room's
 * web address) and `data.room.moderator_token` — and anything else is an error naming what arrived.
 * Returns the room (`data`).
 */
export function roomFromAnswer(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): IDataObject {
	const body = response.body as IDataObject | string | undefined;
	const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
	const data = isObject ? (body.data as IDataObject | undefined) : undefined;
	const code = isObject ? Number(body.code) : NaN;
	if (isObject && Number.isFinite(code) && code >= 400) {
		const message = typeof body.message === 'string' ? body.message : '';
		throw new NodeApiError(ctx.getNode(), { message, code } as JsonObject, {
			message: `${SERVICE} error ${code}: ${explain(code, message)}`,
			description: 'The service did not return a room',
			httpCode: String(response.statusCode),
			itemIndex: ctx.getItemIndex(),
		});
	}
	const room = data && typeof data === 'object' ? (data.room as IDataObject | undefined) : undefined;
	const url = typeof data?.url === 'string' ? data.url.trim() : '';
	if (!/^https?:\/\/\S+$/i.test(url) || !room || typeof room !== 'object' || typeof room.moderator_token !== 'string' || !room.moderator_token) {
		const ok = response.statusCode >= 200 && response.statusCode < 300;
		throw unrecognisedAnswer(ctx.getNode(), SERVICE, response, ctx.getItemIndex(), {
			call: 'the room creation',
			expected: `the documented answer: "data.url" (the room's web address) and "data.room" with its "moderator_token"${
				isObject ? ` (its "data" is ${shapeOf(data)})` : ''
			}`,
			caution: ok ? 'A room may have been created: check the account before running the item again.' : undefined,
		});
	}
	return data as IDataObject;
}
