import { formJson, setup } from './common';

const { ctx, node } = setup();

describe('Chat Room → Create (updateChatRoom without id; unverified mapping)', () => {
	test('sends the room as JSON in `message` and outputs the created chatRoom', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run(
			[
				node({
					resource: 'chatRoom',
					operation: 'create',
					name: '={{ $json.name }}',
					createUserId: '11u1pu9d32p8vuvjoZdd',
					additionalFields: {
						adminUserId: '11u1pu9d32p8vuvjoZdd',
						isMessageThread: true,
						isPublic: false,
						members: {
							member: [
								{ userId: '11u1pu9d32p8vuvjoZdd', flag: true },
								{ userId: ' 1lmn7hoh3s1ja26fsazw ', flag: false },
								{ userId: '309d32p8vuvjo5euuuwx' },
							],
						},
					},
				}),
			],
			[{ name: ' Secret meeting & 秘密の会議 ' }],
		);
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.requests('POST', '/updateChatRoom');
		expect(request.headers['x-cam-apitoken']).toBe(sim.apiToken);
		expect(formJson(request.form, 'message')).toEqual({
			name: 'Secret meeting & 秘密の会議',
			createUserId: '11u1pu9d32p8vuvjoZdd',
			adminUserId: '11u1pu9d32p8vuvjoZdd',
			isMessageThread: true,
			isPublic: false,
			memberUids: { '11u1pu9d32p8vuvjoZdd': true, '1lmn7hoh3s1ja26fsazw': false, '309d32p8vuvjo5euuuwx': false },
		});
		const out = result.output('CAM');
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		const room = sim.chatRooms.get(out[0].json.id as string)!;
		expect(out[0].json).toEqual({ ...room });
		expect(room.name).toBe('Secret meeting & 秘密の会議');
	});

	test('refuses an empty name, an empty creator and a member listed twice, before any request', async () => {
		const { sim, engine } = ctx;
		const base = { resource: 'chatRoom', operation: 'create', name: 'Room', createUserId: 'u1' };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ name: '  ' }, '"Name" is empty (item 0)'],
			[{ createUserId: '={{ $json.nobody }}' }, '"Creator User ID" is empty (item 0)'],
			[{ additionalFields: { members: { member: [{ userId: 'u1' }, { userId: 'u1', flag: true }] } } }, '"Members" lists the user ID "u1" twice (item 0)'],
			[{ additionalFields: { members: { member: [{ userId: '' }] } } }, '"Members" entry 1 has no user ID (item 0)'],
		];
		for (const [parameters, message] of cases) {
			const result = await engine.run([node({ ...base, ...parameters })], [{}]);
			expect(result.error('CAM')?.message).toBe(message);
		}
		expect(sim.log).toHaveLength(0);
	});
});

describe('Chat Room → Update (updateChatRoom; unverified mapping)', () => {
	test('sends the id with only the changed fields and outputs the updated room', async () => {
		const { sim, engine } = ctx;
		const room = sim.roomByName('Sales team')!;
		const result = await engine.run(
			[
				node({
					resource: 'chatRoom',
					operation: 'update',
					chatRoomId: '={{ $json.id }}',
					updateFields: { name: 'Sales EMEA', isPublic: true, members: { member: [{ userId: 'u-sales', flag: true }, { userId: 'u-9' }] } },
				}),
			],
			[{ id: room.id }],
		);
		expect(result.error('CAM')).toBeUndefined();
		expect(formJson(sim.requests('POST', '/updateChatRoom')[0].form, 'message')).toEqual({
			id: room.id,
			name: 'Sales EMEA',
			isPublic: true,
			memberUids: { 'u-sales': true, 'u-9': false },
		});
		expect(sim.chatRooms.get(room.id)).toMatchObject({ name: 'Sales EMEA', isPublic: true, createUserId: 'u-sales', memberUids: { 'u-sales': true, 'u-9': false } });
		expect(result.output('CAM')[0].json).toMatchObject({ id: room.id, name: 'Sales EMEA', isPublic: true });
	});

	test('an unknown room id answers `errors` (HTTP 200): NodeApiError; no update fields: refused before any request', async () => {
		const { sim, engine } = ctx;
		const unknown = await engine.run([node({ resource: 'chatRoom', operation: 'update', chatRoomId: '42', updateFields: { name: 'x' } })], [{}]);
		expect(unknown.error('CAM')?.message).toBe('Chat&Messenger error 200: the server refused the request: chat room not found: 42');
		expect(sim.log).toHaveLength(1);
		const empty = await engine.run([node({ resource: 'chatRoom', operation: 'update', chatRoomId: '42', updateFields: {} })], [{}]);
		expect(empty.error('CAM')?.message).toBe('"Update Fields" is empty: nothing to update (item 0)');
		const noId = await engine.run([node({ resource: 'chatRoom', operation: 'update', chatRoomId: ' ', updateFields: { name: 'x' } })], [{}]);
		expect(noId.error('CAM')?.message).toBe('"Chat Room ID" is empty (item 0)');
		expect(sim.log).toHaveLength(1);
	});
});

