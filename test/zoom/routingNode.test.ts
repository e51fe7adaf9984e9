/**
 * Every declared Zoom Meetings operation, run by the pack's executor and by n8n-core's own
 * RoutingNode from the same simulator state: the same API requests and the same items (see
 * test/harness/differential.ts). Below the table, what the executor does differently on purpose.
 */
import { ZoomMeetings } from '../../nodes/ZoomMeetings/ZoomMeetings.node';
import { both, differentialSuite, httpErrorExplained, INPUT_ERROR_KEPT, type DiffCase, type DiffTarget } from '../harness/differential';
import { ZoomSimulator, type ZoomRegistrant } from '../simulators/zoom';
import { s2sSetup, zoomNode } from './common';

const sim = new ZoomSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

/** Values the service makes (UUIDs, links with keys, times, file, registrant and page IDs): each is replaced wherever it appears. */
const MADE = /"(?:uuid|start_url|join_url|created_at|create_time|share_url|meeting_id|play_url|download_url|next_page_token|registrant_id|id)":"([^"]{6,})"/g;

const node = new ZoomMeetings();
const target = (): DiffTarget => ({
	sim,
	node,
	setup(parameters, extra) {
		const setup = s2sSetup(sim);
		return { engine: setup.engine, node: zoomNode(setup, parameters, extra) };
	},
	authHeaders: ['authorization'],
	// the Server-to-Server token exchange is the credential's, not the operation's
	isApi: (r) => r.path.startsWith('/v2/'),
	volatile: (json) =>
		[...new Set([...json.matchAll(MADE)].map(([, made]) => made))]
			.sort((a, b) => b.length - a.length)
			.reduce((text, made) => text.split(made).join('<made>'), json),
});

const meeting = () => void sim.seedMeeting();
const meetings = (count: number) => () => {
	for (let i = 0; i < count; i++) sim.seedMeeting();
};
const registrants = (count: number) => () => {
	const { id } = sim.seedMeeting();
	const list: ZoomRegistrant[] = Array.from({ length: count }, (_, i) => ({
		id: `reg-${i}`,
		email: `p${i}@example.com`,
		first_name: `P${i}`,
		status: 'approved',
		create_time: '2024-09-01T00:00:00Z',
		join_url: `https://us06web.zoom.us/w/${id}?tk=${i}`,
	}));
	sim.registrants.set(id, list);
};
const users = (count: number) => () => {
	for (let i = 0; i < count; i++) sim.addUser({ id: `user-${i}` });
};
const recordings = () => {
	for (const day of ['2024-01-05', '2024-02-10', '2024-03-20']) sim.addRecording({ uuid: `rec-${day}`, startTime: `${day}T03:00:00Z` });
	for (let i = 0; i < 305; i++) sim.addRecording({ uuid: `feb-${i}`, startTime: `2024-02-15T0${i % 10}:00:00Z` });
};
const paths = (run: { requests: Array<{ path: string; query: Record<string, string> }> }) => run.requests.map((r) => [r.path, r.query.page_size, Boolean(r.query.next_page_token)]);

