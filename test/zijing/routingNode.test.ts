/**
 * Every declared Zijing Cloud operation, run by the pack's executor and by n8n-core's own
 * RoutingNode from the same simulator state: the same requests (the storage host's included) and the
 * same items (see test/harness/differential.ts). Below the table, what the executor does
 * differently on purpose.
 */
import { ZijingCloud } from '../../nodes/ZijingCloud/ZijingCloud.node';
import { createEngine } from '../harness/engine';
import { both, differentialSuite, INPUT_ERROR_KEPT, type DiffCase, type DiffTarget } from '../harness/differential';
import { ZijingSimulator, zijingNode, type ZijingBooking } from '../simulators/zijing';

const sim = new ZijingSimulator();
const node = new ZijingCloud();
const engine = createEngine();

beforeAll(async () => {
	await sim.start();
	engine.store.add('zijing', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
});
afterAll(async () => await sim.stop());

const target = (): DiffTarget => ({
	sim,
	node,
	also: [sim.storage],
	setup: (parameters, extra) => ({ engine, node: { ...zijingNode(parameters), ...extra } }),
	authHeaders: ['auth'],
	// recording IDs, times, passwords and links are made by the service
	volatile: (json) =>
		json
			.replace(/"(createTime|randomHostPwd|shortAddress|startTime|stopTime|downUrl|sign)":"[^"]*"/g, '"$1":"<made>"')
			.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
			.replace(/"recordId":"[0-9a-f]{32}"/g, '"recordId":"<made>"'),
});

const account = 'admin@miwei.com';
const booking = (id: number, day: string): ZijingBooking => ({
	id,
	entId: 52,
	account,
	theme: `t${id}`,
	introduction: '',
	randomHostPwd: '1',
	randomVisitorPwd: '',
	sipkey: '2516',
	isAutoOpen: 'no',
	startDate: `2026-12-${day} 09:00`,
	endDate: `2026-12-${day} 10:00`,
	createSubscriber: { id: 2756, name: '蓝天' },
	createTime: '2026-11-01 00:00:00',
	shortAddress: 'x',
	bizProductId: 486,
	visitorList: [],
	startsAt: 0,
	endsAt: 0,
});
const twoBookings = () => {
	sim.bookings.set(1, booking(1, '01'));
	sim.bookings.set(2, booking(2, '02'));
};
const recording = () => {
	const meeting = sim.meetings.get('8000000')!;
	meeting.recordId = 'cid-0009';
	meeting.recordStartedAt = new Date();
};
const fileOnStorage = () => {
	const file = sim.addFile('8000000', 'cid-0001', { content: Buffer.from('fixed content') });
	// the same file name on both runs
	file.path = '/2026-11-23/8000000_094309.mp4';
	file.downUrl = `${sim.storage.url}${file.path}?sign=${encodeURIComponent(file.sign)}`;
};

const cases: DiffCase[] = [
	{
		operation: 'recording.getStatus',
		title: 'an unknown meeting in the service’s envelope (state 0, HTTP 200), continue-on-fail',
		parameters: { conferenceKey: '={{ $json.key }}' },
		items: [{ key: '8000001' }, { key: '1234' }],
		continueOnFail: true,
		expect(ours) {
			expect(ours.requests.map((r) => r.body)).toEqual(expect.arrayContaining([{ conferenceKey: '8000001' }, { conferenceKey: '1234' }]));
			expect(ours.requests).toHaveLength(2);
			expect(ours.items[0].json).toMatchObject({ conferenceKey: '8000001', live: true });
			expect(ours.items[1].json.error).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		},
	},
	{
		operation: 'live.getStatus',
		parameters: { conferenceKey: '8000001' },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'POST', path: '/meeting/getLiveRecStatus', body: { conferenceKey: '8000001' } }]);
			expect(ours.items[0].json).toMatchObject({ live: true });
		},
	},
	{
		operation: 'meeting.get',
		title: 'flat answer',
		parameters: { conferenceKey: '8000000' },
		expect(ours) {
			expect(ours.requests).toEqual([{ method: 'GET', path: '/api/getmeetinginfo', query: { addr: '8000000' }, headers: expect.objectContaining({ accept: 'application/json', 'content-type': 'application/json' }) }]);
			expect(ours.items[0].json.name).toBe('产品评审会议室');
		},
	},
	{
		operation: 'recording.start',
		parameters: { conferenceKey: '8000000' },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'POST', path: '/meeting/openRecord', body: { conferenceKey: '8000000' } }]);
			expect(ours.items.map((i) => i.json)).toEqual([{ recordId: '<uuid>' }]);
		},
	},
	{
		operation: 'recording.stop',
		parameters: { conferenceKey: '8000000' },
		prepare: recording,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ path: '/meeting/closeRecord', body: { conferenceKey: '8000000' } }]);
			expect(ours.items.map((i) => i.json)).toEqual([{ recordId: 'cid-0009' }]);
		},
	},
	{
		operation: 'recording.getFiles',
		title: 'with download: the file, and no auth header at the storage host',
		parameters: { recordId: 'cid-0001', download: true },
		prepare: fileOnStorage,
		expect(ours) {
			expect(ours.items).toHaveLength(1);
			expect(ours.items[0].binary).toEqual({ data: { fileName: '8000000_094309.mp4', mimeType: 'video/mp4', data: Buffer.from('fixed content').toString('base64') } });
			const storage = ours.requests.filter((r) => r.path.startsWith('/2026-11-23/'));
			expect(storage).toHaveLength(1);
			expect(storage[0].headers.auth).toBeUndefined();
		},
	},
	{
		operation: 'recording.deleteFile',
		parameters: { recordId: 'cid-0001' },
		// the recording's ID (what Start returned), in a service that deletes by it
		prepare: () => {
			fileOnStorage();
			sim.deleteBy = 'recording';
		},
		expect(ours) {
			expect(ours.requests).toMatchObject([{ path: '/meeting/delRecordFile', body: { recordId: 'cid-0001' } }]);
			expect(sim.files.size).toBe(0);
			expect(ours.items).toHaveLength(1);
		},
	},
	{
		operation: 'booking.create',
		title: 'a bad item refused before its request (continue-on-fail)',
		parameters: {
			account,
			theme: '={{ $json.theme }}',
			startDate: '={{ $json.start }}',
			// an instant with Z: 02:00 UTC is 10:00 in China, whatever the workflow's zone
			endDate: '2026-12-01T02:00:00Z',
			additionalFields: { participantIds: '9001,9002', roomId: '486', autoOpen: true },
		},
		items: [
			{ theme: '评审', start: '2026-12-01 09:00' },
			{ theme: '评审', start: '2026-02-30 09:00' },
		],
		continueOnFail: true,
		expect(ours) {
			expect(ours.requests).toHaveLength(1);
			expect(ours.requests[0].body).toMatchObject({ visitor_ids: '9001,9002', pid: 486, isAutoOpen: 'yes', startDate: '2026-12-01 09:00', endDate: '2026-12-01 10:00' });
			expect(ours.items[1].json.error).toBe('"Start" is not a valid date and time: "2026-02-30 09:00" (item 1)');
		},
	},
	{
		operation: 'booking.cancel',
		parameters: { bookingId: '2' },
		prepare: twoBookings,
		expect(ours) {
			expect(ours.requests).toMatchObject([{ path: '/subscribe/cancelmeet', body: { st_id: '2' } }]);
			expect(ours.items.map((i) => i.json)).toEqual([{ bookingId: '2', cancelled: true, message: '操作成功' }]);
		},
	},
	{
		operation: 'booking.cancel',
		title: 'an empty ID refused before any request',
		parameters: { bookingId: ' ' },
		differs: INPUT_ERROR_KEPT,
		expect(ours) {
			expect(ours.requests).toEqual([]);
			expect(ours.error?.message).toBe('"Booking ID" is empty (item 0)');
		},
	},
	{
		operation: 'booking.getRooms',
		parameters: { account, returnAll: false, limit: 1 },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ path: '/subscribe/getmeeting', query: { account } }]);
			expect(ours.items.map((i) => i.json.pid)).toEqual([486]);
		},
	},
	{
		operation: 'booking.getContacts',
		title: 'Limit 150 over pages of 100',
		parameters: { account, returnAll: false, limit: 150 },
		expect(ours) {
			expect(ours.items).toHaveLength(150);
			expect(ours.requests.map((r) => r.query.pageIndex)).toEqual(['1', '2']);
		},
	},
	{
		operation: 'booking.getContacts',
		title: 'Return All',
		parameters: { account, returnAll: true },
		expect(ours) {
			expect(ours.items).toHaveLength(250);
			expect(ours.requests.map((r) => r.query.pageIndex)).toEqual(['1', '2', '3']);
		},
	},
	{
		operation: 'booking.getMany',
		parameters: { account, returnAll: false, limit: 1 },
		prepare: twoBookings,
		expect(ours) {
			expect(ours.items.map((i) => i.json.id)).toEqual([1]);
		},
	},
];

differentialSuite(target, cases);

describe('where the executor differs from n8n’s RoutingNode, on purpose', () => {
	test('no redirects: the executor fails on a 3xx; RoutingNode follows it and takes the key to the other host', async () => {
		const elsewhere = `${sim.storage.url}/2026-01-01/elsewhere.mp4`;
		const { ours, n8ns } = await both(target(), { resource: 'meeting', operation: 'get', conferenceKey: '8000000' }, {
			prepare: () => void sim.fail({ kind: 'redirect', status: 302, location: elsewhere }),
		});
		expect(ours.error?.message).toMatch(/^Zijing Cloud error 302: the service answered with a redirect to 127\.0\.0\.1:\d+, which is not followed/);
		expect(ours.requests.filter((r) => r.path === '/2026-01-01/elsewhere.mp4')).toEqual([]);
		expect(n8ns.requests.filter((r) => r.path === '/2026-01-01/elsewhere.mp4')).toEqual([expect.objectContaining({ headers: expect.objectContaining({ auth: sim.publicKey }) })]);
	});
});
