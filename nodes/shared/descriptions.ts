import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './executor';

/**
 * "Request Options", shared by every action node: how many requests may be in flight at once and
 * how long one may take. Read once per run by the executor.
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
				displayName: 'Max Concurrent Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: defaultConcurrency,
				description:
					'How many requests this node keeps in flight at once. Lower it if the service answers 429 (too many requests).',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TIMEOUT_MS,
				description: 'Time in milliseconds to wait for an answer before the item fails',
			},
			{
				displayName: 'Max Response Size (MB)',
				name: 'maxResponseSize',
				type: 'number',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 10,
				description: 'An answer larger than this fails the item before it is read into n8n',
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
