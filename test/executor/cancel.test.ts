/**
 * n8n's "Stop execution" reaches a request under way: the connection to the service is closed
 * instead of being left open until the service answers or the request timeout.
 */
import { createEngine } from '../harness/engine';
import { VisioconferenceSimulator } from '../simulators/visioconference';

const sim = new VisioconferenceSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

async function until(condition: () => boolean) {
	for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
	return condition();
}

test('stopping the execution closes the connection of a request still waiting for its answer', async () => {
	sim.reset();
	sim.fail({ kind: 'delay', ms: 60_000 });
	const engine = createEngine();
	const credential = engine.store.add('visio', 'visioconferenceApi', { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl });
	let cancel: (() => void) | undefined;
	const node = {
		name: 'Visio',
		type: 'n8n-nodes-conferencing.visioconference',
		parameters: { resource: 'room', operation: 'create', name: 'Held' },
		credentials: { visioconferenceApi: credential },
	};
	const running = engine.run([node], [{}], 'manual', (c) => (cancel = c)).catch((error: unknown) => error);
	expect(await until(() => sim.inFlight === 1)).toBe(true);
	expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/entreprise/visio']);
	cancel!();
	// closed by the client, before the service answered (its answer is a minute away)
	expect(await until(() => sim.closedByClient === 1)).toBe(true);
	expect(sim.inFlight).toBe(0);
	await running;
});
