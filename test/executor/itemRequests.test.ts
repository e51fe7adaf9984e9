/**
 * What the executor makes of a declaration for each item: the request the service gets (method, URL,
 * query, body, headers) and the items that come out, with a recording request helper in place of the
 * network. Parameters are plain values; a parameter holding an expression (`=…`) is given per item by
 * `perItem`, as n8n resolves it for each item.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { executeDeclared, perItemOperation, startRun, type ProviderSettings } from '../../nodes/shared/executor';
import { getPlan, type Declaration } from '../../nodes/shared/routing';

const settings: ProviderSettings = {
	service: 'Svc',
	credentialType: () => 'svcApi',
	secretFields: ['apiKey'],
	defaultConcurrency: 1,
};

interface Setup {
	parameters: IDataObject;
	/** values of the parameters written as expressions, per item */
	perItem?: Record<string, (itemIndex: number) => unknown>;
	items?: number;
	/** what the service answers to each request */
	answer?: (options: IHttpRequestOptions) => unknown;
	continueOnFail?: boolean;
	typeVersion?: number;
	credentials?: IDataObject;
	/** the node holds no id and name of its credential */
	noCredentialDetails?: boolean;
}

/** Runs `decl` through the executor; returns the requests sent, the output items and how parameters were read. */
async function run(decl: Declaration, setup: Setup) {
	const sent: IHttpRequestOptions[] = [];
	const authenticated: unknown[] = [];
	const cancel = new AbortController();
	const reads: Array<[string, number]> = [];
	const node = {
		id: '1',
		name: 'Node',
		type: 'test',
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		parameters: setup.parameters,
		credentials: setup.noCredentialDetails ? undefined : { svcApi: { id: 'c1', name: 'Svc account' } },
	} as INode;
	const credentials = setup.credentials ?? { apiKey: 'key-1', baseUrl: 'https://svc.example/api/' };
	const ctx = {
		getNode: () => node,
		getInputData: () => Array.from({ length: setup.items ?? 1 }, (_, i) => ({ json: { n: i } })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean; rawExpressions?: boolean }) => {
			reads.push([name, itemIndex]);
			const raw = setup.parameters[name];
			// as n8n: the parameter as written, expressions unresolved
			if (options?.rawExpressions) return raw;
			let value = setup.perItem?.[name] ? setup.perItem[name](itemIndex) : raw;
			if (value === undefined) value = fallback;
			if (options?.extractValue && value !== null && typeof value === 'object' && '__rl' in value) return (value as IDataObject).value;
			return value;
		},
		getCredentials: async (type: string, itemIndex: number) => {
			reads.push([`credentials ${type}`, itemIndex]);
			return type === 'svcApi' ? credentials : { other: type };
		},
		continueOnFail: () => setup.continueOnFail ?? false,
		getExecutionCancelSignal: () => cancel.signal,
		getMode: () => 'manual',
		getTimezone: () => 'Europe/Paris',
		getWorkflow: () => ({ id: 'wf-1' }),
		getExecutionId: () => 'exec-1',
		evaluateExpression: (expression: string, itemIndex: number) => `${expression}@${itemIndex}`,
		logger: { name: 'logger' },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions, additional: unknown) => {
				sent.push(options);
				authenticated.push(additional);
				const body = setup.answer ? setup.answer(options) : { ok: true };
				if (body instanceof Error) throw body;
				return { statusCode: 200, headers: {}, body } as IN8nHttpFullResponse;
			},
		},
	} as unknown as IExecuteFunctions;
	let error: Error | undefined;
	let output: INodeExecutionData[] = [];
	try {
		[output] = await executeDeclared.call(ctx, decl, settings);
	} catch (e) {
		error = e as Error;
	}
	const requests = sent.map(({ method, url, baseURL, qs, body, headers }) => ({ method, url, baseURL, qs, body, headers }));
	return { requests, output, items: output.map((i) => i.json), error, reads, cancel: cancel.signal, ctx, authenticated };
}

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Thing', value: 'thing' },
		{ name: 'Other', value: 'other' },
	],
	default: 'thing',
};

/** `thing → <operation>` with the given routing, and `other → get` (GET /others). */
function declaration(routing: INodePropertyRouting, properties: INodeProperties[] = [], defaults: Declaration['requestDefaults'] = { baseURL: '={{$credentials.baseUrl}}' }): Declaration {
	return {
		requestDefaults: defaults,
		properties: [
			resource,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				displayOptions: { show: { resource: ['other'] } },
				options: [{ name: 'Get', value: 'get', routing: { request: { method: 'GET', url: '/others' } } }],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				displayOptions: { show: { resource: ['thing'] } },
				options: [
					{ name: 'Get', value: 'get', routing },
					{ name: 'Delete', value: 'delete', routing: { request: { method: 'DELETE', url: '/things' } } },
				],
				default: 'get',
			},
			...properties,
		],
	};
}

const base = { resource: 'thing', operation: 'get' };

