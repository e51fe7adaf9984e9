import { ZoomSimulator } from '../simulators/zoom';
import { oauthSetup, s2sSetup, zoomNode, type Setup } from './common';

const sim = new ZoomSimulator();
let setup: Setup;
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	setup = s2sSetup(sim);
});

describe('Meeting Registrant', () => {
	test('add sends email, names and extra fields; outputs Zoom’s registration with the join URL', async () => {
		const meeting = sim.seedMeeting({ settings: { approval_type: 0 } });
		const result = await setup.engine.run([
			zoomNode(setup, {
				resource: 'meetingRegistrant',
				operation: 'add',
				meetingId: String(meeting.id),
				email: ' anna@example.com ',
				firstName: 'Anna',
				additionalFields: { lastName: 'Sato', country: 'JP', language: 'jp-JP', org: '' },
				options: { occurrenceIds: '1726365600000' },
			}),
		]);
		const [request] = sim.requests('POST', `/v2/meetings/${meeting.id}/registrants`);
		expect(request.json).toEqual({ email: 'anna@example.com', first_name: 'Anna', last_name: 'Sato', country: 'JP', language: 'jp-JP' });
		expect(request.query).toEqual({ occurrence_ids: '1726365600000' });
		const [item] = result.output('Zoom');
		expect(item.json).toMatchObject({ id: meeting.id, topic: meeting.topic, join_url: expect.stringContaining(`/w/${meeting.id}`) });
		expect(item.json.registrant_id).toBe(sim.registrants.get(meeting.id)![0].id);
	});

	test('a bad email or empty first name is refused before sending', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meetingRegistrant', operation: 'add', meetingId: '86220627999', email: '={{ $json.email }}', firstName: '={{ $json.first }}' }, { continueOnFail: true })],
			[{ email: 'not-an-email', first: 'A' }, { email: 'a@example.com', first: ' ' }, { email: 'anna smith@example.com', first: 'A' }, { email: 'anna@example.com x', first: 'A' }],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			'"Email" must be an email address, got "not-an-email" (item 0)',
			'"First Name" is empty (item 1)',
			'"Email" must be an email address, got "anna smith@example.com" (item 2)',
			'"Email" must be an email address, got "anna@example.com x" (item 3)',
		]);
		expect(sim.log).toHaveLength(0);
	});

	test('values of the wrong type are refused before sending, naming the field and the item (body and query)', async () => {
		const meeting = sim.seedMeeting();
		const result = await setup.engine.run(
			[
				zoomNode(
					setup,
					{
						resource: 'meetingRegistrant',
						operation: 'add',
						meetingId: String(meeting.id),
						email: 'anna@example.com',
						firstName: '={{ $json.first }}',
						additionalFields: { city: '={{ $json.city }}', language: '={{ $json.language }}' },
						options: { occurrenceIds: '={{ $json.occurrences }}' },
					},
					{ continueOnFail: true },
				),
			],
			[
				{ first: { name: 'Anna' }, city: 'Kyoto', language: 'jp-JP', occurrences: '' },
				{ first: 'Anna', city: ['Kyoto'], language: 'jp-JP', occurrences: '' },
				{ first: 'Anna', city: 'Kyoto', language: 'Klingon', occurrences: '' },
				{ first: 'Anna', city: 'Kyoto', language: 'jp-JP', occurrences: { a: 1 } },
			],
		);
		expect(result.output('Zoom').map((i) => i.json.error)).toEqual([
			'"First Name" must be text, got {"name":"Anna"} (item 0)',
			'"City" must be text, got ["Kyoto"] (item 1)',
			expect.stringMatching(/^"Language" must be one of Chinese \(Simplified\) \("zh-CN"\), .*got "Klingon" \(item 2\)$/),
			'"Occurrence IDs" must be text, got {"a":1} (item 3)',
		]);
		const list = await setup.engine.run([
			zoomNode(setup, { resource: 'meetingRegistrant', operation: 'getAll', meetingId: String(meeting.id), returnAll: true, filters: { status: '={{ ["approved"] }}' } }),
		]);
		expect(list.error('Zoom')?.message).toBe('"Status" must be one of Approved ("approved"), Denied ("denied"), Pending ("pending"), got ["approved"] (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	test('get many pages through the registrants with the status filter', async () => {
		const meeting = sim.seedMeeting({ settings: { approval_type: 1 } });
		sim.registrants.set(
			meeting.id,
			Array.from({ length: 320 }, (_, i) => ({
				id: `r${i}`,
				email: `p${i}@example.com`,
				first_name: `P${i}`,
				status: i % 2 ? 'pending' : 'approved',
				create_time: '2024-09-01T00:00:00Z',
				join_url: `https://us06web.zoom.us/w/${meeting.id}?tk=${i}`,
			})),
		);
		const result = await setup.engine.run([
			zoomNode(setup, { resource: 'meetingRegistrant', operation: 'getAll', meetingId: String(meeting.id), returnAll: true, filters: { status: 'pending' } }),
		]);
		expect(result.output('Zoom')).toHaveLength(160);
		expect(result.output('Zoom').every((i) => i.json.status === 'pending')).toBe(true);
		const limited = await setup.engine.run([
			zoomNode(setup, { resource: 'meetingRegistrant', operation: 'getAll', meetingId: String(meeting.id), returnAll: false, limit: 3 }),
		]);
		expect(limited.output('Zoom').map((i) => i.json.email)).toEqual(['p0@example.com', 'p2@example.com', 'p4@example.com']);
	});
});

