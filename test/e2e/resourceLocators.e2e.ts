/**
 * Resource locators in the real, pinned n8n: a workflow whose nodes use every locator (Zoom meeting
 * and user, Zijing conference number, Chat&Messenger chat room and conference room) in each of its
 * modes (and the plain string a workflow saved before the locators holds) runs through `n8n execute`
 * against the sandbox simulators, and the editor's "From List" request
 * (`POST /rest/dynamic-node-parameters/resource-locator-results`) searches and pages each list.
 *
 *   npx jest -c test/e2e/jest.config.js --runInBand test/e2e/resourceLocators.e2e.ts
 */
import fs from 'node:fs';
import path from 'node:path';

import { buildAndPack, importCredentials, N8nServer, n8nInstall, nodeType, outputOf, prepareUserFolder } from '../../scripts/n8n-lib';
import { startSandbox, type Sandbox } from '../sandbox';
import type { CamSimulator } from '../simulators/cam';
import type { ZijingSimulator } from '../simulators/zijing';
import type { ZoomSimulator } from '../simulators/zoom';

let server: N8nServer | undefined;
let sandbox: Sandbox | undefined;
let userFolder = '';
let failed = false;

const ZOOM = { zoomMeetingsServerToServerApi: { id: 'sbxZoomS2S000001', name: 'Zoom Server-to-Server (sandbox)' } };
const ZIJING = { zijingCloudApi: { id: 'sbxZijing0000001', name: 'Zijing Cloud (sandbox)' } };
const CAM = { chatMessengerApi: { id: 'sbxChatMessenger', name: 'Chat&Messenger (sandbox)' } };

beforeAll(async () => {
	const install = n8nInstall();
	userFolder = prepareUserFolder(buildAndPack());
	sandbox = await startSandbox();
	await importCredentials(userFolder, sandbox.credentials, install);
	server = await N8nServer.start({ userFolder, install });
	process.once('exit', () => server?.killNow());
	await server.setupOwner();
}, 20 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
	if (userFolder && (process.env.KEEP_N8N_FOLDER === '1' || failed)) {
		process.stderr.write(`n8n user folder kept: ${userFolder} (log: ${path.join(userFolder, 'n8n.log')})\n`);
	} else if (userFolder) {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}, 60_000);

const zoom = () => sandbox!.get<ZoomSimulator>('zoom');
const zijing = () => sandbox!.get<ZijingSimulator>('zijing');
const cam = () => sandbox!.get<CamSimulator>('cam');
const rl = (mode: string, value: string, cachedResultName?: string) => ({ __rl: true, mode, value, ...(cachedResultName ? { cachedResultName } : {}) });

