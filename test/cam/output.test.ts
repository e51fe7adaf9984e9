/**
 * The items the Chat&Messenger operations put out (nodes/ChatMessenger/shared/output.ts), from the
 * answers a server may give, with the node's parameters as n8n hands them to the postReceive hooks.
 */
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { chatRoomOutput, conferenceRoomsOutput, quickCallOutput, rememberQuickCall, reservationsOutput, sendMessageOutput } from '../../nodes/ChatMessenger/shared/output';

const node = { id: '1', name: 'CAM', type: 'n8n-nodes-conferencing.chatMessenger', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/** A postReceive context: the node's parameters of one item. */
const context = (parameters: IDataObject, itemIndex = 0) =>
	({
		getNode: () => node,
		getItemIndex: () => itemIndex,
		// a resource locator gives its value only when asked to, as n8n does
		getNodeParameter: (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
			const value = name in parameters ? parameters[name] : fallback;
			return options?.extractValue === true && (value as { __rl?: boolean })?.__rl ? (value as { value: unknown }).value : value;
		},
	}) as unknown as IExecuteSingleFunctions;

const answer = (body: unknown): IN8nHttpFullResponse => ({ body: body as IN8nHttpFullResponse['body'], statusCode: 200, headers: { 'content-type': 'application/json' } });
const status = (conferenceRooms: unknown[]) => answer({ conferenceRoomStatus: { conferenceRooms } });

async function reservations(parameters: IDataObject, rooms: unknown[]) {
	return (await reservationsOutput.call(context(parameters, 2), [], status(rooms))).map((i) => i.json);
}

describe('Get Reservations', () => {
	const rooms = [
		{ id: 'room-a', name: 'A', reservedSchedules: [{ reservationId: 'r1' }, { reservationId: 'r2' }] },
		{ conferenceRoomId: 'room-b', conferenceRoomName: 'B', reservedSchedules: [{ reservationId: 'r3' }] },
		{ reservedSchedules: [{ reservationId: 'r4' }] },
		{ id: 'room-d', name: 'D' },
	];

	test('one item per reservation, with its room’s ID and name under either key (null when the room has none)', async () => {
		expect(await reservations({ output: 'reservations' }, rooms)).toEqual([
			{ reservationId: 'r1', conferenceRoomId: 'room-a', conferenceRoomName: 'A' },
			{ reservationId: 'r2', conferenceRoomId: 'room-a', conferenceRoomName: 'A' },
			{ reservationId: 'r3', conferenceRoomId: 'room-b', conferenceRoomName: 'B' },
			{ reservationId: 'r4', conferenceRoomId: null, conferenceRoomName: null },
		]);
	});

	test('one item per room (the default), each as the server sent it', async () => {
		expect(await reservations({}, rooms)).toEqual(rooms);
		expect(await reservations({ output: 'rooms' }, [])).toEqual([]);
		expect(await reservations({ output: 'reservations' }, [])).toEqual([]);
	});

	test('"Conference Room" picks one room by either ID key, trimmed; empty means every room', async () => {
		expect(await reservations({ output: 'reservations', conferenceRoom: ' room-b ' }, rooms)).toEqual([
			{ reservationId: 'r3', conferenceRoomId: 'room-b', conferenceRoomName: 'B' },
		]);
		expect(await reservations({ output: 'rooms', conferenceRoom: 'room-a' }, rooms)).toEqual([rooms[0]]);
		expect(await reservations({ output: 'rooms', conferenceRoom: { __rl: true, mode: 'id', value: ' room-b ' } }, rooms)).toEqual([rooms[1]]);
		expect(await reservations({ output: 'rooms', conferenceRoom: 'room-x' }, rooms)).toEqual([]);
		expect(await reservations({ output: 'rooms', conferenceRoom: '' }, rooms)).toHaveLength(4);
		expect(await reservations({ output: 'rooms', conferenceRoom: null }, rooms)).toHaveLength(4);
	});

	test('a reservedSchedules that is not a list, or no room with one: the room shown, never "no reservations"', async () => {
		const refusal = async (list: unknown[]) =>
			await reservations({ output: 'reservations' }, list).then(
				() => undefined,
				(error: { message: string; description: string; context: { itemIndex: number } }) => [error.message, error.description, error.context.itemIndex],
			);
		const expected = (shown: number) =>
			`Expected each room of "conferenceRoomStatus.conferenceRooms" to carry its reservations in a "reservedSchedules" list (room ${shown} shown). If your server answers in another shape, please report the shape named above.`;
		expect(await refusal([rooms[0], { id: 'x', reservedSchedules: 'r9' }])).toEqual([
			'Chat&Messenger error 200: the answer to getConferenceRoomStatus is not in the expected shape (HTTP 200, application/json, a JSON object with the keys "id", "reservedSchedules")',
			expected(2),
			2,
		]);
		expect(await refusal([{ id: 'x', schedules: [] }, { id: 'y' }])).toEqual([
			'Chat&Messenger error 200: the answer to getConferenceRoomStatus is not in the expected shape (HTTP 200, application/json, a JSON object with the keys "id", "schedules")',
			expected(1),
			2,
		]);
		expect(await refusal([{ id: 'x', reservedSchedules: null }, rooms[0]])).toEqual([expect.stringMatching(/the keys "id", "reservedSchedules"\)$/), expected(1), 2]);
	});
});

