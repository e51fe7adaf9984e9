/**
 * Every declared Chat&Messenger operation, run by the pack's executor and by n8n-core's own
 * RoutingNode from the same simulator state: the same requests and the same items (see
 * test/harness/differential.ts). Below the table, what the executor does differently on purpose.
 */
import { ChatMessenger } from '../../nodes/ChatMessenger/ChatMessenger.node';
import { both, comparable, differentialSuite, oneCredential, INPUT_ERROR_KEPT, type DiffCase, type DiffTarget } from '../harness/differential';
import { CamSimulator } from '../simulators/cam';
import { formJson, TYPE } from './common';

const sim = new CamSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

const node = new ChatMessenger();
const target = (): DiffTarget => ({
	sim,
	node,
	setup: oneCredential('CAM', TYPE, 'chatMessengerApi', () => ({ serverUrl: sim.url, apiToken: sim.apiToken })),
	authHeaders: ['x-cam-apitoken'],
	// chat room IDs count up across runs; quick call URLs are random
	volatile: (json) => json.replace(/1564831284\d{9}/g, '<ID>').replace(/quickcall\/[0-9a-f]{12}/g, 'quickcall/<ID>'),
});

const nextYear = new Date().getUTCFullYear() + 1;
const addRoom42 = () => void sim.addChatRoom({ id: 'room-42', name: 'Ops', createUserId: 'u1', memberUids: { u1: true } });

const cases: DiffCase[] = [
	{
		operation: 'message.send',
		title: 'to a chat room, text from an expression',
		parameters: { sendTo: 'chatRoom', roomName: 'Sales team', text: '={{ $json.text }}', recipients: 'user1@example.com', readReceipt: true },
		items: [{ text: 'a&b=c+d 🎉\n日本語' }],
		expect(ours) {
			expect(ours.requests).toHaveLength(1);
			expect(ours.requests[0]).toMatchObject({ method: 'POST', path: '/sendMessage', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
			expect(formJson(ours.requests[0].body as Record<string, string>, 'message')).toMatchObject({ panelName: 'Sales team', message: 'a&b=c+d 🎉\n日本語', isOpened: true });
			expect(ours.items).toHaveLength(1);
		},
	},
	{
		operation: 'message.send',
		title: 'an unknown room: the service’s `errors` envelope (HTTP 200), continue-on-fail',
		parameters: { sendTo: 'chatRoom', roomName: '={{ $json.room }}', text: 'hi' },
		items: [{ room: 'Sales team' }, { room: 'Nowhere' }],
		continueOnFail: true,
		expect(ours) {
			expect(ours.requests).toHaveLength(2);
			expect(ours.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(ours.items[1].json.error).toBe('Chat&Messenger error 200: the server refused the request: chat room not found: Nowhere');
		},
	},
	{
		operation: 'chatRoom.create',
		parameters: { name: 'R&D', createUserId: 'u1', additionalFields: { isPublic: true, members: { member: [{ userId: 'u1', flag: true }] } } },
		expect(ours) {
			expect(formJson(ours.requests[0].body as Record<string, string>, 'message')).toEqual({ name: 'R&D', createUserId: 'u1', isPublic: true, memberUids: { u1: true } });
			expect(ours.items[0].json).toMatchObject({ id: '<ID>', name: 'R&D', isPublic: true });
		},
	},
	{
		operation: 'chatRoom.update',
		parameters: { chatRoomId: '={{ $json.id }}', updateFields: { name: 'Ops EMEA', members: { member: [{ userId: 'u-9' }] } } },
		items: [{ id: 'room-42' }],
		prepare: addRoom42,
		expect(ours) {
			expect(formJson(ours.requests[0].body as Record<string, string>, 'message')).toEqual({ id: 'room-42', name: 'Ops EMEA', memberUids: { 'u-9': false } });
			expect(ours.items[0].json).toMatchObject({ id: 'room-42', name: 'Ops EMEA' });
		},
	},
	{
		operation: 'chatRoom.update',
		title: 'refused before any request when nothing is to change',
		parameters: { chatRoomId: 'room-42', updateFields: {} },
		differs: INPUT_ERROR_KEPT,
		expect(ours) {
			expect(ours.requests).toEqual([]);
			expect(ours.error?.message).toBe('"Update Fields" is empty: nothing to update (item 0)');
		},
	},
	{
		operation: 'conferenceRoom.getAll',
		title: 'Limit',
		parameters: { returnAll: false, limit: 2 },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'GET', path: '/getConferenceRooms' }]);
			expect(ours.items.map((i) => i.json.id)).toEqual(['room-a', 'room-b']);
		},
	},
	{
		operation: 'conferenceRoom.getAll',
		title: 'Return All',
		parameters: { returnAll: true },
		expect(ours) {
			expect(ours.items.map((i) => i.json.id)).toEqual(['room-a', 'room-b', 'room-c']);
		},
	},
	{
		operation: 'conferenceRoom.getMaster',
		parameters: { returnAll: true },
		expect(ours) {
			expect(ours.requests).toMatchObject([{ method: 'POST', path: '/getConferenceMaster' }]);
			expect(ours.items).toHaveLength(3);
		},
	},
	{
		operation: 'conferenceRoom.getReservations',
		parameters: { period: 'month', month: '2019-08', output: 'reservations' },
		expect(ours) {
			expect(formJson(ours.requests[0].body as Record<string, string>, 'message')).toEqual({ yyyyMMdd: '201908' });
			expect(ours.items.map((i) => i.json.reservationId)).toEqual(['r1', 'r2', 'r3']);
		},
	},
	{
		operation: 'quickCall.create',
		parameters: { expiresMode: 'dateTime', expiresAt: `${nextYear}-12-01T18:00:00+09:00`, password: 'pw' },
		expect(ours) {
			expect(formJson(ours.requests[0].body as Record<string, string>, 'message')).toEqual({ expiry: Date.parse(`${nextYear}-12-01T09:00:00Z`), password: 'pw' });
			expect(ours.items[0].json).toMatchObject({ url: `${sim.url}/quickcall/<ID>`, passwordProtected: true });
		},
	},
];