describe('the plan of an operation', () => {
	test('the operation of the chosen resource, with the properties shown for both', async () => {
		const decl = declaration({ request: { url: '/things' } }, [
			{ displayName: 'A', name: 'a', type: 'string', default: '', displayOptions: { show: { resource: ['thing'], operation: ['get'] } } },
			{ displayName: 'B', name: 'b', type: 'string', default: '', displayOptions: { show: { resource: ['other'] } } },
			{ displayName: 'C', name: 'c', type: 'string', default: '', displayOptions: { hide: { operation: ['get'] } } },
			{ displayName: 'D', name: 'd', type: 'string', default: '', displayOptions: { hide: { resource: ['other'] } } },
			{ displayName: 'E', name: 'e', type: 'string', default: '' },
		]);
		expect(getPlan(decl, 'thing', 'get').properties.map((p) => p.name)).toEqual(['a', 'd', 'e']);
		expect(getPlan(decl, 'thing', 'delete').properties.map((p) => p.name)).toEqual(['c', 'd', 'e']);
		expect(getPlan(decl, 'other', 'get').properties.map((p) => p.name)).toEqual(['b', 'e']);
		expect(getPlan(decl, 'other', 'get').request).toEqual({ baseURL: '={{$credentials.baseUrl}}', method: 'GET', url: '/others' });
		expect(() => getPlan(decl, 'other', 'delete')).toThrow('Unknown operation "delete" of resource "other"');
		expect(() => getPlan(decl, 'nothing', 'get')).toThrow('Unknown operation "get" of resource "nothing"');
		const { requestDefaults: _defaults, ...withoutDefaults } = declaration({ request: { url: 'https://svc.example/things', headers: { 'X-A': 'a' } } });
		expect(getPlan(withoutDefaults, 'thing', 'get').request).toEqual({ url: 'https://svc.example/things', headers: { 'X-A': 'a' } });
		expect((await run(withoutDefaults, { parameters: base })).requests).toEqual([
			{ method: 'GET', url: 'https://svc.example/things', baseURL: undefined, qs: {}, body: undefined, headers: { 'X-A': 'a' } },
		]);
	});

	test('headers, query and body are merged with the request defaults one level deep; other keys replace them', async () => {
		const decl = declaration(
			{ request: { method: 'POST', url: '/things', headers: { 'X-B': 'op' }, qs: { b: 'op' }, body: { b: 'op' }, json: false } },
			[],
			{ baseURL: '={{$credentials.baseUrl}}', url: '/default', json: true, headers: { 'X-A': 'd', 'X-B': 'd' }, qs: { a: 'd', b: 'd' }, body: { a: 'd' } },
		);
		const plan = getPlan(decl, 'thing', 'get');
		expect(plan.request).toEqual({
			baseURL: '={{$credentials.baseUrl}}',
			method: 'POST',
			url: '/things',
			json: false,
			headers: { 'X-A': 'd', 'X-B': 'op' },
			qs: { a: 'd', b: 'op' },
			body: { a: 'd', b: 'op' },
		});
		const { requests } = await run(decl, { parameters: base });
		expect(requests).toEqual([
			{ method: 'POST', url: '/things', baseURL: 'https://svc.example/api', qs: { a: 'd', b: 'op' }, body: { a: 'd', b: 'op' }, headers: { 'X-A': 'd', 'X-B': 'op' } },
		]);
		// a default body that is text is replaced, never spread into the operation's
		const text = declaration({ request: { method: 'POST', url: '/things', body: { b: 'op' } } }, [], { baseURL: 'https://svc.example', body: 'raw' as never });
		expect(getPlan(text, 'thing', 'get').request.body).toEqual({ b: 'op' });
		const ownText = declaration({ request: { method: 'POST', url: '/things', body: 'raw' as never } }, [], { baseURL: 'https://svc.example', body: { a: 'd' } });
		expect(getPlan(ownText, 'thing', 'get').request.body).toBe('raw');
		const ownNull = declaration({ request: { method: 'POST', url: '/things', body: null as never } }, [], { baseURL: 'https://svc.example', body: { a: 'd' } });
		expect(getPlan(ownNull, 'thing', 'get').request.body).toBeNull();
	});

	test('the method defaults to GET; an empty body is left out of a GET and a DELETE, kept for others', async () => {
		const get = await run(declaration({ request: { url: '/things' } }), { parameters: base });
		expect(get.requests).toEqual([{ method: 'GET', url: '/things', baseURL: 'https://svc.example/api', qs: {}, body: undefined, headers: {} }]);
		const del = await run(declaration({ request: { url: '/things' } }), { parameters: { ...base, operation: 'delete' } });
		expect(del.requests).toEqual([{ method: 'DELETE', url: '/things', baseURL: 'https://svc.example/api', qs: {}, body: undefined, headers: {} }]);
		const post = await run(declaration({ request: { method: 'POST', url: '/things' } }), { parameters: base });
		expect(post.requests[0].body).toEqual({});
		const patch = await run(declaration({ request: { method: 'PATCH', url: '/things' } }), { parameters: base });
		expect(patch.requests[0].body).toEqual({});
		// a body the operation declares as null is sent as declared
		const none = await run(declaration({ request: { method: 'POST', url: '/things', body: null as never } }), { parameters: base });
		expect(none.error).toBeUndefined();
		expect(none.requests[0].body).toBeNull();
	});
});

test('the credential read for the run goes with every request, with its id and name', async () => {
	const decl = declaration({ request: { url: '/things' } });
	const data = { apiKey: 'key-1', baseUrl: 'https://svc.example' };
	expect((await run(decl, { parameters: base, credentials: data })).authenticated).toEqual([{ credentialsDecrypted: { id: 'c1', name: 'Svc account', type: 'svcApi', data } }]);
	expect((await run(decl, { parameters: base, credentials: data, noCredentialDetails: true })).authenticated).toEqual([{ credentialsDecrypted: { id: '', name: '', type: 'svcApi', data } }]);
});

