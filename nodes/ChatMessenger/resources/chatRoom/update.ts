import type { INodeProperties } from 'n8n-workflow';

import { chatRoomFields } from './fields';

const showForUpdate = { resource: ['chatRoom'], operation: ['update'] };

export const chatRoomUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Chat Room ID',
		name: 'chatRoomId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1564831284702237059',
		description: 'ID of the chat room to update (the ID returned when it was created)',
		displayOptions: { show: showForUpdate },
		routing: { send: { type: 'body', property: 'id' } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForUpdate },
		options: chatRoomFields(true),
	},
];