describe('User', () => {
	test('get me, by ID and by email (OAuth2)', async () => {
		const oauth = oauthSetup(sim);
		const anna = sim.addUser({ email: 'anna@example.com' });
		const result = await oauth.engine.run(
			[zoomNode(oauth, { resource: 'user', operation: 'get', userId: '={{ $json.user }}' })],
			[{ user: 'me' }, { user: anna.id }, { user: 'Anna@Example.com' }],
		);
		expect(result.output('Zoom').map((i) => i.json.id)).toEqual([sim.owner.id, anna.id, anna.id]);
		expect(sim.requests('GET', /^\/v2\/users\//).map((r) => r.path)).toEqual(['/v2/users/me', `/v2/users/${anna.id}`, '/v2/users/Anna%40Example.com']);
	});

	test('an unknown user: code 1001 in English, paired, others go on', async () => {
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'user', operation: 'get', userId: '={{ $json.user }}' }, { continueOnFail: true })],
			[{ user: 'ghost@example.com' }, { user: 'me' }],
		);
		const out = result.output('Zoom');
		expect(out[0].json.error).toBe('Zoom error 1001: the user does not exist or does not belong to this account (Zoom: "User does not exist: ghost@example.com.")');
		expect(out[1].json.id).toBe(sim.owner.id);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('get many with status filter and Return All over several pages', async () => {
		for (let i = 0; i < 700; i++) sim.addUser({ status: i < 650 ? 'active' : 'inactive' });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'user', operation: 'getAll', returnAll: true, filters: { status: 'active' } })]);
		expect(result.output('Zoom')).toHaveLength(651);
		expect(sim.requests('GET', '/v2/users').map((r) => r.query.page_size)).toEqual(['300', '300', '300']);
		expect(sim.requests('GET', '/v2/users').every((r) => r.query.status === 'active')).toBe(true);
	});
});

describe('Answers that are not Zoom’s JSON', () => {
	test('broken JSON, an empty 200 and an HTML page are errors naming Zoom; 502 is not retried', async () => {
		const onApi = (r: { path: string }) => r.path.startsWith('/v2/');
		sim.fail({ kind: 'malformed' }, { match: onApi });
		sim.fail({ kind: 'empty' }, { match: onApi });
		sim.fail({ kind: 'html', status: 502 }, { match: onApi });
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'user', operation: 'get', userId: 'me', requestOptions: { concurrency: 1 } }, { continueOnFail: true })],
			[{}, {}, {}],
		);
		const errors = result.output('Zoom').map((i) => String(i.json.error));
		expect(errors[0]).toMatch(/^Zoom error 200: /);
		expect(errors[1]).toMatch(/^Zoom error 200: /);
		expect(errors[2]).toMatch(/^Zoom error 502: Zoom failed \(HTTP 502\)/);
		expect(sim.requests('GET', '/v2/users/me')).toHaveLength(3);
	});
});