test('a resource locator with routing is sent as its value; a GET keeps a body that is not empty', async () => {
	const decl = declaration({ request: { url: '/things' } }, [
		{ displayName: 'Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'id', value: '' }, modes: [{ displayName: 'ID', name: 'id', type: 'string' }], routing: { send: { type: 'body', property: 'owner' } } },
	]);
	const { requests } = await run(decl, { parameters: { ...base, owner: { __rl: true, mode: 'id', value: 'u1' } } });
	expect(requests[0]).toEqual({ method: 'GET', url: '/things', baseURL: 'https://svc.example/api', qs: {}, body: { owner: 'u1' }, headers: {} });
});

describe('templates in an operation’s request', () => {
	const properties: INodeProperties[] = [
		{ displayName: 'Thing ID', name: 'id', type: 'string', default: '' },
		{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
		{ displayName: 'Filter', name: 'filter', type: 'json', default: '' },
		{
			displayName: 'Owner',
			name: 'owner',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
		},
	];

	test('a whole-value template keeps the value as it is; parts of a text are joined as text', async () => {
		const decl = declaration(
			{
				request: {
					url: '=/things/{{$parameter.id}}/of/{{ $parameter["owner"] }}/in/{{$credentials.region}}',
					qs: {
						count: '={{ $parameter.count }}',
						filter: '={{ $parameter[ "filter" ] }}',
						label: '=n{{$parameter.count}}-{{$credentials.none}}-{{$parameter.missing}}-{{$parameter.nothing}}',
						tail: '={{$parameter.count}} items',
					},
					headers: { 'X-Key': '={{$credentials.apiKey}}', 'X-Fixed': 'plain' },
				},
			},
			properties,
		);
		const { requests } = await run(decl, {
			parameters: { ...base, id: 'a b', count: 3, filter: { x: [1] }, owner: { __rl: true, mode: 'id', value: 'u/1' }, nothing: null },
			// a credential's value is placed as it is, a parameter's as one encoded path segment
			credentials: { apiKey: 'key-1', baseUrl: 'https://svc.example/api', region: 'eu/west', none: null },
		});
		expect(requests).toEqual([
			{
				method: 'GET',
				url: '/things/a%20b/of/u%2F1/in/eu/west',
				baseURL: 'https://svc.example/api',
				qs: { count: 3, filter: { x: [1] }, label: 'n3---', tail: '3 items' },
				body: undefined,
				headers: { 'X-Key': 'key-1', 'X-Fixed': 'plain' },
			},
		]);
	});

	test('a value placed in the URL path that is empty is refused, naming the field and the item', async () => {
		const decl = declaration({ request: { url: '=/things/{{$parameter.id}}' } }, properties);
		const { requests, error } = await run(decl, { parameters: { ...base, id: '' } });
		expect(requests).toEqual([]);
		expect(error?.message).toMatch(/Thing ID/);
		expect(error?.message).toMatch(/item 0/);
	});

	test('the refused value is named by its own field', async () => {
		const decl = declaration({ request: { url: '=/things/{{$parameter.id}}/{{$parameter.count}}' } }, properties);
		const { error } = await run(decl, { parameters: { ...base, id: 'a', count: '..' } });
		expect(error?.message).toBe('"Count" cannot be ".." (item 0)');
	});

	test('a parameter not among the operation’s properties is named by its name', async () => {
		const decl = declaration({ request: { url: '=/things/{{$parameter.ghost}}' } });
		const { error } = await run(decl, { parameters: { ...base, ghost: '..' } });
		expect(error?.message).toMatch(/ghost/);
	});

	test('the base URL loses its trailing slashes; a credential value in a whole-value template is not encoded', async () => {
		const decl = declaration({ request: { url: '/things' } }, [], { baseURL: '={{$credentials.baseUrl}}' });
		const { requests } = await run(decl, { parameters: base, credentials: { apiKey: 'k', baseUrl: 'https://svc.example/v1///' } });
		expect(requests[0].baseURL).toBe('https://svc.example/v1');
	});
});

describe('a property’s routing', () => {
	const prop = (name: string, routing: INodePropertyRouting, more: Partial<INodeProperties> = {}): INodeProperties =>
		({ displayName: name.toUpperCase(), name, type: 'string', default: '', routing, ...more }) as INodeProperties;

	test('send: to the body or (without a type) the query, at a dotted path or a literal one, the value or a fixed one', async () => {
		const decl = declaration({ request: { method: 'POST', url: '/things' } }, [
			prop('a', { send: { type: 'body', property: 'outer.inner' } }),
			prop('b', { send: { type: 'body', property: 'x.y', propertyInDotNotation: false } }),
			prop('c', { send: { property: 'c' } }),
			prop('d', { send: { type: 'query', property: 'd', value: '={{ $value }}' } }),
			prop('e', { send: { type: 'body', property: 'kind', value: 'fixed' } }),
			prop('f', { send: { type: 'body', property: 'outer.other' } }),
			prop('g', { send: { type: 'body', property: 'scalar.deeper' } }),
		]);
		const { requests } = await run(decl, { parameters: { ...base, a: 'A', b: 'B', c: 'C', d: 'D', e: 'E', f: 'F', g: 'G' } });
		expect(requests[0].body).toEqual({ outer: { inner: 'A', other: 'F' }, 'x.y': 'B', kind: 'fixed', scalar: { deeper: 'G' } });
		expect(requests[0].qs).toEqual({ c: 'C', d: 'D' });
	});

	test('a text already at the start of a dotted path is replaced by an object', async () => {
		const decl = declaration({ request: { method: 'POST', url: '/things', body: { outer: 'text', empty: null } } }, [
			prop('a', { send: { type: 'body', property: 'outer.inner' } }),
			prop('b', { send: { type: 'body', property: 'empty.inner' } }),
		]);
		const { requests } = await run(decl, { parameters: { ...base, a: 'A', b: 'B' } });
		expect(requests[0].body).toEqual({ outer: { inner: 'A' }, empty: { inner: 'B' } });
	});

	test('request: scalar keys set, object keys merged, each with $value', async () => {
		const decl = declaration({ request: { method: 'GET', url: '/things', headers: { 'X-A': 'op' } } }, [
			prop('method', { request: { method: '={{$value}}' as IHttpRequestOptions['method'], headers: { 'X-Mode': '={{$value}}', 'X-Fixed': 'yes' } } }),
			prop('path', { request: { url: '={{$value}}', qs: { p: '={{$value}}' } } }),
		]);
		const { requests } = await run(decl, { parameters: { ...base, method: 'PUT', path: '/elsewhere' } });
		expect(requests).toEqual([
			{ method: 'PUT', url: '/elsewhere', baseURL: 'https://svc.example/api', qs: { p: '/elsewhere' }, body: {}, headers: { 'X-A': 'op', 'X-Mode': 'PUT', 'X-Fixed': 'yes' } },
		]);
	});

	test('a property without routing sends nothing; one hidden by another parameter or by the version sends nothing', async () => {
		const decl = declaration({ request: { url: '/things' } }, [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: '' },
			prop('shown', { send: { property: 'shown' } }, { displayOptions: { show: { mode: ['a'] } } }),
			prop('hidden', { send: { property: 'hidden' } }, { displayOptions: { show: { mode: ['b'] } } }),
			prop('unhidden', { send: { property: 'unhidden' } }, { displayOptions: { hide: { mode: ['b'] } } }),
			prop('refused', { send: { property: 'refused' } }, { displayOptions: { hide: { mode: ['a'] } } }),
			prop('v2', { send: { property: 'v2' } }, { displayOptions: { show: { '@version': [2] } } }),
			prop('notV2', { send: { property: 'notV2' } }, { displayOptions: { hide: { '@version': [2] } } }),
			prop('forThing', { send: { property: 'forThing' } }, { displayOptions: { show: { resource: ['thing'], operation: ['get'] } } }),
		]);
		const parameters = { ...base, mode: 'a', shown: 1, hidden: 2, unhidden: 3, refused: 4, v2: 5, notV2: 6, forThing: 7 };
		expect((await run(decl, { parameters })).requests[0].qs).toEqual({ shown: 1, unhidden: 3, notV2: 6, forThing: 7 });
		expect((await run(decl, { parameters, typeVersion: 2 })).requests[0].qs).toEqual({ shown: 1, unhidden: 3, v2: 5, forThing: 7 });
	});

	test('collections: the options set and shown are sent, at any depth; fixed collections one or many values', async () => {
		const decl = declaration({ request: { method: 'POST', url: '/things' } }, [
			{ displayName: 'Kind', name: 'kind', type: 'string', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [
					prop('first', { send: { type: 'body', property: 'first' } }),
					prop('unset', { send: { type: 'body', property: 'unset' } }),
					prop('forB', { send: { type: 'body', property: 'forB' } }, { displayOptions: { show: { '/kind': ['b'] } } }),
					prop('forA', { send: { type: 'body', property: 'forA' } }, { displayOptions: { show: { '/kind': ['a'] } } }),
				],
			},
			{
				displayName: 'People',
				name: 'people',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{ displayName: 'Person', name: 'person', values: [prop('email', { send: { type: 'body', property: 'emails.last' } }), prop('role', { send: { type: 'query', property: 'role' } }, { displayOptions: { show: { '/kind': ['b'] } } })] },
					{ displayName: 'Absent', name: 'absent', values: [prop('nothing', { send: { type: 'body', property: 'nothing' } })] },
				],
			},
			{
				displayName: 'Place',
				name: 'place',
				type: 'fixedCollection',
				default: {},
				options: [{ displayName: 'Address', name: 'address', values: [prop('city', { send: { type: 'body', property: 'city' } })] }],
			},
		]);
		const { requests } = await run(decl, {
			parameters: {
				...base,
				kind: 'a',
				options: { first: 1, forB: 2, forA: 3 },
				people: { person: [{ email: 'b@x' }, { email: 'a@x', role: 'r1' }, { role: 'r2' }] },
				place: { address: { city: 'Lyon' } },
			},
		});
		expect(requests[0].body).toStrictEqual({ first: 1, forA: 3, emails: { last: 'a@x' }, city: 'Lyon' });
		expect(requests[0].qs).toStrictEqual({});
	});

	test('a collection that is not an object sends nothing from it; a fixed maxResults cuts the output', async () => {
		const child = [prop('inner', { send: { property: 'inner' } })];
		const decl = declaration({ request: { url: '/things' } }, [
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: child },
			{ displayName: 'Groups', name: 'groups', type: 'fixedCollection', default: {}, options: [{ displayName: 'Group', name: 'group', values: child }] },
			prop('cut', { output: { maxResults: 1 } }),
		]);
		const { requests, items } = await run(decl, { parameters: { ...base, options: 'text', groups: null, cut: 'x' }, answer: () => [{ a: 1 }, { a: 2 }] });
		expect(requests[0].qs).toStrictEqual({});
		expect(items).toEqual([{ a: 1 }]);
	});

	test('preSend and postReceive of properties and of the operation, in that order; output.maxResults', async () => {
		const order: string[] = [];
		const preSend = (name: string) =>
			async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
				order.push(name);
				return { ...options, headers: { ...options.headers, [`X-${name}`]: String(this.getNodeParameter(name)) } };
			};
		const postReceive = (name: string) =>
			async function (items: INodeExecutionData[]) {
				return items.map((item) => {
					const data = item.json.data as { list: IDataObject[] };
					return { json: { ...item.json, data: { list: [...data.list, { from: name }] } } };
				});
			};
		const decl = declaration(
			{ request: { url: '/things' }, send: { preSend: [preSend('op')] }, output: { postReceive: [postReceive('op'), { type: 'rootProperty', properties: { property: 'data.list' } }] } },
			[
				prop('p', { send: { preSend: [preSend('p')] }, output: { postReceive: [postReceive('p')] } }),
				prop('limit', { output: { maxResults: '={{$value}}' } }),
			],
		);
		const { requests, items } = await run(decl, {
			parameters: { ...base, p: 'P', op: 'O', limit: 4 },
			answer: () => ({ data: { list: [{ i: 1 }, { i: 2 }, { i: 3 }] } }),
		});
		expect(order).toEqual(['p', 'op']);
		expect(requests[0].headers).toEqual({ 'X-p': 'P', 'X-op': 'O' });
		// the property's function, the operation's, then rootProperty; then the first 4
		expect(items).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }, { from: 'p' }]);
	});
});

