/**
 * Input checks before anything is sent: each refusal's text (field, value, item) and the limits
 * exactly at their edge, and what the checks leave out of or change in the request.
 */
import { DateTime } from 'luxon';

import { dateTimeText, zoomStartTime } from '../../nodes/ZoomMeetings/shared/time';
import { ZoomSimulator } from '../simulators/zoom';
import { s2sSetup, zoomNode, type Setup } from './common';

const sim = new ZoomSimulator();
let setup: Setup;
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	setup = s2sSetup(sim);
});

const apiCalls = () => sim.log.filter((r) => r.path.startsWith('/v2/'));
const created = () => sim.requests('POST', '/v2/users/me/meetings').map((r) => r.json as Record<string, unknown>);

// the first test of the file: it runs when the node's modules are loaded, so it also pins the date-time patterns built then
describe('Meeting → Create: Start Time', () => {
	test('the forms of a date and time that are taken, and those refused with the value and the item; a refusal from each place of a declared field', async () => {
		const forms: Array<[string, string]> = [
			['2024-09-15T10:00:00+09:00', '2024-09-15T01:00:00Z'],
			['2024-09-15 10:00:00Z', '2024-09-15T10:00:00Z'],
			['2024-09-15T10:00:00.123z', '2024-09-15T10:00:00Z'],
			['2024-09-15T10:00+0530', '2024-09-15T04:30:00Z'],
			['2024-09-15T10:00:00 -04', '2024-09-15T14:00:00Z'],
			['2024-09-15T10:00:00+23:59', '2024-09-14T10:01:00Z'],
			// without an offset: the workflow's timezone (America/New_York, summer time here)
			['2024-09-15T10:00', '2024-09-15T14:00:00Z'],
			['2024-09-15 23:59:59.250', '2024-09-16T03:59:59Z'],
			['  2024-09-15T10:00:00Z  ', '2024-09-15T10:00:00Z'],
		];
		const refused: Array<string | number> = [
			'x2024-09-15T10:00:00',
			'x2024-09-15T10:00:00Z',
			'2024-09-15T10:00:00Zx',
			'2024-09-15T10:60:00',
			'2024-09-15T10:00:60',
			'2024-02-30T10:00:00Z',
			'2024-09-15T10:00:00+24:00',
			'2024-09-15T10:00:00+05:60',
			20240915,
		];
		const inputs = [...forms.map(([start]) => start), ...refused];
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '={{ $json.start }}' }, { continueOnFail: true })],
			inputs.map((start) => ({ start })),
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.pairedItem)).toEqual(inputs.map((_, item) => ({ item })));
		expect(out.slice(0, forms.length).map((i) => i.json.error ?? i.json.start_time)).toEqual(forms.map(([, utc]) => utc));
		expect(created().map((body) => body.start_time).sort()).toEqual(forms.map(([, utc]) => utc).sort());
		expect(out.slice(forms.length).map((i) => i.json.error)).toEqual(
			refused.map(
				(start, n) =>
					`"Start Time" must be a date and time such as 2024-09-15T10:00:00 (optionally with Z or an offset like +09:00), got ${typeof start === 'string' ? `"${start}"` : String(start)} (item ${forms.length + n})`,
			),
		);

		// the table of each operation's declared fields is built when the modules load too: a refusal from each
		// place a field sits in (the top level, a collection named by its own label, Additional Fields, Update
		// Fields, Filters, Options), and the empty start of a scheduled meeting
		const checks = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meeting',
						operation: 'create',
						topic: 'Sync',
						startTime: '={{ $json.start ?? "2030-01-15T09:00:00Z" }}',
						duration: '={{ $json.duration ?? 60 }}',
						settings: { joinBeforeHost: '={{ $json.jbh ?? false }}' },
						additionalFields: { password: '={{ $json.password ?? "" }}' },
					},
					{ continueOnFail: true },
				),
			],
			[{ duration: 0 }, { jbh: 'yes' }, { password: { a: 1 } }, { start: '' }],
		);
		expect(checks.output('Zoom').map((i) => i.json.error)).toEqual([
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got 0 (item 0)',
			'"Settings → Join Before Host" must be true or false, got "yes" (item 1)',
			'"Password" must be text, got a value of type object (item 2)',
			'"Start Time" is empty: a scheduled or recurring (fixed time) meeting needs one (item 3)',
		]);
		const meeting = sim.seedMeeting();
		const update = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: String(meeting.id), updateFields: { duration: '={{ $json.duration }}' } }, { continueOnFail: true })],
			[{ duration: 0 }, { duration: 30 }],
		);
		expect(update.output('Zoom').map((i) => i.json.error)).toEqual(['"Duration (Minutes)" must be a whole number from 1 to 1440, got 0 (item 0)', undefined]);
		expect(sim.requests('PATCH').map((r) => r.json)).toEqual([{ duration: 30 }]);
		const list = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: true, filters: { type: 'soon' } })]);
		expect(list.error('Zoom')?.message).toMatch(/^"Type" must be one of Live \("live"\), .*got "soon" \(item 0\)$/);
		const remove = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'delete', meetingId: String(meeting.id), options: { cancelMeetingReminder: '={{ "yes" }}' } })]);
		expect(remove.error('Zoom')?.message).toBe('"Cancel Meeting Reminder" must be true or false, got "yes" (item 0)');
		expect(sim.requests('GET', '/v2/users/me/meetings')).toHaveLength(0);
		expect(sim.requests('DELETE')).toHaveLength(0);
	});
	test('a Date or a Luxon DateTime from an expression is taken at its instant; an object that is neither is refused', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '={{ $json.luxon ? DateTime.fromISO("2024-09-15T10:00:00+09:00", { setZone: true }) : $json.start }}' },
					{ continueOnFail: true },
				),
			],
			[{ start: new Date('2024-09-15T01:00:00Z') }, { luxon: true }, { start: { at: 'ten' } }],
		);
		expect(result.output('Zoom').map((i) => i.json.error ?? i.json.start_time)).toEqual([
			'2024-09-15T01:00:00Z',
			'2024-09-15T01:00:00Z',
			'"Start Time" must be a date and time such as 2024-09-15T10:00:00 (optionally with Z or an offset like +09:00), got {"at":"ten"} (item 2)',
		]);
		expect(created().map((body) => body.start_time)).toEqual(['2024-09-15T01:00:00Z', '2024-09-15T01:00:00Z']);
	});
});

