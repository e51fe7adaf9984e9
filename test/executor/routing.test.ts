/**
 * Routing features the executor runs the way n8n's routing node does, each checked against n8n-core's
 * RoutingNode with the same declaration and parameters: the request the service received and the
 * items that came out.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Declaration } from '../../nodes/shared/routing';
import { oneOperation, recordingServer, runTestNode } from './declared';

const service = recordingServer((req) => ({ data: [{ n: 1 }, { n: 2 }], url: req.url, a: req.headers['x-a'], b: req.headers['x-b'] }));
beforeAll(async () => await service.start());
afterAll(async () => await service.stop());

const properties: INodeProperties[] = [
	...oneOperation('getAll', '/things'),
	// no send.type: the query
	{ displayName: 'Filter', name: 'filter', type: 'string', default: '', routing: { send: { property: 'q' } } },
	{ displayName: 'V1', name: 'v1', type: 'string', default: 'one', displayOptions: { show: { '@version': [1] } }, routing: { send: { type: 'query', property: 'v1' } } },
	{ displayName: 'V2', name: 'v2', type: 'string', default: 'two', displayOptions: { show: { '@version': [2] } }, routing: { send: { type: 'query', property: 'v2' } } },
	{
		displayName: 'Thing',
		name: 'thing',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
		routing: { send: { type: 'query', property: 'thing' } },
	},
	{
		displayName: 'Unwrap',
		name: 'unwrap',
		type: 'boolean',
		default: true,
		routing: { output: { postReceive: [{ type: 'rootProperty', enabled: false, properties: { property: 'data' } }] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		default: {},
		options: [
			{ displayName: 'Extra', name: 'extra', type: 'string', default: '', displayOptions: { show: { '/filter': ['x'] } }, routing: { send: { type: 'query', property: 'extra' } } },
			{ displayName: 'Elsewhere', name: 'elsewhere', type: 'string', default: '', displayOptions: { show: { '/operation': ['create'] } }, routing: { send: { type: 'query', property: 'elsewhere' } } },
			{ displayName: 'Not Here', name: 'notHere', type: 'string', default: '', displayOptions: { hide: { '/resource': ['thing'] } }, routing: { send: { type: 'query', property: 'notHere' } } },
			{ displayName: 'Here', name: 'here', type: 'string', default: '', displayOptions: { show: { '/operation': ['getAll'] } }, routing: { send: { type: 'query', property: 'here' } } },
		],
	},
];

async function run(ours: boolean, parameters: Record<string, unknown>, decl: Declaration = { requestDefaults: { baseURL: '={{$credentials.baseUrl}}', json: true }, properties }) {
	service.received.length = 0;
	const { error, items } = await runTestNode(decl, ours, { baseUrl: service.address }, { resource: 'thing', operation: 'getAll', ...parameters });
	return { error: error?.message, requests: service.received.map((r) => r.url), items };
}

test.each([
	['a filter that shows the nested option', { filter: 'x', options: { extra: 'e', elsewhere: 'no', notHere: 'no', here: 'h' } }],
	['a filter that hides it', { filter: 'y', options: { extra: 'e', elsewhere: 'no', notHere: 'no', here: 'h' } }],
])('query without send.type, @version conditions, a resource locator, a disabled postReceive, options shown for another operation or resource, %s: as the routing node', async (_case, parameters) => {
	const all = { thing: { __rl: true, mode: 'id', value: 'T-1' }, ...parameters };
	const ours = await run(true, all);
	const n8ns = await run(false, all);
	expect(ours.error).toBeUndefined();
	expect(ours).toEqual(n8ns);
	const expected = parameters.filter === 'x' ? '/things?q=x&v1=one&thing=T-1&extra=e&here=h' : '/things?q=y&v1=one&thing=T-1&here=h';
	expect(ours.requests).toEqual([expected]);
	// the disabled rootProperty leaves the answer whole
	expect(ours.items).toEqual([{ data: [{ n: 1 }, { n: 2 }], url: expected }]);
});

test('an operation\'s headers are merged with the request defaults\' headers: as the routing node', async () => {
	const decl: Declaration = {
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}', json: true, headers: { 'X-A': 'from defaults', 'X-B': 'replaced' } },
		properties: oneOperation('getAll', '/things').map((p) =>
			p.name === 'operation' ? { ...p, options: [{ name: 'Get Many', value: 'getAll', routing: { request: { method: 'GET', url: '/things', headers: { 'X-B': 'from the operation' } } } }] } : p,
		),
	};
	const ours = await run(true, {}, decl);
	const n8ns = await run(false, {}, decl);
	expect(ours.error).toBeUndefined();
	expect(ours.items).toEqual([{ data: [{ n: 1 }, { n: 2 }], url: '/things', a: 'from defaults', b: 'from the operation' }]);
	expect(ours).toEqual(n8ns);
});