describe('the items that come out', () => {
	const decl = (postReceive?: INodePropertyRouting['output']) => declaration({ request: { url: '/things' }, ...(postReceive ? { output: postReceive } : {}) });

	test('without postReceive: a list answer gives an item per entry, an object one item, no body an empty item', async () => {
		expect((await run(decl(), { parameters: base, answer: () => [{ a: 1 }, { a: 2 }] })).items).toEqual([{ a: 1 }, { a: 2 }]);
		expect((await run(decl(), { parameters: base, answer: () => ({ a: 1 }) })).items).toEqual([{ a: 1 }]);
		expect((await run(decl(), { parameters: base, answer: () => undefined })).items).toEqual([{}]);
	});

	test('a disabled rootProperty is left out; an enabled one takes a value or a list at its path', async () => {
		const disabled = decl({ postReceive: [{ type: 'rootProperty', enabled: false, properties: { property: 'data' } }] });
		expect((await run(disabled, { parameters: base, answer: () => [{ a: 1 }, { a: 2 }] })).items).toEqual([{ a: 1 }, { a: 2 }]);
		const enabled = decl({ postReceive: [{ type: 'rootProperty', enabled: true, properties: { property: 'data' } }] });
		expect((await run(enabled, { parameters: base, answer: () => ({ data: { a: 1 } }) })).items).toEqual([{ a: 1 }]);
		expect((await run(enabled, { parameters: base, answer: () => ({ data: [{ a: 1 }, { a: 2 }] }) })).items).toEqual([{ a: 1 }, { a: 2 }]);
		const nested = decl({ postReceive: [{ type: 'rootProperty', properties: { property: 'data.list' } }] });
		expect((await run(nested, { parameters: base, answer: () => ({ data: { list: [{ a: 1 }] } }) })).items).toEqual([{ a: 1 }]);
		const missing = await run(nested, { parameters: base, answer: () => ({ other: 1 }) });
		// a path the answer lacks is read as nothing, not a crash: one item without JSON, as n8n's routing node gives
		expect(missing.error).toBeUndefined();
		expect(missing.output).toEqual([{ json: undefined, pairedItem: { item: 0 } }]);
		// with an action, a missing body is one empty object
		const fn = decl({ postReceive: [async (items: INodeExecutionData[]) => items] });
		expect((await run(fn, { parameters: base, answer: () => undefined })).items).toEqual([{}]);
		expect((await run(fn, { parameters: base, answer: () => [{ a: 1 }] })).items).toEqual([[{ a: 1 }]]);
	});

	test('every item is paired with its input item', async () => {
		const { output } = await run(decl(), { parameters: base, items: 2, answer: () => [{ a: 1 }, { a: 2 }] });
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	test('with Continue On Fail, a failed item gives its error and description, paired, and the others run', async () => {
		const failing = declaration({ request: { url: '=/things/{{$parameter.id}}' } }, [{ displayName: 'Thing ID', name: 'id', type: 'string', default: '' }]);
		const { output, requests } = await run(failing, { parameters: { ...base, id: '=' }, perItem: { id: (i) => (i === 0 ? '' : 'x') }, items: 2, continueOnFail: true });
		expect(requests.map((r) => r.url)).toEqual(['/things/x']);
		expect(output[0].json.error).toMatch(/Thing ID/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1]).toEqual({ json: { ok: true }, pairedItem: { item: 1 } });
	});

	test('without Continue On Fail, a refused input of a later item stops the run before any request', async () => {
		const failing = declaration({ request: { url: '=/things/{{$parameter.id}}' } }, [{ displayName: 'Thing ID', name: 'id', type: 'string', default: '' }]);
		const { error, requests, output } = await run(failing, { parameters: { ...base, id: '=' }, perItem: { id: (i) => (i === 2 ? '' : `t${i}`) }, items: 4 });
		expect(error?.message).toMatch(/Thing ID.*\(item 2\)/);
		expect(requests).toEqual([]);
		expect(output).toEqual([]);
	});

	test('every item’s parameters are read before the first request; the requests follow in item order', async () => {
		const events: string[] = [];
		const decl = declaration(
			{ request: { url: '/things' }, send: { preSend: [async function (this: IExecuteSingleFunctions, o: IHttpRequestOptions) { events.push(`build ${this.getItemIndex()}`); return o; }] } },
			[],
		);
		const { requests } = await run(decl, { parameters: base, items: 3, answer: () => (events.push('send'), { ok: true }) });
		expect(requests).toHaveLength(3);
		expect(events).toEqual(['build 0', 'build 1', 'build 2', 'send', 'send', 'send']);
	});
});

describe('pagination', () => {
	const paginate = async function (
		this: IExecuteSingleFunctions & { makeRoutingRequest: (o: IDataObject) => Promise<INodeExecutionData[]> },
		requestData: IDataObject,
	) {
		const options = requestData.options as IHttpRequestOptions;
		const first = await this.makeRoutingRequest({ ...requestData, options: { ...options, qs: { ...options.qs, page: 1 } } });
		const second = await this.makeRoutingRequest({ ...requestData, options: { ...options, qs: { ...options.qs, page: 2 } } });
		return [...first, ...second, { json: { maxResults: requestData.maxResults as number, index: this.getItemIndex() } }];
	};
	const decl = declaration({ request: { url: '/things' }, operations: { pagination: paginate as never } }, [
		{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, routing: { send: { paginate: '={{$value}}' } } },
		{ displayName: 'Limit', name: 'limit', type: 'number', default: 50, routing: { send: { property: 'limit' }, output: { maxResults: '={{$value}}' } } },
	]);
	const answer = (options: IHttpRequestOptions) => ({ page: (options.qs as IDataObject).page ?? 0 });

	test('Return All pages through the operation’s function, each page post-processed, then cut to the limit', async () => {
		const { requests, items } = await run(decl, { parameters: { ...base, returnAll: true, limit: 10 }, answer });
		expect(requests.map((r) => r.qs)).toEqual([{ limit: 10, page: 1 }, { limit: 10, page: 2 }]);
		expect(items).toEqual([{ page: 1 }, { page: 2 }, { maxResults: 10, index: 0 }]);
		const cut = await run(decl, { parameters: { ...base, returnAll: true, limit: 1 }, answer });
		expect(cut.items).toEqual([{ page: 1 }]);
	});

	test('Return All on an operation without a pagination function sends one request; a limit that is not a number cuts nothing', async () => {
		const unpaged = declaration({ request: { url: '/things' } }, [
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, routing: { send: { paginate: '={{$value}}' } } },
			{ displayName: 'Limit', name: 'limit', type: 'string', default: '', routing: { output: { maxResults: '={{$value}}' } } },
		]);
		const { requests, items } = await run(unpaged, { parameters: { ...base, returnAll: true, limit: 'all' }, answer: () => [{ a: 1 }, { a: 2 }] });
		expect(requests).toHaveLength(1);
		expect(items).toEqual([{ a: 1 }, { a: 2 }]);
	});

	test('an operation with a pagination function but no Return All shown sends one request', async () => {
		const noReturnAll = declaration({ request: { url: '/things' }, operations: { pagination: paginate as never } });
		const { requests } = await run(noReturnAll, { parameters: base, answer });
		expect(requests.map((r) => r.qs)).toEqual([{}]);
	});

	test('without Return All one request is sent', async () => {
		const { requests, items } = await run(decl, { parameters: { ...base, returnAll: false, limit: 10 }, answer });
		expect(requests.map((r) => r.qs)).toEqual([{ limit: 10 }]);
		expect(items).toEqual([{ page: 0 }]);
	});
});

