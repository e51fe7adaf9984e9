/**
 * A one-node package for testing the executor: a declaration run by the executor (as this pack's
 * nodes run theirs) or by n8n-core's RoutingNode (a declarative node without `execute`), with the
 * Visioconference credential, against a loopback server that records what it received.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IExecuteFunctions, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeDeclared, perItemOperation, sendWithRetry, type ProviderSettings } from '../../nodes/shared/executor';
import type { Declaration } from '../../nodes/shared/routing';
import { createEngine } from '../harness/engine';

const settings: ProviderSettings = {
	service: 'Test Service',
	credentialType: () => 'visioconferenceApi',
	secretFields: ['apiKey'],
	defaultConcurrency: 2,
};

/** `thing → fetch`, a custom operation: one GET of the item's `url` through the executor's send path. */
const customOperations = {
	thing: {
		fetch: perItemOperation(settings, async function (this: IExecuteFunctions, itemIndex, run) {
			const url = this.getInputData()[itemIndex].json.url as string;
			return (await sendWithRetry(run, { method: 'GET', url, json: true }, itemIndex)).body as IDataObject;
		}),
	},
};

export function testNodeType(decl: Declaration, ours: boolean): INodeType {
	const description = {
		displayName: 'Test',
		name: 'test',
		group: ['output'],
		version: 1,
		description: '',
		defaults: { name: 'Test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'visioconferenceApi', required: true }],
		...decl,
	} as INodeTypeDescription;
	return ours
		? { description, customOperations, execute: async function (this: IExecuteFunctions) { return await executeDeclared.call(this, decl, settings); } }
		: { description };
}

/** Runs the node once with `parameters` and the credential's fields; returns its error and output. */
export async function runTestNode(decl: Declaration, ours: boolean, credential: IDataObject, parameters: IDataObject, items?: IDataObject[]) {
	const engine = createEngine({ 'test.node': testNodeType(decl, ours) });
	const stored = engine.store.add('c', 'visioconferenceApi', { apiKey: 'key-1', ...credential });
	const result = await engine.run([{ name: 'Test', type: 'test.node', parameters, credentials: { visioconferenceApi: stored } }], items);
	return { error: result.error('Test'), items: result.output('Test').map((i) => i.json) };
}

/** A loopback service answering every request with `answer(request)`; `received` lists what came. */
export function recordingServer(answer: (req: http.IncomingMessage) => IDataObject) {
	const received: Array<{ method?: string; url?: string; host?: string }> = [];
	const server = http.createServer((req, res) => {
		received.push({ method: req.method, url: req.url, host: req.headers.host });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(answer(req)));
	});
	const service = {
		received,
		address: '',
		async start() {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			service.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		},
		async stop() {
			await new Promise((resolve) => server.close(resolve));
		},
	};
	return service;
}

/** The resource and operation selectors of a node with one operation, `thing → <operation>`, sending `GET <url>`. */
export function oneOperation(operation: string, url: string): INodeProperties[] {
	return [
		{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: [{ name: 'Thing', value: 'thing' }], default: 'thing' },
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [{ name: operation, value: operation, action: `${operation} things`, routing: { request: { method: 'GET', url } } }],
			default: operation,
		},
	];
}
