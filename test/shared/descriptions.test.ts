/**
 * What the editor shows for the fields every action node shares: "Request Options" (the labels that
 * the executor's errors and the README quote, the defaults and bounds the executor applies, a
 * description that says what each option does) and "Return All" / "Limit" (n8n's own wording, Limit
 * shown only without Return All, and wired to the operation's paging or cut).
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from '../../nodes/shared/http';
import { packageNodeTypes } from '../harness/package';

// read inside each test (a fresh instance each time), so that what a test checks is what n8n's editor gets
const propertiesOf = (node: string) => packageNodeTypes('')[node].description.properties;
const requestOptionsOf = (node: string) => {
	const field = propertiesOf(node).find((p) => p.name === 'requestOptions');
	if (!field) throw new Error(`${node} has no Request Options`);
	return field;
};
const optionNamed = (field: INodeProperties, name: string) => {
	const option = (field.options as INodeProperties[]).find((o) => o.name === name);
	if (!option) throw new Error(`Request Options has no "${name}"`);
	return option;
};

// the README's "Max Concurrent Requests" per node (docs/benchmarks.md: "5; Zoom 4; YTX 2")
const DEFAULT_CONCURRENCY: Record<string, number> = {
	chatMessenger: 5,
	visioconference: 5,
	ytxTelephony: 2,
	zijingCloud: 5,
	zoomMeetings: 4,
};

test('every action node of the pack has Request Options', () => {
	const withOptions = Object.entries(packageNodeTypes(''))
		.filter(([, node]) => node.description.properties.some((p) => p.name === 'requestOptions'))
		.map(([name]) => name)
		.sort();
	expect(withOptions).toEqual(Object.keys(DEFAULT_CONCURRENCY));
});

describe.each(Object.entries(DEFAULT_CONCURRENCY))('%s → Request Options', (node, concurrency) => {
	test('a collection "Request Options", empty until an option is added', () => {
		const { displayName, type, placeholder, default: start } = requestOptionsOf(node);
		expect({ displayName, type, placeholder, start }).toEqual({ displayName: 'Request Options', type: 'collection', placeholder: 'Add Option', start: {} });
	});

	test('the five options under the names the executor reads, in alphabetical order of their labels', () => {
		const options = requestOptionsOf(node).options as INodeProperties[];
		expect(options.map((o) => [o.displayName, o.name, o.type])).toEqual([
			['Ignore SSL Issues (Insecure)', 'allowUnauthorizedCerts', 'boolean'],
			['Max Concurrent Requests', 'concurrency', 'number'],
			['Max Response Size (MB)', 'maxResponseSize', 'number'],
			['Proxy', 'proxy', 'string'],
			['Timeout', 'timeout', 'number'],
		]);
	});

	test(`Max Concurrent Requests: ${concurrency} by default, 1 to 50 (what the executor accepts), and says when to lower it`, () => {
		const option = optionNamed(requestOptionsOf(node), 'concurrency');
		expect({ default: option.default, bounds: option.typeOptions }).toEqual({ default: concurrency, bounds: { minValue: 1, maxValue: 50 } });
		expect(option.description).toBe('How many requests this node keeps in flight at once. Lower it if the service answers 429 (too many requests).');
	});

	test('Timeout: 30 seconds by default, in milliseconds, at least 1', () => {
		const option = optionNamed(requestOptionsOf(node), 'timeout');
		expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
		expect({ default: option.default, bounds: option.typeOptions }).toEqual({ default: DEFAULT_TIMEOUT_MS, bounds: { minValue: 1 } });
		expect(option.description).toBe('Time in milliseconds to wait for an answer before the item fails');
	});

	test('Max Response Size: 10 MB by default (the executor’s cap), down to a kilobyte', () => {
		const option = optionNamed(requestOptionsOf(node), 'maxResponseSize');
		expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
		expect({ default: option.default, bounds: option.typeOptions }).toEqual({ default: 10, bounds: { minValue: 0.001, numberPrecision: 3 } });
		expect(option.description).toBe('An answer larger than this fails the item before it is read into n8n');
	});

	test('Proxy: empty by default, with an example', () => {
		const option = optionNamed(requestOptionsOf(node), 'proxy');
		expect({ default: option.default, placeholder: option.placeholder }).toEqual({ default: '', placeholder: 'e.g. http://myproxy:3128' });
		expect(option.description).toBe('HTTP proxy every request of this node goes through');
	});

	test('Ignore SSL Issues: off by default, described as n8n describes it', () => {
		const option = optionNamed(requestOptionsOf(node), 'allowUnauthorizedCerts');
		expect(option.default).toBe(false);
		expect(option.description).toBe('Whether to connect even if SSL certificate validation is not possible');
	});
});

describe('Return All and Limit', () => {
	// a paged list (Zoom: next_page_token) and a whole list cut by Limit (Chat&Messenger's conference rooms)
	const pair = (node: string, resource: string, operation: string) => {
		const shown = (p: INodeProperties) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation);
		const returnAll = propertiesOf(node).find((p) => p.name === 'returnAll' && shown(p));
		const limit = propertiesOf(node).find((p) => p.name === 'limit' && shown(p));
		if (!returnAll || !limit) throw new Error(`${node} ${resource} → ${operation} has no Return All and Limit`);
		return { returnAll, limit };
	};

	test.each([
		['zoomMeetings', 'meeting', 'getAll'],
		['chatMessenger', 'conferenceRoom', 'getAll'],
	])('%s %s → %s: n8n’s labels and descriptions, off and 50 by default, Limit hidden under Return All', (node, resource, operation) => {
		const { returnAll, limit } = pair(node, resource, operation);
		expect([returnAll.displayName, returnAll.type, returnAll.default, returnAll.description]).toEqual([
			'Return All',
			'boolean',
			false,
			'Whether to return all results or only up to a given limit',
		]);
		expect([limit.displayName, limit.type, limit.default, limit.typeOptions, limit.description]).toEqual([
			'Limit',
			'number',
			50,
			{ minValue: 1 },
			'Max number of results to return',
		]);
		expect(limit.displayOptions?.show).toEqual({ resource: [resource], operation: [operation], returnAll: [false] });
		expect(returnAll.displayOptions?.show).toEqual({ resource: [resource], operation: [operation] });
	});

	test('a paged list: Return All turns the pagination on; Limit is read by the paging, not cut afterwards', () => {
		const { returnAll, limit } = pair('zoomMeetings', 'meeting', 'getAll');
		expect(returnAll.routing).toEqual({ send: { paginate: true } });
		expect(limit.routing).toBeUndefined();
	});

	test('a whole list: Limit cuts the output; Return All routes nothing', () => {
		const { returnAll, limit } = pair('chatMessenger', 'conferenceRoom', 'getAll');
		expect(returnAll.routing).toBeUndefined();
		expect(limit.routing).toEqual({ output: { maxResults: '={{$value}}' } });
	});
});
