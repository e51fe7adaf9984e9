import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';

/** The format the booking API uses for start and end: `yyyy-MM-dd HH:mm`. */
export const BOOKING_DATE_FORMAT = 'yyyy-MM-dd HH:mm';

function refuse(ctx: IExecuteSingleFunctions, message: string, description?: string): never {
	throw inputError(ctx, message, ctx.getItemIndex(), description);
}

const shown = (value: unknown) => show(value, { text: true });

function put(request: IHttpRequestOptions, where: 'body' | 'qs', key: string, value: unknown) {
	if (where === 'qs') {
		request.qs = { ...(request.qs ?? {}), [key]: value as IDataObject[string] };
	} else {
		request.body = { ...((request.body as IDataObject | undefined) ?? {}), [key]: value as IDataObject[string] };
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

/** A required text parameter: trimmed, not empty, at most `max` characters, optionally a pattern. */
function readText(ctx: IExecuteSingleFunctions, rule: Omit<TextRule, 'where' | 'key'>): string {
	// a resource locator gives its value, as n8n extracts it (a plain string stays as it is)
	const raw = ctx.getNodeParameter(rule.param, '', { extractValue: true }) as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (raw !== '' && raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		refuse(ctx, `"${rule.label}" must be text, got ${shown(raw)}`);
	}
	if (!text) refuse(ctx, `"${rule.label}" is empty`, rule.expected ? `Expected ${rule.expected}` : undefined);
	if (text.length > rule.max) refuse(ctx, `"${rule.label}" is longer than ${rule.max} characters: "${shown(text)}"`);
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

/** Recording → Get Files: the optional `origin` (at most 128 characters, an http(s) address). */
export async function checkOrigin(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const body = { ...((request.body as IDataObject | undefined) ?? {}) };
	delete body.origin;
	const origin = typeof options.origin === 'string' ? options.origin.trim() : '';
	if (origin) {
		if (origin.length > 128) refuse(this, `"Origin" is longer than 128 characters: "${shown(origin)}"`);
		let valid = false;
		try {
			valid = /^https?:$/.test(new URL(origin).protocol);
		} catch {
			valid = false;
		}
		if (!valid) refuse(this, `"Origin" must be an http(s) address such as https://api.example.com, got "${shown(origin)}"`);
		body.origin = origin;
	}
	request.body = body;
	return request;
}

// ---- dates --------------------------------------------------------------------------------------

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDateTime(y: number, mo: number, d: number, h: number, mi: number, s = 0): boolean {
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
	const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return d <= daysInMonth;
}

/** An instant, written as wall-clock time in `timeZone`. */
function inTimeZone(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		})
			.formatToParts(instant)
			.map((p) => [p.type, p.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * A booking time as the API wants it (`yyyy-MM-dd HH:mm`), from what a user or an expression gives:
 * - `2026-01-30 09:00` is used as it is (after checking it is a real date and time);
 * - a date-time without offset (`2026-01-30T09:00:00`, the date picker's value) is the same wall-clock time;
 * - a date-time with an offset or `Z` (`$now`, `new Date()`, an ISO string from another service) is
 *   converted to the workflow's time zone.
 * Seconds are dropped. Returns undefined when the value is not a date and time.
 */
export function toBookingTime(value: unknown, timeZone: string): string | undefined {
	let text: string | undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return inTimeZone(value, timeZone);
	}
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else if (typeof value === 'string') {
		text = value.trim();
	}
	if (!text) return undefined;
	const wall = WALL_CLOCK.exec(text);
	if (wall) {
		const [y, mo, d, h, mi, s] = wall.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
		if (!isRealDateTime(y, mo, d, h, mi, s)) return undefined;
		return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
	}
	const zoned = WITH_OFFSET.exec(text);
	if (zoned) {
		const [y, mo, d, h, mi, s] = zoned.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
		if (!isRealDateTime(y, mo, d, h, mi, s)) return undefined;
		const instant = new Date(text);
		if (Number.isNaN(instant.getTime())) return undefined;
		return inTimeZone(instant, timeZone);
	}
	return undefined;
}

function readBookingTime(ctx: IExecuteSingleFunctions, param: string, label: string): string {
	const raw = ctx.getNodeParameter(param, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		refuse(ctx, `"${label}" is empty`, `Expected ${BOOKING_DATE_FORMAT}, e.g. 2026-01-30 09:00`);
	}
	const formatted = toBookingTime(raw, ctx.getTimezone());
	if (!formatted) {
		refuse(
			ctx,
			`"${label}" is not a valid date and time: "${shown(raw)}"`,
			`Expected ${BOOKING_DATE_FORMAT} (e.g. 2026-01-30 09:00) or an ISO date-time; the date must exist in the calendar`,
		);
	}
	return formatted;
}

function idList(ctx: IExecuteSingleFunctions, raw: unknown, label: string): string {
	const parts = (Array.isArray(raw) ? raw.map((v) => String(v)) : String(raw ?? '').split(/[,，;\s]+/))
		.map((v) => v.trim())
		.filter((v) => v !== '');
	for (const id of parts) {
		if (!/^[A-Za-z0-9_-]{1,50}$/.test(id)) {
			refuse(ctx, `"${label}" must be user IDs separated by commas (e.g. 9187,9182), got "${shown(id)}"`,
				'Use the id of each person from Booking → Get Contacts');
		}
	}
	return [...new Set(parts)].join(',');
}

function digitsOrEmpty(ctx: IExecuteSingleFunctions, raw: unknown, label: string): string {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (text && !/^\d+$/.test(text)) refuse(ctx, `"${label}" must contain digits only`);
	return text;
}

/**
 * Booking → Create: checks every field and writes the body the API expects, with every key present
 * (the API reads an empty string as "let the system choose" for the room and "no password" for guests).
 */
export async function checkBooking(this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const account = readText(this, ACCOUNT);
	const theme = readText(this, { param: 'theme', label: 'Theme', max: 200, expected: 'the meeting’s subject' });
	const startDate = readBookingTime(this, 'startDate', 'Start');
	const endDate = readBookingTime(this, 'endDate', 'End');
	if (endDate <= startDate) {
		refuse(this, `"End" (${endDate}) must be after "Start" (${startDate})`);
	}
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const roomId = extra.roomId === undefined || extra.roomId === null ? '' : String(extra.roomId).trim();
	if (roomId && !/^\d+$/.test(roomId)) {
		refuse(this, `"Room ID" must be a number (the pid of Get Bookable Rooms), got "${shown(roomId)}"`);
	}
	request.body = {
		account,
		theme,
		introduction: typeof extra.introduction === 'string' ? extra.introduction.trim() : '',
		visitor_ids: idList(this, extra.participantIds ?? '', 'Participant IDs'),
		startDate,
		endDate,
		isAutoOpen: extra.autoOpen === true ? 'yes' : 'no',
		pid: roomId ? Number(roomId) : '',
		shostPwd: digitsOrEmpty(this, extra.hostPassword, 'Host Password'),
		svisitorPwd: digitsOrEmpty(this, extra.guestPassword, 'Guest Password'),
	};
	return request;
}
