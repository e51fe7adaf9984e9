import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './http';

/**
 * "Request Options", shared by every action node: how many requests may be in flight at once, how
 * long one may take, how large an answer may be, and n8n's proxy and certificate options (the names
 * n8n's routing node uses). Read once per run by the executor.
 */
export function requestOptionsProperty(defaultConcurrency: number): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore SSL Issues (Insecure)',
				name: 'allowUnauthorizedCerts',
				type: 'boolean',
				default: false,
				description: 'Whether to connect even if SSL certificate validation is not possible',
			},
			{
				displayName: 'Max Concurrent Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: defaultConcurrency,
				description:
					'How many requests this node keeps in flight at once. Lower it if the service answers 429 (too many requests).',
			},
			{
				displayName: 'Max Response Size (MB)',
				name: 'maxResponseSize',
				type: 'number',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 10,
				description: 'An answer larger than this fails the item before it is read into n8n',
			},
			{
				displayName: 'Proxy',
				name: 'proxy',
				type: 'string',
				default: '',
				placeholder: 'e.g. http://myproxy:3128',
				description: 'HTTP proxy every request of this node goes through',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TIMEOUT_MS,
				description: 'Time in milliseconds to wait for an answer before the item fails',
			},
		],
	};
}

/**
 * "Return All" + "Limit" for a list operation shown under `show`.
 * - `paged`: the API pages with a cursor; the operation's pagination function walks the pages and
 *   reads both fields (Return All always turns pagination on).
 * - `whole`: the API answers the whole list at once; Limit cuts the output.
 */
export function returnAllAndLimit(show: Record<string, string[]>, mode: 'paged' | 'whole'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
			...(mode === 'paged' ? { routing: { send: { paginate: true } } } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
			...(mode === 'whole' ? { routing: { output: { maxResults: '={{$value}}' } } } : {}),
		},
	];
}