/** A manual workflow: the trigger, then the given nodes one after the other. */
function chain(name: string, nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; credentials: object; executeOnce?: boolean }>) {
	const all = [
		{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
		...nodes.map((n, i) => ({ id: `node${i}`, typeVersion: 1, position: [220 * (i + 1), 0] as [number, number], ...n })),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

async function runWorkflow(workflow: ReturnType<typeof chain>) {
	try {
		const created = await server!.createWorkflow(workflow as never);
		return await server!.execute(created.id);
	} catch (error) {
		failed = true;
		if (error instanceof Error) error.message += `\n--- last lines of ${server!.logFile} ---\n${server!.logTail(40)}`;
		throw error;
	}
}

test('a workflow with every locator in every mode runs, and each node acts on the resource it names', async () => {
	const meeting = zoom().seedMeeting({ topic: 'Locator review' });
	const user = zoom().addUser({ email: 'locator+e2e@example.com', first_name: 'Lou' });
	const room = cam().roomByName('Sales team')!;
	const zoomGet = (name: string, meetingId: unknown) => ({
		name,
		type: nodeType('zoomMeetings'),
		parameters: { authentication: 'serverToServerOAuth', resource: 'meeting', operation: 'get', meetingId },
		credentials: ZOOM,
	});
	const userGet = (name: string, userId: unknown) => ({
		name,
		type: nodeType('zoomMeetings'),
		parameters: { authentication: 'serverToServerOAuth', resource: 'user', operation: 'get', userId },
		credentials: ZOOM,
	});
	const roomStatus = (name: string, conferenceKey: unknown) => ({
		name,
		type: nodeType('zijingCloud'),
		parameters: { resource: 'recording', operation: 'getStatus', conferenceKey },
		credentials: ZIJING,
	});
	const chatRoomUpdate = (name: string, chatRoomId: unknown, newName: string) => ({
		name,
		type: nodeType('chatMessenger'),
		parameters: { resource: 'chatRoom', operation: 'update', chatRoomId, updateFields: { name: newName } },
		credentials: CAM,
	});
	const reservations = (name: string, conferenceRoom: unknown) => ({
		name,
		type: nodeType('chatMessenger'),
		parameters: { resource: 'conferenceRoom', operation: 'getReservations', period: 'month', month: '2019-08', output: 'reservations', conferenceRoom },
		credentials: CAM,
		// once, whatever number of items the node before put out
		executeOnce: true,
	});
	const seen = { zoom: zoom().log.length, zijing: zijing().log.length, cam: cam().log.length };
	const run = await runWorkflow(
		chain('Resource locators in every mode', [
			zoomGet('Meeting From List', rl('list', String(meeting.id), 'Locator review')),
			zoomGet('Meeting By ID', rl('id', String(meeting.id))),
			zoomGet('Meeting By URL', rl('url', meeting.join_url)),
			zoomGet('Meeting Plain String', String(meeting.id)),
			userGet('User From List', rl('list', user.id, 'Lou Example')),
			userGet('User By ID', rl('id', user.email)),
			userGet('User Plain String', 'me'),
			roomStatus('Room From List', rl('list', '8000001', '产品评审会议室 (8000001)')),
			roomStatus('Room By Number', rl('id', '8000001')),
			roomStatus('Room Plain String', '8000001'),
			chatRoomUpdate('Chat Room By ID', rl('id', room.id), 'Sales EMEA'),
			chatRoomUpdate('Chat Room Plain String', room.id, 'Sales APAC'),
			reservations('Reservations From List', rl('list', 'room-a', '会議室A (room-a)')),
			reservations('Reservations By ID', rl('id', 'room-b')),
		]),
	);
	for (const name of ['Meeting From List', 'Meeting By ID', 'Meeting By URL', 'Meeting Plain String']) {
		expect(outputOf(run, name)).toEqual([expect.objectContaining({ id: meeting.id, topic: 'Locator review' })]);
	}
	expect(outputOf(run, 'User From List')).toEqual([expect.objectContaining({ id: user.id })]);
	expect(outputOf(run, 'User By ID')).toEqual([expect.objectContaining({ id: user.id, email: 'locator+e2e@example.com' })]);
	expect(outputOf(run, 'User Plain String')).toEqual([expect.objectContaining({ email: 'myhost@example.com' })]);
	for (const name of ['Room From List', 'Room By Number', 'Room Plain String']) {
		expect(outputOf(run, name)).toEqual([expect.objectContaining({ conferenceKey: '8000001', live: true })]);
	}
	expect(outputOf(run, 'Chat Room By ID')).toEqual([expect.objectContaining({ id: room.id, name: 'Sales EMEA' })]);
	expect(outputOf(run, 'Chat Room Plain String')).toEqual([expect.objectContaining({ id: room.id, name: 'Sales APAC' })]);

	expect(outputOf(run, 'Reservations From List').map((r) => r.reservationId)).toEqual(['r1', 'r2']);
	expect(outputOf(run, 'Reservations By ID').map((r) => r.reservationId)).toEqual(['r3']);

	// what the services got
	const zoomPaths = zoom().log.slice(seen.zoom).filter((r) => r.path.startsWith('/v2/')).map((r) => `${r.method} ${r.path}`);
	expect(zoomPaths).toEqual([
		...Array(4).fill(`GET /v2/meetings/${meeting.id}`),
		`GET /v2/users/${user.id}`,
		'GET /v2/users/locator%2Be2e%40example.com',
		'GET /v2/users/me',
	]);
	expect(zijing().log.slice(seen.zijing).map((r) => r.json)).toEqual(Array(3).fill({ conferenceKey: '8000001' }));
	expect(cam().log.slice(seen.cam).filter((r) => r.path === '/updateChatRoom').map((r) => JSON.parse(r.form!.message).id)).toEqual([room.id, room.id]);
});

/** The editor's "From List": what n8n answers to the resource-locator request of an open node. */
async function listSearch(body: {
	node: string;
	methodName: string;
	path: string;
	parameters: Record<string, unknown>;
	credentials: object;
	filter?: string;
	paginationToken?: string;
}): Promise<{ results: Array<{ name: string; value: string; url?: string }>; paginationToken?: string }> {
	return await server!.api('POST', '/dynamic-node-parameters/resource-locator-results', {
		nodeTypeAndVersion: { name: nodeType(body.node), version: 1 },
		methodName: body.methodName,
		path: body.path,
		currentNodeParameters: body.parameters,
		credentials: body.credentials,
		...(body.filter !== undefined ? { filter: body.filter } : {}),
		...(body.paginationToken !== undefined ? { paginationToken: body.paginationToken } : {}),
	});
}

describe('"From List" through n8n’s REST API, as the editor asks for it', () => {
	const zoomParameters = { authentication: 'serverToServerOAuth', resource: 'meeting', operation: 'get', meetingId: rl('list', '') };

	test('Zoom meetings: the first page, the next one with its token, and a search', async () => {
		const seeded = Array.from({ length: 110 }, (_, i) => zoom().seedMeeting({ topic: i === 42 ? 'Quarterly planning' : `E2E meeting ${i}` }));
		const first = await listSearch({ node: 'zoomMeetings', methodName: 'searchMeetings', path: 'meetingId', parameters: zoomParameters, credentials: ZOOM });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await listSearch({
			node: 'zoomMeetings',
			methodName: 'searchMeetings',
			path: 'meetingId',
			parameters: zoomParameters,
			credentials: ZOOM,
			paginationToken: first.paginationToken,
		});
		expect(second.paginationToken).toBeUndefined();
		const listed = [...first.results, ...second.results].map((r) => r.value);
		for (const m of seeded) expect(listed).toContain(String(m.id));
		const search = await listSearch({ node: 'zoomMeetings', methodName: 'searchMeetings', path: 'meetingId', parameters: zoomParameters, credentials: ZOOM, filter: 'quarterly' });
		expect(search.results).toEqual([{ name: 'Quarterly planning (2030-01-01T00:00:00Z)', value: String(seeded[42].id), url: seeded[42].join_url }]);
	});

	test('Zoom users: "Me" first, then the account’s users; a search by email', async () => {
		const user = zoom().addUser({ email: 'picker@example.com', first_name: 'Pia' });
		const parameters = { authentication: 'serverToServerOAuth', resource: 'user', operation: 'get', userId: rl('list', '') };
		const all = await listSearch({ node: 'zoomMeetings', methodName: 'searchUsers', path: 'userId', parameters, credentials: ZOOM });
		expect(all.results[0]).toEqual({ name: 'Me (the Credential’s User)', value: 'me' });
		expect(all.results.map((r) => r.value)).toContain(user.id);
		const search = await listSearch({ node: 'zoomMeetings', methodName: 'searchUsers', path: 'userId', parameters, credentials: ZOOM, filter: 'picker@' });
		expect(search.results).toEqual([{ name: 'Pia Example (picker@example.com)', value: user.id }]);
	});

	test('Zijing conference rooms: the rooms of the account typed in the search', async () => {
		const parameters = { resource: 'recording', operation: 'getStatus', conferenceKey: rl('list', '') };
		const rooms = await listSearch({ node: 'zijingCloud', methodName: 'searchConferenceRooms', path: 'conferenceKey', parameters, credentials: ZIJING, filter: 'admin@miwei.com' });
		expect(rooms.results).toEqual([
			{ name: '大会议室 (2516)', value: '2516' },
			{ name: '何宗源的会议室 (100713)', value: '100713' },
		]);
	});

	test('Chat&Messenger conference rooms: the registered rooms, and a search', async () => {
		const parameters = { resource: 'conferenceRoom', operation: 'getReservations', conferenceRoom: rl('list', '') };
		const rooms = await listSearch({ node: 'chatMessenger', methodName: 'searchConferenceRooms', path: 'conferenceRoom', parameters, credentials: CAM });
		expect(rooms.results.map((r) => r.value)).toEqual(['room-a', 'room-b', 'room-c']);
		const board = await listSearch({ node: 'chatMessenger', methodName: 'searchConferenceRooms', path: 'conferenceRoom', parameters, credentials: CAM, filter: 'board' });
		expect(board.results).toEqual([{ name: 'Board Room (room-b)', value: 'room-b' }]);
	});

	test('a refusal reaches the editor explained and without the key', async () => {
		const parameters = { resource: 'recording', operation: 'getStatus', conferenceKey: rl('list', '') };
		const answer = await server!.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: nodeType('zijingCloud'), version: 1 },
			methodName: 'searchConferenceRooms',
			path: 'conferenceKey',
			currentNodeParameters: parameters,
			credentials: ZIJING,
			filter: 'nobody@miwei.com',
		});
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.text).toContain('Zijing Cloud error 400: the request parameters were refused');
		expect(answer.text).not.toContain(zijing().apiKey);
	});
});
