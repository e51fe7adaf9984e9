import type { INodeProperties } from 'n8n-workflow';

import { chatRoomFields } from './fields';

const showForUpdate = { resource: ['chatRoom'], operation: ['update'] };

export const chatRoomUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Chat Room ID',
		name: 'chatRoomId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: 'The chat room to update, by the ID returned when it was created (Chat&Messenger documents no call that lists chat rooms)',
		displayOptions: { show: showForUpdate },
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1564831284702237059',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\S+\\s*$', errorMessage: 'Not a chat room ID (no spaces)' } }],
			},
		],
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
