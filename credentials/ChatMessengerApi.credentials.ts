import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';
import { CAM_METHODS } from '../nodes/ChatMessenger/shared/methods';
import { requiredKeys, statusRules, testRules } from '../nodes/shared/credentialTest';

// the key the node reads the rooms from (an assumption kept in one place: methods.ts)
const ROOMS_KEY = CAM_METHODS.getConferenceRooms.answer.path[0];

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

	// Creates and sends nothing: lists the conference rooms (getConferenceRooms, a read). Only an
	// answer that carries `conferenceRooms` passes; an `errors` answer (HTTP 200), an HTTP error, a
	// redirect (a self-hosted server or a gateway sends a refused token to its login page) fails.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '/getConferenceRooms',
			method: 'GET',
			headers: { Accept: 'application/json' },
			json: true,
			disableFollowRedirect: true,
		},
		rules: testRules(
			statusRules('Chat&Messenger', {
				401: 'The API token was rejected (HTTP 401): check the API token',
				403: 'The API token has no API access (HTTP 403): API access needs an Enterprise or higher cloud plan, or an on-premises install',
				404: 'No Chat&Messenger API at this Server URL (HTTP 404): check the address and, on premises, the port (usually 8080)',
			}),
			requiredKeys(
				[ROOMS_KEY],
				`Chat&Messenger did not answer with the conference rooms (no "${ROOMS_KEY}"): the API token was refused (an "errors" answer), or the Server URL is not a Chat&Messenger server`,
			),
		),
	};
}
