import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { shapeOf, unrecognisedAnswer } from '../../shared/answerShape';
import type { HttpFailure } from '../../shared/http';
import type { RoomAnswer } from './links';

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
 * The envelope check of Room → Create (run on 2xx answers only: the others go to `describeHttpError`):
 * the body carries its own `code`; a `code` of 400 or more is a failure even with HTTP 2xx. A room is
 * read where the document shows it — `data.url` (the room's web address) and
 * `data.room.moderator_token` — and anything else is an error naming what arrived.
 * Returns the room (`data`).
 */
export function roomFromAnswer(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): RoomAnswer {
	const body = response.body;
	const envelope = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as IDataObject) : undefined;
	// NaN (never a failure) without an envelope or a code
	const code = Number(envelope?.code);
	if (code >= 400) {
		const message = typeof envelope?.message === 'string' ? envelope.message : '';
		throw new NodeApiError(ctx.getNode(), { message, code } as JsonObject, {
			message: `${SERVICE} error ${code}: ${explain(code, message)}`,
			description: 'The service did not return a room',
			httpCode: String(response.statusCode),
			itemIndex: ctx.getItemIndex(),
		});
	}
	const data = envelope?.data as IDataObject | undefined;
	const url = data?.url;
	const token = (data?.room as IDataObject | undefined)?.moderator_token;
	if (typeof url !== 'string' || !/^https?:\/\/\S+$/i.test(url.trim()) || typeof token !== 'string' || !token) {
		throw unrecognisedAnswer(ctx.getNode(), SERVICE, response, ctx.getItemIndex(), {
			call: 'the room creation',
			expected: `the documented answer: "data.url" (the room's web address) and "data.room" with its "moderator_token"${
				envelope ? ` (its "data" is ${shapeOf(data)})` : ''
			}`,
			caution: 'A room may have been created: check the account before running the item again.',
		});
	}
	return data as RoomAnswer;
}
