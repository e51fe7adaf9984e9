import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { paginateByToken } from '../../shared/paging';
import { meetingLocator } from '../../shared/locators';
import { checkRegistrant, dropEmptyQuery, idPath } from '../../shared/validation';
import { registrantAddDescription } from './add';
import { registrantGetAllDescription } from './getAll';

const registrants = idPath('/meetings/{{$parameter.meetingId}}/registrants', 'meetingId');

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
					request: { method: 'POST', url: registrants.url },
					send: { preSend: [registrants.preSend, checkRegistrant, dropEmptyQuery] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many meeting registrants',
				routing: {
					request: { method: 'GET', url: registrants.url },
					send: { preSend: [registrants.preSend, dropEmptyQuery] },
					operations: { pagination: paginateByToken('registrants') },
				},
			},
		],
		default: 'add',
	},
	meetingLocator({ resource: ['meetingRegistrant'] }),
	...registrantAddDescription,
	...registrantGetAllDescription,
];
