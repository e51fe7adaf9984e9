import type { INodeProperties } from 'n8n-workflow';

import { conferenceNumberField } from '../../shared/fields';
import { objectData, STATUS_KEYS } from '../../shared/output';

/**
 * Live streaming: status only. The API documents no call that starts or stops a live stream
 * (its codes 200002 / 200005 hint that one exists), so none is offered.
 */
export const liveDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['live'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the live stream status of a meeting',
				description: 'Whether the meeting is streaming live (with the RTMP URL) and whether it is recording',
				routing: {
					request: { method: 'POST', url: '/meeting/getLiveRecStatus' },
					output: { postReceive: [objectData(STATUS_KEYS)] },
				},
			},
		],
		default: 'getStatus',
	},
	conferenceNumberField({ resource: ['live'], operation: ['getStatus'] }, 'body'),
];
