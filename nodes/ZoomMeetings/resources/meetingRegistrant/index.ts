import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { paginateByToken } from '../../shared/paging';
import { checkMeetingId, checkRegistrant, dropEmptyQuery } from '../../shared/validation';
import { registrantAddDescription } from './add';
import { registrantGetAllDescription } from './getAll';

export const meetingRegistrantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meetingRegistrant'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a meeting registrant',
				description: 'Register someone for a meeting that requires registration',
				routing: {
					request: { method: 'POST', url: '=/meetings/{{$parameter.meetingId}}/registrants' },
					send: { preSend: [checkMeetingId, checkRegistrant, dropEmptyQuery] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many meeting registrants',
				routing: {
					request: { method: 'GET', url: '=/meetings/{{$parameter.meetingId}}/registrants' },
					send: { preSend: [checkMeetingId, dropEmptyQuery] },
					operations: { pagination: paginateByToken('registrants') },
				},
			},
		],
		default: 'add',
	},
	{
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 86220627999',
		description: 'The meeting’s ID (digits; spaces as shown in Zoom are removed)',
		displayOptions: { show: { resource: ['meetingRegistrant'] } },
	},
	...registrantAddDescription,
	...registrantGetAllDescription,
];
