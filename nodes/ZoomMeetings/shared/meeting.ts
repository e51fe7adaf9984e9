import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { isValidTimeZone, zoomStartTime } from './time';
import { inputError, normalizeMeetingId, normalizeMeetingIdOrKeep } from './transport';

const PASSWORD = /^[A-Za-z0-9@_*-]{1,10}$/;
const show = (v: unknown) => JSON.stringify(v) ?? String(v);

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

/** What Meeting → Update sent, by item context, so the output can show it (Zoom answers 204 with no body). */
const sentChanges = new WeakMap<object, IDataObject>();

/** preSend of Meeting → Update: refuses an update without any change, remembers the change. */
export async function requireChanges(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (request.body ?? {}) as IDataObject;
	if (Object.keys(body).length === 0) {
		throw inputError(this, 'Nothing to update: add at least one field under "Update Fields", "Settings" or "Recurrence"', this.getItemIndex());
	}
	sentChanges.set(this, JSON.parse(JSON.stringify(body)) as IDataObject);
	return request;
}

/** postReceive of Meeting → Update: the meeting ID, `updated: true` and the changes that were sent. */
export async function updatedMeeting(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const id = normalizeMeetingIdOrKeep(normalizeMeetingId(this.getNodeParameter('meetingId'), 'Meeting ID', this, this.getItemIndex()));
	const changes = sentChanges.get(this) ?? {};
	return [{ json: { id, updated: true, ...changes } }];
}
