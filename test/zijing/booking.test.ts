/**
 * Zijing Cloud node: booking ("subscribe") operations — bookable rooms, contacts (paged), create,
 * cancel, booked meetings — against the simulator, through n8n's real execution engine.
 */
import type { IDataObject } from 'n8n-workflow';

import { zijingNode } from '../simulators/zijing';
import { zijingSuite } from './common';

const { sim, engine } = zijingSuite();

const run = async (parameters: IDataObject, items?: Array<IDataObject>) =>
	await engine.run([zijingNode(parameters)], items);

const book = (more: IDataObject = {}) => ({
	resource: 'booking',
	operation: 'create',
	account: 'admin@miwei.com',
	theme: '季度评审',
	startDate: '2026-12-01 09:00',
	endDate: '2026-12-01 10:30',
	...more,
});

describe('Booking → Get Bookable Rooms', () => {
	test('lists the rooms of the account', async () => {
		const result = await run({ resource: 'booking', operation: 'getRooms', account: 'admin@miwei.com', returnAll: true });
		const [request] = sim.requests('GET', '/subscribe/getmeeting');
		expect(request.query).toEqual({ account: 'admin@miwei.com' });
		expect(request.headers.auth).toBe(sim.publicKey);
		expect(result.output('Zijing').map((i) => [i.json.pid, i.json.sipkey, i.json.pDesc])).toEqual([
			[486, 2516, '大会议室'],
			[3364, 100713, '何宗源的会议室'],
		]);
	});

	test('Limit cuts the list', async () => {
		const result = await run({ resource: 'booking', operation: 'getRooms', account: 'admin@miwei.com', returnAll: false, limit: 1 });
		expect(result.output('Zijing').map((i) => i.json.pid)).toEqual([486]);
	});

	test('an account that is not name@domain is refused before any request', async () => {
		const result = await run({ resource: 'booking', operation: 'getRooms', account: 'admin', returnAll: true });
		expect(result.error('Zijing')!.message).toBe(
			'"Account" must be a user account in the form name@domain, e.g. admin@example.com, got "admin" (item 0)',
		);
		expect(sim.log).toHaveLength(0);
	});

	test('an unknown account is refused by the service (400 with its message)', async () => {
		const result = await run({ resource: 'booking', operation: 'getRooms', account: 'nobody@miwei.com', returnAll: true });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 400: the request parameters were refused (账号不存在)');
	});
});

describe('Booking → Get Contacts (paged)', () => {
	test('Return All walks the pages until a short one', async () => {
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
		const out = result.output('Zijing');
		expect(out).toHaveLength(250);
		expect(out[0].json).toEqual({ id: 9000, name: '联系人0' });
		expect(out[249].json).toEqual({ id: 9249, name: '联系人249' });
		expect(new Set(out.map((i) => i.json.id)).size).toBe(250);
		expect(out.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sim.requests('GET', '/subscribe/getcontacts').map((r) => r.query)).toEqual([
			{ account: 'admin@miwei.com', pageIndex: '1', pageSize: '100', isAll: 'no' },
			{ account: 'admin@miwei.com', pageIndex: '2', pageSize: '100', isAll: 'no' },
			{ account: 'admin@miwei.com', pageIndex: '3', pageSize: '100', isAll: 'no' },
		]);
	});

	test('Limit stops as soon as enough contacts were read', async () => {
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: false, limit: 150 });
		expect(result.output('Zijing').map((i) => i.json.id)).toEqual(Array.from({ length: 150 }, (_, i) => 9000 + i));
		expect(sim.requests('GET', '/subscribe/getcontacts').map((r) => [r.query.pageIndex, r.query.pageSize])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
	});

	test('a small Limit reads one page of that size', async () => {
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: false, limit: 5 });
		expect(result.output('Zijing')).toHaveLength(5);
		expect(sim.requests('GET', '/subscribe/getcontacts').map((r) => r.query.pageSize)).toEqual(['5']);
	});

	test('exactly a page: one more request finds the end', async () => {
		sim.contacts.splice(200);
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
		expect(result.output('Zijing')).toHaveLength(200);
		expect(sim.requests('GET', '/subscribe/getcontacts')).toHaveLength(3);
	});

	test('a server that ignores paging does not make the node loop', async () => {
		sim.route('GET', '/subscribe/getcontacts', () => ({
			body: { code: 200, data: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `n${i}` })), message: null, state: 1 },
		}));
		// the first matching route wins: put the misbehaving one first
		const routes = (sim as unknown as { routes: unknown[] }).routes;
		routes.unshift(routes.pop());
		try {
			const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
			expect(result.output('Zijing')).toHaveLength(100);
			expect(sim.requests('GET', '/subscribe/getcontacts')).toHaveLength(2);
		} finally {
			routes.shift();
		}
	});

	test('a failure on a later page fails the item with that page’s error', async () => {
		sim.fail({ kind: 'status', status: 200, body: { code: 500, data: null, message: '服务器内部错误', state: 0 } }, { match: (r) => r.query.pageIndex === '2' });
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 500: the server could not complete the request (服务器内部错误)');
	});
});

