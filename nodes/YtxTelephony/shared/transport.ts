import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import type { HttpFailure, ProviderSettings } from '../../shared/executor';
import { explainStatusCode } from './codes';
import { maskDerivedSecrets, signedValues, ytxBaseUrl } from './signing';
import { normalizeBookTime, normalizeParties, normalizePhone, PHONE_HINT } from './validation';

export const SERVICE = 'YTX';
export const CREDENTIAL_TYPE = 'ytxTelephonyApi';

function excerpt(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
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
	if (status >= 500) return `the server failed (HTTP ${status})`;
	return `the request was refused (HTTP ${status})`;
}

export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => CREDENTIAL_TYPE,
	secretFields: ['authToken'],
	requestSecrets: signedValues,
	// YTX answers -104 (rate too high) to bursts: two requests in flight by default.
	defaultConcurrency: 2,
	describeHttpError(failure: HttpFailure) {
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
	},
};

function item(ctx: IExecuteSingleFunctions) {
	return ctx.getItemIndex();
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** A NodeOperationError naming the field, the value and the item. */
function inputError(ctx: IExecuteSingleFunctions, field: string, value: unknown, reason: string, hint?: string) {
	const index = item(ctx);
	const got = value === undefined || value === '' ? '' : `: "${shown(value)}"`;
	return new NodeOperationError(ctx.getNode(), `"${field}" ${reason}${got} (item ${index})`, {
		itemIndex: index,
		description: hint,
	});
}

function body(request: IHttpRequestOptions): IDataObject {
	if (!request.body || typeof request.body !== 'object') request.body = {};
	return request.body as IDataObject;
}

/**
 * preSend of every operation: the host from the credential's environment and the app ID into the
 * body. The credential's fields are checked here so a pasted space does not become a -203.
 */
export async function applyAccount(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const accountSid = String(credentials.accountSid ?? '');
	const appId = String(credentials.appId ?? '').trim();
	const node = this.getNode();
	const index = item(this);
	if (!/^[A-Za-z0-9]+$/.test(accountSid)) {
		throw new NodeOperationError(node, `The credential's "Account SID" must be letters and digits only (item ${index})`, {
			itemIndex: index,
			description: 'Copy the ACCOUNT SID from the YTX console without spaces',
		});
	}
	const authToken = String(credentials.authToken ?? '');
	if (!authToken || authToken.trim() !== authToken) {
		throw new NodeOperationError(node, `The credential's "Auth Token" is empty or has leading or trailing spaces (item ${index})`, {
			itemIndex: index,
		});
	}
	if (!/^[A-Za-z0-9_-]+$/.test(appId)) {
		throw new NodeOperationError(node, `The credential's "App ID" must be letters and digits only (item ${index})`, { itemIndex: index });
	}
	const baseURL = ytxBaseUrl(credentials);
	if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(baseURL)) {
		throw new NodeOperationError(node, `The credential's "Custom URL" is not an http(s) URL: "${shown(baseURL)}" (item ${index})`, {
			itemIndex: index,
		});
	}
	request.baseURL = baseURL;
	body(request).appid = appId;
	return request;
}

/** preSend: the meeting name, trimmed, not empty. */
export async function checkMeetingName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('meetingName', '') as unknown;
	const name = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!name) throw inputError(this, 'Meeting Name', raw, 'is empty', 'Give the conference a name, e.g. "Weekly sync"');
	if (name.length > 255) throw inputError(this, 'Meeting Name', name, 'is longer than 255 characters');
	body(request).meetingname = name;
	return request;
}

/** preSend: the creator's phone number. */
export async function checkCreator(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('creator', '') as unknown;
	const checked = normalizePhone(raw);
	if (!checked.ok) throw inputError(this, 'Creator Phone', raw, checked.reason, `Expected ${PHONE_HINT}`);
	body(request).creator = checked.value;
	return request;
}

/** preSend: the participants, from the list or an expression, sent as the JSON string YTX expects. */
export async function buildParties(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('participantsInput', 'list') as string;
	let raw: unknown;
	let field: string;
	if (mode === 'json') {
		field = 'Participants (JSON)';
		raw = this.getNodeParameter('participantsJson', '[]');
	} else {
		field = 'Participants';
		raw = ((this.getNodeParameter('participants', {}) as IDataObject).participant ?? []) as IDataObject[];
	}
	const checked = normalizeParties(raw);
	if (!checked.ok) {
		throw inputError(this, field, mode === 'json' ? raw : undefined, checked.reason, 'Each participant needs a phone number; the name is shown in the conference');
	}
	body(request).parties = JSON.stringify(checked.value);
	return request;
}

