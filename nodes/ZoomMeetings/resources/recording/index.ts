import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { confirmation } from '../../shared/output';
import { paginateRecordings } from '../../shared/paging';
import { idPath } from '../../shared/validation';
import { recordingDeleteDescription } from './delete';
import { recordingDownloadDescription } from './download';
import { recordingGetDescription } from './get';
import { recordingGetAllDescription } from './getAll';

const meetingRecordings = idPath('/meetings/{{$parameter.meetingId}}/recordings', 'meetingIdOrUuid');
const userRecordings = idPath('/users/{{$parameter.userId}}/recordings', 'userId');

export const recordingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a meeting s cloud recordings',
				description: 'Move a meeting’s cloud recordings to the trash or delete them permanently',
				routing: {
					request: { method: 'DELETE', url: meetingRecordings.url },
					send: { preSend: [meetingRecordings.preSend] },
					output: {
						postReceive: [confirmation('deleted', (ctx) => ({ action: ctx.getNodeParameter('deleteAction') as string }))],
					},
				},
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a recording file',
				description: 'Download one recording file as binary data (streamed)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a meeting s cloud recordings',
				description: 'Get a meeting’s cloud recording files',
				routing: {
					request: { method: 'GET', url: meetingRecordings.url },
					send: { preSend: [meetingRecordings.preSend] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cloud recordings',
				description: 'List a user’s cloud recordings within a date range',
				routing: {
					request: { method: 'GET', url: userRecordings.url },
					send: { preSend: [userRecordings.preSend] },
					operations: { pagination: paginateRecordings },
				},
			},
		],
		default: 'get',
	},
	...recordingGetDescription,
	...recordingGetAllDescription,
	...recordingDownloadDescription,
	...recordingDeleteDescription,
];