describe('Booking → Create', () => {
	test('sends every field the API expects and outputs the booking', async () => {
		const result = await run(
			book({
				additionalFields: {
					introduction: '接口会议',
					participantIds: '9001, 9002，9001',
					autoOpen: true,
					roomId: '3364',
					hostPassword: '99999',
					guestPassword: '888888',
				},
			}),
		);
		expect(result.error('Zijing')).toBeUndefined();
		const [request] = sim.requests('POST', '/subscribe/createmeet');
		expect(request.headers.auth).toBe(sim.publicKey);
		expect(request.json).toEqual({
			account: 'admin@miwei.com',
			theme: '季度评审',
			introduction: '接口会议',
			visitor_ids: '9001,9002',
			startDate: '2026-12-01 09:00',
			endDate: '2026-12-01 10:30',
			isAutoOpen: 'yes',
			pid: 3364,
			shostPwd: '99999',
			svisitorPwd: '888888',
		});
		const out = result.output('Zijing');
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			id: 1430,
			theme: '季度评审',
			sipkey: '100713',
			bizProductId: 3364,
			isAutoOpen: 'yes',
			randomHostPwd: '99999',
			randomVisitorPwd: '888888',
			startDate: '2026-12-01 09:00',
			endDate: '2026-12-01 10:30',
			visitorList: [
				{ id: '9001', name: '联系人1' },
				{ id: '9002', name: '联系人2' },
			],
		});
		expect(out[0].json.code).toBeUndefined();
		expect(out[0].json.state).toBeUndefined();
	});

	test('without additional fields, empty strings let the service choose the room and passwords', async () => {
		await run(book());
		expect(sim.requests('POST', '/subscribe/createmeet')[0].json).toEqual({
			account: 'admin@miwei.com',
			theme: '季度评审',
			introduction: '',
			visitor_ids: '',
			startDate: '2026-12-01 09:00',
			endDate: '2026-12-01 10:30',
			isAutoOpen: 'no',
			pid: '',
			shostPwd: '',
			svisitorPwd: '',
		});
		expect([...sim.bookings.values()].map((b) => b.bizProductId)).toEqual([486]);
	});

	test('participants picked from the list (an array of IDs) are sent comma-separated', async () => {
		await run(book({ additionalFields: { participantIds: ['9003', '9004'], roomId: '486' } }));
		expect(sim.requests('POST', '/subscribe/createmeet')[0].json).toMatchObject({ visitor_ids: '9003,9004', pid: 486 });
	});

	test('a taken slot is refused with 200009', async () => {
		await run(book({ additionalFields: { roomId: '486' } }));
		const result = await run(book({ startDate: '2026-12-01 10:00', endDate: '2026-12-01 11:00', additionalFields: { roomId: '486' } }));
		expect(result.error('Zijing')!.message).toBe(
			'Zijing Cloud error 200009: this meeting room is already booked for that time slot (当前时间段，此会议室已被预约)',
		);
		expect(result.error('Zijing')!.description).toMatch(/another time slot/);
		// a slot that only touches the booked one is free
		const touching = await run(book({ startDate: '2026-12-01 10:30', endDate: '2026-12-01 11:00', additionalFields: { roomId: '486' } }));
		expect(touching.error('Zijing')).toBeUndefined();
	});

	test('times go out in China Standard Time, whatever the workflow’s zone: an offset or Z is converted, a time without one is sent as typed', async () => {
		// the engine's workflows have no time zone setting: n8n uses its default (America/New_York)
		const result = await engine.run(
			[zijingNode(book({ startDate: '={{ $json.start }}', endDate: '={{ $json.end }}' }))],
			[
				{ start: '2026-12-01T09:00:00', end: '2026-12-01T09:45:30.000' },
				{ start: '2026-12-02T01:00:00Z', end: '2026-12-02T04:00:00.000+02:00' },
				{ start: '2026-12-03 09:00', end: '2026-12-03T10:30:00+08:00' },
			],
		);
		expect(result.error('Zijing')).toBeUndefined();
		const bodies = sim.requests('POST', '/subscribe/createmeet').map((r) => r.json as Record<string, string>);
		expect(bodies.map((b) => [b.startDate, b.endDate]).sort()).toEqual([
			['2026-12-01 09:00', '2026-12-01 09:45'],
			['2026-12-02 09:00', '2026-12-02 10:00'],
			['2026-12-03 09:00', '2026-12-03 10:30'],
		]);
		// the service reads them in its own zone: the instants booked are the ones meant
		const booked = [...sim.bookings.values()].map((b) => [b.startsAt, b.endsAt]).sort();
		expect(booked).toEqual([
			[Date.parse('2026-12-01T09:00:00+08:00'), Date.parse('2026-12-01T09:45:00+08:00')],
			[Date.parse('2026-12-02T01:00:00Z'), Date.parse('2026-12-02T02:00:00Z')],
			[Date.parse('2026-12-03T09:00:00+08:00'), Date.parse('2026-12-03T10:30:00+08:00')],
		]);
	});

	test('a Luxon DateTime from an expression is converted to China Standard Time', async () => {
		const result = await run(book({ startDate: '={{ DateTime.fromISO("2026-12-04T01:00:00Z") }}', endDate: '={{ DateTime.fromISO("2026-12-04T01:00:00Z").plus({ hours: 1 }) }}' }));
		expect(result.error('Zijing')).toBeUndefined();
		expect(sim.requests('POST', '/subscribe/createmeet')[0].json).toMatchObject({ startDate: '2026-12-04 09:00', endDate: '2026-12-04 10:00' });
	});

	test('a deployment in another zone: the credential’s Time Zone decides', async () => {
		engine.store.add('zijing-berlin', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: 'Europe/Berlin' });
		sim.timeZone = 'Europe/Berlin';
		const result = await engine.run([zijingNode(book({ startDate: '2026-12-05T08:00:00Z', endDate: '2026-12-05 10:00' }), { credentialId: 'zijing-berlin' })]);
		expect(result.error('Zijing')).toBeUndefined();
		expect(sim.requests('POST', '/subscribe/createmeet')[0].json).toMatchObject({ startDate: '2026-12-05 09:00', endDate: '2026-12-05 10:00' });
		expect([...sim.bookings.values()][0].startsAt).toBe(Date.parse('2026-12-05T08:00:00Z'));
	});

	test('an unknown Time Zone in the credential is refused before any request', async () => {
		engine.store.add('zijing-mars', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey, timeZone: 'Mars/Olympus' });
		const result = await engine.run([zijingNode(book(), { credentialId: 'zijing-mars' })]);
		expect(result.error('Zijing')!.message).toBe('The credential\'s "Time Zone" is not a known time zone: "Mars/Olympus" (item 0)');
		expect(sim.log).toHaveLength(0);
	});

	test.each([
		['2026-12-01 9:00', '2026-12-01 10:00', '"Start" is not a valid date and time: "2026-12-01 9:00" (item 0)'],
		['2026-02-30 09:00', '2026-03-01 10:00', '"Start" is not a valid date and time: "2026-02-30 09:00" (item 0)'],
		['2026-12-01 09:00', '2026-12-01 24:00', '"End" is not a valid date and time: "2026-12-01 24:00" (item 0)'],
		['2026-12-01 09:00', 'tomorrow', '"End" is not a valid date and time: "tomorrow" (item 0)'],
		['2026-12-01 09:00', '2026-12-01 09:00', '"End" (2026-12-01 09:00) must be after "Start" (2026-12-01 09:00) (item 0)'],
		['2026-12-01 10:00', '2026-12-01 09:00', '"End" (2026-12-01 09:00) must be after "Start" (2026-12-01 10:00) (item 0)'],
		['  ', '2026-12-01 09:00', '"Start" is empty (item 0)'],
	])('start %p and end %p are refused before any request', async (startDate, endDate, message) => {
		const result = await run(book({ startDate, endDate }));
		expect(result.error('Zijing')!.message).toBe(message);
		expect(sim.log).toHaveLength(0);
	});

	test('29 February exists in leap years only', async () => {
		const leap = await run(book({ startDate: '2028-02-29 09:00', endDate: '2028-02-29 10:00' }));
		expect(leap.error('Zijing')).toBeUndefined();
		const common = await run(book({ startDate: '2027-02-29 09:00', endDate: '2027-02-29 10:00' }));
		expect(common.error('Zijing')!.message).toBe('"Start" is not a valid date and time: "2027-02-29 09:00" (item 0)');
	});

	test.each([
		[{ theme: '  ' }, '"Theme" is empty (item 0)'],
		[{ theme: { text: 'x' } }, '"Theme" must be text, got an object (item 0)'],
		[{ account: 'admin@' }, '"Account" must be a user account in the form name@domain, e.g. admin@example.com, got "admin@" (item 0)'],
		[{ startDate: { day: 1 } }, '"Start" is not a valid date and time: "{"day":1}" (item 0)'],
		[{ additionalFields: { roomId: 'big room' } }, '"Room Name or ID" must be a number (the pid of Get Bookable Rooms), got "big room" (item 0)'],
		[{ additionalFields: { roomId: { pid: 486 } } }, '"Room Name or ID" must be a room ID (the pid of Get Bookable Rooms), got an object (item 0)'],
		[{ additionalFields: { participantIds: '9001,张三' } }, '"Participant Names or IDs" must be user IDs separated by commas (e.g. 9187,9182), got "张三" (item 0)'],
		[{ additionalFields: { participantIds: [{ id: 9001 }] } }, '"Participant Names or IDs" must be user IDs (text or numbers), got an object (item 0)'],
		[{ additionalFields: { introduction: { text: 'x' } } }, '"Introduction" must be text, got an object (item 0)'],
		[{ additionalFields: { autoOpen: 'yes' } }, '"Auto Open" must be true or false, got "yes" (item 0)'],
		[{ additionalFields: { guestPassword: ['1', '2'] } }, '"Guest Password" must be text, got a list (item 0)'],
	])('%p is refused before any request', async (more, message) => {
		const result = await run(book(more));
		expect(result.error('Zijing')!.message).toBe(message);
		expect(sim.log).toHaveLength(0);
	});

	test('a password of the wrong type is refused without showing it; any text is sent (the document sets no rule)', async () => {
		const refused = await run(book({ additionalFields: { hostPassword: { pin: 'secret-pin-77' } } }));
		const error = refused.error('Zijing')!;
		expect(error.message).toBe('"Host Password" must be text, got an object (item 0)');
		expect(`${error.message} ${error.description ?? ''}`).not.toContain('secret-pin-77');
		expect(sim.log).toHaveLength(0);
		const sent = await run(book({ additionalFields: { hostPassword: ' pin-77 ', guestPassword: 4321 } }));
		expect(sent.error('Zijing')).toBeUndefined();
		expect(sim.requests('POST', '/subscribe/createmeet')[0].json).toMatchObject({ shostPwd: 'pin-77', svisitorPwd: '4321' });
	});

	test('an unknown participant is refused by the service', async () => {
		const result = await run(book({ additionalFields: { participantIds: '123' } }));
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 400: the request parameters were refused (参会者不存在: 123)');
	});
});