describe('parameters are read once per item, and once per run without an expression', () => {
	test('a fixed parameter is read once for every item; one with an expression once per item', async () => {
		const decl = declaration(
			{ request: { url: '=/places/{{$parameter.place}}' }, send: { preSend: [async function (this: IExecuteSingleFunctions, o: IHttpRequestOptions) { this.getNodeParameter('fixed'); this.getNodeParameter('perItem'); return o; }] } },
			[
				{ displayName: 'Fixed', name: 'fixed', type: 'string', default: '', routing: { send: { property: 'fixed' } } },
				{ displayName: 'Per Item', name: 'perItem', type: 'string', default: '', routing: { send: { property: 'perItem' } } },
				{ displayName: 'Nested', name: 'nested', type: 'collection', default: {}, options: [{ displayName: 'X', name: 'x', type: 'string', default: '', routing: { send: { property: 'x' } } }] },
				{ displayName: 'Count', name: 'count', type: 'number', default: 0, routing: { send: { property: 'count' } } },
				{ displayName: 'Empty', name: 'empty', type: 'json', default: '', routing: { send: { property: 'empty' } } },
				{ displayName: 'Plain List', name: 'plainList', type: 'json', default: '', routing: { send: { property: 'plainList' } } },
				{ displayName: 'List', name: 'list', type: 'json', default: '', routing: { send: { property: 'list' } } },
				{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
				{ displayName: 'Place ID', name: 'place', type: 'string', default: '' },
			],
		);
		const { requests, reads } = await run(decl, {
			parameters: { ...base, notes: 'never read', place: 'p1', fixed: 'f', perItem: '={{$json.n}}', nested: { x: 'plain', y: '={{$json.n}}' }, count: 2, empty: null, plainList: ['a', { b: 'c' }], list: ['a', '={{$json.n}}'] },
			perItem: { perItem: (i) => `p${i}`, nested: (i) => ({ x: `x${i}` }), list: (i) => ['a', `l${i}`] },
			items: 3,
		});
		expect(requests.map((r) => r.qs)).toEqual([0, 1, 2].map((i) => ({ fixed: 'f', perItem: `p${i}`, x: `x${i}`, count: 2, empty: null, plainList: ['a', { b: 'c' }], list: ['a', `l${i}`] })));
		const count = (name: string) => reads.filter(([n]) => n === name).map(([, i]) => i);
		expect(count('fixed')).toEqual([0]);
		expect(count('count')).toEqual([0]);
		expect(count('empty')).toEqual([0]);
		expect(count('plainList')).toEqual([0]);
		expect(count('perItem')).toEqual([0, 1, 2]);
		expect(count('nested')).toEqual([0, 1, 2]);
		expect(count('list')).toEqual([0, 1, 2]);
		expect(count('place')).toEqual([0]);
		expect(count('notes')).toEqual([]);
	});

	test('an object read twice is a copy each time: a preSend changing it changes nothing else', async () => {
		const decl = declaration(
			{
				request: { url: '/things' },
				send: {
					preSend: [
						async function (this: IExecuteSingleFunctions, o: IHttpRequestOptions) {
							(this.getNodeParameter('options') as IDataObject).a = 'changed';
							(this.getNodeParameter('list') as string[]).push('changed');
							return { ...o, headers: { 'X-A': String((this.getNodeParameter('options') as IDataObject).a), 'X-L': (this.getNodeParameter('list') as string[]).join() } };
						},
					],
				},
			},
			[
				{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'A', name: 'a', type: 'string', default: '' }] },
				{ displayName: 'List', name: 'list', type: 'string', default: '' },
			],
		);
		const { requests } = await run(decl, { parameters: { ...base, options: { a: 'original' }, list: ['x'] } });
		expect(requests[0].headers).toEqual({ 'X-A': 'original', 'X-L': 'x' });
	});
});

