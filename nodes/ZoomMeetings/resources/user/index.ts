import type { INodeProperties } from 'n8n-workflow';

import { expectObject } from '../../shared/errors';
import { paginateByToken } from '../../shared/paging';
import { dropEmptyQuery, idPath } from '../../shared/validation';
import { userGetDescription } from './get';
import { userGetAllDescription } from './getAll';

const user = idPath('/users/{{$parameter.userId}}', 'userId');

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				routing: {
					request: { method: 'GET', url: user.url },
					send: { preSend: [user.preSend] },
					output: { postReceive: [expectObject] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List the account’s users',
				routing: {
					request: { method: 'GET', url: '/users' },
					send: { preSend: [dropEmptyQuery] },
					operations: { pagination: paginateByToken('users') },
				},
			},
		],
		default: 'get',
	},
	...userGetDescription,
	...userGetAllDescription,
];