describe('Booking → Get Many / Cancel', () => {
	test('lists the booked meetings of an account, then cancels one', async () => {
		await run(book({ additionalFields: { roomId: '486' } }));
		await run(book({ theme: '周会', startDate: '2026-12-08 09:00', endDate: '2026-12-08 10:00' }));
		const list = await run({ resource: 'booking', operation: 'getMany', account: 'admin@miwei.com', returnAll: true });
		expect(sim.requests('GET', '/subscribe/getsubmeetings')[0].query).toEqual({ account: 'admin@miwei.com' });
		expect(list.output('Zijing').map((i) => [i.json.id, i.json.theme])).toEqual([
			[1430, '季度评审'],
			[1431, '周会'],
		]);
		const limited = await run({ resource: 'booking', operation: 'getMany', account: 'admin@miwei.com', returnAll: false, limit: 1 });
		expect(limited.output('Zijing').map((i) => i.json.id)).toEqual([1430]);

		const cancel = await run({ resource: 'booking', operation: 'cancel', bookingId: '1430' });
		expect(sim.requests('POST', '/subscribe/cancelmeet')[0].json).toEqual({ st_id: '1430' });
		expect(cancel.output('Zijing')).toEqual([{ json: { bookingId: '1430', cancelled: true, message: '操作成功' }, pairedItem: { item: 0 } }]);
		expect([...sim.bookings.keys()]).toEqual([1431]);

		const again = await run({ resource: 'booking', operation: 'cancel', bookingId: '1430' });
		expect(again.error('Zijing')!.message).toBe('Zijing Cloud error 400: the request parameters were refused (预约不存在)');
	});

	test('an account without bookings gives no items', async () => {
		const result = await run({ resource: 'booking', operation: 'getMany', account: 'guest@miwei.com', returnAll: true });
		expect(result.error('Zijing')).toBeUndefined();
		expect(result.output('Zijing')).toEqual([]);
	});

	test('an empty booking ID is refused before any request', async () => {
		const result = await run({ resource: 'booking', operation: 'cancel', bookingId: ' ' });
		expect(result.error('Zijing')!.message).toBe('"Booking ID" is empty (item 0)');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Booking → Get Contacts: where the walk stops', () => {
	test('a Limit of exactly two pages stops after the second page', async () => {
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: false, limit: 200 });
		expect(result.output('Zijing')).toHaveLength(200);
		expect(sim.requests('GET', '/subscribe/getcontacts').map((r) => r.query.pageIndex)).toEqual(['1', '2']);
	});

	test('an account without contacts: one request, no items', async () => {
		sim.contacts.splice(0);
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
		expect(result.error('Zijing')).toBeUndefined();
		expect(result.output('Zijing')).toEqual([]);
		expect(sim.requests('GET', '/subscribe/getcontacts')).toHaveLength(1);
	});
});