/** preSend of Book / Edit Booking: `yyyy-MM-dd HH:mm` China time, in the future. */
export async function checkBookingTime(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('bookingTime', '') as unknown;
	const checked = normalizeBookTime(raw);
	if (!checked.ok) throw inputError(this, 'Booking Time', raw, checked.reason);
	body(request).booktime = checked.value.text;
	return request;
}

/** preSend of Cancel Booking: the booking time is optional there (sent as "" when empty). */
export async function checkOptionalBookingTime(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('bookingTime', '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		body(request).booktime = '';
		return request;
	}
	return await checkBookingTime.call(this, request);
}

/** preSend of Edit / Cancel Booking: the meeting ID (`meid`) of the booking. */
export async function checkMeetingId(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('meetingId', '') as unknown;
	const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!id) throw inputError(this, 'Meeting ID', raw, 'is empty', 'Use the meetingId returned when the conference was booked');
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw inputError(this, 'Meeting ID', raw, 'is not a meeting ID (letters and digits)');
	body(request).confid = id;
	return request;
}

/** preSend: Display Number and Custom Parameter, when given. */
export async function checkOptions(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const target = body(request);
	if (options.displayNumber !== undefined && String(options.displayNumber).trim() !== '') {
		const raw = options.displayNumber;
		const digits = String(raw).trim().replace(/[\s-]/g, '');
		if (!/^\d{3,20}$/.test(digits)) throw inputError(this, 'Display Number', raw, 'is not a phone number (digits only)');
		target.shownumber = digits;
	} else {
		delete target.shownumber;
	}
	if (options.customParameter !== undefined && String(options.customParameter) !== '') {
		const value = String(options.customParameter);
		if (value.length > 255) throw inputError(this, 'Custom Parameter', value, 'is longer than 255 characters');
		target.CustomParm = value;
	} else {
		delete target.CustomParm;
	}
	return request;
}

function parseBody(raw: unknown): unknown {
	let value = raw;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return undefined;
		try {
			return JSON.parse(text);
		} catch {
			return value;
		}
	}
	return value;
}

/** `statusMsg` is typed string in the document and an object in its sample: accept both. */
function meetingInfo(statusMsg: unknown): IDataObject | undefined {
	if (statusMsg && typeof statusMsg === 'object' && !Array.isArray(statusMsg)) return statusMsg as IDataObject;
	if (typeof statusMsg === 'string' && statusMsg.trim().startsWith('{')) {
		try {
			const parsed = JSON.parse(statusMsg) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

/**
 * postReceive of every operation: an HTTP-200 answer whose `statusCode` is not "0" is a failure.
 * Output: meeting ID, password, the caller ID participants see, request ID (or the whole answer).
 */
export async function meetingOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = parseBody(response.body);
	const index = item(this);
	if (!answer || typeof answer !== 'object' || Array.isArray(answer) || !('statusCode' in answer)) {
		const what = answer === undefined ? 'the answer was empty' : 'the answer was not a YTX response';
		throw new NodeApiError(this.getNode(), { message: what } as JsonObject, {
			message: `${SERVICE} error ${response.statusCode}: ${what}; the meeting may or may not have been created`,
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
			this.getNode(),
			{ statusCode: code, statusMsg: original, requestId: text(envelope.requestId) } as JsonObject,
			{
				message: `${SERVICE} error ${code}: ${describeEnvelope(code, envelope.statusMsg)}`,
				description: `YTX statusCode ${code}${original ? `, statusMsg "${original}"` : ''}${envelope.requestId ? `, requestId ${String(envelope.requestId)}` : ''}`,
				itemIndex: index,
			},
		);
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.fullResponse) return [{ json: envelope }];

	const operation = this.getNodeParameter('operation') as string;
	const info = meetingInfo(envelope.statusMsg);
	const json: IDataObject = {
		meetingId: text(info?.meid),
		meetingPassword: text(info?.mepwd),
		callerId: text(info?.meetcallerid),
		requestId: text(envelope.requestId),
	};
	if (!info && typeof envelope.statusMsg === 'string' && envelope.statusMsg) json.message = envelope.statusMsg;
	if (operation === 'editBooking' || operation === 'cancelBooking') {
		json.meetingId ??= String(this.getNodeParameter('meetingId', '')).trim();
	}
	if (operation === 'book' || operation === 'editBooking') {
		const booked = normalizeBookTime(this.getNodeParameter('bookingTime', ''), 0);
		if (booked.ok) json.bookingTime = booked.value.text;
	}
	if (operation === 'cancelBooking') json.cancelled = true;
	return [{ json }];
}
