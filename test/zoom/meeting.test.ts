import { ZoomMeetings } from '../../nodes/ZoomMeetings/ZoomMeetings.node';
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

const create = (parameters: Record<string, unknown>) => ({ resource: 'meeting', operation: 'create', topic: 'Sample Meeting', startTime: '2030-01-15T09:00:00', ...parameters });
const apiCalls = () => sim.log.filter((r) => r.path.startsWith('/v2/'));

describe('Meeting → Create', () => {
	test('the seed’s example: local start time with timezone, settings with false values, ID above 2^31 kept exact', async () => {
		const result = await setup.engine.run([
			zoomNode(
				setup,
				create({
					type: 2,
					startTime: '2024-09-15T10:00:00',
					duration: 30,
					timezone: 'Asia/Tokyo',
					additionalFields: { agenda: 'This is a sample meeting' },
					settings: { hostVideo: true, participantVideo: true, joinBeforeHost: false, muteUponEntry: true, approvalType: 0, audio: 'voip', autoRecording: 'none' },
				}),
			),
		]);
		const [request] = sim.requests('POST', '/v2/users/me/meetings');
		expect(request.json).toEqual({
			topic: 'Sample Meeting',
			type: 2,
			start_time: '2024-09-15T10:00:00',
			duration: 30,
			timezone: 'Asia/Tokyo',
			agenda: 'This is a sample meeting',
			settings: { host_video: true, participant_video: true, join_before_host: false, mute_upon_entry: true, approval_type: 0, audio: 'voip', auto_recording: 'none' },
		});
		const [item] = result.output('Zoom');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.id).toBe(86220627999);
		expect((item.json.id as number) > 2 ** 31).toBe(true);
		expect(item.json.start_time).toBe('2024-09-15T01:00:00Z');
		expect(item.json.settings).toMatchObject({ join_before_host: false, auto_recording: 'none', approval_type: 0 });
		expect(item.json.join_url).toMatch(/^https:\/\/us06web\.zoom\.us\/j\/86220627999/);
	});

	test('every setting the node offers is a request field of Create and of Update, and reaches Zoom (false included)', async () => {
		// a value for each setting that differs from what the simulator gives a new meeting
		const chosen: Record<string, unknown> = { alternativeHosts: 'anna@example.com', approvalType: 0, audio: 'telephony', autoRecording: 'local', encryptionType: 'e2ee', registrationType: 3 };
		const offered = (new ZoomMeetings().description.properties.find((p) => p.name === 'settings') as { options: Array<{ name: string; type: string }> }).options;
		const settings = Object.fromEntries(offered.map((o) => [o.name, o.type === 'boolean' ? false : chosen[o.name]]));
		expect(Object.values(settings)).not.toContain(undefined);
		expect(Object.keys(settings)).not.toContain('showJoinInfo');
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run([
			zoomNode(setup, create({ startTime: '2030-01-15T09:00:00', settings })),
			zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: String(meeting.id), settings }, { name: 'Update' }),
		]);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.error('Update')).toBeUndefined();
		const created = (sim.requests('POST', '/v2/users/me/meetings')[0].json as { settings: Record<string, unknown> }).settings;
		const updated = (sim.requests('PATCH', `/v2/meetings/${meeting.id}`)[0].json as { settings: Record<string, unknown> }).settings;
		expect(created).toEqual({
			allow_multiple_devices: false,
			alternative_hosts: 'anna@example.com',
			approval_type: 0,
			audio: 'telephony',
			auto_recording: 'local',
			email_in_attendee_report: false,
			encryption_type: 'e2ee',
			host_save_video_order: false,
			host_video: false,
			join_before_host: false,
			meeting_authentication: false,
			mute_upon_entry: false,
			participant_video: false,
			private_meeting: false,
			registrants_confirmation_email: false,
			registration_type: 3,
			sign_language_interpretation: { enable: false },
			waiting_room: false,
			watermark: false,
		});
		expect(updated).toEqual(created);
		// the simulator keeps only the request fields of each operation (its defaults differ): each one arrived
		const stored = sim.meetings.get(result.output('Zoom')[0].json.id as number)!;
		expect(stored.settings).toMatchObject(created);
		expect(sim.meetings.get(meeting.id)!.settings).toMatchObject(created);
	});

	test('auto recording cloud, password, recurrence; for another user by email', async () => {
		const other = sim.addUser({ email: 'anna@example.com', timezone: 'Europe/Paris' });
		await setup.engine.run([
			zoomNode(
				setup,
				create({
					userId: ' anna@example.com ',
					type: 8,
					startTime: '2024-09-16T09:30:00',
					timezone: 'Europe/Paris',
					additionalFields: { password: 'a1@_*-', preSchedule: false },
					recurrence: { type: 2, repeatInterval: 1, weeklyDays: [2, 4], endDateTime: '2024-12-31T23:00:00Z' },
					settings: { autoRecording: 'cloud' },
				}),
			),
		]);
		const [request] = sim.requests('POST', '/v2/users/anna%40example.com/meetings');
		expect(request.json).toMatchObject({
			type: 8,
			start_time: '2024-09-16T09:30:00',
			timezone: 'Europe/Paris',
			password: 'a1@_*-',
			pre_schedule: false,
			recurrence: { type: 2, repeat_interval: 1, weekly_days: '2,4', end_date_time: '2024-12-31T23:00:00Z' },
			settings: { auto_recording: 'cloud' },
		});
		const meeting = [...sim.meetings.values()][0];
		expect(meeting.host_id).toBe(other.id);
		expect(meeting.start_time).toBe('2024-09-16T07:30:00Z');
	});

	test('Schedule For and Template ID are sent as given; empty ones are left out', async () => {
		await setup.engine.run([zoomNode(setup, create({ additionalFields: { scheduleFor: 'assistant@example.com', templateId: 'tpl-1' } }))]);
		await setup.engine.run([zoomNode(setup, create({ additionalFields: { scheduleFor: '', templateId: '' } }))]);
		const sent = sim.requests('POST', '/v2/users/me/meetings').map((r) => r.json as Record<string, unknown>);
		expect(sent).toHaveLength(2);
		expect(sent[0]).toMatchObject({ schedule_for: 'assistant@example.com', template_id: 'tpl-1' });
		expect(Object.keys(sent[1])).not.toContain('schedule_for');
		expect(Object.keys(sent[1])).not.toContain('template_id');
	});

	test('an empty Timezone (e.g. from an expression) is left out, not refused', async () => {
		const result = await setup.engine.run([zoomNode(setup, create({ timezone: '' }))]);
		expect(result.error('Zoom')).toBeUndefined();
		const [request] = sim.requests('POST', '/v2/users/me/meetings');
		expect(Object.keys(request.json as object)).not.toContain('timezone');
	});

	test('start times: an offset is converted to the chosen zone; without a zone Zoom gets UTC', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, create({ startTime: '={{ $json.start }}', timezone: '={{ $json.zone }}' }))],
			[
				{ start: '2024-09-15T10:00:00+09:00', zone: 'America/New_York' },
				{ start: '2024-09-15T10:00:00+09:00', zone: '' },
				{ start: '2024-03-10T02:30:00Z', zone: 'Asia/Kolkata' },
				{ start: '2024-09-15T10:00:00.000-04:00', zone: 'Asia/Tokyo' },
			],
		);
		expect(result.error('Zoom')).toBeUndefined();
		const sent = sim.requests('POST', '/v2/users/me/meetings').map((r) => (r.json as Record<string, unknown>).start_time).sort();
		expect(sent).toEqual(['2024-03-10T08:00:00', '2024-09-14T21:00:00', '2024-09-15T01:00:00Z', '2024-09-15T23:00:00'].sort());
		const utc = result.output('Zoom').map((i) => i.json.start_time);
		expect(utc).toEqual(['2024-09-15T01:00:00Z', '2024-09-15T01:00:00Z', '2024-03-10T02:30:00Z', '2024-09-15T14:00:00Z']);
	});

	test('a start time without offset and without timezone is read in the workflow’s timezone (default America/New_York)', async () => {
		await setup.engine.run([zoomNode(setup, create({ startTime: '2024-01-15T09:00:00' }))]);
		expect((sim.requests('POST', '/v2/users/me/meetings')[0].json as Record<string, unknown>).start_time).toBe('2024-01-15T14:00:00Z');
	});

	test('a recurring meeting without a fixed time and an empty start time is created without one', async () => {
		await setup.engine.run([zoomNode(setup, create({ type: 3, startTime: '' }))]);
		expect(sim.requests('POST', '/v2/users/me/meetings')[0].json).toEqual({ topic: 'Sample Meeting', type: 3 });
	});

	test('an instant meeting sends no start time', async () => {
		await setup.engine.run([zoomNode(setup, create({ type: 1, startTime: '2024-01-15T09:00:00', timezone: 'Asia/Tokyo' }))]);
		expect(sim.requests('POST', '/v2/users/me/meetings')[0].json).toEqual({ topic: 'Sample Meeting', type: 1 });
	});

	test('bad input is refused before any request, naming the field, the value and the item', async () => {
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					create({
						topic: '={{ $json.topic }}',
						startTime: '={{ $json.start }}',
						timezone: '={{ $json.zone }}',
						userId: '={{ $json.user }}',
						additionalFields: { password: '={{ $json.password }}' },
					}),
					{ continueOnFail: true },
				),
			],
			[
				{ topic: 'ok', start: '2024-09-15T10:00:00', zone: 'Asia/Tokyo', user: 'me', password: 'abc' },
				{ topic: '  ', start: '2024-09-15T10:00:00', zone: '', user: 'me', password: '' },
				{ topic: 'x', start: '15/09/2024 10:00', zone: '', user: 'me', password: '' },
				{ topic: 'x', start: '2024-02-30T10:00:00', zone: '', user: 'me', password: '' },
				{ topic: 'x', start: '2024-09-15T10:00:00', zone: 'Mars/Olympus', user: 'me', password: '' },
				{ topic: 'x', start: '2024-09-15T10:00:00', zone: '', user: '', password: '' },
				{ topic: 'x', start: '2024-09-15T10:00:00', zone: '', user: 'me', password: 'far-too-long-secret' },
			],
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4, 5, 6].map((item) => ({ item })));
		expect(out[0].json.id).toBe(86220627999);
		expect(out[1].json.error).toBe('"Topic" is empty (item 1)');
		expect(out[2].json.error).toMatch(/^"Start Time" must be a date and time .*got "15\/09\/2024 10:00" \(item 2\)$/);
		expect(out[3].json.error).toMatch(/^"Start Time" .*got "2024-02-30T10:00:00" \(item 3\)$/);
		expect(out[4].json.error).toBe('"Timezone" is not an IANA timezone (e.g. Asia/Tokyo), got "Mars/Olympus" (item 4)');
		expect(out[5].json.error).toBe('"User" is empty (item 5)');
		expect(out[6].json.error).toBe('"Password" must be 1 to 10 characters: letters, digits, @ - _ * (item 6)');
		expect(JSON.stringify(out)).not.toContain('far-too-long-secret');
		expect(sim.requests('POST', '/v2/users/me/meetings')).toHaveLength(1);
	});

	test('values of the wrong type (from expressions) are refused before sending, naming the field and the item; right values in text form are taken', async () => {
		const rows: Array<[Record<string, unknown>, string | Record<string, unknown>]> = [
			[{ topic: { title: 'x' } }, '"Topic" must be text, got {"title":"x"} (item 0)'],
			[{ topic: ['a', 'b'] }, '"Topic" must be text, got ["a","b"] (item 1)'],
			[{ agenda: { text: 'x' } }, '"Agenda" must be text, got {"text":"x"} (item 2)'],
			[{ password: { secret: 'hunter2' } }, '"Password" must be text, got a value of type object (item 3)'],
			[{ scheduleFor: { id: 'x' } }, '"Schedule For" must be text, got {"id":"x"} (item 4)'],
			[{ duration: [30] }, '"Duration (Minutes)" must be a whole number from 1 to 1440, got [30] (item 5)'],
			[{ duration: 1441 }, '"Duration (Minutes)" must be a whole number from 1 to 1440, got 1441 (item 6)'],
			[{ type: true }, '"Type" must be one of Instant (1), Recurring, Fixed Time (8), Recurring, No Fixed Time (3), Scheduled (2), got true (item 7)'],
			[{ hostVideo: 'no' }, '"Settings → Host Video" must be true or false, got "no" (item 8)'],
			[{ audio: 'loud' }, '"Settings → Audio" must be one of Computer Audio (VoIP) ("voip"), Telephone and Computer Audio ("both"), Telephone Only ("telephony"), got "loud" (item 9)'],
			[{ alternativeHosts: ['a@example.com'] }, '"Settings → Alternative Hosts" must be text, got ["a@example.com"] (item 10)'],
			[{ repeatInterval: 'often' }, '"Recurrence → Repeat Interval" must be a whole number of at least 1, got "often" (item 11)'],
			[{ weeklyDays: [2, 9] }, '"Recurrence → Weekly Days" must be a list of Sunday (1), Monday (2), Tuesday (3), Wednesday (4), Thursday (5), Friday (6), Saturday (7), got [2,9] (item 12)'],
			// the same fields in text form, as an expression may give them
			[
				{ topic: 1234, duration: '45', password: 123456, hostVideo: 'false', audio: 'voip', repeatInterval: '2', weeklyDays: '2,4' },
				{ topic: '1234', duration: 45, type: 8, password: '123456', settings: { host_video: false, audio: 'voip' }, recurrence: { type: 2, repeat_interval: 2, weekly_days: '2,4' } },
			],
			[{ type: '1' }, { topic: 'Sync', type: 1 }],
		];
		const value = (key: string) => `={{ $json.${key} }}`;
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					create({
						topic: '={{ $json.topic ?? "Sync" }}',
						type: '={{ $json.type ?? 8 }}',
						duration: '={{ $json.duration ?? 30 }}',
						additionalFields: { agenda: '={{ $json.agenda ?? "" }}', password: '={{ $json.password ?? "" }}', scheduleFor: '={{ $json.scheduleFor ?? "" }}' },
						settings: { hostVideo: '={{ $json.hostVideo ?? true }}', audio: '={{ $json.audio ?? "voip" }}', alternativeHosts: '={{ $json.alternativeHosts ?? "" }}' },
						recurrence: { type: 2, repeatInterval: '={{ $json.repeatInterval ?? 1 }}', weeklyDays: value('weeklyDays ?? [2]') },
					}),
					{ continueOnFail: true },
				),
			],
			rows.map(([item]) => item as Record<string, never>),
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.pairedItem)).toEqual(rows.map((_r, item) => ({ item })));
		rows.forEach(([, expected], i) => {
			if (typeof expected === 'string') expect(out[i].json.error).toBe(expected);
		});
		expect(out.slice(-2).map((i) => i.json.error)).toEqual([undefined, undefined]);
		const sent = sim.requests('POST', '/v2/users/me/meetings').map((r) => r.json as Record<string, unknown>);
		expect(sent).toHaveLength(2);
		expect(sent.find((b) => b.type === 8)).toMatchObject(rows[rows.length - 2][1] as Record<string, unknown>);
		expect(sent.find((b) => b.type === 1)).toMatchObject(rows[rows.length - 1][1] as Record<string, unknown>);
		expect(JSON.stringify(out)).not.toContain('[object Object]');
		expect(JSON.stringify(out)).not.toContain('hunter2');
	});

	test('an empty start time is an error for a scheduled or recurring (fixed time) meeting, and in Update Fields', async () => {
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run(
			[
				zoomNode(setup, create({ type: '={{ $json.type }}', startTime: '={{ $json.start }}' }), { continueOnFail: true }),
			],
			[{ type: 2, start: '' }, { type: 8, start: '' }, { type: 2, start: null }],
		);
		const out = result.output('Zoom');
		expect(out).toHaveLength(3);
		for (const [i, item] of out.entries()) {
			expect(item.json.error).toBe(`"Start Time" is empty: a scheduled or recurring (fixed time) meeting needs one (item ${i})`);
			expect(item.error?.description).toBe('Give the start, e.g. 2024-09-15T10:00:00, or choose the type Instant');
		}
		const update = await setup.engine.run([
			zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: String(meeting.id), updateFields: { startTime: '', topic: 'Moved' } }),
		]);
		expect(update.error('Zoom')?.message).toBe('"Start Time" is empty: give the new start, or remove the field from "Update Fields" (item 0)');
		expect(apiCalls()).toHaveLength(0);
	});

	test('a start time the clocks skip for daylight saving time is refused, naming the time and the zone', async () => {
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run(
			[zoomNode(setup, create({ startTime: '={{ $json.start }}', timezone: '={{ $json.zone }}', recurrence: { endDateTime: '={{ $json.end }}' }, type: '={{ $json.type }}' }), { continueOnFail: true })],
			[
				{ type: 2, start: '2024-03-10T02:30:00', zone: 'America/New_York' },
				// without a timezone, the workflow's (America/New_York here)
				{ type: 2, start: '2024-03-10T02:00:00', zone: '' },
				{ type: 2, start: '2025-03-30T02:15:00', zone: 'Europe/Paris' },
				{ type: 8, start: '2025-03-01T10:00:00', zone: 'Europe/Paris', end: '2025-03-30T02:30:00' },
				// the same hour with an offset is a real instant, and the repeated hour in autumn exists
				{ type: 2, start: '2024-03-10T02:30:00-05:00', zone: 'America/New_York' },
				{ type: 2, start: '2024-11-03T01:30:00', zone: 'America/New_York' },
			],
		);
		const out = result.output('Zoom');
		expect(out[0].json.error).toBe('"Start Time" 2024-03-10T02:30:00 does not exist in America/New_York: the clocks skip that hour for daylight saving time (item 0)');
		expect(out[1].json.error).toBe('"Start Time" 2024-03-10T02:00:00 does not exist in America/New_York: the clocks skip that hour for daylight saving time (item 1)');
		expect(out[2].json.error).toBe('"Start Time" 2025-03-30T02:15:00 does not exist in Europe/Paris: the clocks skip that hour for daylight saving time (item 2)');
		expect(out[3].json.error).toBe('"Recurrence → End Date" 2025-03-30T02:30:00 does not exist in Europe/Paris: the clocks skip that hour for daylight saving time (item 3)');
		expect(out[4].json.error).toBeUndefined();
		expect(out[5].json.error).toBeUndefined();
		expect(sim.requests('POST', '/v2/users/me/meetings').map((r) => (r.json as Record<string, unknown>).start_time).sort()).toEqual(['2024-03-10T03:30:00', '2024-11-03T01:30:00']);
		const update = await setup.engine.run([
			zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: String(meeting.id), updateFields: { startTime: '2024-03-31T01:30:00', timezone: 'Europe/London' } }),
		]);
		expect(update.error('Zoom')?.message).toBe('"Start Time" 2024-03-31T01:30:00 does not exist in Europe/London: the clocks skip that hour for daylight saving time (item 0)');
		expect(update.error('Zoom')?.description).toBe('Choose a time outside the skipped hour, or give the time with an offset (e.g. +02:00)');
		expect(sim.requests('PATCH')).toHaveLength(0);
	});

	test('Zoom’s refusal becomes an error with its code, English text and original message', async () => {
		const result = await setup.engine.run([zoomNode(setup, create({ userId: 'nobody@example.com' }))]);
		const error = result.error('Zoom');
		expect(error?.message).toBe('Zoom error 1001: the user does not exist or does not belong to this account (Zoom: "User does not exist: nobody@example.com.")');
	});

	test('429 with Retry-After is waited out and the meeting created once', async () => {
		sim.fail({ kind: 'rateLimit', retryAfter: 0 }, { match: (r) => r.method === 'POST' && r.path.endsWith('/meetings') });
		const result = await setup.engine.run([zoomNode(setup, create({}))]);
		expect(result.output('Zoom')[0].json.topic).toBe('Sample Meeting');
		expect(sim.requests('POST', '/v2/users/me/meetings')).toHaveLength(2);
		expect(sim.meetings.size).toBe(1);
	});

	test('a 500 is not retried (creating twice would duplicate the meeting)', async () => {
		sim.fail({ kind: 'status', status: 500, body: { code: 500, message: 'Internal error' } }, { match: (r) => r.path.startsWith('/v2/') });
		const result = await setup.engine.run([zoomNode(setup, create({}))]);
		expect(result.error('Zoom')?.message).toMatch(/^Zoom error 500: /);
		expect(sim.requests('POST', '/v2/users/me/meetings')).toHaveLength(1);
	});
});