describe('Meeting → Create: limits and recurrence', () => {
	test('topic up to 200 and agenda up to 2000 characters; one more is refused with the length', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'meeting', operation: 'create', topic: '={{ $json.topic }}', startTime: '2030-01-15T09:00:00', timezone: 'UTC', additionalFields: { agenda: '={{ $json.agenda }}' } },
					{ continueOnFail: true },
				),
			],
			[
				{ topic: 't'.repeat(201), agenda: '' },
				{ topic: 'x', agenda: 'a'.repeat(2001) },
				{ topic: ` ${'t'.repeat(200)} `, agenda: 'a'.repeat(2000) },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			`"Topic" is longer than 200 characters (201): "${'t'.repeat(40)}…" (item 0)`,
			`"Agenda" is longer than 2000 characters (2001): "${'a'.repeat(40)}…" (item 1)`,
			undefined,
		]);
		expect(created()).toEqual([{ topic: 't'.repeat(200), type: 2, start_time: '2030-01-15T09:00:00', duration: 60, timezone: 'UTC', agenda: 'a'.repeat(2000) }]);
	});

	test('empty optional fields are left out; a password that is a list is named by its kind only', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meeting',
						operation: 'create',
						topic: 'Sync',
						startTime: '2030-01-15T09:00:00Z',
						additionalFields: { password: '={{ $json.password }}', scheduleFor: '', templateId: '', agenda: 'Plan' },
						recurrence: { type: 2, weeklyDays: [] },
						type: 8,
					},
					{ continueOnFail: true },
				),
			],
			[{ password: '' }, { password: ['hunter2'] }],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([undefined, '"Password" must be text, got a value of type array (item 1)']);
		expect(JSON.stringify(result.output('Zoom'))).not.toContain('hunter2');
		expect(created()).toEqual([{ topic: 'Sync', type: 8, start_time: '2030-01-15T09:00:00Z', duration: 60, agenda: 'Plan', recurrence: { type: 2 } }]);
	});

	test('recurrence: an end date is read in the meeting’s timezone; End After Occurrences and End Date together are refused', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meeting',
						operation: 'create',
						topic: 'Sync',
						type: 8,
						startTime: '2030-01-15T09:00:00',
						timezone: 'Asia/Tokyo',
						recurrence: { type: 1, endTimes: '={{ $json.times }}', endDateTime: '={{ $json.end }}' },
					},
					{ continueOnFail: true },
				),
			],
			[
				{ times: 3, end: '2030-02-01T00:00:00' },
				{ end: '2030-02-01T00:00:00' },
				{ times: 3, end: '' },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual(['Recurrence: use either "End After Occurrences" or "End Date", not both (item 0)', undefined, undefined]);
		expect(created().map((b) => b.recurrence)).toEqual([
			{ type: 1, end_date_time: '2030-01-31T15:00:00Z' },
			{ type: 1, end_times: 3 },
		]);
	});

	test('numbers at the edges of their range, options and lists given as text with spaces', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meeting',
						operation: 'create',
						topic: 'Sync',
						type: 8,
						startTime: '2030-01-15T09:00:00Z',
						duration: '={{ $json.duration }}',
						settings: { audio: '={{ $json.audio }}' },
						recurrence: { type: 2, weeklyDays: '={{ $json.days }}' },
					},
					{ continueOnFail: true },
				),
			],
			[
				{ duration: 0, audio: 'voip', days: '2' },
				{ duration: 1, audio: ' both ', days: '2,4,' },
				{ duration: 1440, audio: 'voip', days: ' 3 , 5' },
				{ duration: '-5', audio: 'voip', days: '2' },
				{ duration: '1e3', audio: 'voip', days: '2' },
				{ duration: '', audio: 'voip', days: '2' },
				{ duration: 30, audio: 'voip', days: '2, ,4' },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got 0 (item 0)',
			undefined,
			undefined,
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got "-5" (item 3)',
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got "1e3" (item 4)',
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got "" (item 5)',
			undefined,
		]);
		expect(created().map((b) => [b.duration, (b.settings as Record<string, unknown>).audio, (b.recurrence as Record<string, unknown>).weekly_days])).toEqual([
			[1, 'both', '2,4'],
			[1440, 'voip', '3,5'],
			[30, 'voip', '2,4'],
		]);
	});

	test('a meeting without a fixed time may have no start time: none is sent', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', type: 3, startTime: '' })]);
		expect(result.error('Zoom')).toBeUndefined();
		expect(created()).toEqual([{ topic: 'Sync', type: 3 }]);
	});

	test('an empty filter from an expression is not sent (Zoom refuses "type=")', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: true, filters: { type: '={{ $json.type }}' } }, { continueOnFail: true })],
			[{ type: '' }, { type: null }, { type: 'upcoming' }, { type: 'soon' }],
		);
		// no meetings: the three lists are empty, only the refusal comes out
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			'"Type" must be one of Live ("live"), Previous Meetings ("previous_meetings"), Scheduled ("scheduled"), Upcoming ("upcoming"), Upcoming Meetings ("upcoming_meetings"), got "soon" (item 3)',
		]);
		expect(sim.requests('GET', '/v2/users/me/meetings').map((r) => r.query)).toEqual([{ page_size: '300' }, { page_size: '300' }, { type: 'upcoming', page_size: '300' }]);
	});

	test('values in another form: a number as text, numbers and booleans as text; NaN, one past the maximum and a number as a list refused', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meeting',
						operation: 'create',
						topic: 'Sync',
						type: 8,
						startTime: '2030-01-15T09:00:00Z',
						duration: '={{ $json.duration }}',
						settings: { joinBeforeHost: '={{ $json.jbh }}' },
						additionalFields: { templateId: '={{ $json.nan ? NaN : $json.template }}', scheduleFor: 'anna@example.com' },
						recurrence: { type: 2, weeklyDays: '={{ $json.days }}', repeatInterval: '={{ $json.every }}' },
					},
					{ continueOnFail: true },
				),
			],
			[
				{ template: 123, duration: '30', jbh: 'true', days: '2', every: 1 },
				{ template: 'abc', duration: ' 45 ', jbh: 'false', days: '2', every: 1 },
				{ nan: true, duration: 30, jbh: true, days: '2', every: 1 },
				{ template: 'abc', duration: 1441, jbh: true, days: '2', every: 1 },
				{ template: 'abc', duration: 30, jbh: true, days: 3, every: 1 },
				{ template: 'abc', duration: 30, jbh: true, days: '2', every: 0 },
				{ template: 'abc', duration: ['30'], jbh: true, days: '2', every: 1 },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			undefined,
			undefined,
			'"Template ID" must be text, got NaN (item 2)',
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got 1441 (item 3)',
			expect.stringMatching(/^"Recurrence → Weekly Days" must be a list of Sunday \(1\), .*got 3 \(item 4\)$/),
			'"Recurrence → Repeat Interval" must be a whole number of at least 1, got 0 (item 5)',
			'"Duration (Minutes)" must be a whole number from 1 to 1440, got ["30"] (item 6)',
		]);
		expect(created().map((b) => [b.template_id, b.schedule_for, b.duration, (b.settings as Record<string, unknown>).join_before_host])).toEqual([
			['123', 'anna@example.com', 30, true],
			['abc', 'anna@example.com', 45, false],
		]);
	});

	test('a password of 1 to 10 letters, digits, @ - _ * is sent; others are refused without showing them', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '2030-01-15T09:00:00Z', additionalFields: { password: '={{ $json.password }}' } }, { continueOnFail: true })],
			[{ password: 'Ab1@_*-x' }, { password: '!abc' }, { password: 'abc!' }, { password: 'a'.repeat(11) }, { password: 'b' }],
		);
		const out = result.output('Zoom');
		const refused = '"Password" must be 1 to 10 characters: letters, digits, @ - _ *';
		expect(out.map((i) => i.json.error)).toEqual([undefined, `${refused} (item 1)`, `${refused} (item 2)`, `${refused} (item 3)`, undefined]);
		expect(out.slice(1, 4).map((i) => (i.error as { description?: string }).description)).toEqual(Array(3).fill('The value is not shown here because it is a password'));
		expect(created().map((b) => b.password)).toEqual(['Ab1@_*-x', 'b']);
	});

	test('the agenda goes out as written; an empty topic says what to give; a null timezone and a null start of a meeting without a fixed time are left out', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'meeting', operation: 'create', topic: '={{ $json.topic }}', type: 3, startTime: '={{ null }}', timezone: '={{ null }}', additionalFields: { agenda: '={{ $json.agenda }}' } },
					{ continueOnFail: true },
				),
			],
			[{ topic: 'Sync', agenda: ' Plan\n\n ' }, { topic: 'Sync', agenda: '   ' }, { topic: ' ', agenda: 'x' }],
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.json.error)).toEqual([undefined, undefined, '"Topic" is empty (item 2)']);
		expect((out[2].error as { description?: string }).description).toBe('Give the meeting a title, e.g. "Weekly sync"');
		expect(created()).toEqual([
			{ topic: 'Sync', type: 3, agenda: ' Plan\n\n ' },
			{ topic: 'Sync', type: 3, agenda: '   ' },
		]);
	});

	test('a scheduled meeting whose timezone expression gives null is created without a timezone', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '2030-01-15T09:00:00Z', timezone: '={{ $json.zone }}' })],
			[{ zone: null }],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([undefined]);
		expect(created()).toEqual([{ topic: 'Sync', type: 2, start_time: '2030-01-15T09:00:00Z', duration: 60 }]);
	});

	test('update: an empty start time, a bad end date and no change at all are refused before sending', async () => {
		const meeting = sim.seedMeeting();
		const update = (updateFields: Record<string, unknown>, recurrence?: Record<string, unknown>) =>
			setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: String(meeting.id), updateFields, ...(recurrence ? { recurrence } : {}) })]);
		expect((await update({ startTime: '={{ null }}' })).error('Zoom')?.message).toBe('"Start Time" is empty: give the new start, or remove the field from "Update Fields" (item 0)');
		expect((await update({})).error('Zoom')?.message).toBe('Nothing to update: add at least one field under "Update Fields", "Settings" or "Recurrence" (item 0)');
		expect((await update({ duration: 30 }, { type: 1, endDateTime: 'soon' })).error('Zoom')?.message).toBe(
			'"Recurrence → End Date" must be a date and time such as 2024-09-15T10:00:00 (optionally with Z or an offset like +09:00), got "soon" (item 0)',
		);
		expect(sim.requests('PATCH')).toHaveLength(0);
	});

	test('a start time the clocks skip is checked in the meeting’s timezone, not the workflow’s', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '={{ $json.start }}', timezone: 'Europe/Berlin' }, { continueOnFail: true })],
			// skipped in Berlin; skipped in New York (the workflow's timezone) only
			[{ start: '2024-03-31T02:30:00' }, { start: '2024-03-10T02:30:00' }],
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.json.error)).toEqual([
			'"Start Time" 2024-03-31T02:30:00 does not exist in Europe/Berlin: the clocks skip that hour for daylight saving time (item 0)',
			undefined,
		]);
		expect((out[0].error as { description?: string }).description).toBe('Choose a time outside the skipped hour, or give the time with an offset (e.g. +02:00)');
		expect(created().map((b) => b.start_time)).toEqual(['2024-03-10T02:30:00']);
	});

	test('a timezone that is not text is refused, showing the value', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '2030-01-15T09:00:00', timezone: '={{ 9 }}' })]);
		expect(result.error('Zoom')?.message).toBe('"Timezone" is not an IANA timezone (e.g. Asia/Tokyo), got 9 (item 0)');
		expect(apiCalls()).toHaveLength(0);
	});
});

