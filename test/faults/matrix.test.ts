/**
 * The fault matrix: every node's operation families against every kind of failure a service or the
 * network produces. For each cell: a clear error naming the service and the item, continue-on-fail
 * output paired to the item, no secret anywhere in the run, and no duplicate side effect (a request
 * is repeated only after a 429, which means "not processed").
 */
import type { IDataObject } from 'n8n-workflow';

import { createEngine, type Engine } from '../harness/engine';
import { everyString } from '../harness/runText';
import { Simulator, type Fault } from '../simulators/base';
import { families } from './families';

interface Cell {
	label: string;
	fault: Fault | ((family: (typeof families)[number]) => Fault | undefined);
	/** the error text the user sees */
	message: (service: string) => RegExp;
	/** how many requests the service sees for the failing item */
	requests: number;
	/** the item ends well (the fault was passing) */
	succeeds?: boolean;
	/** how many answers in a row get the fault */
	times?: number;
	timeout?: number;
	/** more Request Options of the node */
	options?: IDataObject;
}

/** Another host: where a redirect points. It must never be contacted. */
const elsewhere = new Simulator('elsewhere');
elsewhere.route('GET', '/collect', () => ({ status: 200, body: { code: 201, data: { url: 'https://attacker.invalid/r' } } }));
elsewhere.route('POST', '/collect', () => ({ status: 200, body: { code: 201, data: { url: 'https://attacker.invalid/r' } } }));
beforeAll(async () => await elsewhere.start());
afterAll(async () => await elsewhere.stop());