describe('Conference Room', () => {
	test('Get Many: GET /getConferenceRooms with the token header and no body; one item per room', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([node({ resource: 'conferenceRoom', operation: 'getAll', returnAll: true })]);
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.log;
		expect(sim.log).toHaveLength(1);
		expect([request.method, request.path, request.text]).toEqual(['GET', '/getConferenceRooms', '']);
		expect(request.headers['x-cam-apitoken']).toBe(sim.apiToken);
		const out = result.output('CAM');
		expect(out.map((i) => i.json)).toEqual(sim.conferenceRooms);
		expect(out.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Get Many with a limit returns that many rooms', async () => {
		const { engine } = ctx;
		const result = await engine.run([node({ resource: 'conferenceRoom', operation: 'getAll', returnAll: false, limit: 2 })]);
		expect(result.output('CAM').map((i) => i.json.id)).toEqual(['room-a', 'room-b']);
	});

	test('Get Master Data: POST /getConferenceMaster with message={} (unverified mapping)', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([node({ resource: 'conferenceRoom', operation: 'getMaster', returnAll: true })]);
		expect(formJson(sim.requests('POST', '/getConferenceMaster')[0].form, 'message')).toEqual({});
		expect(result.output('CAM').map((i) => i.json.name)).toEqual(['会議室A', 'Board Room', 'Phone booth']);
	});

	test('Get Reservations for a month: yyyyMM; one item per room with its reservedSchedules', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([node({ resource: 'conferenceRoom', operation: 'getReservations', period: 'month', month: '2019-08', output: 'rooms' })]);
		expect(result.error('CAM')).toBeUndefined();
		expect(formJson(sim.requests('POST', '/getConferenceRoomStatus')[0].form, 'message')).toEqual({ yyyyMMdd: '201908' });
		const out = result.output('CAM');
		expect(out.map((i) => [i.json.id, (i.json.reservedSchedules as Array<{ reservationId: string }>).map((r) => r.reservationId)])).toEqual([
			['room-a', ['r1', 'r2']],
			['room-b', ['r3']],
			['room-c', []],
		]);
	});

	test('Get Reservations for a day: yyyyMMdd; one item per reservation with its room', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run(
			[node({ resource: 'conferenceRoom', operation: 'getReservations', period: 'day', day: '2019-08-01T00:00:00', output: 'reservations' })],
		);
		expect(formJson(sim.requests('POST', '/getConferenceRoomStatus')[0].form, 'message')).toEqual({ yyyyMMdd: '20190801' });
		expect(result.output('CAM').map((i) => i.json)).toEqual([
			expect.objectContaining({ reservationId: 'r1', title: '定例会議', conferenceRoomId: 'room-a', conferenceRoomName: '会議室A' }),
			expect.objectContaining({ reservationId: 'r3', conferenceRoomId: 'room-b', conferenceRoomName: 'Board Room' }),
		]);
	});

	test('Get Reservations refuses a month or day that is not a date, before any request', async () => {
		const { sim, engine } = ctx;
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ period: 'month', month: 'August' }, '"Month" must be a month like 2019-08, got "August" (item 0)'],
			[{ period: 'month', month: '2019-13' }, '"Month" must be a month like 2019-08, got "2019-13" (item 0)'],
			[{ period: 'day', day: '2019-02-30' }, '"Day" must be a date like 2019-08-01, got "2019-02-30" (item 0)'],
			[{ period: 'month', month: '={{ { month: 8 } }}' }, '"Month" must be a month like 2019-08, got {"month":8} (item 0)'],
		];
		for (const [parameters, message] of cases) {
			const result = await engine.run([node({ resource: 'conferenceRoom', operation: 'getReservations', output: 'rooms', ...parameters })]);
			expect(result.error('CAM')?.message).toBe(message);
		}
		expect(sim.log).toHaveLength(0);
	});
});
