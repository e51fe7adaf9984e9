/**
 * Differential runs: the same parameters through the pack's executor and through n8n-core's own
 * RoutingNode (the node's description without `execute`, `customOperations` and the executor's
 * Request Options), in n8n's engine, each from the same simulator state. What is compared: every
 * API request (method, path, query, body, every header but the credential's) and every output item
 * (JSON, pairing, binary), or the error the node stopped with.
 *
 * `differentialSuite` registers one test per case of a provider's table, plus one that fails when a
 * declared operation of the node has no case, so that a new operation cannot be left out.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodePropertyOptions, INodeType } from 'n8n-workflow';

import type { Simulator, SimRequest } from '../simulators/base';
import { createEngine, type Engine, type TestNode } from './engine';

/** The type name the declarative variant is registered under. */
export const DECLARATIVE = 'test.declarative';

/** The node as n8n's RoutingNode runs it: its description and list methods, nothing that executes. */
export function declarativeVariant(node: INodeType): INodeType {
	return {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
		methods: node.methods,
	};
}

/**
 * Every `resource.operation` the node declares with routing (its `customOperations` are code and left
 * out), or with `paged` only those that page (`routing.operations.pagination`).
 */
export function declaredOperations(node: INodeType, { paged = false } = {}): string[] {
	const { properties } = node.description;
	const resources = ((properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
	return resources.flatMap((resource) =>
		properties
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? [resource]).includes(resource))
			.flatMap((p) => p.options as INodePropertyOptions[])
			.filter((o) => !node.customOperations?.[resource]?.[String(o.value)] && (!paged || o.routing?.operations?.pagination))
			.map((o) => `${resource}.${String(o.value)}`),
	);
}

export interface Exchange {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	headers: Record<string, unknown>;
}

export interface DiffRun {
	/** the error the node stopped with (when it did not continue on fail) */
	error?: { name: string; message: string; description?: string | null; httpCode?: string };
	requests: Exchange[];
	items: Array<{ json: IDataObject; pairedItem: INodeExecutionData['pairedItem']; binary?: IDataObject }>;
}

export interface DiffTarget {
	sim: Simulator;
	/** The pack's node. */
	node: INodeType;
	/** An engine, and the pack's node with `parameters` (the declarative variant is added to the engine). */
	setup(parameters: IDataObject, extra: Partial<TestNode>): { engine: Engine; node: TestNode };
	/** Request headers (lower case) that carry the credential or a signature. */
	authHeaders: string[];
	/** Query keys that carry the credential or a signature (YTX `Sign`). */
	authQuery?: string[];
	/** Other hosts the node talks to (a storage host): their requests are compared too, with all their headers. */
	also?: Simulator[];
	/** The API's requests among those logged (token exchanges left out). */
	isApi?: (request: SimRequest) => boolean;
	/** Values that differ from run to run (generated IDs, times), replaced in the JSON of a run. */
	volatile?: (json: string) => string;
}

/** `setup` for a node with one credential: a fresh engine for each run, the credential's `data` read then. */
export function oneCredential(nodeName: string, type: string, credentialType: string, data: () => ICredentialDataDecryptedObject): DiffTarget['setup'] {
	return (parameters, extra) => {
		const engine = createEngine();
		const credential = engine.store.add('credential', credentialType, data());
		return { engine, node: { name: nodeName, type, parameters, credentials: { [credentialType]: credential }, ...extra } };
	};
}

export interface BothOptions {
	items?: IDataObject[];
	/** sets the simulator's state (after its reset) before each run */
	prepare?: () => void;
	continueOnFail?: boolean;
}

/**
 * Runs `parameters` through the pack's executor, then through n8n's RoutingNode, each after a reset
 * and `prepare`; `maxInFlight` is the most requests the simulator had at once in each run.
 */
export async function both(target: DiffTarget, parameters: IDataObject, options: BothOptions = {}) {
	const maxInFlight = { ours: 0, n8ns: 0 };
	const once = async (declarative: boolean): Promise<DiffRun> => {
		for (const sim of [target.sim, ...(target.also ?? [])]) sim.reset();
		options.prepare?.();
		const { engine, node } = target.setup(parameters, { continueOnFail: options.continueOnFail });
		engine.nodeTypes.types.set(DECLARATIVE, declarativeVariant(target.node));
		if (declarative) node.type = DECLARATIVE;
		const result = await engine.run([node], options.items ?? [{}]);
		maxInFlight[declarative ? 'n8ns' : 'ours'] = target.sim.maxInFlight;
		const error = result.error(node.name);
		const requests = target.sim.log
			.filter((r) => target.isApi?.(r) ?? true)
			.map((r) => exchange(r, target.authHeaders, target.authQuery))
			.concat((target.also ?? []).flatMap((host) => host.log.map((r) => exchange(r, [], []))));
		const run: DiffRun = {
			error: error && { name: error.name, message: error.message, description: error.description, httpCode: error.httpCode },
			requests,
			items: result.output(node.name).map((i) => ({
				json: i.json,
				pairedItem: i.pairedItem,
				...(i.binary ? { binary: Object.fromEntries(Object.entries(i.binary).map(([k, b]) => [k, { fileName: b.fileName, mimeType: b.mimeType, data: b.data }])) } : {}),
			})),
		};
		const text = JSON.stringify(run);
		return JSON.parse(target.volatile ? target.volatile(text) : text) as DiffRun;
	};
	const ours = await once(false);
	const n8ns = await once(true);
	return { ours, n8ns, maxInFlight };
}

