/**
 * Input checks of YTX Telephony, done before any request: phone numbers, participants, booking time
 * (pure functions returning a normalised value or a reason), and the preSend functions that turn a
 * reason into a NodeOperationError naming the field, the value and the item.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';
import { textInput } from '../../shared/textInput';
import { CHINA_OFFSET_MS, chinaTimeParts, ytxBaseUrl } from './signing';
import { CREDENTIAL_TYPE } from './transport';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export const PHONE_HINT =
	'a mobile number (11 digits starting with 1, e.g. 13800138000), a landline with its area code (e.g. 01053889900), a 400/800 number, or a landline with an extension after a comma (e.g. 01053889900,1234)';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;
const SERVICE_NUMBER = /^[48]00\d{7}$/;
const EXTENSION = /^\d{1,6}$/;

/**
 * A phone number as YTX expects it: digits only, a landline optionally followed by `,extension`.
 * Spaces, hyphens, dots and parentheses are removed, a `+86` / `0086` prefix is turned into the
 * national form (a mobile loses it, a landline gets its leading 0), a full-width comma is accepted.
 */
export function normalizePhone(input: unknown): Checked<string> {
	if (input === undefined || input === null) return { ok: false, reason: 'is empty' };
	if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, reason: 'is not a phone number' };
	const text = String(input).trim().replace(/，/g, ',');
	if (!text) return { ok: false, reason: 'is empty' };
	const [mainPart, extension, ...rest] = text.split(',');
	if (rest.length) return { ok: false, reason: 'has more than one extension' };
	let main = mainPart.replace(/[\s\-.()（）]/g, '');
	if (/^(\+|00)86/.test(main)) {
		main = main.replace(/^(\+|00)86/, '');
		if (!MOBILE.test(main) && !main.startsWith('0')) main = `0${main}`;
	}
	if (!/^\d+$/.test(main)) return { ok: false, reason: 'contains characters other than digits' };
	const isMobile = MOBILE.test(main);
	const isLandline = LANDLINE.test(main);
	const isService = SERVICE_NUMBER.test(main);
	if (!isMobile && !isLandline && !isService) return { ok: false, reason: 'is not a phone number' };
	if (extension === undefined) return { ok: true, value: main };
	const ext = extension.replace(/\s/g, '');
	if (isMobile) return { ok: false, reason: 'is a mobile number: only a landline can carry an extension' };
	if (!EXTENSION.test(ext)) return { ok: false, reason: 'has an extension that is not 1 to 6 digits' };
	return { ok: true, value: `${main},${ext}` };
}

export interface Party {
	name: string;
	phone: string;
}

/**
 * Local limits of this package (the YTX document gives none): at most 100 participants per
 * conference, names of at most 50 characters, and no phone number twice.
 */
export const PARTY_LIMITS = { count: 100, nameLength: 50 };

/**
 * The participants, from the list or from an expression (an array of `{name, phone}` objects, or the
 * same array as JSON text). A missing name becomes the phone number. Returns the list or the reason
 * the whole list (or entry `index`, 1-based) is refused.
 */
