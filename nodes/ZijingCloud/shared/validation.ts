import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';
import { kindOf, textInput } from '../../shared/textInput';
import { formatWallClockMinutes } from '../../shared/zonedTime';
import { serviceTimeZone } from './timeZone';

/** The format the booking API uses for start and end: `yyyy-MM-dd HH:mm`. */
export const BOOKING_DATE_FORMAT = 'yyyy-MM-dd HH:mm';

function refuse(ctx: IExecuteSingleFunctions, message: string, description?: string): never {
	throw inputError(ctx, message, ctx.getItemIndex(), description);
}

const shown = (value: unknown) => show(value, { text: true });

function put(request: IHttpRequestOptions, where: 'body' | 'qs', key: string, value: unknown) {
	if (where === 'qs') {
		request.qs = { ...request.qs, [key]: value as IDataObject[string] };
	} else {
		request.body = { ...(request.body as IDataObject | undefined), [key]: value as IDataObject[string] };
	}
}

interface TextRule {
	param: string;
	label: string;
	max: number;
	where: 'body' | 'qs';
	key: string;
	pattern?: RegExp;
	expected?: string;
}

/** A required text parameter, read as every text field of the pack (trimmed, not empty, at most `max` characters), then its pattern. */
function readText(ctx: IExecuteSingleFunctions, rule: Omit<TextRule, 'where' | 'key'>): string {
	// a resource locator gives its value, as n8n extracts it (a plain string stays as it is)
	const raw = ctx.getNodeParameter(rule.param, '', { extractValue: true }) as unknown;
	const text = textInput(ctx, raw, rule.label, ctx.getItemIndex(), { max: rule.max, hint: rule.expected ? `Expected ${rule.expected}` : undefined });
	if (rule.pattern && !rule.pattern.test(text)) {
		refuse(ctx, `"${rule.label}" must be ${rule.expected}, got "${shown(text)}"`);
	}
	return text;
}

function textField(rule: TextRule): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		put(request, rule.where, rule.key, readText(this, rule));
		return request;
	};
}

const CONFERENCE_NUMBER = {
	param: 'conferenceKey',
	label: 'Conference Number',
	max: 50,
	pattern: /^\S+$/,
	expected: 'the meeting room’s short number without spaces, e.g. 8000000',
};
const ACCOUNT = {
	param: 'account',
	label: 'Account',
	max: 50,
	pattern: /^[^@\s]+@[^@\s]+$/,
	expected: 'a user account in the form name@domain, e.g. admin@example.com',
};

/** `conferenceKey` in the JSON body (recording and live operations). */
export const conferenceKeyInBody = textField({ ...CONFERENCE_NUMBER, where: 'body', key: 'conferenceKey' });
/** `addr` in the query (Meeting → Get). */
export const conferenceKeyInQuery = textField({ ...CONFERENCE_NUMBER, where: 'qs', key: 'addr' });
/** `recordId` in the JSON body; a string (the samples show UUID and hex IDs), at most 50 characters. */
export const recordIdInBody = textField({
	param: 'recordId',
	label: 'Recording ID',
	max: 50,
	pattern: /^\S+$/,
	expected: 'the recordId returned by Start or Stop Recording, without spaces',
	where: 'body',
	key: 'recordId',
});
/** `account` in the query (booking lists). */
export const accountInQuery = textField({ ...ACCOUNT, where: 'qs', key: 'account' });
/** `st_id` in the JSON body (Booking → Cancel). */
export const bookingIdInBody = textField({
	param: 'bookingId',
	label: 'Booking ID',
	max: 50,
	pattern: /^\S+$/,
	expected: 'the booking’s id (from Create or Get Many), without spaces',
	where: 'body',
	key: 'st_id',
});

/** Recording → Get Files: the optional `origin` (at most 128 characters, an http(s) address), and the download settings' types. */
export async function checkOrigin(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	// the download settings are read after the answer: their types are checked before the request
	flag(this, this.getNodeParameter('download', false), 'Download Files');
	if (options.binaryPropertyName !== undefined && typeof options.binaryPropertyName !== 'string') {
		refuse(this, `"Put Output File in Field" must be text, got ${kindOf(options.binaryPropertyName)}`);
	}
	// Number.isFinite is false for anything but a finite number
	if (options.downloadTimeout !== undefined && (!Number.isFinite(options.downloadTimeout) || (options.downloadTimeout as number) < 1)) {
		refuse(this, `"Download Timeout" must be a positive number of milliseconds, got ${show(options.downloadTimeout)}`);
	}
	const body = { ...((request.body as IDataObject | undefined) ?? {}) };
	const origin = textInput(this, options.origin, 'Origin', this.getItemIndex(), { required: false, max: 128 });
	if (origin) {
		if (!httpUrl(origin)) refuse(this, `"Origin" must be an http(s) address such as https://api.example.com, got "${shown(origin)}"`);
		body.origin = origin;
	}
	request.body = body;
	return request;
}

// ---- dates --------------------------------------------------------------------------------------

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The URL, when `text` is an http(s) address (the Origin of Get Files, a recording's download link). */
export function httpUrl(text: string): URL | undefined {
	const url = URL.canParse(text) ? new URL(text) : undefined;
	return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
}

function isRealDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
	const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return d <= daysInMonth;
}

