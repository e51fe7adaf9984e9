import type { IDataObject } from 'n8n-workflow';

import { createEngine, type Engine, type TestNode } from '../harness/engine';
import { CamSimulator } from '../simulators/cam';

export const TYPE = 'n8n-nodes-conferencing.chatMessenger';

/** One simulator per test file, a fresh engine and credential per test. */
export function setup() {
	const sim = new CamSimulator();
	const ctx = {} as { sim: CamSimulator; engine: Engine; credential: { id: string; name: string } };
	ctx.sim = sim;
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.reset();
		ctx.engine = createEngine();
		ctx.credential = ctx.engine.store.add('cam', 'chatMessengerApi', { serverUrl: `${sim.url}/`, apiToken: sim.apiToken });
	});
	const node = (parameters: IDataObject, extra: Partial<TestNode> = {}): TestNode => ({
		name: 'CAM',
		type: TYPE,
		parameters,
		credentials: { chatMessengerApi: ctx.credential },
		...extra,
	});
	return { ctx, node };
}

/** The JSON inside a decoded form field, as the server reads it. */
export function formJson(form: Record<string, string> | undefined, field: string): any {
	expect(form).toBeDefined();
	expect(Object.keys(form!)).toEqual([field]);
	return JSON.parse(form![field]);
}

/** Message → Send Many, one message per input item: `{ text, to }` (direct) or `{ text, room }` (chat room). */
export const SEND_MANY = {
	resource: 'message',
	operation: 'sendMany',
	sendTo: '={{ $json.room ? "chatRoom" : "messenger" }}',
	roomName: '={{ $json.room }}',
	text: '={{ $json.text }}',
	recipients: '={{ $json.to }}',
};

/** `n` direct messages, numbered from `from`, to one or two users in turn. */
export const directItems = (n: number, from = 0) =>
	Array.from({ length: n }, (_, i) => ({ text: `message ${from + i}`, to: i % 2 ? 'user1@example.com' : 'user2@example.com,user3@example.com' }));
