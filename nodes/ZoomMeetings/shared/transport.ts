import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteFunctions,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { HttpFailure, ProviderSettings } from '../../shared/executor';
import { pathSegment } from '../../shared/pathSegment';

export const SERVICE = 'Zoom';

/** Credential type names, by the node's "Authentication" choice. */
export const USER_APP_CREDENTIAL_TYPE = 'zoomMeetingsOAuth2Api';
export const SERVER_TO_SERVER_CREDENTIAL_TYPE = 'zoomMeetingsServerToServerApi';

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

function statusText(status: number | undefined): string {
	if (status === 401) return 'the credentials were rejected';
	if (status === 403) return 'access denied';
	if (status === 404) return 'not found';
	if (status === 429) return ZOOM_CODES[429];
	if (status !== undefined && status >= 500) return `Zoom failed (HTTP ${status})`;
	return `the request was refused (HTTP ${status ?? '?'})`;
}

export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: (ctx: IExecuteFunctions) =>
		ctx.getNodeParameter('authentication', 0, 'oAuth2') === 'serverToServerOAuth' ? SERVER_TO_SERVER_CREDENTIAL_TYPE : USER_APP_CREDENTIAL_TYPE,
	secretFields: ['clientSecret', 'accessToken'],
	// Zoom's per-second limits (Light/Medium APIs) are reached quickly: 4 in flight by default
	defaultConcurrency: 4,
	describeHttpError: (failure: HttpFailure) => describe(failure.status, failure.body),
};

export function inputError(ctx: IExecuteSingleFunctions | IExecuteFunctions, message: string, itemIndex: number, description?: string) {
	return new NodeOperationError(ctx.getNode(), `${message} (item ${itemIndex})`, { itemIndex, description });
}

function show(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** A meeting ID as Zoom expects it in a path: digits only (spaces and dashes as shown in Zoom are removed). */
export function normalizeMeetingId(raw: unknown, label: string, ctx: IExecuteSingleFunctions | IExecuteFunctions, itemIndex: number): string {
	const text = typeof raw === 'number' ? (Number.isSafeInteger(raw) ? String(raw) : '') : String(raw ?? '').replace(/[\s-]/g, '');
	if (!/^\d{1,20}$/.test(text)) {
		throw inputError(ctx, `"${label}" must be a meeting ID made of digits (e.g. 86220627999), got ${show(raw)}`, itemIndex);
	}
	return text;
}

/**
 * A meeting ID or UUID as a path segment. Zoom requires a UUID that starts with "/" or contains "//"
 * to be URL-encoded twice.
 */
export function meetingPathSegment(raw: unknown, label: string, ctx: IExecuteSingleFunctions | IExecuteFunctions, itemIndex: number): string {
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	if (/^[\d\s-]+$/.test(text) && /\d/.test(text)) return normalizeMeetingId(text, label, ctx, itemIndex);
	if (!text || text.length > 100 || /\s/.test(text)) {
		throw inputError(ctx, `"${label}" must be a meeting ID (digits) or a meeting UUID (e.g. 4444AAAiAAAAAiAiAiiAii==), got ${show(raw)}`, itemIndex);
	}
	const once = pathSegment(ctx, text, label, itemIndex);
	return text.startsWith('/') || text.includes('//') ? encodeURIComponent(once) : once;
}

/** A user as Zoom accepts it in a path: `me`, a user ID or an email address. */
export function normalizeUserId(raw: unknown, label: string, ctx: IExecuteSingleFunctions | IExecuteFunctions, itemIndex: number): string {
	const text = String(raw ?? '').trim();
	if (!text || text.length > 128 || /[\s/]/.test(text)) {
		throw inputError(ctx, `"${label}" must be "me", a user ID or an email address, got ${show(raw)}`, itemIndex);
	}
	pathSegment(ctx, text, label, itemIndex);
	return text;
}

/** Replaces the path segment the declaration put in the URL (the raw parameter, encoded once) with the checked one. */
function replaceSegment(request: IHttpRequestOptions, raw: unknown, segment: string): IHttpRequestOptions {
	const text = raw === undefined || raw === null ? '' : String(raw);
	const url = String(request.url ?? '');
	// the pack's executor encodes parameters placed in a URL, n8n's routing node does not
	for (const form of [encodeURIComponent(text), text]) {
		const placed = `/${form}`;
		const at = url.indexOf(`${placed}/`) >= 0 ? url.indexOf(`${placed}/`) : url.endsWith(placed) ? url.length - placed.length : -1;
		if (at >= 0) {
			request.url = `${url.slice(0, at)}/${segment}${url.slice(at + placed.length)}`;
			return request;
		}
	}
	throw new Error(`path segment for ${show(raw)} not found in ${url}`);
}

/** preSend: checks the `meetingId` parameter placed in the URL (digits only). */
export async function checkMeetingId(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('meetingId');
	return replaceSegment(request, raw, normalizeMeetingId(raw, 'Meeting ID', this, this.getItemIndex()));
}

/** preSend: checks the `meetingId` parameter placed in the URL (ID or UUID, double-encoded when Zoom requires it). */
export async function checkMeetingIdOrUuid(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('meetingId');
	return replaceSegment(request, raw, meetingPathSegment(raw, 'Meeting ID or UUID', this, this.getItemIndex()));
}

/** preSend: checks the `userId` parameter placed in the URL. */
export async function checkUserId(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('userId');
	return replaceSegment(request, raw, encodeURIComponent(normalizeUserId(raw, 'User', this, this.getItemIndex())));
}

/** postReceive of an operation answered with 204: a short confirmation instead of an empty item. */
export function confirmation(flag: string, extra: (ctx: IExecuteSingleFunctions) => IDataObject = () => ({})) {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], _response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
		const raw = this.getNodeParameter('meetingId');
		const id = normalizeMeetingIdOrKeep(raw);
		return [{ json: { id, [flag]: true, ...extra(this) } }];
	};
}