describe('Meeting → Get / Update / Delete / End', () => {
	test('get accepts the ID with spaces as shown in Zoom, or as a number', async () => {
		const meeting = sim.seedMeeting();
		const spaced = String(meeting.id).replace(/^(\d{3})(\d{4})(\d+)$/, '$1 $2 $3');
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.id }}' })], [{ id: spaced }, { id: meeting.id }]);
		expect(result.output('Zoom').map((i) => i.json.uuid)).toEqual([meeting.uuid, meeting.uuid]);
		expect(sim.requests('GET').map((r) => r.path)).toEqual([`/v2/meetings/${meeting.id}`, `/v2/meetings/${meeting.id}`]);
	});

	test('get of a missing meeting: code 3001 in English; a non-numeric ID is refused before sending', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.id }}' }, { continueOnFail: true })],
			[{ id: '99999999999' }, { id: 'abc' }],
		);
		const out = result.output('Zoom');
		expect(out[0].json.error).toBe('Zoom error 3001: the meeting does not exist or has expired (Zoom: "Meeting does not exist: 99999999999.")');
		expect(out[1].json.error).toBe('"Meeting ID" must be a meeting ID made of digits (e.g. 86220627999), got "abc" (item 1)');
		expect(apiCalls()).toHaveLength(1);
	});

	test('update sends a PATCH with the changes (false included) and outputs them instead of an empty item', async () => {
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run([
			zoomNode(setup, {
				resource: 'meeting',
				operation: 'update',
				meetingId: String(meeting.id),
				updateFields: { startTime: '2024-09-21T12:00:00Z', timezone: 'Asia/Tokyo', topic: 'Moved' },
				settings: { waitingRoom: false, hostVideo: false },
			}),
		]);
		const [request] = sim.requests('PATCH', `/v2/meetings/${meeting.id}`);
		expect(request.json).toEqual({ start_time: '2024-09-21T21:00:00', timezone: 'Asia/Tokyo', topic: 'Moved', settings: { waiting_room: false, host_video: false } });
		expect(result.output('Zoom')[0].json).toEqual({
			id: meeting.id,
			updated: true,
			start_time: '2024-09-21T21:00:00',
			timezone: 'Asia/Tokyo',
			topic: 'Moved',
			settings: { waiting_room: false, host_video: false },
		});
		expect(sim.meetings.get(meeting.id)).toMatchObject({ topic: 'Moved', start_time: '2024-09-21T12:00:00Z', settings: { waiting_room: false, host_video: false } });
	});

	test('update without any change is refused before sending', async () => {
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: '86220627999' })]);
		expect(result.error('Zoom')?.message).toMatch(/^Nothing to update/);
		expect(apiCalls()).toHaveLength(0);
	});

	test('delete (204) outputs the ID; the options go into the query', async () => {
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'meeting', operation: 'delete', meetingId: String(meeting.id), options: { scheduleForReminder: false, cancelMeetingReminder: true } }),
		]);
		expect(result.output('Zoom')[0].json).toEqual({ id: meeting.id, deleted: true });
		expect(sim.requests('DELETE')[0].query).toEqual({ schedule_for_reminder: 'false', cancel_meeting_reminder: 'true' });
		expect(sim.meetings.has(meeting.id)).toBe(false);
	});

	test('a meeting picked with the resource locator: update, end and delete output its ID', async () => {
		const meeting = sim.seedMeeting({ status: 'started' });
		const picked = { __rl: true, mode: 'id', value: ` ${meeting.id} ` };
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'meeting', operation: 'update', meetingId: picked, updateFields: { topic: 'Moved' } }, { name: 'Update' }),
			zoomNode(setup, { resource: 'meeting', operation: 'end', meetingId: picked }, { name: 'End' }),
			zoomNode(setup, { resource: 'meeting', operation: 'delete', meetingId: picked }, { name: 'Delete' }),
		]);
		expect(result.output('Update')[0].json).toEqual({ id: meeting.id, updated: true, topic: 'Moved' });
		expect(result.output('End')[0].json).toEqual({ id: meeting.id, ended: true });
		expect(result.output('Delete')[0].json).toEqual({ id: meeting.id, deleted: true });
	});

	test('end sends PUT /meetings/{id}/status {"action":"end"}', async () => {
		const meeting = sim.seedMeeting({ status: 'started' });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'end', meetingId: String(meeting.id) })]);
		const [request] = sim.requests('PUT', `/v2/meetings/${meeting.id}/status`);
		expect(request.json).toEqual({ action: 'end' });
		expect(result.output('Zoom')[0].json).toEqual({ id: meeting.id, ended: true });
		expect(sim.meetings.get(meeting.id)?.status).toBe('finished');
	});
});

