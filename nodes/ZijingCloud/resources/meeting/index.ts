import type { INodeProperties } from 'n8n-workflow';

import { conferenceNumberField } from '../../shared/fields';
import { meetingInfoOutput } from '../../shared/output';

export const meetingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a meeting',
				description: 'Name, passwords, whether it is started or locked, and the number of participants',
				routing: {
					request: { method: 'GET', url: '/api/getmeetinginfo' },
					output: { postReceive: [meetingInfoOutput] },
				},
			},
		],
		default: 'get',
	},
	conferenceNumberField({ resource: ['meeting'], operation: ['get'] }, 'query'),
];
