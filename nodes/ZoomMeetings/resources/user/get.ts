import type { INodeProperties } from 'n8n-workflow';

export const userGetDescription: INodeProperties[] = [
	{
		displayName: 'User',
		name: 'userId',
		type: 'string',
		default: 'me',
		required: true,
		placeholder: 'e.g. me, KDcuGIm1QgePTO8WbOqwIQ or anna@example.com',
		description: '"me" (the credential’s user), a user ID or an email address',
		displayOptions: { show: { resource: ['user'], operation: ['get'] } },
	},
];