describe('Meeting → Get Many', () => {
	test('Return All pages through next_page_token with 300 per page', async () => {
		for (let i = 0; i < 650; i++) sim.seedMeeting();
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: true })]);
		const out = result.output('Zoom');
		expect(out).toHaveLength(650);
		expect(new Set(out.map((i) => i.json.id)).size).toBe(650);
		expect(out.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = sim.requests('GET', '/v2/users/me/meetings');
		expect(pages.map((p) => p.query.page_size)).toEqual(['300', '300', '300']);
		expect(pages[0].query.next_page_token).toBeUndefined();
		expect(pages[1].query.next_page_token).toMatch(/^[0-9a-f]+$/);
	});

	test('Limit stops as soon as enough came; the type filter is sent', async () => {
		for (let i = 0; i < 40; i++) sim.seedMeeting({ start_time: '2020-01-01T00:00:00Z' });
		for (let i = 0; i < 5; i++) sim.seedMeeting();
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: false, limit: 35, filters: { type: 'previous_meetings' } }),
		]);
		expect(result.output('Zoom')).toHaveLength(35);
		const pages = sim.requests('GET', '/v2/users/me/meetings');
		expect(pages).toHaveLength(1);
		expect(pages[0].query).toEqual({ type: 'previous_meetings', page_size: '35' });
	});

	test('a limit above 300 takes two pages', async () => {
		for (let i = 0; i < 400; i++) sim.seedMeeting();
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: false, limit: 310 })]);
		expect(result.output('Zoom')).toHaveLength(310);
		expect(sim.requests('GET', '/v2/users/me/meetings').map((p) => p.query.page_size)).toEqual(['300', '10']);
	});
});
