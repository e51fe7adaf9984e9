/**
 * Zijing Cloud: "Conference Number" as n8n's resource locator. Every mode and the plain string older
 * workflows hold run through the pack's executor and n8n-core's RoutingNode; the list search runs in
 * n8n-core's LoadOptionsContext against the simulator.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ZijingCloud } from '../../nodes/ZijingCloud/ZijingCloud.node';
import { createEngine } from '../harness/engine';
import { loadOptionsContext } from '../harness/loadOptions';
import { everyString } from '../harness/runText';
import { ZIJING_NODE_TYPE, ZijingSimulator, zijingNode } from '../simulators/zijing';

const sim = new ZijingSimulator();
const node = new ZijingCloud();
const DECLARATIVE = 'test.zijingDeclarative';
const engine = createEngine({
	[DECLARATIVE]: {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
		methods: node.methods,
	} as INodeType,
});

beforeAll(async () => {
	await sim.start();
	engine.store.add('zijing', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const rl = (mode: string, value: string, extra: IDataObject = {}) => ({ __rl: true, mode, value, ...extra });

async function both(parameters: IDataObject, items: IDataObject[] = [{}]) {
	const once = async (type: string) => {
		sim.reset();
		const result = await engine.run([{ ...zijingNode(parameters), type }], items);
		return {
			error: result.error('Zijing')?.message,
			requests: sim.log.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.json })),
			items: result.output('Zijing').map((i) => i.json),
		};
	};
	return { ours: await once(ZIJING_NODE_TYPE), n8ns: await once(DECLARATIVE) };
}

describe('Conference Number locator, every mode, both engines', () => {
	test.each([
		['From List', rl('list', '8000001', { cachedResultName: '产品评审会议室 (8000001)' })],
		['By Number', rl('id', ' 8000001 ')],
		['By Number from an expression', rl('id', '={{ $json.key }}')],
		['a plain string (a workflow saved before the locator)', '8000001'],
	])('Recording → Get Status %s: conferenceKey in the body', async (_label, value) => {
		const { ours, n8ns } = await both({ resource: 'recording', operation: 'getStatus', conferenceKey: value }, [{ key: '8000001' }]);
		expect(ours.error).toBeUndefined();
		expect(ours.requests).toEqual([{ method: 'POST', path: '/meeting/getLiveRecStatus', query: {}, body: { conferenceKey: '8000001' } }]);
		expect(ours.items[0]).toMatchObject({ conferenceKey: '8000001', live: true });
		expect(n8ns).toEqual(ours);
	});

	test.each([
		['From List', rl('list', '8000000')],
		['By Number', rl('id', '8000000')],
		['a plain string', '8000000'],
	])('Meeting → Get %s: the number as addr in the query', async (_label, value) => {
		const { ours, n8ns } = await both({ resource: 'meeting', operation: 'get', conferenceKey: value });
		expect(ours.requests).toEqual([{ method: 'GET', path: '/api/getmeetinginfo', query: { addr: '8000000' }, body: undefined }]);
		expect(ours.items[0].name).toBe('产品评审会议室');
		expect(n8ns).toEqual(ours);
	});

	test('an empty number from an expression is refused before any request, naming the field and the item', async () => {
		const { ours, n8ns } = await both({ resource: 'live', operation: 'getStatus', conferenceKey: rl('id', '={{ $json.key }}') }, [{ key: '' }]);
		expect(ours.error).toBe('"Conference Number" is empty (item 0)');
		expect(n8ns.error).toBe(ours.error);
		expect(ours.requests).toEqual([]);
	});

	test('a number with spaces is an issue of the node in n8n: the workflow does not start', async () => {
		await expect(engine.run([zijingNode({ resource: 'live', operation: 'getStatus', conferenceKey: rl('id', '800 0000') })])).rejects.toThrow(
			"The 'Zijing' node has issues",
		);
		expect(sim.log).toHaveLength(0);
	});
});

function searchContext(parameters: IDataObject) {
	return loadOptionsContext(engine, { type: ZIJING_NODE_TYPE, parameters, credentials: { zijingCloudApi: { id: 'zijing', name: 'zijing' } } }, 'conferenceKey');
}

const RECORDING = { resource: 'recording', operation: 'start' };

describe('From List: searchConferenceRooms', () => {
	test('the rooms of the account typed in the search, then filtered by name or number', async () => {
		const all = await node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'admin@miwei.com');
		expect(all).toEqual({
			results: [
				{ name: '大会议室 (2516)', value: '2516' },
				{ name: '何宗源的会议室 (100713)', value: '100713' },
			],
		});
		const [request] = sim.requests('GET', '/subscribe/getmeeting');
		expect(request.query).toEqual({ account: 'admin@miwei.com' });
		expect(request.headers.auth).toBe(sim.publicKey);
		expect((await node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'admin@miwei.com 何宗')).results).toEqual([
			{ name: '何宗源的会议室 (100713)', value: '100713' },
		]);
		expect((await node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), '2516 admin@miwei.com')).results).toEqual([
			{ name: '大会议室 (2516)', value: '2516' },
		]);
	});

	test('the node’s own Account when it has one', async () => {
		const found = await node.methods.listSearch.searchConferenceRooms.call(searchContext({ resource: 'booking', operation: 'create', account: 'admin@miwei.com' }), '大');
		expect(found.results).toEqual([{ name: '大会议室 (2516)', value: '2516' }]);
	});

	test('no account: a clear message and no request', async () => {
		await expect(node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), '大会议室')).rejects.toThrow(
			'Type the account (name@domain) whose rooms to list, e.g. admin@example.com',
		);
		expect(sim.log).toHaveLength(0);
	});

	test('a refusal of the service is shown with its code and meaning', async () => {
		await expect(node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'nobody@miwei.com')).rejects.toThrow(
			'Zijing Cloud error 400: the request parameters were refused (账号不存在)',
		);
	});

	test('an error page echoing the request holds no key; a redirect is not followed', async () => {
		sim.fail({ kind: 'echo', status: 500 });
		const error = await node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'admin@miwei.com').then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(error?.message).toMatch(/^Zijing Cloud error 500/);
		expect(everyString(error)).toContain('auth');
		expect(everyString(error)).not.toContain(sim.apiKey);
		sim.reset();
		sim.fail({ kind: 'redirect', status: 302, location: 'https://login.example.com/' });
		await expect(node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'admin@miwei.com')).rejects.toThrow(/redirect to login\.example\.com, which is not followed/);
		expect(sim.log).toHaveLength(1);
	});

	test('an answer of another shape is an error naming what arrived', async () => {
		sim.fail({ kind: 'status', status: 200, body: { rooms: [] } });
		await expect(node.methods.listSearch.searchConferenceRooms.call(searchContext(RECORDING), 'admin@miwei.com')).rejects.toThrow(
			'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON object with the key "rooms")',
		);
	});
});
