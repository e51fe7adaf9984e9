import type { INodeProperties } from 'n8n-workflow';

import { camRequest } from '../../shared/methods';
import { quickCallOutput } from '../../shared/output';
import { quickCallCreateDescription, quickCallForm } from './create';

export const quickCallDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quickCall'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a quick call',
				description: 'Create a quick web-meeting URL with an expiry and an optional password (createQuickCall; unverified mapping)',
				routing: {
					request: camRequest('createQuickCall'),
					send: { preSend: [quickCallForm] },
					output: { postReceive: [quickCallOutput] },
				},
			},
		],
		default: 'create',
	},
	...quickCallCreateDescription,
];
