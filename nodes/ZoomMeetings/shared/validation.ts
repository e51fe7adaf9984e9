import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { inputError, show } from '../../shared/errors';
import { pathSegment } from '../../shared/pathSegment';
import { textInput } from '../../shared/textInput';
import { meetingCreateDescription } from '../resources/meeting/create';
import { meetingDeleteDescription } from '../resources/meeting/delete';
import { meetingGetDescription } from '../resources/meeting/get';
import { meetingGetAllDescription } from '../resources/meeting/getAll';
import { meetingUpdateDescription } from '../resources/meeting/update';
import { registrantAddDescription } from '../resources/meetingRegistrant/add';
import { registrantGetAllDescription } from '../resources/meetingRegistrant/getAll';
import { userGetAllDescription } from '../resources/user/getAll';
import { isTimeZone } from '../../shared/zonedTime';
import { dateTimeText, skippedIn, zoomStartTime } from './time';

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

/** preSend: checks the declared query values by type and drops empty optional ones (Zoom refuses `type=` or `status=`). */
export async function dropEmptyQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	checkDeclaredFields(request, this);
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		if (value === '' || value === undefined || value === null) delete (request.qs as IDataObject)[key];
	}
	return request;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** preSend of Meeting Registrant → Add: a real email address and a first name. */
export async function checkRegistrant(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	checkDeclaredFields(request, this);
	const body = (request.body ?? {}) as IDataObject;
	const i = this.getItemIndex();
	const email = String(body.email ?? '').trim();
	if (!EMAIL.test(email)) throw inputError(this, `"Email" must be an email address, got ${show(body.email)}`, i);
	body.email = email;
	body.first_name = textInput(this, body.first_name, 'First Name', i, { max: 64 });
	for (const [key, value] of Object.entries(body)) if (value === '') delete body[key];
	return request;
}

const PASSWORD = /^[A-Za-z0-9@_*-]{1,10}$/;

interface SentField {
	label: string;
	into: 'body' | 'query';
	path: string[];
	property: INodeProperties;
}

/** The fields of a description that go into the request body or query, with their labels ("Settings → Audio"). */
function sentFields(properties: INodeProperties[], prefix = ''): SentField[] {
	const out: SentField[] = [];
	for (const property of properties) {
		const label = `${prefix}${property.displayName}`;
		const send = property.routing?.send;
		if ((send?.type === 'body' || send?.type === 'query') && typeof send.property === 'string') {
			out.push({ label, into: send.type, path: send.type === 'body' ? send.property.split('.') : [send.property], property });
		}
		if (property.type === 'collection' && Array.isArray(property.options)) {
			const inner = property.options as INodeProperties[];
			const own = ['Additional Fields', 'Update Fields', 'Filters', 'Options'].includes(property.displayName) ? prefix : `${label} → `;
			out.push(...sentFields(inner, own));
		}
	}
	return out;
}

/** The declared fields of each operation whose values go into a body or a query, by `resource.operation`. */
const DECLARED_FIELDS: Record<string, SentField[]> = {
	'meeting.create': sentFields(meetingCreateDescription),
	'meeting.update': sentFields(meetingUpdateDescription),
	'meeting.get': sentFields(meetingGetDescription),
	'meeting.getAll': sentFields(meetingGetAllDescription),
	'meeting.delete': sentFields(meetingDeleteDescription),
	'meetingRegistrant.add': sentFields(registrantAddDescription),
	'meetingRegistrant.getAll': sentFields(registrantGetAllDescription),
	'user.getAll': sentFields(userGetAllDescription),
};

/**
 * A value the body holds for a declared field, checked against the field's type before sending:
 * n8n hands over what an expression gives (an object, an array, "false"), which would otherwise be
 * stringified ("[object Object]") or sent with the wrong JSON type. Returns the value to send.
 */
