import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../../shared/locators';

export const userGetDescription: INodeProperties[] = [
	userLocator({ resource: ['user'], operation: ['get'] }, '"me" (the credential’s user), a user ID or an email address'),
];
