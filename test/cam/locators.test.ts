/**
 * Chat&Messenger: "Chat Room ID" as n8n's resource locator (By ID: the service documents no call that
 * lists chat rooms). The locator and the plain string older workflows hold run through the pack's
 * executor and n8n-core's RoutingNode and send the same request.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ChatMessenger } from '../../nodes/ChatMessenger/ChatMessenger.node';
import { createEngine } from '../harness/engine';
import { CamSimulator } from '../simulators/cam';
import { formJson, TYPE } from './common';

const sim = new CamSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

const node = new ChatMessenger();
const declarative: INodeType = {
	description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
};

/** Runs Chat Room → Update on the seeded "Sales team" room (its ID is new after each reset), its ID in place of <ID>. */
async function run(type: string, chatRoomId: unknown, items: (id: string) => IDataObject[] = () => [{}]) {
	sim.reset();
	const room = sim.roomByName('Sales team')!;
	const hide = (value: unknown) => JSON.parse(JSON.stringify(value ?? null).split(room.id).join('<ID>'));
	const engine = createEngine({ 'test.camDeclarative': declarative });
	const credential = engine.store.add('cam', 'chatMessengerApi', { serverUrl: sim.url, apiToken: sim.apiToken });
	const value = typeof chatRoomId === 'function' ? (chatRoomId as (id: string) => unknown)(room.id) : chatRoomId;
	const parameters = { resource: 'chatRoom', operation: 'update', chatRoomId: value, updateFields: { name: 'Sales EMEA' } } as IDataObject;
	const result = await engine.run([{ name: 'CAM', type, parameters, credentials: { chatMessengerApi: credential } }], items(room.id));
	return {
		error: result.error('CAM')?.message,
		sent: hide(sim.requests('POST', '/updateChatRoom').map((r) => formJson(r.form, 'message'))),
		items: hide(result.output('CAM').map((i) => i.json)),
	};
}

test.each([
	['By ID', (id: string) => ({ __rl: true, mode: 'id', value: ` ${id} ` })],
	['By ID from an expression', () => ({ __rl: true, mode: 'id', value: '={{ $json.id }}' })],
	['a plain string (a workflow saved before the locator)', (id: string) => id],
])('Chat Room → Update %s: the room’s id in updateChatRoom, in both engines', async (_label, value) => {
	const ours = await run(TYPE, value, (id) => [{ id }]);
	expect(ours.error).toBeUndefined();
	expect(ours.sent).toEqual([{ id: '<ID>', name: 'Sales EMEA' }]);
	expect(ours.items[0]).toMatchObject({ id: '<ID>', name: 'Sales EMEA' });
	const n8ns = await run('test.camDeclarative', value, (id) => [{ id }]);
	expect(n8ns).toEqual(ours);
});

test('an empty ID from an expression is refused before any request, naming the field and the item', async () => {
	const ours = await run(TYPE, { __rl: true, mode: 'id', value: '={{ $json.id }}' }, () => [{ id: '' }]);
	expect(ours.error).toMatch(/"Chat Room ID" is empty/);
	expect(ours.sent).toEqual([]);
});