export function normalizeParties(input: unknown): Checked<Party[]> {
	let list = input;
	if (typeof list === 'string') {
		const text = list.trim();
		if (!text) return { ok: false, reason: 'is empty' };
		try {
			list = JSON.parse(text);
		} catch {
			return { ok: false, reason: 'is not valid JSON (expected an array such as [{"name": "Zhang San", "phone": "13800138000"}])' };
		}
	}
	if (list && typeof list === 'object' && !Array.isArray(list)) list = [list];
	if (!Array.isArray(list)) return { ok: false, reason: 'is not a list of participants' };
	if (list.length === 0) return { ok: false, reason: 'is empty: add at least one participant' };
	if (list.length > PARTY_LIMITS.count) {
		return { ok: false, reason: `lists ${list.length} participants, more than the ${PARTY_LIMITS.count} this node sends in one conference` };
	}
	const out: Party[] = [];
	for (const [i, entry] of list.entries()) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			return { ok: false, reason: `entry ${i + 1} is not an object with "name" and "phone"` };
		}
		const { name, phone } = entry as { name?: unknown; phone?: unknown };
		const checked = normalizePhone(phone);
		if (!checked.ok) {
			return { ok: false, reason: `entry ${i + 1}: phone "${String(phone ?? '')}" ${checked.reason}; expected ${PHONE_HINT}` };
		}
		if (name !== undefined && name !== null && typeof name !== 'string' && typeof name !== 'number') {
			return { ok: false, reason: `entry ${i + 1}: name is not text but ${Array.isArray(name) ? 'a list' : typeof name === 'object' ? 'an object' : typeof name}` };
		}
		const cleanName = name === undefined || name === null ? '' : String(name).trim();
		if (cleanName.length > PARTY_LIMITS.nameLength) {
			return { ok: false, reason: `entry ${i + 1}: name "${cleanName.slice(0, 20)}…" is ${cleanName.length} characters long, more than ${PARTY_LIMITS.nameLength}` };
		}
		const twice = out.findIndex((party) => party.phone === checked.value);
		if (twice !== -1) return { ok: false, reason: `entry ${i + 1}: phone "${checked.value}" is already entry ${twice + 1}` };
		out.push({ name: cleanName || checked.value, phone: checked.value });
	}
	return { ok: true, value: out };
}

const CHINA_LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** `yyyy-MM-dd HH:mm` in China Standard Time. */
export function formatBookTime(instant: number): string {
	const t = chinaTimeParts(new Date(instant));
	const p = (n: number) => String(n).padStart(2, '0');
	return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}`;
}

/**
 * The booking time YTX expects (`yyyy-MM-dd HH:mm`, China Standard Time). Accepts that form, or an
 * ISO 8601 time with an offset or `Z` (converted to China time; seconds are dropped), or a Date /
 * Luxon DateTime from an expression. The time must lie in the future.
 */
export function normalizeBookTime(input: unknown, now = Date.now()): Checked<{ text: string; instant: number }> {
	let value = input;
	if (value instanceof Date) value = value.toISOString();
	else if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		value = (value as { toISO: () => string }).toISO();
	}
	if (value === undefined || value === null) return { ok: false, reason: 'is empty' };
	// a number or a list from an expression is not a time (a Date and n8n's DateTime were converted above)
	if (typeof value !== 'string') return { ok: false, reason: 'must be a date and time as text' };
	const text = value.trim();
	if (text === '') return { ok: false, reason: 'is empty' };
	let instant: number;
	const local = CHINA_LOCAL.exec(text);
	if (local) {
		const [year, month, day, hour, minute] = local.slice(1).map(Number);
		instant = Date.UTC(year, month - 1, day, hour, minute) - CHINA_OFFSET_MS;
		// Date.UTC carries an overflow (30 February, 24:00) into the next day: such a time reads back differently
		if (formatBookTime(instant) !== text) return { ok: false, reason: 'is not a valid date and time' };
	} else if (ISO_WITH_ZONE.test(text)) {
		instant = Date.parse(text);
		if (!Number.isFinite(instant)) return { ok: false, reason: 'is not a valid date and time' };
		instant -= ((instant % 60_000) + 60_000) % 60_000;
	} else {
		return {
			ok: false,
			reason:
				'is not in the format yyyy-MM-dd HH:mm (China Standard Time, e.g. 2026-12-01 14:30) nor an ISO 8601 time with an offset (e.g. 2026-12-01T06:30:00Z)',
		};
	}
	if (instant <= now) return { ok: false, reason: `is not in the future (it is ${formatBookTime(instant)} China Standard Time)` };
	return { ok: true, value: { text: formatBookTime(instant), instant } };
}

const shown = (value: unknown) => show(value, { text: true, max: 100 });

/** A NodeOperationError naming the field, the value and the item. */
function fieldError(ctx: IExecuteSingleFunctions, field: string, value: unknown, reason: string, hint?: string) {
	const got = value === undefined || value === '' ? '' : `: "${shown(value)}"`;
	return inputError(ctx, `"${field}" ${reason}${got}`, ctx.getItemIndex(), hint);
}

/** The request body: every operation's routing sets it (`action`, `bookmeeting`…) before the preSends run. */
const body = (request: IHttpRequestOptions) => request.body as IDataObject;

/**
 * preSend of every operation: the host from the credential's environment and the app ID into the
 * body. The credential's fields are checked here so a pasted space does not become a -203.
 */
export async function applyAccount(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const accountSid = String(credentials.accountSid ?? '');
	const appId = String(credentials.appId ?? '').trim();
	const index = this.getItemIndex();
	if (!/^[A-Za-z0-9]+$/.test(accountSid)) {
		throw inputError(this, 'The credential\'s "Account SID" must be letters and digits only', index, 'Copy the ACCOUNT SID from the YTX console without spaces');
	}
	const authToken = String(credentials.authToken ?? '');
	if (!authToken || authToken.trim() !== authToken) {
		throw inputError(this, 'The credential\'s "Auth Token" is empty or has leading or trailing spaces', index);
	}
	if (!/^[A-Za-z0-9_-]+$/.test(appId)) throw inputError(this, 'The credential\'s "App ID" must be letters and digits only', index);
	const baseURL = ytxBaseUrl(credentials);
	if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(baseURL)) {
		throw inputError(this, `The credential's "Custom URL" is not an http(s) URL: "${shown(baseURL)}"`, index);
	}
	request.baseURL = baseURL;
	body(request).appid = appId;
	return request;
}

