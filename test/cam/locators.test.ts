/**
 * Chat&Messenger: "Chat Room ID" (By ID: the service documents no call that lists chat rooms) and
 * Get Reservations' "Conference Room" (From List over getConferenceRooms, By ID) as n8n resource
 * locators. Each mode and the plain string older workflows hold run through the pack's executor and
 * n8n-core's RoutingNode with the same result; the list search runs in n8n-core's LoadOptionsContext.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ChatMessenger } from '../../nodes/ChatMessenger/ChatMessenger.node';
import { createEngine } from '../harness/engine';
import { loadOptionsContext } from '../harness/loadOptions';
import { everyString } from '../harness/runText';
import { CamSimulator } from '../simulators/cam';
import { formJson, TYPE } from './common';

const sim = new CamSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

const node = new ChatMessenger();
const declarative: INodeType = {
	description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
};

/** Runs Chat Room → Update on the seeded "Sales team" room (its ID is new after each reset), its ID in place of <ID>. */
async function run(type: string, chatRoomId: unknown, items: (id: string) => IDataObject[] = () => [{}]) {
	sim.reset();
	const room = sim.roomByName('Sales team')!;
	const hide = (value: unknown) => JSON.parse(JSON.stringify(value ?? null).split(room.id).join('<ID>'));
	const engine = createEngine({ 'test.camDeclarative': declarative });
	const credential = engine.store.add('cam', 'chatMessengerApi', { serverUrl: sim.url, apiToken: sim.apiToken });
	const value = typeof chatRoomId === 'function' ? (chatRoomId as (id: string) => unknown)(room.id) : chatRoomId;
	const parameters = { resource: 'chatRoom', operation: 'update', chatRoomId: value, updateFields: { name: 'Sales EMEA' } } as IDataObject;
	const result = await engine.run([{ name: 'CAM', type, parameters, credentials: { chatMessengerApi: credential } }], items(room.id));
	return {
		error: result.error('CAM')?.message,
		sent: hide(sim.requests('POST', '/updateChatRoom').map((r) => formJson(r.form, 'message'))),
		items: hide(result.output('CAM').map((i) => i.json)),
	};
}

test.each([
	['By ID', (id: string) => ({ __rl: true, mode: 'id', value: ` ${id} ` })],
	['By ID from an expression', () => ({ __rl: true, mode: 'id', value: '={{ $json.id }}' })],
	['a plain string (a workflow saved before the locator)', (id: string) => id],
])('Chat Room → Update %s: the room’s id in updateChatRoom, in both engines', async (_label, value) => {
	const ours = await run(TYPE, value, (id) => [{ id }]);
	expect(ours.error).toBeUndefined();
	expect(ours.sent).toEqual([{ id: '<ID>', name: 'Sales EMEA' }]);
	expect(ours.items[0]).toMatchObject({ id: '<ID>', name: 'Sales EMEA' });
	const n8ns = await run('test.camDeclarative', value, (id) => [{ id }]);
	expect(n8ns).toEqual(ours);
});

test('an empty ID from an expression is refused before any request, naming the field and the item', async () => {
	const ours = await run(TYPE, { __rl: true, mode: 'id', value: '={{ $json.id }}' }, () => [{ id: '' }]);
	expect(ours.error).toMatch(/"Chat Room ID" is empty/);
	expect(ours.sent).toEqual([]);
});

describe('Conference Room locator of Get Reservations (empty = every room)', () => {
	const reservations = async (type: string, conferenceRoom: unknown) => {
		sim.reset();
		const engine = createEngine({ 'test.camDeclarative': declarative });
		const credential = engine.store.add('cam', 'chatMessengerApi', { serverUrl: sim.url, apiToken: sim.apiToken });
		const parameters = { resource: 'conferenceRoom', operation: 'getReservations', period: 'month', month: '2019-08', output: 'reservations', conferenceRoom } as IDataObject;
		const result = await engine.run([{ name: 'CAM', type, parameters, credentials: { chatMessengerApi: credential } }]);
		return { error: result.error('CAM')?.message, ids: result.output('CAM').map((i) => i.json.reservationId), requests: sim.log.map((r) => r.path) };
	};

	test.each([
		['From List', { __rl: true, mode: 'list', value: 'room-a', cachedResultName: '会議室A (room-a)' }, ['r1', 'r2']],
		['By ID', { __rl: true, mode: 'id', value: ' room-b ' }, ['r3']],
		['empty (every room)', { __rl: true, mode: 'list', value: '' }, ['r1', 'r2', 'r3']],
		['absent (a workflow saved before the field)', undefined, ['r1', 'r2', 'r3']],
	])('%s', async (_label, value, expected) => {
		const ours = await reservations(TYPE, value);
		expect(ours).toEqual({ error: undefined, ids: expected, requests: ['/getConferenceRoomStatus'] });
		expect(await reservations('test.camDeclarative', value)).toEqual(ours);
	});
});