describe('IDs in the path', () => {
	test('a meeting UUID (recordings) must be one word of at most 100 characters', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'get', meetingId: '={{ $json.id }}' }, { continueOnFail: true })],
			[{ id: 'ab cd==' }, { id: 'u'.repeat(101) }, { id: '   ' }, { id: 'u'.repeat(100) }],
		);
		const refusal = (shown: string, item: number) => `"Meeting ID or UUID" must be a meeting ID (digits) or a meeting UUID (e.g. 4444AAAiAAAAAiAiAiiAii==), got ${shown} (item ${item})`;
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			refusal('"ab cd=="', 0),
			// a long value is shown cut after 80 characters
			refusal(`"${'u'.repeat(79)}…`, 1),
			'"Meeting" is empty (item 2)',
			'Zoom error 3301: the recording does not exist (Zoom: "This recording does not exist.")',
		]);
		expect(apiCalls().map((r) => r.path)).toEqual([`/v2/meetings/${'u'.repeat(100)}/recordings`]);
	});

	test('a meeting ID is 1 to 20 digits and nothing else; a UUID without digits is sent as it is', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.id }}' }, { continueOnFail: true })],
			[{ id: '123abc' }, { id: 'abc123' }, { id: '1'.repeat(21) }, { id: '1'.repeat(20) }],
		);
		const refusal = (shown: string, item: number) => `"Meeting ID" must be a meeting ID made of digits (e.g. 86220627999), got ${shown} (item ${item})`;
		const out = result.output('Zoom').map((i) => i.json.error);
		expect(out.slice(0, 3)).toEqual([refusal('"123abc"', 0), refusal('"abc123"', 1), refusal(`"${'1'.repeat(21)}"`, 2)]);
		expect(out[3]).toMatch(/^Zoom error 3001: /);
		const recordings = await setup.engine.run([zoomNode(setup, { resource: 'recording', operation: 'get', meetingId: '---' }, { continueOnFail: true })]);
		expect(recordings.output('Zoom')[0].json.error).toMatch(/^Zoom error 3301: /);
		expect(apiCalls().map((r) => r.path)).toEqual([`/v2/meetings/${'1'.repeat(20)}`, '/v2/meetings/---/recordings']);
	});

	test('a user must be one word of at most 128 characters without "/"', async () => {
		const long = `${'u'.repeat(116)}@example.com`;
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'user', operation: 'get', userId: '={{ $json.user }}' }, { continueOnFail: true })],
			[{ user: 'a/b' }, { user: 'anna smith' }, { user: `u${long}` }, { user: long }],
		);
		const refusal = (shown: string, item: number) => `"User" must be "me", a user ID or an email address, got ${shown} (item ${item})`;
		const out = result.output('Zoom').map((i) => i.json.error);
		expect(out.slice(0, 3)).toEqual([refusal('"a/b"', 0), refusal('"anna smith"', 1), refusal(`"${'u'.repeat(79)}…`, 2)]);
		expect(out[3]).toMatch(/^Zoom error 1001: /);
		expect(apiCalls().map((r) => r.path)).toEqual([`/v2/users/${encodeURIComponent(long)}`]);
	});

	test('recordings: an ID with dashes and spaces is sent as digits; a UUID is encoded once, twice when it starts with "/" or holds "//"', async () => {
		const ids = ['862-2062 7999', '1234abcd==', '/abc==', 'ab//c==', 'ab/c==', 'abc/', ' Ab12== ', 'Ab1 2=='];
		const missing = 'Zoom error 3301: the recording does not exist (Zoom: "This recording does not exist.")';
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'recording', operation: 'get', meetingId: '={{ $json.id }}', requestOptions: { concurrency: 1 } }, { continueOnFail: true })],
			ids.map((id) => ({ id })),
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			...Array(7).fill(missing),
			'"Meeting ID or UUID" must be a meeting ID (digits) or a meeting UUID (e.g. 4444AAAiAAAAAiAiAiiAii==), got "Ab1 2==" (item 7)',
		]);
		const removed = await setup.engine.run([zoomNode(setup, { resource: 'recording', operation: 'delete', meetingId: '862-2062 7999' }, { continueOnFail: true })]);
		expect(removed.output('Zoom')[0].json.error).toBe(missing);
		expect(apiCalls().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/meetings/86220627999/recordings',
			'GET /v2/meetings/1234abcd%3D%3D/recordings',
			'GET /v2/meetings/%252Fabc%253D%253D/recordings',
			'GET /v2/meetings/ab%252F%252Fc%253D%253D/recordings',
			'GET /v2/meetings/ab%2Fc%3D%3D/recordings',
			'GET /v2/meetings/abc%2F/recordings',
			'GET /v2/meetings/Ab12%3D%3D/recordings',
			'DELETE /v2/meetings/86220627999/recordings',
		]);
	});

	test('a user with spaces around it is trimmed', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'user', operation: 'get', userId: '={{ " me " }}' })]);
		expect(result.output('Zoom')[0].json.id).toBe(sim.owner.id);
		expect(apiCalls().map((r) => r.path)).toEqual(['/v2/users/me']);
	});

	test('a meeting ID given as a number beyond 2^53 is refused (its digits are no longer exact)', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: '={{ 2 ** 60 }}' })]);
		expect(result.error('Zoom')?.message).toBe('"Meeting ID" must be a meeting ID made of digits (e.g. 86220627999), got 1152921504606847000 (item 0)');
		expect(apiCalls()).toHaveLength(0);
	});
});

