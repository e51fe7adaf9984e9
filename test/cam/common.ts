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
