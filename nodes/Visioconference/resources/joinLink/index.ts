import type { INodeProperties } from 'n8n-workflow';

import { joinLinkCreateDescription } from './create';

export const joinLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['joinLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a join link',
				description: 'Build a guest, moderator or named link to a room (no request is sent)',
			},
		],
		default: 'create',
	},
	...joinLinkCreateDescription,
];