test('what a preSend function sees of its item: parameters, index, input, credentials and the run’s context', async () => {
	let seen: IDataObject = {};
	const decl = declaration(
		{
			request: { url: '/things' },
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions, o: IHttpRequestOptions) {
						seen = {
							count: this.getNodeParameter('count'),
							owner: this.getNodeParameter('owner', undefined, { extractValue: true }),
							ownerRaw: this.getNodeParameter('owner'),
							// options the per-item reader does not know go to n8n as they are
							countWritten: this.getNodeParameter('count', undefined, { rawExpressions: true }),
							ownerWritten: this.getNodeParameter('owner', undefined, { extractValue: true, rawExpressions: true }),
							missing: this.getNodeParameter('missing', 'fallback'),
							index: this.getItemIndex(),
							input: this.getInputData(),
							node: this.getNode().name,
							credentials: await this.getCredentials('svcApi'),
							otherCredentials: await this.getCredentials('otherApi'),
							expression: this.evaluateExpression('{{1}}', 1),
							continueOnFail: this.continueOnFail(),
							mode: this.getMode(),
							timezone: this.getTimezone(),
							workflow: this.getWorkflow(),
							execution: this.getExecutionId(),
							signal: this.getExecutionCancelSignal(),
							logger: this.logger,
							helpers: Object.keys(this.helpers),
						};
						return o;
					},
				],
			},
		},
		[
			{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
			{ displayName: 'Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'id', value: '' }, modes: [{ displayName: 'ID', name: 'id', type: 'string' }] },
		],
	);
	const { reads, cancel } = await run(decl, { parameters: { ...base, count: '=', owner: { __rl: true, mode: 'id', value: 'u1' } }, perItem: { count: (i) => 10 + i }, items: 2, continueOnFail: true });
	expect(seen).toEqual({
		count: 11,
		owner: 'u1',
		ownerRaw: { __rl: true, mode: 'id', value: 'u1' },
		countWritten: '=',
		ownerWritten: { __rl: true, mode: 'id', value: 'u1' },
		missing: 'fallback',
		index: 1,
		input: { json: { n: 1 } },
		node: 'Node',
		credentials: { apiKey: 'key-1', baseUrl: 'https://svc.example/api/' },
		otherCredentials: { other: 'otherApi' },
		expression: '{{1}}@1',
		continueOnFail: true,
		mode: 'manual',
		timezone: 'Europe/Paris',
		workflow: { id: 'wf-1' },
		execution: 'exec-1',
		signal: cancel,
		logger: { name: 'logger' },
		helpers: ['httpRequestWithAuthentication'],
	});
	// the run's credential is read once; another type is read for the item
	expect(reads.filter(([name]) => name.startsWith('credentials'))).toEqual([
		['credentials svcApi', 0],
		['credentials otherApi', 0],
		['credentials otherApi', 1],
	]);
});

