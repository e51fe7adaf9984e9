/**
 * Zijing Cloud node: answers the API document does not show. Each is either read as documented or
 * refused with what arrived (HTTP status, content type, top-level shape) — never an empty success.
 * The contact list, whose shape no document shows, is answered in each plausible shape in turn,
 * in a run and in the drop-down.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { ZijingCloud } from '../../nodes/ZijingCloud/ZijingCloud.node';
import { CONTACTS_SHAPES, ZIJING_NODE_TYPE, zijingNode, type ContactsShape } from '../simulators/zijing';
import { zijingSuite } from './common';

const { sim, engine } = zijingSuite();

const run = async (parameters: IDataObject) => await engine.run([zijingNode(parameters)]);
const answer = (body: unknown) =>
	sim.fail({ kind: 'answer', response: { status: 200, raw: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=utf-8' } } });
const ENVELOPE_KEYS = 'a JSON object with the keys "code", "data", "message", "state"';

/** Every operation, with what its `data` must be. */
const OPERATIONS: Array<[string, IDataObject, string]> = [
	['Recording → Start', { resource: 'recording', operation: 'start', conferenceKey: '8000000' }, 'an object with "recordId"'],
	['Recording → Stop', { resource: 'recording', operation: 'stop', conferenceKey: '8000000' }, 'an object with "recordId"'],
	['Recording → Delete File', { resource: 'recording', operation: 'deleteFile', recordId: 'abc' }, 'an object with "recordId"'],
	['Recording → Get Status', { resource: 'recording', operation: 'getStatus', conferenceKey: '8000000' }, 'an object with "live" and "record"'],
	['Live Stream → Get Status', { resource: 'live', operation: 'getStatus', conferenceKey: '8000000' }, 'an object with "live" and "record"'],
	['Recording → Get Files', { resource: 'recording', operation: 'getFiles', recordId: 'abc' }, 'a list of entries with "recordId"'],
	['Booking → Get Bookable Rooms', { resource: 'booking', operation: 'getRooms', account: 'admin@miwei.com', returnAll: true }, 'a list of entries with "pid"'],
	['Booking → Get Contacts', { resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true }, 'a list of entries with "id"'],
	['Booking → Get Many', { resource: 'booking', operation: 'getMany', account: 'admin@miwei.com', returnAll: true }, 'a list of entries with "id"'],
	[
		'Booking → Create',
		{ resource: 'booking', operation: 'create', account: 'admin@miwei.com', theme: 't', startDate: '2026-12-01 09:00', endDate: '2026-12-01 10:00' },
		'the booking (a list of bookings, or one booking, with "id")',
	],
];

describe.each(OPERATIONS)('%s', (_label, parameters, expected) => {
	test('a success envelope without data is an error naming what arrived, not {success: true}', async () => {
		answer({ code: '200', data: null, message: null, state: 1 });
		const result = await run(parameters);
		expect(result.error('Zijing')?.message).toBe(
			`Zijing Cloud error 200: unexpected answer: "data" is JSON null, expected ${expected} (received HTTP 200, application/json, ${ENVELOPE_KEYS})`,
		);
		expect(result.output('Zijing')).toEqual([]);
	});

	test('data of another shape is an error naming it', async () => {
		answer({ code: 200, data: { result: { items: [] } }, message: null, state: 1 });
		const result = await run(parameters);
		expect(result.error('Zijing')?.message).toMatch(/^Zijing Cloud error 200: unexpected answer: "data" is (a JSON object with the key "result"|an empty JSON object|a JSON array)/);
		expect(result.error('Zijing')?.message).toContain(`expected ${expected}`);
	});

	test('a JSON null answer, a bare array and a state that is neither 1 nor 0 are not answers of the service', async () => {
		for (const [body, shape] of [
			[null, 'JSON null'],
			[[{ recordId: 'x', id: 1, pid: 1 }], 'a JSON array of 1 entry'],
			[{ code: 200, data: {}, message: null, state: true }, ENVELOPE_KEYS],
			[{ code: 200, data: {}, message: null }, 'a JSON object with the keys "code", "data", "message"'],
		] as const) {
			sim.reset();
			answer(body);
			const message = (await run(parameters)).error('Zijing')?.message;
			expect(message).toMatch(/^Zijing Cloud error 200: the answer was (JSON null, not a Zijing Cloud response|not a Zijing Cloud response \(no "state" 1 or 0\))/);
			expect(message).toContain(`(received HTTP 200, application/json, ${shape})`);
		}
	});

	test('a code-less state 0 is a failure; a code with spaces is read', async () => {
		answer({ data: { recordId: 'x', live: false, record: false }, message: '失败', state: 0 });
		expect((await run(parameters)).error('Zijing')?.message).toBe('Zijing Cloud error unknown: the request failed (失败)');
		answer({ state: '0' });
		expect((await run(parameters)).error('Zijing')?.message).toBe('Zijing Cloud error unknown: the request failed without a message');
		answer({ code: ' 200009 ', data: null, message: null, state: 0 });
		expect((await run(parameters)).error('Zijing')?.message).toBe('Zijing Cloud error 200009: this meeting room is already booked for that time slot');
	});
});