describe('Meeting Registrant → Add', () => {
	test('the first name up to 64 characters, trimmed with the email; empty optional fields left out', async () => {
		const meeting = sim.seedMeeting({ settings: { approval_type: 0 } } as never);
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{ resource: 'meetingRegistrant', operation: 'add', meetingId: String(meeting.id), email: '={{ $json.email }}', firstName: '={{ $json.first }}', additionalFields: { lastName: '' } },
					{ continueOnFail: true },
				),
			],
			[
				{ email: 'a@example.com', first: 'f'.repeat(65) },
				{ email: ' b@example.com ', first: ` ${'f'.repeat(64)} ` },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([`"First Name" is longer than 64 characters (65): "${'f'.repeat(40)}…" (item 0)`, undefined]);
		expect(sim.requests('POST', `/v2/meetings/${meeting.id}/registrants`).map((r) => r.json)).toEqual([{ email: 'b@example.com', first_name: 'f'.repeat(64) }]);
	});
});

describe('date-time values as n8n hands them over', () => {
	test('a Date, a Luxon DateTime and text give the same Zoom start time; null and undefined give none', () => {
		const instant = '2024-09-15T08:00:00Z';
		expect(dateTimeText(new Date(instant))).toBe('2024-09-15T08:00:00.000Z');
		expect(dateTimeText(DateTime.fromISO('2024-09-15T10:00:00+02:00', { setZone: true }))).toBe('2024-09-15T10:00:00.000+02:00');
		for (const value of [new Date(instant), DateTime.fromISO(instant), ` ${instant} `]) {
			expect(zoomStartTime(value, 'Asia/Tokyo', 'UTC')).toBe('2024-09-15T17:00:00');
			expect(zoomStartTime(value, undefined, 'UTC')).toBe('2024-09-15T08:00:00Z');
		}
		expect(dateTimeText(null)).toBe('');
		expect(dateTimeText(undefined)).toBe('');
		expect(zoomStartTime(null, undefined, 'UTC')).toBeUndefined();
		expect(dateTimeText(DateTime.fromISO('not a date'))).toBe('Invalid DateTime');
	});
});