describe('a custom operation run per item', () => {
	async function runCustom(work: (itemIndex: number) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>, usesCredentials?: boolean) {
		let credentialReads = 0;
		const ctx = {
			getNode: () => ({ name: 'Node', parameters: {} }),
			getInputData: () => [{ json: {} }, { json: {} }],
			getNodeParameter: (_name: string, _i: number, fallback: unknown) => fallback,
			getCredentials: async () => {
				credentialReads++;
				return { apiKey: 'key-1' };
			},
			continueOnFail: () => false,
		} as unknown as IExecuteFunctions;
		const operation = perItemOperation(settings, async (i) => await work(i), usesCredentials === undefined ? undefined : { usesCredentials });
		const [output] = await operation.call(ctx);
		return { output, credentialReads };
	}

	test('an object, a list of objects or of items: one output item each, paired with its input item', async () => {
		const { output, credentialReads } = await runCustom(async (i) => (i === 0 ? { a: 0 } : [{ json: { b: 1 } }, { json: { c: 'key-1' } }]));
		expect(output).toEqual([
			{ json: { a: 0 }, pairedItem: { item: 0 } },
			{ json: { b: 1 }, pairedItem: { item: 1 } },
			{ json: { c: '***' }, pairedItem: { item: 1 } },
		]);
		expect(credentialReads).toBe(1);
		const lists = await runCustom(async (i) => [{ n: i }, { json: 'text' } as IDataObject]);
		expect(lists.output.map((item) => item.json)).toEqual([{ n: 0 }, { json: 'text' }, { n: 1 }, { json: 'text' }]);
	});

	test('without Continue On Fail no item starts after one failed', async () => {
		const started: number[] = [];
		await expect(
			runCustom(async (i) => {
				started.push(i);
				throw new Error(`item ${i} failed`);
			}),
		).rejects.toThrow('item 0 failed');
		expect(started).toEqual([0]);
	});

	test('one that uses no credential does not read it', async () => {
		expect((await runCustom(async () => ({}), false)).credentialReads).toBe(0);
	});

	/** A node's context with its Request Options at their defaults and the given credential reader. */
	const withCredential = (getCredentials: (type: string, itemIndex: number) => Promise<IDataObject>) =>
		({
			getNode: () => ({ name: 'Node', parameters: {} }),
			getNodeParameter: (_name: string, _i: number, fallback: unknown) => fallback,
			getCredentials,
		}) as unknown as IExecuteFunctions;

	test('a run started without saying reads the credential once', async () => {
		const ctx = withCredential(async (type, itemIndex) => ({ apiKey: 'key-1', type, itemIndex }));
		expect((await startRun(ctx, settings)).credentials).toEqual({ apiKey: 'key-1', type: 'svcApi', itemIndex: 0 });
	});

	test('its addresses are the node’s own: a credential kept from the HTTP Request node ("None") still works, a domain list applies as written', async () => {
		const restricted = (credentials: IDataObject) => withCredential(async () => credentials);
		expect((await startRun(restricted({ apiKey: 'key-1', allowedHttpRequestDomains: 'none' }), settings)).allowedDomains).toBeUndefined();
		const listed = await startRun(restricted({ apiKey: 'key-1', allowedHttpRequestDomains: 'domains', allowedDomains: 'files.example.net' }), settings);
		expect(listed.allowedDomains).toBe('files.example.net');
	});
});