function declaredValue(field: SentField, value: unknown, ctx: IExecuteSingleFunctions, i: number): unknown {
	const { label, property } = field;
	// a password's value is not shown, only its kind
	const shown = property.typeOptions?.password ? `a value of type ${Array.isArray(value) ? 'array' : typeof value}` : show(value);
	const refuse = (expected: string) => inputError(ctx, `"${label}" must be ${expected}, got ${shown}`, i);
	// a list loaded at run time (the timezones) is checked on its own
	if (property.typeOptions?.loadOptionsMethod) return value;
	switch (property.type) {
		case 'string':
			if (typeof value === 'string') return value;
			if (typeof value === 'number' && Number.isFinite(value)) return String(value);
			throw refuse('text');
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw refuse('true or false');
		case 'number': {
			const { minValue = -Infinity, maxValue = Infinity } = (property.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
			const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
			if (Number.isInteger(number) && number >= minValue && number <= maxValue) return number;
			const range = Number.isFinite(maxValue) ? ` from ${minValue} to ${maxValue}` : Number.isFinite(minValue) ? ` of at least ${minValue}` : '';
			throw refuse(`a whole number${range}`);
		}
		case 'options':
		case 'multiOptions': {
			const options = (property.options ?? []) as Array<{ name: string; value: unknown }>;
			const pick = (v: unknown) => options.find((o) => (typeof v === 'string' || typeof v === 'number') && String(o.value) === String(v).trim());
			const allowed = () => options.map((o) => `${o.name} (${JSON.stringify(o.value)})`).join(', ');
			if (property.type === 'options') {
				const found = pick(value);
				if (found) return found.value;
				throw refuse(`one of ${allowed()}`);
			}
			const list = typeof value === 'string' ? value.split(',').filter((v) => v.trim()) : value;
			if (Array.isArray(list) && list.every((v) => pick(v))) return list.map((v) => pick(v)!.value);
			throw refuse(`a list of ${allowed()}`);
		}
		default:
			return value;
	}
}

/** Checks every declared field the request's body and query hold (see `declaredValue`), in place. */
function checkDeclaredFields(request: IHttpRequestOptions, ctx: IExecuteSingleFunctions) {
	const operation = `${String(ctx.getNodeParameter('resource'))}.${String(ctx.getNodeParameter('operation'))}`;
	const i = ctx.getItemIndex();
	for (const field of DECLARED_FIELDS[operation] ?? []) {
		let holder = (field.into === 'body' ? request.body : request.qs) as IDataObject | undefined;
		for (const key of field.path.slice(0, -1)) holder = holder?.[key] as IDataObject | undefined;
		const key = field.path[field.path.length - 1];
		if (!holder || typeof holder !== 'object' || !(key in holder) || holder[key] === undefined) continue;
		// an empty optional query value is dropped, not checked
		if (field.into === 'query' && (holder[key] === '' || holder[key] === null)) continue;
		holder[key] = declaredValue(field, holder[key], ctx, i) as IDataObject[string];
	}
}

/** A date-time for Zoom, or a clear error: not a date-time, or a local time that its zone skips (daylight saving time). */
function meetingTime(ctx: IExecuteSingleFunctions, i: number, label: string, value: unknown, timezone: string | undefined, defaultZone: string): string {
	const zone = skippedIn(value, timezone ?? defaultZone);
	if (zone) {
		throw inputError(
			ctx,
			`"${label}" ${dateTimeText(value)} does not exist in ${zone}: the clocks skip that hour for daylight saving time`,
			i,
			'Choose a time outside the skipped hour, or give the time with an offset (e.g. +02:00)',
		);
	}
	const time = zoomStartTime(value, timezone, defaultZone);
	if (!time) {
		throw inputError(ctx, `"${label}" must be a date and time such as 2024-09-15T10:00:00 (optionally with Z or an offset like +09:00), got ${show(value)}`, i);
	}
	return time;
}

/** Meeting types that happen at a start time: scheduled (2) and recurring with a fixed time (8). */
const TIMED_TYPES = [2, 8];

/**
 * preSend of Meeting → Create / Update: checks the body the declarations built (each field's type,
 * before anything is sent) and turns the start time into Zoom's format (local time with a
 * timezone, UTC `…Z` without).
 */
export async function formatMeetingBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body ?? {}) as IDataObject;
	const i = this.getItemIndex();
	const operation = this.getNodeParameter('operation') as string;
	checkDeclaredFields(request, this);
	if ('topic' in body) {
		body.topic = textInput(this, body.topic, 'Topic', i, { max: 200, hint: 'Give the meeting a title, e.g. "Weekly sync"' });
	}
	if (body.timezone === '' || body.timezone === undefined || body.timezone === null) {
		delete body.timezone;
	} else if (typeof body.timezone !== 'string' || !isTimeZone(body.timezone)) {
		throw inputError(this, `"Timezone" is not an IANA timezone (e.g. Asia/Tokyo), got ${show(body.timezone)}`, i);
	}
	const emptyStart = body.start_time === '' || body.start_time === undefined || body.start_time === null;
	if (emptyStart && operation === 'create' && TIMED_TYPES.includes(Number(body.type ?? 2))) {
		throw inputError(this, '"Start Time" is empty: a scheduled or recurring (fixed time) meeting needs one', i, 'Give the start, e.g. 2024-09-15T10:00:00, or choose the type Instant');
	}
	if (emptyStart && 'start_time' in body) {
		if (operation === 'update') throw inputError(this, '"Start Time" is empty: give the new start, or remove the field from "Update Fields"', i);
		delete body.start_time;
	} else if (!emptyStart) {
		body.start_time = meetingTime(this, i, 'Start Time', body.start_time, body.timezone as string | undefined, this.getTimezone());
	}
	if ('password' in body) {
		const password = body.password as string;
		if (password === '') delete body.password;
		else if (!PASSWORD.test(password)) {
			throw inputError(this, '"Password" must be 1 to 10 characters: letters, digits, @ - _ *', i, 'The value is not shown here because it is a password');
		}
	}
	// the agenda goes out as written, line breaks and spaces included
	if (typeof body.agenda === 'string') body.agenda = textInput(this, body.agenda, 'Agenda', i, { required: false, keep: true, max: 2000 });
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
			recurrence.end_date_time = meetingTime(this, i, 'Recurrence → End Date', recurrence.end_date_time, undefined, (body.timezone as string | undefined) ?? this.getTimezone());
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