const cells: Cell[] = [
	// n8n's authentication helper sends a request once more after a 401 (the service processed nothing)
	{ label: '401', fault: (f) => f.unauthorized ?? { kind: 'status', status: 401 }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 2, times: 2 },
	{ label: '403', fault: { kind: 'status', status: 403, body: { message: 'Forbidden' } }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: '404', fault: { kind: 'status', status: 404, body: { message: 'Not Found' } }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: '429 with Retry-After, then success', fault: { kind: 'rateLimit', retryAfter: 0 }, message: () => /^$/, requests: 2, succeeds: true },
	{ label: '429 without Retry-After, then success', fault: { kind: 'rateLimit' }, message: () => /^$/, requests: 2, succeeds: true },
	{ label: '500', fault: { kind: 'status', status: 500, body: { message: 'Internal Server Error' } }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: '502 HTML page', fault: { kind: 'html', status: 502 }, message: (s) => new RegExp(`^${s} error 502: `), requests: 1 },
	{ label: 'malformed JSON', fault: { kind: 'malformed' }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: 'empty body', fault: { kind: 'empty' }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: 'slow answer past the timeout', fault: { kind: 'delay', ms: 1200 }, message: (s) => new RegExp(`^${s}: no answer within 300 ms`), requests: 1, timeout: 300 },
	{ label: 'dropped connection', fault: { kind: 'drop' }, message: (s) => new RegExp(`^${s}: the connection was dropped`), requests: 1 },
	{ label: 'HTTP-200 failure envelope', fault: (f) => f.envelopeFailure, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	// the service (or an error page in front of it) echoes the request, headers included: nothing of it may survive
	{ label: 'error page echoing the request (HTTP 500)', fault: { kind: 'echo', status: 500 }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{ label: 'error answer echoing the request (HTTP 400)', fault: { kind: 'echo', status: 400 }, message: (s) => new RegExp(`^${s} error \\S+: `), requests: 1 },
	{
		label: 'HTTP-200 failure envelope echoing the request',
		fault: (f) => (f.envelopeWith ? { kind: 'echo', status: 200, wrap: f.envelopeWith } : undefined),
		message: (s) => new RegExp(`^${s} error \\S+: `),
		requests: 1,
	},
	{
		label: 'connection dropped after the status line (HTTP 200)',
		fault: { kind: 'dropAfterHeaders', status: 200 },
		message: (s) => new RegExp(`^${s}: the connection was dropped while the answer \\(HTTP 200\\) was arriving — the service may have done it: check before retrying ${ITEM_0}$`),
		requests: 1,
	},
	{
		// whichever gives up first: the node's deadline for the body, or the socket's idle timeout (n8n's)
		label: 'answer stalled after the status line, past the timeout',
		fault: { kind: 'stallAfterHeaders' },
		message: (s) =>
			new RegExp(`^${s}: (no answer within 300 ms \\(request timed out\\)|the connection was dropped while the answer \\(HTTP 200\\) was arriving) — the service may have done it: check before retrying ${ITEM_0}$`),
		requests: 1,
		timeout: 300,
	},
	{
		label: 'answer larger than Max Response Size',
		fault: { kind: 'oversized', bytes: 32 * 1024 * 1024 },
		message: (s) => new RegExp(`^${s}: the answer is larger than 0.3 MB and was not read — the service may have done it: check before retrying ${ITEM_0}$`),
		requests: 1,
		options: { maxResponseSize: 0.3 },
	},
	...([301, 302, 303, 307, 308] as const).map(
		(status): Cell => ({
			label: `redirect ${status} to another host`,
			fault: () => ({ kind: 'redirect', status, location: `${elsewhere.url}/collect?token=from-the-redirect` }),
			message: (s) =>
				new RegExp(`^${s} error ${status}: the service answered with a redirect to ${escape(new URL(elsewhere.url).host)}, which is not followed: the credential is only sent to the address configured in it ${ITEM_0}$`),
			requests: 1,
		}),
	),
];

/** how the first item is named: `(item 0)`, or its request for the batched Send Many */
const ITEM_0 = '(?:\\(item 0\\)|\\[request 1 of 2, item 0\\])';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(families)('$label', (family) => {
	let sim: Simulator;
	let engine: Engine;
	const service = escape(family.service);

	beforeAll(async () => {
		sim = family.simulator();
		await sim.start();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		sim.reset();
		engine = createEngine();
		const { type, data } = family.credential(sim);
		engine.store.add('cred', type, data as never);
	});

	const node = (extra: IDataObject = {}, continueOnFail = true) => ({
		name: 'Node',
		type: family.nodeType,
		parameters: { ...family.parameters, requestOptions: { concurrency: 1, ...extra } },
		credentials: { [family.credential(sim).type]: { id: 'cred', name: 'cred' } },
		continueOnFail,
	});

	const sideEffects = () => sim.log.filter((r) => family.isSideEffect(r.method, r.path)).length;

	// a cell whose fault the service cannot produce (e.g. no HTTP-200 failure envelope) is not run
	const faultOf = (cell: Cell) => (typeof cell.fault === 'function' ? cell.fault(family) : cell.fault);
	const familyCells = cells.filter((cell) => faultOf(cell) !== undefined);

	test('every cell but the HTTP-200 envelopes applies to every service', () => {
		const left = cells.filter((cell) => !familyCells.some((c) => c.label === cell.label)).map((cell) => cell.label);
		expect(left).toEqual(left.filter((label) => label.startsWith('HTTP-200 failure envelope')));
		expect(familyCells.length).toBeGreaterThanOrEqual(cells.length - 2);
	});

	test.each(familyCells)('$label', async (cell) => {
		// resolved when the test runs: a redirect points to a simulator started by then
		const fault = faultOf(cell)!;
		sim.fail(fault, { times: cell.times ?? 1, match: (r) => family.isSideEffect(r.method, r.path) });
		elsewhere.reset();
		const result = await engine.run([node({ ...(cell.timeout ? { timeout: cell.timeout } : {}), ...cell.options })], [family.item, family.item]);
		const out = result.output('Node');
		expect(out.map((i) => i.pairedItem)).toEqual(expect.arrayContaining([{ item: 0 }, { item: 1 }]));
		const first = out.find((i) => (i.pairedItem as { item: number }).item === 0)!;
		const second = out.find((i) => (i.pairedItem as { item: number }).item === 1)!;
		if (cell.succeeds) {
			expect(first.json.error).toBeUndefined();
		} else {
			expect(String(first.json.error)).toMatch(cell.message(service));
			expect((first.error as { context?: IDataObject } | undefined)?.context?.itemIndex).toBe(0);
		}
		// the second item is untouched by the first one's fault
		expect(second.json.error).toBeUndefined();
		expect(sideEffects()).toBe(cell.requests + 1);
		const everything = everyString(result.run);
		const secrets = family.secrets(sim);
		expect(secrets.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(everything).not.toContain(secret);
		// nothing was sent to another host
		expect(elsewhere.log).toEqual([]);
		if (fault.kind === 'oversized') expect(sim.oversizedBytesSent).toBeLessThan(fault.bytes);
	});

	test('a value made of dots never changes the request path', async () => {
		const dots = Object.fromEntries(Object.keys(family.item).map((k) => [k, '..']));
		const result = await engine.run([node()], [{ ...family.item, ...dots }, { ...family.item, user: '.' }]);
		const out = result.output('Node');
		expect(out.length).toBe(2);
		for (const request of sim.log) expect(family.isSideEffect(request.method, request.path)).toBe(true);
		// each item was either sent to its own endpoint or refused before sending: none vanished
		const refused = out.filter((i) => i.json.error !== undefined).length;
		expect(sideEffects() + refused).toBeGreaterThanOrEqual(2);
	});

	test('without continue-on-fail the node stops with the error of the failing item', async () => {
		sim.fail({ kind: 'status', status: 500, body: { message: 'boom' } }, { match: (r) => family.isSideEffect(r.method, r.path) });
		const result = await engine.run([node({}, false)], [family.item]);
		expect(result.error('Node')?.message).toMatch(new RegExp(`^${service} error \\S+: `));
		expect(sideEffects()).toBe(1);
	});

	test.each(family.badInputs)('bad input ($label) is refused before any request, naming the field and item', async (bad) => {
		const result = await engine.run([node()], [family.item, bad.item]);
		const out = result.output('Node');
		const failed = out.find((i) => (i.pairedItem as { item: number }).item === 1)!;
		expect(String(failed.json.error)).toMatch(bad.message);
		expect(String(failed.json.error)).toContain('item 1');
		expect(sideEffects()).toBe(1);
	});
});
