import type { INodeProperties } from 'n8n-workflow';

import { camRequest } from '../../shared/methods';
import { chatRoomCreateDescription } from './create';
import { chatRoomOutput } from '../../shared/output';
import { chatRoomForm } from './room';
import { chatRoomUpdateDescription } from './update';

const routing = {
	request: camRequest('updateChatRoom'),
	send: { preSend: [chatRoomForm] },
	output: { postReceive: [chatRoomOutput] },
};

export const chatRoomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatRoom'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a chat room',
				description: 'Create a chat room with its members (updateChatRoom without ID; unverified mapping)',
				routing,
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a chat room',
				description: 'Change a chat room’s name, creator, admin, thread mode, public flag or members (updateChatRoom; unverified mapping)',
				routing,
			},
		],
		default: 'create',
	},
	...chatRoomCreateDescription,
	...chatRoomUpdateDescription,
];