describe('what comes out is masked, and errors name their item', () => {
	test('an OAuth2 token refreshed during the run is masked too, as is the old one and the proxy password', async () => {
		const credentials: IDataObject = { oauthTokenData: { access_token: 'tok-1', refresh_token: 'ref-1' } };
		const decl = declaration({ request: { url: '/things' } }, [], { baseURL: 'https://svc.example' });
		const { items, requests } = await run(decl, {
			parameters: { ...base, requestOptions: { proxy: 'http://user:proxy-secret@proxy.example:3128' } },
			credentials,
			answer: () => {
				// n8n stores a refreshed token in the credential
				credentials.oauthTokenData = { access_token: 'tok-2', refresh_token: 'ref-2' };
				return { said: 'tok-1 ref-1 tok-2 ref-2 proxy-secret' };
			},
		});
		expect(requests).toHaveLength(1);
		expect(items).toEqual([{ said: '*** *** *** *** ***' }]);
		// a proxy without a user has no password to mask
		const plain = await run(decl, { parameters: { ...base, requestOptions: { proxy: 'http://proxy.example:3128' } } });
		expect(plain.items).toEqual([{ ok: true }]);
	});

	test('a failure that is not an n8n error keeps its words and names the item; Continue On Fail gives it as the item’s error', async () => {
		const throwing = (thrown: unknown) =>
			declaration({
				request: { url: '/things' },
				send: {
					preSend: [
						async function (this: IExecuteSingleFunctions): Promise<IHttpRequestOptions> {
							if (this.getItemIndex() === 1) throw thrown;
							return { url: '/things' };
						},
					],
				},
			});
		const failed = await run(throwing(new Error('bad key-1 here')), { parameters: base, items: 2 });
		expect(failed.error?.message).toBe('bad *** here');
		expect((failed.error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
		const text = await run(throwing('just text'), { parameters: base, items: 2, continueOnFail: true });
		expect(text.items).toStrictEqual([{ ok: true }, { error: 'just text' }]);
		expect(text.output[1].pairedItem).toEqual({ item: 1 });
		const nothing = await run(throwing(undefined), { parameters: base, items: 2, continueOnFail: true });
		expect(nothing.items).toStrictEqual([{ ok: true }, { error: 'undefined' }]);
	});

	test('an n8n error keeps its context and gets the item; its description comes out with Continue On Fail', async () => {
		const decl = declaration({
			request: { url: '/things' },
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions): Promise<IHttpRequestOptions> {
						const error = new NodeOperationError(this.getNode(), 'refused', { description: 'why key-1' });
						error.context.code = 'R1';
						throw error;
					},
				],
			},
		});
		const failed = await run(decl, { parameters: base, items: 1 });
		expect((failed.error as unknown as { context: IDataObject }).context).toEqual({ code: 'R1', itemIndex: 0 });
		expect((failed.error as NodeOperationError).description).toBe('why ***');
		const kept = await run(decl, { parameters: base, items: 1, continueOnFail: true });
		expect(kept.items).toEqual([{ error: 'refused', description: 'why ***' }]);
	});
});