differentialSuite(target, cases);

describe('where the executor differs from n8n’s RoutingNode, on purpose', () => {
	test('bounded concurrency: the executor keeps at most "Max Concurrent Requests" in flight; RoutingNode sends every item at once', async () => {
		const items = Array.from({ length: 8 }, (_, i) => ({ text: `m${i}` }));
		const parameters = { resource: 'message', operation: 'send', sendTo: 'chatRoom', roomName: 'Sales team', text: '={{ $json.text }}', requestOptions: { concurrency: 2 } };
		const { ours, n8ns, maxInFlight } = await both(target(), parameters, {
			items,
			prepare: () => void sim.fail({ kind: 'delay', ms: 100 }, { times: 8 }),
		});
		expect(maxInFlight).toEqual({ ours: 2, n8ns: 8 });
		// the same messages either way
		expect(comparable(n8ns)).toEqual(comparable(ours));
	});

	test('a POST cut off after the answer began: the executor says it may have been done; RoutingNode reports a bare network error', async () => {
		const parameters = { resource: 'message', operation: 'send', sendTo: 'chatRoom', roomName: 'Sales team', text: 'hi' };
		const { ours, n8ns } = await both(target(), parameters, { prepare: () => void sim.fail({ kind: 'dropAfterHeaders' }) });
		expect(ours.requests).toHaveLength(1);
		expect(n8ns.requests).toEqual(ours.requests);
		expect(ours.error?.message).toBe('Chat&Messenger: the connection was dropped while the answer (HTTP 200) was arriving — the service may have done it: check before retrying (item 0)');
		expect(n8ns.error?.message).not.toMatch(/may have done it/);
	});
});