const cases: DiffCase[] = [
	{
		operation: 'meeting.create',
		title: 'false settings and a converted start time',
		parameters: {
			userId: '={{ $json.user }}',
			topic: 'Sync',
			startTime: '2024-09-15T10:00:00+09:00',
			timezone: 'Europe/Paris',
			settings: { waitingRoom: false, hostVideo: false, autoRecording: 'none', signLanguageInterpretation: false },
		},
		items: [{ user: 'me' }],
		expect(ours) {
			expect(ours.requests).toEqual([
				{
					method: 'POST',
					path: '/v2/users/me/meetings',
					query: {},
					body: {
						topic: 'Sync',
						type: 2,
						start_time: '2024-09-15T03:00:00',
						duration: 60,
						timezone: 'Europe/Paris',
						settings: { waiting_room: false, host_video: false, auto_recording: 'none', sign_language_interpretation: { enable: false } },
					},
					headers: expect.objectContaining({ accept: 'application/json', 'content-type': 'application/json' }),
				},
			]);
			expect(ours.items[0].json).toMatchObject({ topic: 'Sync', uuid: '<made>' });
		},
	},
	{
		operation: 'meeting.get',
		parameters: { meetingId: '862 2062 7999' },
		prepare: meeting,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'GET', path: '/v2/meetings/86220627999' }]);
			expect(ours.items[0].json).toMatchObject({ id: 86220627999, topic: 'Meeting 86220627999' });
		},
	},
	{
		operation: 'meeting.getAll',
		title: 'Limit over several pages',
		parameters: { userId: 'me', returnAll: false, limit: 305 },
		prepare: meetings(320),
		expect(ours) {
			expect(ours.items).toHaveLength(305);
			expect(ours.requests.map((r) => r.query.page_size).sort()).toEqual(['300', '5']);
		},
	},
	{
		operation: 'meeting.getAll',
		title: 'Return All',
		parameters: { userId: 'me', returnAll: true },
		prepare: meetings(320),
		expect(ours) {
			expect(ours.items).toHaveLength(320);
			expect(ours.requests).toHaveLength(2);
		},
	},
	{
		operation: 'meeting.update',
		title: 'outputs the changes',
		parameters: { meetingId: '86220627999', updateFields: { topic: 'New' }, settings: { muteUponEntry: false } },
		prepare: meeting,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'PATCH', body: { topic: 'New', settings: { mute_upon_entry: false } } }]);
			expect(ours.items[0].json).toEqual({ id: 86220627999, updated: true, topic: 'New', settings: { mute_upon_entry: false } });
		},
	},
	{
		operation: 'meeting.delete',
		title: 'outputs the ID',
		parameters: { meetingId: '862 2062 7999' },
		prepare: meeting,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'DELETE', path: '/v2/meetings/86220627999' }]);
			expect(ours.items[0].json).toEqual({ id: 86220627999, deleted: true });
		},
	},
	{
		operation: 'meeting.end',
		parameters: { meetingId: '86220627999' },
		prepare: meeting,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'PUT', path: '/v2/meetings/86220627999/status', body: { action: 'end' } }]);
			expect(ours.items).toHaveLength(1);
		},
	},
	{
		operation: 'meetingRegistrant.add',
		parameters: { meetingId: '86220627999', email: ' anna@example.com ', firstName: 'Anna', additionalFields: { lastName: 'Sato', country: 'JP' } },
		prepare: meeting,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'POST', body: { email: 'anna@example.com', first_name: 'Anna', last_name: 'Sato', country: 'JP' } }]);
			expect(ours.items[0].json).toMatchObject({ id: 86220627999, registrant_id: '<made>' });
		},
	},
	{
		operation: 'meetingRegistrant.add',
		title: 'a bad email refused before any request (continue-on-fail)',
		parameters: { meetingId: '86220627999', email: 'not-an-email', firstName: 'A' },
		continueOnFail: true,
		expect(ours) {
			expect(ours.requests).toEqual([]);
			expect(ours.items.map((i) => i.json.error)).toEqual(['"Email" must be an email address, got "not-an-email" (item 0)']);
		},
	},
	{
		operation: 'meetingRegistrant.getAll',
		title: 'Return All over two pages',
		parameters: { meetingId: '86220627999', returnAll: true },
		prepare: registrants(305),
		expect(ours) {
			expect(ours.items).toHaveLength(305);
			expect(ours.requests).toHaveLength(2);
		},
	},
	{
		operation: 'meetingRegistrant.getAll',
		title: 'Limit',
		parameters: { meetingId: '86220627999', returnAll: false, limit: 3 },
		prepare: registrants(10),
		expect(ours) {
			expect(ours.items.map((i) => i.json.email)).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com']);
		},
	},
	{
		operation: 'recording.get',
		title: 'a UUID that needs double encoding',
		parameters: { meetingId: '/ab//cd==' },
		prepare: () => void sim.addRecording({ uuid: '/ab//cd==', startTime: '2024-09-15T01:00:00Z' }),
		expect(ours) {
			expect(ours.requests.map((r) => r.path)).toEqual(['/v2/meetings/%252Fab%252F%252Fcd%253D%253D/recordings']);
			expect(ours.items).toHaveLength(1);
		},
	},
	{
		operation: 'recording.delete',
		parameters: { meetingId: 'rec-1', deleteAction: 'delete' },
		prepare: () => void sim.addRecording({ uuid: 'rec-1', startTime: '2024-09-15T01:00:00Z' }),
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'DELETE', path: '/v2/meetings/rec-1/recordings', query: { action: 'delete' } }]);
			expect(sim.recordings).toHaveLength(0);
		},
	},
	{
		operation: 'recording.getAll',
		title: 'Return All over monthly windows and pages',
		parameters: { userId: 'me', from: '2024-01-05T00:00:00', to: '2024-04-05T00:00:00', returnAll: true },
		prepare: recordings,
		expect(ours) {
			expect(ours.items).toHaveLength(308);
			expect(ours.requests.map((r) => [r.query.from, Boolean(r.query.next_page_token)])).toEqual([
				['2024-01-05', false],
				['2024-02-05', false],
				['2024-02-05', true],
				['2024-03-05', false],
				['2024-04-05', false],
			]);
		},
	},
	{
		operation: 'recording.getAll',
		title: 'Limit',
		parameters: { userId: 'me', from: '2024-01-05', to: '2024-04-05', returnAll: false, limit: 2 },
		prepare: recordings,
		expect(ours) {
			expect(ours.items).toHaveLength(2);
			// one recording in January's window: February's is asked for the second
			expect(ours.requests.map((r) => [r.query.from, r.query.to, r.query.page_size])).toEqual([
				['2024-01-05', '2024-02-04', '2'],
				['2024-02-05', '2024-03-04', '1'],
			]);
		},
	},
	{
		operation: 'user.get',
		parameters: { userId: 'me' },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'GET', path: '/v2/users/me' }]);
			expect(ours.items[0].json).toMatchObject({ email: 'myhost@example.com' });
		},
	},
	{
		operation: 'user.get',
		title: 'an unknown user: HTTP 404 with Zoom’s error body (continue-on-fail)',
		parameters: { userId: '={{ $json.user }}' },
		items: [{ user: 'ghost@example.com' }, { user: 'me' }],
		continueOnFail: true,
		differs: httpErrorExplained('Zoom', 404),
		expect(ours) {
			expect(ours.items[0].json.error).toBe('Zoom error 1001: the user does not exist or does not belong to this account (Zoom: "User does not exist: ghost@example.com.")');
			expect(ours.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		},
	},
	{
		operation: 'user.get',
		title: 'a dot-only path segment refused before any request (by the declaration’s preSend, so in both)',
		parameters: { userId: '..' },
		differs: INPUT_ERROR_KEPT,
		expect(ours) {
			expect(ours.requests).toEqual([]);
			expect(ours.error?.message).toBe('"User" cannot be ".." (item 0)');
		},
	},
	{
		operation: 'user.getAll',
		title: 'Return All over two pages',
		parameters: { returnAll: true, filters: { status: 'active' } },
		prepare: users(305),
		expect(ours) {
			expect(ours.items).toHaveLength(306);
			expect(paths(ours)).toEqual([
				['/v2/users', '300', false],
				['/v2/users', '300', true],
			]);
		},
	},
	{
		operation: 'user.getAll',
		title: 'Limit',
		parameters: { returnAll: false, limit: 2 },
		prepare: users(5),
		expect(ours) {
			expect(ours.items.map((i) => i.json.email)).toEqual(['myhost@example.com', 'user1@example.com']);
		},
	},
];

