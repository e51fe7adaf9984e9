import type { INodeProperties } from 'n8n-workflow';

import { recordingMeetingField } from './get';

export const recordingDeleteDescription: INodeProperties[] = [
	recordingMeetingField(['delete']),
	{
		displayName: 'Delete Action',
		name: 'deleteAction',
		type: 'options',
		default: 'trash',
		options: [
			{ name: 'Move to Trash', value: 'trash', description: 'Recoverable for 30 days' },
			{ name: 'Delete Permanently', value: 'delete' },
		],
		displayOptions: { show: { resource: ['recording'], operation: ['delete'] } },
		routing: { send: { type: 'query', property: 'action' } },
	},
];
