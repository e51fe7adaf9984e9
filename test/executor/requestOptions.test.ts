/**
 * What n8n's routing node adds to every request reaches the executor's requests too: the credential's
 * domain restriction ("Allowed HTTP Request Domains"), the node's proxy and certificate options. Each
 * case runs the same declaration through the executor and through n8n-core's RoutingNode.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Declaration } from '../../nodes/shared/routing';
import { oneOperation, recordingServer, runTestNode } from './declared';

const service = recordingServer((req) => ({ id: 'thing-1', via: req.url }));
const { received } = service;
let address = '';
beforeAll(async () => {
	await service.start();
	address = service.address;
});
afterAll(async () => await service.stop());
beforeEach(() => (received.length = 0));

/** One operation, `thing → get`, its base URL from the credential or from the "Server" parameter. */
function declaration(baseURL: string): Declaration {
	const properties: INodeProperties[] = [
		...oneOperation('get', '/things/1'),
		{ displayName: 'Server', name: 'server', type: 'string', default: '' },
		{
			displayName: 'Request Options',
			name: 'requestOptions',
			type: 'collection',
			default: {},
			options: [
				{ displayName: 'Proxy', name: 'proxy', type: 'string', default: '' },
				{ displayName: 'Ignore SSL Issues', name: 'allowUnauthorizedCerts', type: 'boolean', default: false },
			],
		},
	];
	return { requestDefaults: { baseURL, json: true }, properties };
}

async function run(ours: boolean, baseURL: string, credential: Record<string, string>, parameters: Record<string, unknown> = {}) {
	return await runTestNode(declaration(baseURL), ours, credential, { resource: 'thing', operation: 'get', ...parameters });
}

const restricted = { allowedHttpRequestDomains: 'domains', allowedDomains: 'api.example.com' };

describe.each([
	['the executor', true],
	["n8n's routing node", false],
])('%s', (_engine, ours) => {
	test('a request to a domain outside the credential’s allowed domains is refused before anything is sent', async () => {
		const { error, items } = await run(ours, '={{$parameter.server}}', { baseUrl: 'https://api.example.com', ...restricted }, { server: address });
		expect(error?.message).toContain('Domain not allowed: This credential is restricted from accessing 127.0.0.1');
		expect(error?.message).toContain('Only the following domains are allowed: api.example.com');
		expect(items).toEqual([]);
		expect(received).toEqual([]);
	});

	test('the address the credential itself configures joins its allowed domains', async () => {
		const { error, items } = await run(ours, '={{$credentials.baseUrl}}', { baseUrl: address, ...restricted });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ id: 'thing-1', via: '/things/1' }]);
		expect(received).toEqual([{ method: 'GET', url: '/things/1', host: address.replace('http://', '') }]);
	});

	test('"None" does not block the address the credential configures, but blocks one decided by a parameter', async () => {
		const own = await run(ours, '={{$credentials.baseUrl}}', { baseUrl: address, allowedHttpRequestDomains: 'none' });
		expect(own.error).toBeUndefined();
		expect(received).toHaveLength(1);
		const other = await run(ours, '={{$parameter.server}}', { baseUrl: address, allowedHttpRequestDomains: 'none' }, { server: address });
		expect(other.error?.message).toBe('This credential is configured to prevent use within an HTTP Request node');
		expect(received).toHaveLength(1);
	});

	test('the proxy of the Request Options carries the request', async () => {
		const { error, items } = await run(ours, '={{$credentials.baseUrl}}', { baseUrl: 'http://service.invalid' }, { requestOptions: { proxy: address } });
		expect(error).toBeUndefined();
		// an HTTP proxy is asked for the absolute address
		expect(received).toEqual([{ method: 'GET', url: 'http://service.invalid/things/1', host: 'service.invalid' }]);
		expect(items).toEqual([{ id: 'thing-1', via: 'http://service.invalid/things/1' }]);
	});
});

describe('a custom operation (code calling the executor’s send path)', () => {
	test('is held to the allowed domains as written: a request elsewhere is refused before anything is sent', async () => {
		const { error } = await runTestNode(declaration('={{$credentials.baseUrl}}'), true, { baseUrl: address, ...restricted }, { resource: 'thing', operation: 'fetch' }, [{ url: `${address}/files/1` }]);
		expect(error?.message).toContain('Test Service: Domain not allowed: This credential is restricted from accessing 127.0.0.1');
		expect(error?.message).toContain('(nothing was sent) (item 0)');
		expect(received).toEqual([]);
	});

	test('reaches a host on the list', async () => {
		const { error, items } = await runTestNode(declaration('={{$credentials.baseUrl}}'), true, { baseUrl: address, allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1' }, { resource: 'thing', operation: 'fetch' }, [{ url: `${address}/files/1` }]);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ id: 'thing-1', via: '/files/1' }]);
	});
});

test('a proxy without a port is refused before anything is sent', async () => {
	const { error } = await run(true, '={{$credentials.baseUrl}}', { baseUrl: address }, { requestOptions: { proxy: 'http://127.0.0.1' } });
	expect(error?.message).toBe('The proxy is not valid');
	expect(error?.description).toBe('The proxy URL does not contain a valid value for "port"');
	expect(received).toEqual([]);
});
