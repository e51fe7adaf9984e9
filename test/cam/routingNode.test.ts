/**
 * The declared operations are faithful n8n: the same description, with `execute` and the custom
 * operation removed, run by n8n-core's own RoutingNode, sends the same request and puts out the same
 * item as the pack's executor.
 */
import type { INodeType } from 'n8n-workflow';

import { ChatMessenger } from '../../nodes/ChatMessenger/ChatMessenger.node';
import { createEngine } from '../harness/engine';
import { CamSimulator } from '../simulators/cam';

const sim = new CamSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

function declarativeVariant(): INodeType {
	const node = new ChatMessenger();
	return { description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') } };
}

test.each([
	[
		'Message → Send',
		{ resource: 'message', operation: 'send', sendTo: 'chatRoom', roomName: 'Sales team', text: '={{ $json.text }}', recipients: 'user1@example.com', readReceipt: true },
	],
	['Conference Room → Get Many', { resource: 'conferenceRoom', operation: 'getAll', returnAll: false, limit: 2 }],
	['Conference Room → Get Reservations', { resource: 'conferenceRoom', operation: 'getReservations', period: 'month', month: '2019-08', output: 'reservations' }],
	['Chat Room → Create', { resource: 'chatRoom', operation: 'create', name: 'R&D', createUserId: 'u1', additionalFields: { isPublic: true, members: { member: [{ userId: 'u1', flag: true }] } } }],
])('%s: n8n routing node and the pack executor send the same request and output the same items', async (_label, parameters) => {
	const engine = createEngine({ 'test.camDeclarative': declarativeVariant() });
	const credential = engine.store.add('cam', 'chatMessengerApi', { serverUrl: sim.url, apiToken: sim.apiToken });
	const run = async (type: string) => {
		sim.reset();
		const result = await engine.run([{ name: 'CAM', type, parameters, credentials: { chatMessengerApi: credential } }], [{ text: 'a&b=c+d 🎉\n日本語' }]);
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.log;
		return {
			requests: sim.log.length,
			request: { method: request.method, path: request.path, form: request.form, token: request.headers['x-cam-apitoken'], type: request.headers['content-type'] },
			items: result.output('CAM').map((i) => ({ json: JSON.parse(JSON.stringify(i.json).replace(/"id":"\d+"/g, '"id":"<ID>"')), pairedItem: i.pairedItem })),
		};
	};
	const ours = await run('n8n-nodes-conferencing.chatMessenger');
	const n8ns = await run('test.camDeclarative');
	expect(ours.requests).toBe(1);
	expect(ours.request.token).toBe(sim.apiToken);
	expect(ours.items.length).toBeGreaterThan(0);
	expect(n8ns).toEqual(ours);
});
