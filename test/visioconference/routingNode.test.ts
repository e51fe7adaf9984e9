/**
 * The operations are declared with n8n's routing vocabulary. This proves the declarations are
 * faithful n8n: the same description, with `execute` removed, run by n8n-core's own RoutingNode,
 * sends the same request and puts out the same item as the pack's executor.
 */
import type { INodeType } from 'n8n-workflow';

import { Visioconference } from '../../nodes/Visioconference/Visioconference.node';
import { createEngine } from '../harness/engine';
import { VisioconferenceSimulator } from '../simulators/visioconference';

const sim = new VisioconferenceSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

function declarativeVariant(): INodeType {
	const node = new Visioconference();
	return {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
	};
}

test('n8n routing node and the pack executor send the same request and output the same room', async () => {
	const engine = createEngine({ 'test.visioDeclarative': declarativeVariant() });
	const credential = engine.store.add('visio', 'visioconferenceApi', { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl });
	const parameters = {
		resource: 'room',
		operation: 'create',
		name: '={{ $json.room }}',
		options: { participants: { participant: [{ name: 'Zoë & Co', moderator: false }] } },
	};
	const run = async (type: string) => {
		sim.reset();
		const result = await engine.run([{ name: 'Visio', type, parameters, credentials: { visioconferenceApi: credential } }], [{ room: ' Équipe ' }]);
		const [request] = sim.requests();
		const [item] = result.output('Visio');
		const json = item.json as Record<string, any>;
		const roomId = json.uniqid as string;
		const token = json.room.moderator_token as string;
		const normalise = (v: unknown) => JSON.parse(JSON.stringify(v).split(roomId).join('<ID>').split(token).join('<TOKEN>'));
		return {
			request: { method: request.method, path: request.path, body: request.json, token: request.headers['x-token'], type: request.headers['content-type'] },
			item: normalise({ ...json, room: { ...json.room, id: 0, id_team: 0, id_user: 0, password_token: 0, createdAt: 0, updatedAt: 0 } }),
			pairedItem: item.pairedItem,
		};
	};
	const ours = await run('n8n-nodes-conferencing.visioconference');
	const n8ns = await run('test.visioDeclarative');
	expect(ours.request).toEqual({ method: 'POST', path: '/api/v1/entreprise/visio', body: { name: 'Équipe' }, token: sim.apiKey, type: 'application/json' });
	expect(n8ns).toEqual(ours);
	expect(ours.item.participantLinks[0].link).toBe(`${sim.meetingBase}<ID>?name=Zo%C3%AB+%26+Co`);
});
