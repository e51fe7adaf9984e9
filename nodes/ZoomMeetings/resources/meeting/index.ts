import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { confirmation, rememberChanges, updatedMeeting } from '../../shared/output';
import { paginateByToken } from '../../shared/paging';
import { checkMeetingId, checkUserId, dropEmptyQuery, formatMeetingBody, requireChanges } from '../../shared/validation';
import { meetingCreateDescription } from './create';
import { meetingDeleteDescription } from './delete';
import { meetingEndDescription } from './end';
import { meetingGetDescription } from './get';
import { meetingGetAllDescription } from './getAll';
import { meetingUpdateDescription } from './update';

export const meetingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a meeting',
				description: 'Schedule a meeting for me or for another user',
				routing: {
					request: { method: 'POST', url: '=/users/{{$parameter.userId}}/meetings' },
					send: { preSend: [checkUserId, formatMeetingBody] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a meeting',
				routing: {
					request: { method: 'DELETE', url: '=/meetings/{{$parameter.meetingId}}' },
					send: { preSend: [checkMeetingId] },
					output: { postReceive: [confirmation('deleted')] },
				},
			},
			{
				name: 'End',
				value: 'end',
				action: 'End a meeting',
				description: 'End a meeting in progress for all participants',
				routing: {
					request: { method: 'PUT', url: '=/meetings/{{$parameter.meetingId}}/status', body: { action: 'end' } },
					send: { preSend: [checkMeetingId] },
					output: { postReceive: [confirmation('ended')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a meeting',
				routing: {
					request: { method: 'GET', url: '=/meetings/{{$parameter.meetingId}}' },
					send: { preSend: [checkMeetingId, dropEmptyQuery] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many meetings',
				description: 'List a user’s meetings',
				routing: {
					request: { method: 'GET', url: '=/users/{{$parameter.userId}}/meetings' },
					send: { preSend: [checkUserId, dropEmptyQuery] },
					operations: { pagination: paginateByToken('meetings') },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a meeting',
				description: 'Change a meeting’s topic, time, settings or recurrence',
				routing: {
					request: { method: 'PATCH', url: '=/meetings/{{$parameter.meetingId}}' },
					send: { preSend: [checkMeetingId, formatMeetingBody, requireChanges, rememberChanges] },
					output: { postReceive: [updatedMeeting] },
				},
			},
		],
		default: 'create',
	},
	...meetingCreateDescription,
	...meetingGetDescription,
	...meetingGetAllDescription,
	...meetingUpdateDescription,
	...meetingDeleteDescription,
	...meetingEndDescription,
];
