import type { INodeProperties } from 'n8n-workflow';

import { chatRoomFields } from './fields';

const showForCreate = { resource: ['chatRoom'], operation: ['create'] };

export const chatRoomCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Secret meeting',
		description: 'Name of the new chat room',
		displayOptions: { show: showForCreate },
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Creator User ID',
		name: 'createUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 11u1pu9d32p8vuvjoZdd',
		description: 'Chat&Messenger user ID recorded as the room’s creator (createUserId)',
		displayOptions: { show: showForCreate },
		routing: { send: { type: 'body', property: 'createUserId' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForCreate },
		options: chatRoomFields(false),
	},
];
