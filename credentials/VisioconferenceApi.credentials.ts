import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';
import { allStatusesBut, rejectedCodes, requiredKeys, statusRules, testRules } from '../nodes/shared/credentialTest';

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

	// Creates nothing: a room request without a name. The key is checked before the body, so an
	// accepted key gets a validation error (400/422) in the service's envelope, `{code, data, message}`;
	// the document shows no other call. Only 200, 201, 400 and 422 reach the body rules: every other
	// status, a redirect included, fails with its message.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/entreprise/visio',
			method: 'POST',
			body: {},
			json: true,
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: { ignore: true, except: allStatusesBut(200, 201, 400, 422) },
		},
		rules: testRules(
			statusRules('Visioconference.me', {
				401: 'The API key was rejected (HTTP 401): check the API key',
				403: 'The API key was rejected (HTTP 403): check the API key',
				404: 'No Visioconference.me API at this base URL (HTTP 404): check the API Base URL',
			}),
			requiredKeys(
				['code', 'message'],
				'The answer is not a Visioconference.me API answer (no "code" and "message"): check the API Base URL; a proxy or login page may be in the way',
			),
			rejectedCodes('code', {
				401: 'The API key was rejected (401): check the API key',
				403: 'The API key was rejected (403): check the API key',
			}),
		),
	};
}