test('Booking → Cancel: the documented data-less success is a success', async () => {
	answer({ code: 200, data: null, message: '操作成功', state: '1' });
	const result = await run({ resource: 'booking', operation: 'cancel', bookingId: '1429' });
	expect(result.output('Zijing').map((i) => i.json)).toEqual([{ bookingId: '1429', cancelled: true, message: '操作成功' }]);
});

describe('Meeting → Get (a flat answer)', () => {
	const get = { resource: 'meeting', operation: 'get', conferenceKey: '8000000' };

	test('a code with spaces is read; code 200 without the meeting is an error naming what arrived', async () => {
		answer({ code: ' 200 ', msg: 'success', name: 'n', alias: '8000000', hostpwd: '1', guestpwd: '2', locked: false, started: true, participants: 2 });
		expect((await run(get)).output('Zijing')[0].json).toMatchObject({ alias: '8000000', participants: 2 });
		answer({ code: 200, msg: 'success' });
		expect((await run(get)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: unexpected answer: code 200 without the meeting\'s "alias" and "started" and "participants" (received HTTP 200, application/json, a JSON object with the keys "code", "msg")',
		);
		answer({ code: ' 200008 ', msg: '该会议不存在' });
		expect((await run(get)).error('Zijing')?.message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
	});

	test('a web page, text that is not JSON and a bare number are not answers, each named', async () => {
		for (const [raw, type, what] of [
			['<html><body>Login</body></html>', 'text/html', 'the answer was a web page, not JSON (received HTTP 200, text/html, a web page)'],
			['Service unavailable', 'text/plain', 'the answer was not valid JSON (received HTTP 200, text/plain, text of 19 characters)'],
			['5', 'application/json', 'the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON number)'],
		] as const) {
			sim.fail({ kind: 'answer', response: { status: 200, raw, headers: { 'Content-Type': type } } });
			const result = await run(get);
			expect(result.error('Zijing')?.message).toBe(`Zijing Cloud error 200: ${what}`);
			expect(result.output('Zijing')).toEqual([]);
		}
	});

	test('an answer without code or state, and a JSON null, are not answers', async () => {
		answer({ name: 'x', alias: '8000000', started: true, participants: 1 });
		expect((await run(get)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON object with the keys "name", "alias", "started", "participants")',
		);
		answer(null);
		expect((await run(get)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: the answer was JSON null, not a Zijing Cloud response (received HTTP 200, application/json, JSON null)',
		);
	});
});

describe('the contact list, in every shape it could come back in', () => {
	const node = new ZijingCloud();
	const parameters = { resource: 'booking', operation: 'create', account: 'admin@miwei.com', additionalFields: {} };
	function dropDown() {
		const workflowNode: INode = {
			id: 'n0',
			name: 'Zijing',
			type: ZIJING_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: { zijingCloudApi: { id: 'zijing', name: 'zijing' } },
		};
		const workflow = new Workflow({ nodes: [workflowNode], connections: {}, active: false, nodeTypes: engine.nodeTypes });
		const additionalData = { credentialsHelper: engine.helper, currentNodeParameters: parameters } as unknown as IWorkflowExecuteAdditionalData;
		return new LoadOptionsContext(workflow, workflowNode, additionalData, 'additionalFields.participantIds');
	}

	const expectations: Record<ContactsShape, RegExp | 'read'> = {
		idName: 'read',
		otherKeys: /^Zijing Cloud error 200: unexpected answer: "data" is a JSON array of \d+ entries, expected a list of entries with "id"; an entry is a JSON object with the keys "uid", "userName", "account" \(received HTTP 200, application\/json, a JSON object with the keys "code", "data", "message", "state"\)$/,
		wrapped: /^Zijing Cloud error 200: unexpected answer: "data" is a JSON object with the keys "list", "total", expected a list of entries with "id" \(received HTTP 200, application\/json, a JSON object with the keys "code", "data", "message", "state"\)$/,
		bareArray: /^Zijing Cloud error 200: the answer was not a Zijing Cloud response \(no "state" 1 or 0\) \(received HTTP 200, application\/json, a JSON array of \d+ entries\)$/,
		html: /^Zijing Cloud error 200: the answer was a web page, not JSON \(received HTTP 200, text\/html, a web page\)$/,
		loginRedirect: /^Zijing Cloud error 302: the service answered with a redirect to 127\.0\.0\.1:\d+, which is not followed/,
	};

	test.each([...CONTACTS_SHAPES])('%s: Get Contacts and the drop-down read it as documented or fail clearly', async (shape) => {
		sim.contactsShape = shape;
		const result = await run({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true });
		const options = await node.methods.loadOptions.getContacts.call(dropDown()).then(
			(list) => ({ list }),
			(error: Error) => ({ error }),
		);
		const expected = expectations[shape];
		if (expected === 'read') {
			expect(result.error('Zijing')).toBeUndefined();
			expect(result.output('Zijing')).toHaveLength(250);
			expect(result.output('Zijing')[0].json).toEqual({ id: 9000, name: '联系人0' });
			expect('list' in options && options.list[0]).toEqual({ name: '联系人0 (9000)', value: '9000' });
		} else {
			expect(result.error('Zijing')?.message).toMatch(expected);
			expect(result.output('Zijing')).toEqual([]);
			expect('error' in options && options.error.message).toMatch(expected);
		}
		expect(sim.requests('GET', '/login')).toHaveLength(0);
	});
});

describe('what an answer that is not understood says', () => {
	const start = { resource: 'recording', operation: 'start', conferenceKey: '8000000' };
	const dataOf = async (data: unknown) => {
		answer({ code: 200, data, message: null, state: 1 });
		return (await run(start)).error('Zijing');
	};
	const arrived = `(received HTTP 200, application/json, ${ENVELOPE_KEYS})`;

	test.each([
		['text', 'abc', 'text of 3 characters'],
		['a number', 5, 'a JSON number'],
		['true', true, 'a JSON boolean'],
		['an empty object', {}, 'an empty JSON object'],
		['an empty list', [], 'a JSON array of 0 entries'],
		['a list of two', [1, 2], 'a JSON array of 2 entries'],
	])('"data" that is %s is named by its shape', async (_label, data, shape) => {
		expect((await dataOf(data))?.message).toBe(`Zijing Cloud error 200: unexpected answer: "data" is ${shape}, expected an object with "recordId" ${arrived}`);
	});

	test('a content type with a space before its parameters is named without them', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, raw: JSON.stringify({ ok: 1 }), headers: { 'Content-Type': 'application/json ; charset=utf-8' } } });
		expect((await run(start)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON object with the key "ok")',
		);
	});

	test('the failing item is named, for a refusal and for an answer not understood', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { code: '200008', data: null, message: 'x', state: 0 } } }, { match: (r) => (r.json as IDataObject)?.conferenceKey === '2' });
		sim.fail({ kind: 'answer', response: { status: 200, body: { ok: true } } }, { match: (r) => (r.json as IDataObject)?.conferenceKey === '3' });
		const result = await engine.run([zijingNode({ ...start, conferenceKey: '={{ $json.key }}' }, { continueOnFail: true })], [{ key: '8000000' }, { key: '2' }, { key: '3' }]);
		expect(result.output('Zijing').map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, undefined],
			[{ item: 1 }, 'Zijing Cloud error 200008: the meeting does not exist (x)'],
			[{ item: 2 }, 'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON object with the key "ok")'],
		]);
		for (const [key, item] of [['2', 1], ['3', 1]] as const) {
			sim.reset();
			sim.fail({ kind: 'answer', response: { status: 200, body: key === '2' ? { code: '200008', data: null, message: 'x', state: 0 } : { ok: true } } }, { match: (r) => (r.json as IDataObject)?.conferenceKey === key });
			const failed = await engine.run([zijingNode({ ...start, conferenceKey: '={{ $json.key }}' })], [{ key: '8000000' }, { key }]);
			expect((failed.error('Zijing')?.context as { itemIndex?: number }).itemIndex).toBe(item);
		}
	});

	test('a success envelope without "data" is named as such', async () => {
		answer({ code: 200, message: null, state: 1 });
		expect((await run(start)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: unexpected answer: "data" is nothing, expected an object with "recordId" (received HTTP 200, application/json, a JSON object with the keys "code", "message", "state")',
		);
	});

	test('the keys of an object are named up to 10, each up to 40 characters', async () => {
		const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i + 1}`, i]));
		const listed = '"k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10"';
		expect((await dataOf(ten))?.message).toContain(`"data" is a JSON object with the keys ${listed}, expected`);
		expect((await dataOf({ ...ten, k11: 11, k12: 12 }))?.message).toContain(`"data" is a JSON object with the keys ${listed} and 2 more, expected`);
		const forty = 'a'.repeat(40);
		expect((await dataOf({ [forty]: 1, [`${forty}bc`]: 2 }))?.message).toContain(`"data" is a JSON object with the keys "${forty}", "${forty}…", expected`);
	});

	test('the error tells where to look first', async () => {
		const error = await dataOf(null);
		expect(error?.description).toBe(
			'Check the credential’s API server URL; if it is right, the service answered in a shape its API document does not show',
		);
		expect(error?.httpCode).toBe('200');
	});

	test.each([
		['a page with blank lines before it', ' \n <html><body>Login</body></html>', 'text/html', 'the answer was a web page, not JSON', 'text/html, a web page'],
		['text with a tag inside', 'Error <b>42</b>', 'text/plain', 'the answer was not valid JSON', 'text/plain, text of 15 characters'],
		['JSON without a content type', JSON.stringify({ ok: true }), undefined, 'the answer was not a Zijing Cloud response (no "state" 1 or 0)', 'no content type, a JSON object with the key "ok"'],
	])('%s', async (_label, raw, type, what, shape) => {
		sim.fail({ kind: 'answer', response: { status: 200, raw, headers: type ? { 'Content-Type': type } : {} } });
		expect((await run(start)).error('Zijing')?.message).toBe(`Zijing Cloud error 200: ${what} (received HTTP 200, ${shape})`);
	});

	test('"state" with spaces is read; a state of 2 or an empty one is not an answer', async () => {
		answer({ code: 200, data: { recordId: 'r-1' }, message: null, state: ' 1 ' });
		expect((await run(start)).output('Zijing').map((i) => i.json)).toEqual([{ recordId: 'r-1' }]);
		for (const state of [2, '', ' ', [1], [0], null]) {
			answer({ code: 200, data: { recordId: 'r-1' }, message: null, state });
			expect((await run(start)).error('Zijing')?.message).toBe(
				`Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) ${arrived}`,
			);
		}
	});
});

describe('what a refusal in the envelope says', () => {
	const start = { resource: 'recording', operation: 'start', conferenceKey: '8000000' };
	const refuse = async (code: unknown, message: unknown) => {
		answer({ code, data: null, message, state: 0 });
		return (await run(start)).error('Zijing')!;
	};

	test('a blank or missing code is "unknown"; the message is trimmed, and left out when blank or the same as the meaning', async () => {
		expect((await refuse('  ', '失败')).message).toBe('Zijing Cloud error unknown: the request failed (失败)');
		expect((await refuse({ value: 1 }, '失败')).message).toBe('Zijing Cloud error unknown: the request failed (失败)');
		expect((await refuse('200008', '  该会议不存在  ')).message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		expect((await refuse('200008', '   ')).message).toBe('Zijing Cloud error 200008: the meeting does not exist');
		expect((await refuse('200008', 'the meeting does not exist')).message).toBe('Zijing Cloud error 200008: the meeting does not exist');
		expect((await refuse('200008', ' the meeting does not exist ')).message).toBe('Zijing Cloud error 200008: the meeting does not exist');
		expect((await refuse('300001', '')).message).toBe('Zijing Cloud error 300001: the request failed without a message');
		expect((await refuse('300001', 42)).message).toBe('Zijing Cloud error 300001: the request failed without a message');
	});

	test('the service’s message is the description when there is no hint; a known code gives its hint', async () => {
		const unknown = await refuse('300001', '余额不足');
		expect([unknown.description, unknown.httpCode]).toEqual(['余额不足', '200']);
		const bare = await refuse('300001', null);
		expect(bare.description).toBeNull();
		expect((await refuse('200001', 'x')).description).toBe(
			'Check the conference number, and that the credential’s key belongs to the tenant that owns this meeting room',
		);
	});
});

describe('what each operation outputs from an answer in another documented form', () => {
	const create = { resource: 'booking', operation: 'create', account: 'admin@miwei.com', theme: 't', startDate: '2026-12-01 09:00', endDate: '2026-12-01 10:00' };
	const rooms = { resource: 'booking', operation: 'getRooms', account: 'admin@miwei.com', returnAll: true };
	const arrived = `(received HTTP 200, application/json, ${ENVELOPE_KEYS})`;

	test('Booking → Create: one booking object is read as the booking; an empty list or a booking without "id" is refused', async () => {
		answer({ code: 200, data: { id: 77, theme: 't' }, message: null, state: 1 });
		expect((await run(create)).output('Zijing').map((i) => i.json)).toEqual([{ id: 77, theme: 't' }]);
		for (const [data, shape] of [
			[[], 'a JSON array of 0 entries'],
			[[{ id: 1 }, { theme: 't' }], 'a JSON array of 2 entries'],
			[{ theme: 't' }, 'a JSON object with the key "theme"'],
		] as const) {
			answer({ code: 200, data, message: null, state: 1 });
			expect((await run(create)).error('Zijing')?.message).toBe(
				`Zijing Cloud error 200: unexpected answer: "data" is ${shape}, expected the booking (a list of bookings, or one booking, with "id") ${arrived}`,
			);
		}
	});

	test('a list with one entry that is not an object with the keys is refused, naming that entry', async () => {
		for (const [entry, shape] of [
			[null, 'JSON null'],
			[{ pDesc: 'x' }, 'a JSON object with the key "pDesc"'],
			[[{ pid: 1 }], 'a JSON array of 1 entry'],
		] as const) {
			answer({ code: 200, data: [{ pid: 1 }, entry], message: null, state: 1 });
			expect((await run(rooms)).error('Zijing')?.message).toBe(
				`Zijing Cloud error 200: unexpected answer: "data" is a JSON array of 2 entries, expected a list of entries with "pid"; an entry is ${shape} ${arrived}`,
			);
		}
	});

	test('Booking → Cancel: the trimmed booking ID, the message only when there is one, data merged only when an object', async () => {
		const cancel = { resource: 'booking', operation: 'cancel', bookingId: ' 1429 ' };
		const outputOf = async (message: unknown, data: unknown) => {
			answer({ code: 200, data, message, state: 1 });
			return (await run(cancel)).output('Zijing').map((i) => i.json);
		};
		expect(await outputOf('', null)).toEqual([{ bookingId: '1429', cancelled: true }]);
		expect(await outputOf(7, [1])).toEqual([{ bookingId: '1429', cancelled: true }]);
		expect(await outputOf(null, 'done')).toEqual([{ bookingId: '1429', cancelled: true }]);
		expect(await outputOf('ok', { st_id: 1429 })).toEqual([{ bookingId: '1429', cancelled: true, message: 'ok', st_id: 1429 }]);
	});

	test('Meeting → Get: the envelope form, a list answer, and a refusal with "message" instead of "msg"', async () => {
		const get = { resource: 'meeting', operation: 'get', conferenceKey: '8000000' };
		const meeting = { name: 'n', alias: '8000000', started: true, participants: 2 };
		answer({ code: 200, data: meeting, message: null, state: 1 });
		expect((await run(get)).output('Zijing').map((i) => i.json)).toEqual([meeting]);
		answer({ code: 200, data: { name: 'n', alias: '8000000', started: true }, message: null, state: 1 });
		expect((await run(get)).error('Zijing')?.message).toBe(
			`Zijing Cloud error 200: unexpected answer: "data" is a JSON object with the keys "name", "alias", "started", expected the meeting, an object with "alias" and "started" and "participants" ${arrived}`,
		);
		answer([meeting]);
		expect((await run(get)).error('Zijing')?.message).toBe(
			'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON array of 1 entry)',
		);
		answer({ code: 200008, message: '该会议不存在' });
		expect((await run(get)).error('Zijing')?.message).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
		answer({ code: 200008, msg: 1, message: 2 });
		expect((await run(get)).error('Zijing')?.message).toBe('Zijing Cloud error 200008: the meeting does not exist');
		answer({ code: 200, msg: 'success', alias: '8000000', started: true });
		const error = (await run(get)).error('Zijing');
		expect([error?.httpCode, (error?.context as { itemIndex?: number }).itemIndex]).toEqual(['200', 0]);
	});
});
