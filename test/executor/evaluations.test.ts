/**
 * Each expression of a node is evaluated once per item, however many parts of the operation read
 * its parameter (the URL template, the input checks, the output shaping): n8n evaluates an
 * expression again on every getNodeParameter call, in its expression sandbox, and that evaluation
 * is most of what a request costs in n8n (docs/benchmarks.md). A resource locator's value counts the
 * same. Counted at n8n-workflow's `Expression.resolveSimpleParameterValue`, what every
 * getNodeParameter of an expression goes through.
 */
import { ExecuteContext } from 'n8n-core';
import { Expression, type IDataObject } from 'n8n-workflow';

import { createEngine, type TestNode } from '../harness/engine';
import { CamSimulator } from '../simulators/cam';
import { VisioconferenceSimulator } from '../simulators/visioconference';
import { ZijingSimulator, zijingNode } from '../simulators/zijing';
import { ZoomSimulator } from '../simulators/zoom';
import { s2sSetup, zoomNode } from '../zoom/common';

const ITEMS = 4;
const evaluated: string[] = [];
let spy: jest.SpyInstance;

beforeAll(() => {
	const original = Expression.prototype.resolveSimpleParameterValue;
	spy = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue').mockImplementation(function (this: Expression, ...args) {
		evaluated.push(String(args[0]));
		return original.apply(this, args);
	});
});
afterAll(() => spy.mockRestore());
beforeEach(() => {
	evaluated.length = 0;
});

/** How many times each expression of the run was evaluated. */
function counts(): Record<string, number> {
	const out: Record<string, number> = {};
	for (const expression of evaluated) out[expression] = (out[expression] ?? 0) + 1;
	return out;
}

describe('Zoom Meetings', () => {
	const sim = new ZoomSimulator();
	beforeAll(async () => await sim.start());
	afterAll(async () => await sim.stop());

	test.each([
		['a plain string (workflows saved before the resource locator)', '={{ $json.meetingId }}'],
		['By ID', { __rl: true, mode: 'id', value: '={{ $json.meetingId }}' }],
		['By URL', { __rl: true, mode: 'url', value: '={{ "https://zoom.us/j/" + $json.meetingId }}' }],
	])('Meeting → Get, the meeting as %s: read for the URL, the checks and the output, evaluated once per item', async (_mode, meetingId) => {
		const setup = s2sSetup(sim);
		const meetings = Array.from({ length: ITEMS }, () => sim.seedMeeting());
		const result = await setup.engine.run(
			[zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId })],
			meetings.map((m) => ({ meetingId: String(m.id) })),
		);

		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom').map((i) => i.json.id)).toEqual(meetings.map((m) => m.id));
		const expression = typeof meetingId === 'string' ? meetingId : meetingId.value;
		expect(counts()[expression]).toBe(ITEMS);
	});

	test('Meeting → Create: the topic is evaluated once per item', async () => {
		const setup = s2sSetup(sim);
		const topics = Array.from({ length: ITEMS }, (_, i) => `Standup ${i}`);
		const result = await setup.engine.run(
			[
				zoomNode(setup, {
					resource: 'meeting',
					operation: 'create',
					userId: 'me',
					topic: '={{ $json.topic }}',
					type: 2,
					startTime: '2030-01-01T10:00:00',
					duration: 30,
					timezone: 'Asia/Tokyo',
				}),
			],
			topics.map((topic) => ({ topic })),
		);

		expect(result.output('Zoom').map((i) => i.json.topic)).toEqual(topics);
		expect(counts()['={{ $json.topic }}']).toBe(ITEMS);
	});

	// n8n's getNode() copies the whole node, every parameter included: the parameters are read from
	// one copy made when the run starts, not from a copy per read (docs/benchmarks.md)
	test('Meeting → Create: the node is not copied again for each item', async () => {
		const getNode = jest.spyOn(ExecuteContext.prototype, 'getNode');
		const copies = async (items: number) => {
			const setup = s2sSetup(sim);
			getNode.mockClear();
			const result = await setup.engine.run(
				[zoomNode(setup, { resource: 'meeting', operation: 'create', userId: 'me', topic: '={{ $json.topic }}', type: 2, startTime: '2030-01-01T10:00:00', duration: 30, timezone: 'Asia/Tokyo' })],
				Array.from({ length: items }, (_, i) => ({ topic: `Standup ${i}` })),
			);
			expect(result.output('Zoom')).toHaveLength(items);
			return getNode.mock.calls.length;
		};
		try {
			const one = await copies(1);
			expect(one).toBeGreaterThan(0);
			expect(await copies(8)).toBe(one);
		} finally {
			getNode.mockRestore();
		}
	});
});

test('Visioconference.me Room → Create: the name is evaluated once per item', async () => {
	const sim = new VisioconferenceSimulator();
	await sim.start();
	try {
		const engine = createEngine();
		const credential = engine.store.add('visio', 'visioconferenceApi', { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl });
		const names = Array.from({ length: ITEMS }, (_, i) => `Room ${i}`);
		const node: TestNode = {
			name: 'Visio',
			type: 'n8n-nodes-conferencing.visioconference',
			parameters: { resource: 'room', operation: 'create', name: '={{ $json.name }}' },
			credentials: { visioconferenceApi: credential },
		};
		const result = await engine.run([node], names.map((name) => ({ name })));

		expect(sim.requests('POST', '/api/v1/entreprise/visio').map((r) => (r.json as IDataObject).name).sort()).toEqual(names);
		expect(result.output('Visio')).toHaveLength(ITEMS);
		expect(counts()['={{ $json.name }}']).toBe(ITEMS);
	} finally {
		await sim.stop();
	}
});

test('Chat&Messenger Message → Send: the text is evaluated once per item', async () => {
	const sim = new CamSimulator();
	await sim.start();
	try {
		const engine = createEngine();
		const credential = engine.store.add('cam', 'chatMessengerApi', { serverUrl: `${sim.url}/`, apiToken: sim.apiToken });
		const texts = Array.from({ length: ITEMS }, (_, i) => `Hello ${i}`);
		const node: TestNode = {
			name: 'CAM',
			type: 'n8n-nodes-conferencing.chatMessenger',
			parameters: { resource: 'message', operation: 'send', sendTo: 'messenger', text: '={{ $json.text }}', recipients: 'user1@example.com' },
			credentials: { chatMessengerApi: credential },
		};
		const result = await engine.run([node], texts.map((text) => ({ text })));

		expect(sim.messages.map((m) => m.message)).toEqual(expect.arrayContaining(texts));
		expect(result.output('CAM')).toHaveLength(ITEMS);
		expect(counts()['={{ $json.text }}']).toBe(ITEMS);
	} finally {
		await sim.stop();
	}
});

test('Zijing Cloud Meeting → Get, the conference number By Number: evaluated once per item', async () => {
	const sim = new ZijingSimulator();
	await sim.start();
	try {
		const engine = createEngine();
		engine.store.add('zijing', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
		const conferenceKey = { __rl: true, mode: 'id', value: '={{ $json.key }}' };
		const result = await engine.run(
			[zijingNode({ resource: 'meeting', operation: 'get', conferenceKey })],
			Array.from({ length: ITEMS }, () => ({ key: '8000000' })),
		);

		expect(sim.log.filter((r) => r.path === '/api/getmeetinginfo').map((r) => r.query.addr)).toEqual(Array(ITEMS).fill('8000000'));
		expect(result.output('Zijing')).toHaveLength(ITEMS);
		expect(counts()['={{ $json.key }}']).toBe(ITEMS);
	} finally {
		await sim.stop();
	}
});
