import type { INodeProperties } from 'n8n-workflow';

import { roomOutput } from '../../shared/output';
import { roomCreateDescription } from './create';

export const roomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a video room',
				description: 'Create a video room and get its moderator, guest and named join links',
				routing: {
					request: {
						method: 'POST',
						url: '/entreprise/visio',
					},
					output: {
						postReceive: [roomOutput],
					},
				},
			},
		],
		default: 'create',
	},
	...roomCreateDescription,
];
