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
		],
	};
}
