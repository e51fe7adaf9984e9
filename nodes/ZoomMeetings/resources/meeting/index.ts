import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { confirmation, rememberChanges, updatedMeeting } from '../../shared/output';
import { paginateByToken } from '../../shared/paging';
import { dropEmptyQuery, formatMeetingBody, idPath, requireChanges } from '../../shared/validation';
import { meetingCreateDescription } from './create';
import { meetingDeleteDescription } from './delete';
import { meetingEndDescription } from './end';
import { meetingGetDescription } from './get';
import { meetingGetAllDescription } from './getAll';
import { meetingUpdateDescription } from './update';

const userMeetings = idPath('/users/{{$parameter.userId}}/meetings', 'userId');
const meeting = idPath('/meetings/{{$parameter.meetingId}}', 'meetingId');
const meetingStatus = idPath('/meetings/{{$parameter.meetingId}}/status', 'meetingId');

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
					request: { method: 'POST', url: userMeetings.url },
					send: { preSend: [userMeetings.preSend, formatMeetingBody] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a meeting',
				routing: {
					request: { method: 'DELETE', url: meeting.url },
					send: { preSend: [meeting.preSend, dropEmptyQuery] },
					output: { postReceive: [confirmation('deleted')] },
				},
			},
			{
				name: 'End',
				value: 'end',
				action: 'End a meeting',
				description: 'End a meeting in progress for all participants',
				routing: {
					request: { method: 'PUT', url: meetingStatus.url, body: { action: 'end' } },
					send: { preSend: [meetingStatus.preSend] },
					output: { postReceive: [confirmation('ended')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a meeting',
				routing: {
					request: { method: 'GET', url: meeting.url },
					send: { preSend: [meeting.preSend, dropEmptyQuery] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many meetings',
				description: 'List a user’s meetings',
				routing: {
					request: { method: 'GET', url: userMeetings.url },
					send: { preSend: [userMeetings.preSend, dropEmptyQuery] },
					operations: { pagination: paginateByToken('meetings') },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a meeting',
				description: 'Change a meeting’s topic, time, settings or recurrence',
				routing: {
					request: { method: 'PATCH', url: meeting.url },
					send: { preSend: [meeting.preSend, formatMeetingBody, requireChanges, rememberChanges] },
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