describe('Message → Send', () => {
	const send = async (parameters: IDataObject, body: unknown = { result: 'ok' }) => (await sendMessageOutput.call(context(parameters, 1), [], answer(body))).map((i) => i.json);

	test('what was sent and the answer', async () => {
		expect(await send({ sendTo: 'chatRoom', roomName: '  Sales team ', recipients: 'a@x.jp;b@x.jp', readReceipt: true })).toEqual([
			{ sent: true, sendTo: 'chatRoom', panelName: 'Sales team', users: ['a@x.jp', 'b@x.jp'], readReceipt: true, result: 'ok' },
		]);
		expect(await send({ sendTo: 'messenger', roomName: 'ignored', recipients: 'a@x.jp' }, {})).toEqual([
			{ sent: true, sendTo: 'messenger', panelName: 'messenger', users: ['a@x.jp'], readReceipt: false },
		]);
		expect(await send({ sendTo: 'chatRoom' })).toEqual([{ sent: true, sendTo: 'chatRoom', panelName: '', users: [], readReceipt: false, result: 'ok' }]);
		// an answer that cannot be read: the message may have been sent
		await expect(send({ sendTo: 'messenger', recipients: 'a@x.jp' }, [])).rejects.toMatchObject({
			message: 'Chat&Messenger error 200: the answer to sendMessage is not in the expected shape (HTTP 200, application/json, a JSON array of 0 entries)',
			description: expect.stringContaining('The message may have been sent: check before running the item again.'),
		});
	});
});

describe('Chat Room, Conference Room and Quick Call items', () => {
	test('Chat Room → Create / Update: the chatRoom of the answer', async () => {
		const out = await chatRoomOutput.call(context({}), [], answer({ chatRoom: { id: 'r1', name: 'Sales' }, status: 'ok' }));
		expect(out).toEqual([{ json: { id: 'r1', name: 'Sales' } }]);
	});

	test('Get Many reads getConferenceRooms, Get Master Data getConferenceMaster: one item per room', async () => {
		const rooms = [{ id: 'a' }, { id: 'b' }];
		for (const operation of ['getAll', 'getMaster']) {
			const out = await conferenceRoomsOutput.call(context({ operation }), [], answer({ conferenceRooms: rooms }));
			expect([operation, out]).toEqual([operation, [{ json: rooms[0] }, { json: rooms[1] }]]);
		}
		const wrong = async (operation: string) =>
			await conferenceRoomsOutput.call(context({ operation }), [], answer({ rooms })).then(
				() => undefined,
				(error: Error) => error.message,
			);
		expect(await wrong('getAll')).toMatch(/^Chat&Messenger error 200: the answer to getConferenceRooms is not in the expected shape/);
		expect(await wrong('getMaster')).toMatch(/^Chat&Messenger error 200: the answer to getConferenceMaster is not in the expected shape/);
	});

	test('Quick Call → Create: the answer, its URL trimmed, and the expiry that was sent', async () => {
		const ctx = context({});
		rememberQuickCall(ctx, { expiry: Date.UTC(2030, 0, 2, 3, 4, 5), passwordProtected: true });
		expect(await quickCallOutput.call(ctx, [], answer({ url: ' https://cam.example.com/q/1 ', id: 'q1' }))).toEqual([
			{ json: { id: 'q1', url: 'https://cam.example.com/q/1', expiresAt: '2030-01-02T03:04:05.000Z', expiry: Date.UTC(2030, 0, 2, 3, 4, 5), passwordProtected: true } },
		]);
		// what another item's request sent is not this item's
		expect(await quickCallOutput.call(context({}), [], answer({ url: 'https://cam.example.com/q/2' }))).toEqual([{ json: { url: 'https://cam.example.com/q/2' } }]);
	});
});