/** A meeting ID as output: a number when it is one (exact below 2^53), otherwise the UUID text. */
export function normalizeMeetingIdOrKeep(raw: unknown): number | string {
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	const digits = text.replace(/[\s-]/g, '');
	if (/^\d{1,15}$/.test(digits)) return Number(digits);
	return text;
}

const MAX_PAGE_SIZE = 300;

/** Reads Return All / Limit of a list operation. */
export function readLimit(ctx: IExecuteSingleFunctions): number {
	if (ctx.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError(ctx, `"Limit" must be a whole number of at least 1, got ${show(limit)}`, ctx.getItemIndex());
	}
	return limit;
}

function unexpectedAnswer(ctx: IExecuteSingleFunctions, what: string, status?: number): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: `no ${what} in the answer` } as JsonObject, {
		message: `${SERVICE} error ${status ?? 200}: unexpected answer (${what} missing; the answer was empty or not JSON)`,
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
		throw unexpectedAnswer(this, 'the object', response.statusCode);
	}
	return items;
}

/**
 * Pages through one of Zoom's lists with `next_page_token` (`""` at the end), `page_size` up to 300,
 * stopping as soon as Limit items were collected. Returns the entries of `rootProperty`.
 */
export async function collectPages(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	rootProperty: string,
	limit: number,
	extraQs: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let token = '';
	do {
		const qs: IDataObject = {
			...(requestData.options.qs ?? {}),
			...extraQs,
			page_size: Math.min(MAX_PAGE_SIZE, limit - out.length),
		};
		if (token) qs.next_page_token = token;
		const pages = await ctx.makeRoutingRequest.call(ctx as never, {
			...requestData,
			options: { ...requestData.options, qs },
		});
		const body = (pages[0]?.json ?? {}) as IDataObject;
		const list = body[rootProperty];
		if (!Array.isArray(list)) throw unexpectedAnswer(ctx, `the "${rootProperty}" list`);
		for (const entry of list as IDataObject[]) {
			if (out.length >= limit) break;
			out.push({ json: entry });
		}
		token = typeof body.next_page_token === 'string' ? body.next_page_token : '';
		if (token && seen.has(token)) break;
		seen.add(token);
	} while (token && out.length < limit);
	return out;
}

/** `routing.operations.pagination` for a Zoom list whose entries are under `rootProperty`. */
export function paginateByToken(rootProperty: string) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await collectPages(this, requestData, rootProperty, readLimit(this));
	};
}

/** preSend: drops empty optional query values (Zoom refuses `type=` or `status=`). */
export async function dropEmptyQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		if (value === '' || value === undefined || value === null) delete (request.qs as IDataObject)[key];
	}
	return request;
}


const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** preSend of Meeting Registrant → Add: a real email address and a first name. */
export async function checkRegistrant(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body ?? {}) as IDataObject;
	const i = this.getItemIndex();
	const email = String(body.email ?? '').trim();
	if (!EMAIL.test(email)) throw inputError(this, `"Email" must be an email address, got ${show(body.email)}`, i);
	const firstName = String(body.first_name ?? '').trim();
	if (!firstName) throw inputError(this, '"First Name" is empty', i);
	if (firstName.length > 64) throw inputError(this, '"First Name" is longer than 64 characters', i);
	body.email = email;
	body.first_name = firstName;
	for (const [key, value] of Object.entries(body)) if (value === '') delete body[key];
	return request;
}
