import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';

export class ChatMessengerApi implements ICredentialType {
	name = 'chatMessengerApi';

	displayName = 'Chat&Messenger API';

	icon: Icon = {
		light: 'file:../nodes/ChatMessenger/cam.svg',
		dark: 'file:../nodes/ChatMessenger/cam.dark.svg',
	};

	documentationUrl = 'https://chat-messenger.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://yourcompany.chat-messenger.com or http://cam.example.local:8080',
			description: 'The serverURL of your Chat&Messenger: the cloud address, or an on-premises install (usually HTTP on port 8080)',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token from the Chat&Messenger admin screen, sent as the x-cam-apiToken header',
		},
	];

	authenticate = headerFromCredential('x-cam-apiToken', 'apiToken');

	// Creates and sends nothing: lists the conference rooms (getConferenceRooms, a read).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '/getConferenceRooms',
			method: 'GET',
			headers: { Accept: 'application/json' },
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API token was rejected (401)' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API token has no API access (403): API access needs an Enterprise or higher cloud plan, or an on-premises install' },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Chat&Messenger API at this Server URL (404): check the address and, on premises, the port (usually 8080)' },
			},
		],
	};
}