/** A run as compared: RoutingNode sends all items' requests at once, so the order they arrived in is left out. */
export function comparable(run: DiffRun): DiffRun {
	return { ...run, requests: [...run.requests].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

function exchange(r: SimRequest, authHeaders: string[], authQuery: string[] = []): Exchange {
	const query = Object.fromEntries(Object.entries(r.query).filter(([k]) => !authQuery.includes(k)));
	const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !authHeaders.includes(k)));
	return { method: r.method, path: r.path, query, body: r.json ?? r.form ?? (r.text || undefined), headers };
}

/**
 * A difference the executor has on purpose, named: `assert` checks both sides of it, `align` takes it
 * out of n8n's run so that everything else is still compared.
 */
export interface Difference {
	name: string;
	assert(ours: DiffRun, n8ns: DiffRun): void;
	align(n8ns: DiffRun, ours: DiffRun): DiffRun;
}

/** Bad input fails as n8n's convention has it, a `NodeOperationError`; RoutingNode wraps whatever a `preSend` throws. */
export const INPUT_ERROR_KEPT: Difference = {
	name: 'a refused input stays a NodeOperationError; RoutingNode turns it into a NodeApiError with HTTP code "none"',
	assert(ours, n8ns) {
		expect(ours.error).toMatchObject({ name: 'NodeOperationError' });
		expect(ours.error?.httpCode).toBeUndefined();
		expect(n8ns.error).toMatchObject({ name: 'NodeApiError', httpCode: 'none' });
	},
	align: (n8ns) => ({ ...n8ns, error: n8ns.error && { ...n8ns.error, name: 'NodeOperationError', httpCode: undefined } }),
};

/**
 * An HTTP failure is explained by the provider's error mapper (its code, an English reason, the
 * service's own message); RoutingNode gives n8n's generic text for the status. Same status either way.
 */
export function httpErrorExplained(service: string, status: number): Difference {
	return {
		name: `HTTP ${status} is explained by the provider's error mapper; RoutingNode gives n8n's generic text`,
		assert(ours, n8ns) {
			expect(ours.error?.message ?? ours.items.find((i) => i.json.error)?.json.error).toMatch(new RegExp(`^${service.replace(/[&.]/g, '\\$&')} error \\w+: `));
			expect(n8ns.error?.message ?? n8ns.items.find((i) => i.json.error)?.json.error).not.toMatch(service);
			if (ours.error) expect([ours.error.httpCode, n8ns.error?.httpCode]).toEqual([String(status), String(status)]);
		},
		align: (n8ns, ours) => ({ ...n8ns, error: ours.error, items: n8ns.items.map((item, i) => (item.json.error ? ours.items[i] : item)) }),
	};
}

export interface DiffCase extends BothOptions {
	/** `resource.operation`; the parameters get `resource` and `operation` from it */
	operation: string;
	/** what the case shows, when an operation has several */
	title?: string;
	parameters: IDataObject;
	/** what the pack's run must show (requests sent, items, error), so that agreement is not agreement on nothing */
	expect(ours: DiffRun): void;
	/** where the two runs must differ */
	differs?: Difference;
}

/**
 * One test per case: the pack's run passes the case's own expectations, and n8n's RoutingNode run is
 * the same in every compared part. Two tests more fail when a declared operation has no case, or one
 * that pages lacks a Return All or a Limit case.
 */
export function differentialSuite(target: () => DiffTarget, cases: DiffCase[]) {
	test('every declared operation has a differential case', () => {
		const declared = declaredOperations(target().node);
		expect(declared.filter((o) => !cases.some((c) => c.operation === o))).toEqual([]);
		expect(cases.filter((c) => !declared.includes(c.operation)).map((c) => c.operation)).toEqual([]);
	});

	test('every operation that pages has a Return All and a Limit case', () => {
		const paged = declaredOperations(target().node, { paged: true });
		const missing = paged.flatMap((o) =>
			[true, false].filter((returnAll) => !cases.some((c) => c.operation === o && c.parameters.returnAll === returnAll)).map((returnAll) => `${o} returnAll: ${returnAll}`),
		);
		expect(missing).toEqual([]);
	});

	const name = (c: DiffCase) => `${c.operation}${c.title ? ` (${c.title})` : ''}${c.differs ? `; differs: ${c.differs.name}` : ''}`;
	test.each(cases.map((c) => [name(c), c] as const))('%s: n8n RoutingNode sends the same requests and puts out the same items', async (_name, c) => {
		const [resource, operation] = c.operation.split('.');
		const { ours, n8ns } = await both(target(), { resource, operation, ...c.parameters }, c);
		c.expect(ours);
		c.differs?.assert(ours, n8ns);
		expect(comparable(c.differs ? c.differs.align(n8ns, ours) : n8ns)).toEqual(comparable(ours));
	});
}