/**
 * A booking time as the API wants it (`yyyy-MM-dd HH:mm`, wall-clock time in the service's zone),
 * from what a user or an expression gives:
 * - `2026-01-30 09:00` is used as it is (after checking it is a real date and time);
 * - a date-time without offset (`2026-01-30T09:00:00`, the date picker's value) is the same
 *   wall-clock time, in the service's zone;
 * - a date-time with an offset or `Z` (`$now`, `new Date()`, an ISO string from another service) is
 *   converted to `timeZone`, the service's zone (never to the workflow's).
 * Seconds are dropped. Returns undefined when the value is not a date and time.
 */
export function toBookingTime(value: unknown, timeZone: string): string | undefined {
	let text: string;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return formatWallClockMinutes(value, timeZone);
	}
	// n8n's DateTime (Luxon); text, numbers, null and other objects have no toISO
	if (typeof (value as { toISO?: unknown } | null | undefined)?.toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return undefined;
	}
	const wall = WALL_CLOCK.exec(text);
	if (wall) {
		const [y, mo, d, h, mi, s] = wall.slice(1).map((v) => Number(v ?? 0));
		if (!isRealDateTime(y, mo, d, h, mi, s)) return undefined;
		return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
	}
	const zoned = WITH_OFFSET.exec(text);
	if (zoned) {
		const [y, mo, d, h, mi, s] = zoned.slice(1, 7).map((v) => Number(v ?? 0));
		if (!isRealDateTime(y, mo, d, h, mi, s)) return undefined;
		const instant = new Date(text);
		if (Number.isNaN(instant.getTime())) return undefined;
		return formatWallClockMinutes(instant, timeZone);
	}
	return undefined;
}

function readBookingTime(ctx: IExecuteSingleFunctions, param: string, label: string, timeZone: string): string {
	const raw = ctx.getNodeParameter(param, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		refuse(ctx, `"${label}" is empty`, `Expected ${BOOKING_DATE_FORMAT}, e.g. 2026-01-30 09:00`);
	}
	const formatted = toBookingTime(raw, timeZone);
	if (!formatted) {
		refuse(
			ctx,
			`"${label}" is not a valid date and time: "${shown(raw)}"`,
			`Expected ${BOOKING_DATE_FORMAT} (e.g. 2026-01-30 09:00, wall-clock time in ${timeZone}) or an ISO date-time with an offset; the date must exist in the calendar`,
		);
	}
	return formatted;
}

/** An optional text field of a collection (the API document gives it no length limit). */
const optionalText = (ctx: IExecuteSingleFunctions, raw: unknown, label: string, options: { secret?: boolean } = {}) =>
	textInput(ctx, raw, label, ctx.getItemIndex(), { required: false, secret: options.secret });

function idList(ctx: IExecuteSingleFunctions, raw: unknown, label: string): string {
	const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	const parts: string[] = [];
	for (const value of values) {
		// Number.isFinite is false for anything but a finite number
		if (Number.isFinite(value)) parts.push(String(value));
		else if (typeof value === 'string') parts.push(...value.split(/[,，;\s]/));
		else refuse(ctx, `"${label}" must be user IDs (text or numbers), got ${kindOf(value)}`, 'Use the id of each person from Booking → Get Contacts');
	}
	const ids = parts.filter((v) => v !== '');
	for (const id of ids) {
		if (!/^[A-Za-z0-9_-]{1,50}$/.test(id)) {
			refuse(ctx, `"${label}" must be user IDs separated by commas (e.g. 9187,9182), got "${shown(id)}"`,
				'Use the id of each person from Booking → Get Contacts');
		}
	}
	return [...new Set(ids)].join(',');
}

function roomIdOf(ctx: IExecuteSingleFunctions, raw: unknown, label: string): number | '' {
	if (raw === undefined || raw === null) return '';
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
	if (text === undefined) refuse(ctx, `"${label}" must be a room ID (the pid of Get Bookable Rooms), got ${kindOf(raw)}`);
	if (text === '') return '';
	if (!/^\d{1,15}$/.test(text)) refuse(ctx, `"${label}" must be a number (the pid of Get Bookable Rooms), got "${shown(text)}"`);
	return Number(text);
}

function flag(ctx: IExecuteSingleFunctions, raw: unknown, label: string): boolean {
	if (raw === undefined || raw === null) return false;
	if (typeof raw !== 'boolean') refuse(ctx, `"${label}" must be true or false, got ${show(raw)}`);
	return raw;
}

/**
 * Booking → Create: checks every field and writes the body the API expects, with every key present
 * (the API reads an empty string as "let the system choose" for the room and "no password" for guests).
 * Start and End go out as wall-clock time in the service's zone (the credential's "Time Zone").
 */
export async function checkBooking(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const account = readText(this, ACCOUNT);
	const theme = readText(this, { param: 'theme', label: 'Theme', max: 200, expected: 'the meeting’s subject' });
	const timeZone = await serviceTimeZone(this);
	const startDate = readBookingTime(this, 'startDate', 'Start', timeZone);
	const endDate = readBookingTime(this, 'endDate', 'End', timeZone);
	if (endDate <= startDate) {
		refuse(this, `"End" (${endDate}) must be after "Start" (${startDate})`);
	}
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	request.body = {
		account,
		theme,
		introduction: optionalText(this, extra.introduction, 'Introduction'),
		visitor_ids: idList(this, extra.participantIds, 'Participant Names or IDs'),
		startDate,
		endDate,
		isAutoOpen: flag(this, extra.autoOpen, 'Auto Open') ? 'yes' : 'no',
		pid: roomIdOf(this, extra.roomId, 'Room Name or ID'),
		shostPwd: optionalText(this, extra.hostPassword, 'Host Password', { secret: true }),
		svisitorPwd: optionalText(this, extra.guestPassword, 'Guest Password', { secret: true }),
	};
	return request;
}
