/**
 * The Zijing Cloud operations are declared with n8n's routing vocabulary. The same description,
 * with `execute` removed, run by n8n-core's own RoutingNode, must send the same requests and put out
 * the same items as the pack's executor — envelope check, paging, validation and the download included.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ZijingCloud } from '../../nodes/ZijingCloud/ZijingCloud.node';
import { createEngine } from '../harness/engine';
import { ZIJING_NODE_TYPE, ZijingSimulator, zijingNode } from '../simulators/zijing';

const sim = new ZijingSimulator();
const DECLARATIVE = 'test.zijingDeclarative';
const engine = createEngine({ [DECLARATIVE]: declarativeVariant() });

function declarativeVariant(): INodeType {
	const node = new ZijingCloud();
	return {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
	};
}

beforeAll(async () => {
	await sim.start();
	engine.store.add('zijing', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
});
afterAll(async () => await sim.stop());

/** Runs the same parameters through both engines, from the same simulator state. */
async function both(parameters: IDataObject, items: IDataObject[] = [{}], prepare: () => void = () => undefined) {
	const once = async (type: string) => {
		sim.reset();
		prepare();
		const result = await engine.run([{ ...zijingNode(parameters, { continueOnFail: true }), type }], items);
		return {
			requests: sim.log.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.json, auth: r.headers.auth })),
			storage: sim.storage.log.map((r) => ({ path: r.path, auth: r.headers.auth })),
			items: result.output('Zijing').map((i) => ({
				json: i.json,
				pairedItem: i.pairedItem,
				binary: i.binary && Object.fromEntries(Object.entries(i.binary).map(([k, b]) => [k, { fileName: b.fileName, mimeType: b.mimeType, bytes: b.bytes, data: b.data }])),
			})),
		};
	};
	const ours = await once(ZIJING_NODE_TYPE);
	const n8ns = await once(DECLARATIVE);
	return { ours, n8ns };
}

test('Recording → Get Status and an unknown meeting (continue-on-fail)', async () => {
	const { ours, n8ns } = await both(
		{ resource: 'recording', operation: 'getStatus', conferenceKey: '={{ $json.key }}' },
		[{ key: '8000001' }, { key: '1234' }],
	);
	expect(ours.requests.map((r) => r.body)).toEqual([{ conferenceKey: '8000001' }, { conferenceKey: '1234' }]);
	expect(ours.items[0].json).toMatchObject({ conferenceKey: '8000001', live: true });
	expect(ours.items[1].json.error).toBe('Zijing Cloud error 200008: the meeting does not exist (该会议不存在)');
	expect(n8ns).toEqual(ours);
});

test('Meeting → Get (flat answer)', async () => {
	const { ours, n8ns } = await both({ resource: 'meeting', operation: 'get', conferenceKey: '8000000' });
	expect(ours.requests).toEqual([{ method: 'GET', path: '/api/getmeetinginfo', query: { addr: '8000000' }, body: undefined, auth: sim.publicKey }]);
	expect(ours.items[0].json.name).toBe('产品评审会议室');
	expect(n8ns).toEqual(ours);
});

test('Booking → Create, with a bad item refused before any request', async () => {
	const { ours, n8ns } = await both(
		{
			resource: 'booking',
			operation: 'create',
			account: 'admin@miwei.com',
			theme: '={{ $json.theme }}',
			startDate: '={{ $json.start }}',
			// an instant with Z: 02:00 UTC is 10:00 in China, whatever the workflow's zone
			endDate: '2026-12-01T02:00:00Z',
			additionalFields: { participantIds: '9001,9002', roomId: '486', autoOpen: true },
		},
		[
			{ theme: '评审', start: '2026-12-01 09:00' },
			{ theme: '评审', start: '2026-02-30 09:00' },
		],
	);
	expect(ours.requests).toHaveLength(1);
	expect(ours.requests[0].body).toMatchObject({ visitor_ids: '9001,9002', pid: 486, isAutoOpen: 'yes', startDate: '2026-12-01 09:00', endDate: '2026-12-01 10:00' });
	expect(ours.items[1].json.error).toBe('"Start" is not a valid date and time: "2026-02-30 09:00" (item 1)');
	const normalise = (run: typeof ours) => JSON.parse(JSON.stringify(run).replace(/"(createTime|randomHostPwd|shortAddress)":"[^"]*"/g, '"$1":"*"'));
	expect(normalise(n8ns)).toEqual(normalise(ours));
});

test('Booking → Get Contacts pages the same way (Limit 150)', async () => {
	const { ours, n8ns } = await both({ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: false, limit: 150 });
	expect(ours.items).toHaveLength(150);
	expect(ours.requests.map((r) => r.query.pageIndex)).toEqual(['1', '2']);
	expect(n8ns).toEqual(ours);
});

test('Booking → Get Many with Limit', async () => {
	const prepare = () => {
		for (const [id, day] of [
			[1, '01'],
			[2, '02'],
		] as const) {
			sim.bookings.set(id, {
				id,
				entId: 52,
				account: 'admin@miwei.com',
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
		}
	};
	const { ours, n8ns } = await both({ resource: 'booking', operation: 'getMany', account: 'admin@miwei.com', returnAll: false, limit: 1 }, [{}], prepare);
	expect(ours.items.map((i) => i.json.id)).toEqual([1]);
	expect(n8ns).toEqual(ours);
});

test('Recording → Get Files with download: the file, and no auth header at the storage host', async () => {
	const prepare = () => {
		const file = sim.addFile('8000000', 'cid-0001', { content: Buffer.from('fixed content') });
		// the same file name on both runs
		file.path = '/2026-11-23/8000000_094309.mp4';
		file.downUrl = `${sim.storage.url}${file.path}?sign=${encodeURIComponent(file.sign)}`;
	};
	const { ours, n8ns } = await both({ resource: 'recording', operation: 'getFiles', recordId: 'cid-0001', download: true }, [{}], prepare);
	expect(ours.items).toHaveLength(1);
	expect(ours.items[0].binary).toEqual({
		data: { fileName: '8000000_094309.mp4', mimeType: 'video/mp4', bytes: 13, data: Buffer.from('fixed content').toString('base64') },
	});
	expect(ours.storage).toEqual([{ path: '/2026-11-23/8000000_094309.mp4', auth: undefined }]);
	const normalise = (run: typeof ours) =>
		JSON.parse(JSON.stringify(run).replace(/"(recordId|startTime|stopTime|downUrl)":"[^"]*"/g, '"$1":"*"'));
	expect(normalise(n8ns)).toEqual(normalise(ours));
});
