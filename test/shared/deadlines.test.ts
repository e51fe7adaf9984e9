/**
 * The body deadlines of a run share one timer (`Deadlines` in the executor): a read that ends in
 * time is forgotten, one still going at its deadline is abandoned, and a run of many requests starts
 * one timer, not one per request. That an abandoned body closes its stream and connection is in
 * test/shared/executorParts.test.ts (readCapped); what the error says, for every node, in the fault
 * matrix ("answer stalled after the status line, past the timeout").
 */
import { Deadlines } from '../../nodes/shared/http';
import { createEngine } from '../harness/engine';
import { VisioconferenceSimulator } from '../simulators/visioconference';

test('each read still pending at its deadline expires, in deadline order; a read that ended does not', async () => {
	const deadlines = new Deadlines();
	const expired: string[] = [];
	const now = Date.now();
	let lastExpired!: () => void;
	const done = new Promise<void>((resolve) => (lastExpired = resolve));
	deadlines.watch(now + 60, () => {
		expired.push('second');
		lastExpired();
	});
	deadlines.watch(now + 20, () => expired.push('first'));
	const ended = deadlines.watch(now + 40, () => expired.push('ended in time'));
	ended();
	deadlines.watch(now + 600_000, () => expired.push('far'));

	await done;

	expect(expired).toEqual(['first', 'second']);
});

test('reads due at the same firing expire in deadline order, whatever order they were watched in', async () => {
	const deadlines = new Deadlines();
	const expired: string[] = [];
	const now = Date.now();
	let lastExpired!: () => void;
	const done = new Promise<void>((resolve) => (lastExpired = resolve));
	deadlines.watch(now - 10, () => {
		expired.push('later');
		lastExpired();
	});
	deadlines.watch(now - 30, () => expired.push('earliest'));
	deadlines.watch(now - 20, () => expired.push('middle'));

	await done;

	expect(expired).toEqual(['earliest', 'middle', 'later']);
});

test('a deadline already past expires at once', async () => {
	const deadlines = new Deadlines();
	await new Promise<void>((resolve) => deadlines.watch(Date.now() - 1000, resolve));
});

test('a deadline earlier than the timer’s sets it again; one at the same time or later does not', () => {
	const timers = jest.spyOn(AbortSignal, 'timeout');
	try {
		const deadlines = new Deadlines();
		const now = Date.now();
		const unwatch = [
			deadlines.watch(now + 600_000, () => {}),
			deadlines.watch(now + 600_000, () => {}),
			deadlines.watch(now + 700_000, () => {}),
		];
		expect(timers).toHaveBeenCalledTimes(1);
		unwatch.push(deadlines.watch(now + 300_000, () => {}));
		expect(timers).toHaveBeenCalledTimes(2);
		expect(timers.mock.calls[1][0]).toBeLessThanOrEqual(300_000);
		for (const stop of unwatch) stop();
	} finally {
		timers.mockRestore();
	}
});

test('a read due at the very millisecond the timer fires expires then', async () => {
	const now = Date.now();
	const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
	try {
		await new Promise<void>((resolve) => new Deadlines().watch(now, resolve));
	} finally {
		clock.mockRestore();
	}
});

test('the timer of a later deadline, set before an earlier one came, does nothing when it fires after every read ended', async () => {
	const deadlines = new Deadlines();
	const now = Date.now();
	const later = jest.fn();
	const stopLater = deadlines.watch(now + 40, later);
	const earlier = new Promise<void>((resolve) => deadlines.watch(now + 5, resolve));
	stopLater();
	await earlier;
	// the first timer fires meanwhile, with nothing left to watch
	await new Promise((resolve) => setTimeout(resolve, 80));
	expect(later).not.toHaveBeenCalled();
	// and the next read is watched as usual
	await new Promise<void>((resolve) => deadlines.watch(Date.now() + 5, resolve));
});

test('a run of 30 requests starts one body timer, not one per request', async () => {
	const sim = new VisioconferenceSimulator();
	await sim.start();
	const timers = jest.spyOn(AbortSignal, 'timeout');
	try {
		const engine = createEngine();
		const credential = engine.store.add('visio', 'visioconferenceApi', { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl });
		const result = await engine.run(
			[
				{
					name: 'Visio',
					type: 'n8n-nodes-conferencing.visioconference',
					parameters: { resource: 'room', operation: 'create', name: '={{ $json.name }}' },
					credentials: { visioconferenceApi: credential },
				},
			],
			Array.from({ length: 30 }, (_, i) => ({ name: `Room ${i}` })),
		);

		expect(result.output('Visio')).toHaveLength(30);
		expect(sim.requests('POST', '/api/v1/entreprise/visio')).toHaveLength(30);
		expect(timers).toHaveBeenCalledTimes(1);
		// set for the first request's deadline: its 30 s timeout from when it was sent
		const [ms] = timers.mock.calls[0];
		expect(ms).toBeGreaterThan(0);
		expect(ms).toBeLessThanOrEqual(30_000);
	} finally {
		timers.mockRestore();
		await sim.stop();
	}
});
