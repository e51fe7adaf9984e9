/**
 * The operations are declared with n8n's routing vocabulary. The same description, with `execute`
 * removed, run by n8n-core's own RoutingNode, sends the same requests and puts out the same items
 * as the pack's executor.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ZoomMeetings } from '../../nodes/ZoomMeetings/ZoomMeetings.node';
import { ZoomSimulator } from '../simulators/zoom';
import { s2sSetup, zoomNode } from './common';

const sim = new ZoomSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

function declarativeVariant(): INodeType {
	const node = new ZoomMeetings();
	return {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
		methods: node.methods,
	};
}

async function both(parameters: IDataObject, items: IDataObject[], prepare: () => void = () => undefined) {
	const run = async (declarative: boolean) => {
		sim.reset();
		prepare();
		const setup = s2sSetup(sim);
		setup.engine.nodeTypes.types.set('test.zoomDeclarative', declarativeVariant());
		const node = zoomNode(setup, parameters);
		if (declarative) node.type = 'test.zoomDeclarative';
		const result = await setup.engine.run([node], items);
		return {
			error: result.error('Zoom')?.message,
			requests: sim.log
				.filter((r) => r.path.startsWith('/v2/'))
				.map((r) => ({ method: r.method, path: r.path, query: { ...r.query, next_page_token: r.query.next_page_token ? '<token>' : undefined } as Record<string, string | undefined>, body: r.json }))
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
			items: result.output('Zoom').map((i) => ({ json: i.json, pairedItem: i.pairedItem })),
		};
	};
	const ours = await run(false);
	const n8ns = await run(true);
	return { ours, n8ns };
}

const normalise = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/"(uuid|start_url|join_url|created_at)":"[^"]*"/g, '"$1":"<x>"'));

test('Meeting → Create with false settings and a converted start time', async () => {
	const { ours, n8ns } = await both(
		{
			resource: 'meeting',
			operation: 'create',
			userId: '={{ $json.user }}',
			topic: 'Sync',
			startTime: '2024-09-15T10:00:00+09:00',
			timezone: 'Europe/Paris',
			settings: { waitingRoom: false, hostVideo: false, autoRecording: 'none', signLanguageInterpretation: false },
		},
		[{ user: 'me' }],
	);
	expect(ours.error).toBeUndefined();
	expect(ours.requests).toEqual([
		{
			method: 'POST',
			path: '/v2/users/me/meetings',
			query: {},
			body: {
				topic: 'Sync',
				type: 2,
				start_time: '2024-09-15T03:00:00',
				duration: 60,
				timezone: 'Europe/Paris',
				settings: { waiting_room: false, host_video: false, auto_recording: 'none', sign_language_interpretation: { enable: false } },
			},
		},
	]);
	expect(normalise(n8ns)).toEqual(normalise(ours));
});

test('Meeting → Get Many with Limit over several pages', async () => {
	const { ours, n8ns } = await both({ resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: false, limit: 305 }, [{}], () => {
		for (let i = 0; i < 320; i++) sim.seedMeeting();
	});
	expect(ours.items).toHaveLength(305);
	expect(ours.requests.map((r) => r.query.page_size).sort()).toEqual(['300', '5']);
	expect(normalise(n8ns)).toEqual(normalise(ours));
});

test('Meeting → Update outputs the changes; Delete outputs the ID', async () => {
	const update = await both(
		{ resource: 'meeting', operation: 'update', meetingId: '86220627999', updateFields: { topic: 'New' }, settings: { muteUponEntry: false } },
		[{}],
		() => sim.seedMeeting(),
	);
	expect(update.ours.items[0].json).toEqual({ id: 86220627999, updated: true, topic: 'New', settings: { mute_upon_entry: false } });
	expect(update.n8ns).toEqual(update.ours);

	const remove = await both({ resource: 'meeting', operation: 'delete', meetingId: '862 2062 7999' }, [{}], () => sim.seedMeeting());
	expect(remove.ours.items[0].json).toEqual({ id: 86220627999, deleted: true });
	expect(remove.n8ns).toEqual(remove.ours);
});

test('Cloud Recording → Get with a UUID that needs double encoding', async () => {
	const { ours, n8ns } = await both({ resource: 'recording', operation: 'get', meetingId: '/ab//cd==' }, [{}], () => {
		sim.addRecording({ uuid: '/ab//cd==', startTime: '2024-09-15T01:00:00Z' });
	});
	expect(ours.requests[0].path).toBe('/v2/meetings/%252Fab%252F%252Fcd%253D%253D/recordings');
	expect(n8ns.requests).toEqual(ours.requests);
	expect(n8ns.items.map((i) => i.json.uuid)).toEqual(['/ab//cd==']);
});