/** preSend: the meeting name, trimmed, not empty, at most 255 characters. */
export async function checkMeetingName(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	body(request).meetingname = textInput(this, this.getNodeParameter('meetingName', ''), 'Meeting Name', this.getItemIndex(), {
		max: 255,
		hint: 'Give the conference a name, e.g. "Weekly sync"',
	});
	return request;
}

/** preSend: the creator's phone number. */
export async function checkCreator(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('creator', '') as unknown;
	const checked = normalizePhone(raw);
	if (!checked.ok) throw fieldError(this, 'Creator Phone', raw, checked.reason, `Expected ${PHONE_HINT}`);
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
		throw fieldError(this, field, mode === 'json' ? raw : undefined, checked.reason, 'Each participant needs a phone number; the name is shown in the conference');
	}
	body(request).parties = JSON.stringify(checked.value);
	return request;
}

/** preSend of Book / Edit Booking: `yyyy-MM-dd HH:mm` China time, in the future. */
export async function checkBookingTime(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('bookingTime', '') as unknown;
	const checked = normalizeBookTime(raw);
	if (!checked.ok) throw fieldError(this, 'Booking Time', raw, checked.reason);
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
	const id = textInput(this, this.getNodeParameter('meetingId', ''), 'Meeting ID', this.getItemIndex(), {
		hint: 'Use the meetingId returned when the conference was booked',
	});
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw fieldError(this, 'Meeting ID', id, 'is not a meeting ID (letters and digits)');
	body(request).confid = id;
	return request;
}

/** preSend: Display Number and Custom Parameter, when given. */
export async function checkOptions(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const target = body(request);
	const i = this.getItemIndex();
	const displayNumber = textInput(this, options.displayNumber, 'Display Number', i, { required: false });
	if (displayNumber) {
		const digits = displayNumber.replace(/[\s-]/g, '');
		if (!/^\d{3,20}$/.test(digits)) throw fieldError(this, 'Display Number', displayNumber, 'is not a phone number (digits only)');
		target.shownumber = digits;
	}
	// sent as given, spaces included: YTX hands it back in its callbacks
	const customParameter = textInput(this, options.customParameter, 'Custom Parameter', i, { required: false, max: 255, keep: true });
	if (customParameter !== '') target.CustomParm = customParameter;
	return request;
}
