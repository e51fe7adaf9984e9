import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

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
 * The envelope check of Room → Create: the body carries its own `code`; anything but a room is a
 * failure even with HTTP 2xx. Returns the room (`data`).
 */
export function roomFromAnswer(ctx: IExecuteSingleFunctions, response: IN8nHttpFullResponse): IDataObject {
	const body = response.body as IDataObject | string | undefined;
	const data = typeof body === 'object' && body !== null ? (body.data as IDataObject | undefined) : undefined;
	const code = typeof body === 'object' && body !== null ? Number(body.code) : NaN;
	if (!data || typeof data.url !== 'string' || (Number.isFinite(code) && code >= 400)) {
		const message = typeof body === 'object' && body !== null && typeof body.message === 'string' ? body.message : '';
		throw new NodeApiError(ctx.getNode(), { message, code: Number.isFinite(code) ? code : null } as JsonObject, {
			message: `${SERVICE} error ${Number.isFinite(code) ? code : response.statusCode}: ${
				typeof body === 'object' ? explain(Number.isFinite(code) ? code : undefined, message) : 'the answer was not JSON'
			}`,
			description: 'The service did not return a room',
			httpCode: String(response.statusCode),
			itemIndex: ctx.getItemIndex(),
		});
	}
	return data;
}