describe('From List: searchConferenceRooms', () => {
	const search = async (filter?: string, credential: IDataObject = { serverUrl: sim.url }) => {
		const engine = createEngine();
		engine.store.add('cam', 'chatMessengerApi', { apiToken: sim.apiToken, ...credential });
		const parameters = { resource: 'conferenceRoom', operation: 'getReservations' };
		const context = loadOptionsContext(engine, { type: TYPE, parameters, credentials: { chatMessengerApi: { id: 'cam', name: 'cam' } } }, 'conferenceRoom');
		return await node.methods.listSearch.searchConferenceRooms.call(context, filter);
	};
	beforeEach(() => sim.reset());

	test('the registered rooms (getConferenceRooms with the token header), searchable by name or ID', async () => {
		expect(await search()).toEqual({
			results: [
				{ name: '会議室A (room-a)', value: 'room-a' },
				{ name: 'Board Room (room-b)', value: 'room-b' },
				{ name: 'Phone booth (room-c)', value: 'room-c' },
			],
		});
		const [request] = sim.requests('GET', '/getConferenceRooms');
		expect(request.headers['x-cam-apitoken']).toBe(sim.apiToken);
		expect((await search('board')).results).toEqual([{ name: 'Board Room (room-b)', value: 'room-b' }]);
		expect((await search('ROOM-C')).results).toEqual([{ name: 'Phone booth (room-c)', value: 'room-c' }]);
	});

	test('an `errors` answer, an echo of the request, a redirect and another shape: explained, masked, not followed', async () => {
		sim.fail({ kind: 'status', status: 200, body: { errors: ['permission denied'] } });
		await expect(search()).rejects.toThrow(/^Chat&Messenger error/);
		sim.reset();
		sim.fail({ kind: 'echo', status: 500 });
		const echoed = await search().then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(echoed?.message).toMatch(/^Chat&Messenger error 500/);
		expect(everyString(echoed)).toContain('x-cam-apitoken');
		expect(everyString(echoed)).not.toContain(sim.apiToken);
		sim.reset();
		sim.fail({ kind: 'redirect', status: 302, location: 'https://login.example.com/' });
		await expect(search()).rejects.toThrow(/redirect to login\.example\.com, which is not followed/);
		expect(sim.log).toHaveLength(1);
		sim.reset();
		sim.fail({ kind: 'status', status: 200, body: { rooms: [] } });
		await expect(search()).rejects.toThrow('Chat&Messenger error 200: the answer to getConferenceRooms is not in the expected shape (HTTP 200, application/json, a JSON object with the key "rooms")');
	});

	test('a Server URL with trailing slashes: the call goes to the service’s own path', async () => {
		expect((await search(undefined, { serverUrl: `${sim.url}////` })).results).toHaveLength(3);
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /getConferenceRooms']);
	});

	test('a credential restricted to some domains whose Server URL is not a web address: refused before anything is sent', async () => {
		await expect(search(undefined, { serverUrl: 'chat.example.com', allowedHttpRequestDomains: 'domains', allowedDomains: 'chat.example.com' })).rejects.toThrow(
			/^Chat&Messenger: Domain not allowed: This credential is restricted from accessing chat\.example\.com\/getConferenceRooms\. Only the following domains are allowed: chat\.example\.com \(nothing was sent\)$/,
		);
		// restricted to "None": a Server URL without a host is not the node's own address (as in a run)
		await expect(search(undefined, { serverUrl: 'chat.example.com', allowedHttpRequestDomains: 'none' })).rejects.toThrow(
			'This credential is configured to prevent use within an HTTP Request node',
		);
		expect(sim.log).toEqual([]);
	});
});
