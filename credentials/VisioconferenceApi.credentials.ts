import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';

export class VisioconferenceApi implements ICredentialType {
	name = 'visioconferenceApi';

	displayName = 'Visioconference.me API';

	icon: Icon = {
		light: 'file:../nodes/Visioconference/visioconference.svg',
		dark: 'file:../nodes/Visioconference/visioconference.dark.svg',
	};

	documentationUrl = 'https://visioconference.me/app/integration';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The private key created at visioconference.me/app/integration, sent as the X-Token header',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.visioconference.me/api/v1',
			description: 'Change only for a private deployment or a test server',
		},
	];

	authenticate = headerFromCredential('X-Token', 'apiKey');

	// Creates nothing: a room request without a name is refused by its body only after the key was
	// accepted (answer 400), while a rejected key answers 401/403 before the body is read.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/entreprise/visio',
			method: 'POST',
			body: {},
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 401, message: 'The API key was rejected (401)' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 403, message: 'The API key was rejected (403)' },
			},
		],
	};
}