differentialSuite(target, cases);

describe('where the executor differs from n8n’s RoutingNode, on purpose', () => {
	test('429 retry: the executor waits Retry-After and sends again; RoutingNode fails the item with the 429', async () => {
		const { ours, n8ns } = await both(target(), { resource: 'user', operation: 'get', userId: 'me' }, {
			prepare: () => void sim.fail({ kind: 'rateLimit', retryAfter: 1 }, { match: (r) => r.path.startsWith('/v2/') }),
		});
		expect(ours.requests).toHaveLength(2);
		expect(ours.error).toBeUndefined();
		expect(ours.items[0].json).toMatchObject({ email: 'myhost@example.com' });
		expect(n8ns.requests).toHaveLength(1);
		expect(n8ns.error).toMatchObject({ httpCode: '429' });
	});

	test('a failing item stops the run: the executor starts no later item; RoutingNode has sent every item’s request', async () => {
		const parameters = { resource: 'user', operation: 'get', userId: '={{ $json.user }}', requestOptions: { concurrency: 1 } };
		const items = [{ user: 'ghost@example.com' }, { user: 'me' }, { user: 'me' }];
		const { ours, n8ns } = await both(target(), parameters, { items });
		expect(ours.requests.map((r) => r.path)).toEqual(['/v2/users/ghost%40example.com']);
		expect(n8ns.requests).toHaveLength(3);
		expect(ours.error?.httpCode).toBe(n8ns.error?.httpCode);
	});
});
