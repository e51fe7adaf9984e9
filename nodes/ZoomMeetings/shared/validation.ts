import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';
import { pathSegment } from '../../shared/pathSegment';
import { isValidTimeZone, zoomStartTime } from './time';

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

/** How each kind of ID becomes one path segment: checked, then encoded once (a UUID Zoom wants twice, twice). */
const SEGMENTS = {
	meetingId: (raw: unknown, ctx: IExecuteSingleFunctions, i: number) => normalizeMeetingId(raw, 'Meeting ID', ctx, i),
	meetingIdOrUuid: (raw: unknown, ctx: IExecuteSingleFunctions, i: number) => meetingPathSegment(raw, 'Meeting ID or UUID', ctx, i),
	userId: (raw: unknown, ctx: IExecuteSingleFunctions, i: number) => encodeURIComponent(normalizeUserId(raw, 'User', ctx, i)),
};

/**
 * An operation's URL with one ID in its path: `url` for the declaration (`{{$parameter.x}}` placed
 * as n8n places it), and the preSend that checks the ID (a resource locator's value, as n8n extracts
 * it) and writes the path again from the declared one with the ID encoded exactly once. The path is
 * built, never searched for the placed value, so it does not depend on how an engine placed it.
 */
export function idPath(path: string, kind: keyof typeof SEGMENTS): { url: string; preSend: PreSendAction } {
	const parameter = kind === 'userId' ? 'userId' : 'meetingId';
	const placeholder = `{{$parameter.${parameter}}}`;
	const at = path.indexOf(placeholder);
	if (at < 0) throw new Error(`${path} has no ${placeholder}`);
	const before = path.slice(0, at);
	const after = path.slice(at + placeholder.length);
	return {
		url: `=${path}`,
		preSend: async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
			const raw = this.getNodeParameter(parameter, undefined, { extractValue: true });
			request.url = `${before}${SEGMENTS[kind](raw, this, this.getItemIndex())}${after}`;
			return request;
		},
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

const PASSWORD = /^[A-Za-z0-9@_*-]{1,10}$/;

/**
 * preSend of Meeting → Create / Update: checks the body the declarations built and turns the
 * start time into Zoom's format (local time with a timezone, UTC `…Z` without).
 */
export async function formatMeetingBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body ?? {}) as IDataObject;
	const i = this.getItemIndex();
	if ('topic' in body) {
		const topic = typeof body.topic === 'string' ? body.topic.trim() : String(body.topic ?? '').trim();
		if (!topic) throw inputError(this, '"Topic" is empty', i, 'Give the meeting a title, e.g. "Weekly sync"');
		if (topic.length > 200) throw inputError(this, `"Topic" is longer than 200 characters (${topic.length})`, i);
		body.topic = topic;
	}
	if ('type' in body && ![1, 2, 3, 8].includes(Number(body.type))) {
		throw inputError(this, `"Type" must be 1 (instant), 2 (scheduled), 3 or 8 (recurring), got ${show(body.type)}`, i);
	}
	if ('type' in body) body.type = Number(body.type);
	if (body.timezone === '' || body.timezone === undefined || body.timezone === null) {
		delete body.timezone;
	} else if (typeof body.timezone !== 'string' || !isValidTimeZone(body.timezone)) {
		throw inputError(this, `"Timezone" is not an IANA timezone (e.g. Asia/Tokyo), got ${show(body.timezone)}`, i);
	}
	if (body.start_time === '' || body.start_time === undefined || body.start_time === null) {
		delete body.start_time;
	} else {
		const start = zoomStartTime(body.start_time, body.timezone as string | undefined, this.getTimezone());
		if (!start) {
			throw inputError(
				this,
				`"Start Time" must be a date and time such as 2024-09-15T10:00:00 (optionally with Z or an offset like +09:00), got ${show(body.start_time)}`,
				i,
			);
		}
		body.start_time = start;
	}
	if ('duration' in body) {
		const duration = Number(body.duration);
		if (!Number.isInteger(duration) || duration < 1 || duration > 1440) {
			throw inputError(this, `"Duration" must be a whole number of minutes from 1 to 1440, got ${show(body.duration)}`, i);
		}
		body.duration = duration;
	}
	if ('password' in body) {
		const password = String(body.password ?? '');
		if (password === '') delete body.password;
		else if (!PASSWORD.test(password)) {
			throw inputError(this, '"Password" must be 1 to 10 characters: letters, digits, @ - _ *', i, 'The value is not shown here because it is a password');
		}
	}
	if (typeof body.agenda === 'string' && body.agenda.length > 2000) {
		throw inputError(this, `"Agenda" is longer than 2000 characters (${body.agenda.length})`, i);
	}
	if (body.schedule_for === '') delete body.schedule_for;
	if (body.template_id === '') delete body.template_id;
	const recurrence = body.recurrence as IDataObject | undefined;
	if (recurrence) {
		if (Array.isArray(recurrence.weekly_days)) {
			if (recurrence.weekly_days.length === 0) delete recurrence.weekly_days;
			else recurrence.weekly_days = recurrence.weekly_days.join(',');
		}
		if (recurrence.end_date_time === '' || recurrence.end_date_time === undefined) {
			delete recurrence.end_date_time;
		} else {
			const end = zoomStartTime(recurrence.end_date_time, undefined, (body.timezone as string | undefined) ?? this.getTimezone());
			if (!end) throw inputError(this, `"Recurrence → End Date" must be a date and time, got ${show(recurrence.end_date_time)}`, i);
			recurrence.end_date_time = end;
		}
		if (recurrence.end_times !== undefined && recurrence.end_date_time !== undefined) {
			throw inputError(this, 'Recurrence: use either "End After Occurrences" or "End Date", not both', i);
		}
	}
	request.body = body;
	return request;
}

/** preSend of Meeting → Update: refuses an update without any change. */
export async function requireChanges(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body ?? {}) as IDataObject;
	if (Object.keys(body).length === 0) {
		throw inputError(this, 'Nothing to update: add at least one field under "Update Fields", "Settings" or "Recurrence"', this.getItemIndex());
	}
	return request;
}

