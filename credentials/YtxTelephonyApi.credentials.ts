import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { rejectedCodes, requiredKeys, statusRules, testRules } from '../nodes/shared/credentialTest';
import { signYtxRequest, YTX_API_VERSION, YTX_HOSTS } from '../nodes/YtxTelephony/shared/signing';

export class YtxTelephonyApi implements ICredentialType {
	name = 'ytxTelephonyApi';

	displayName = 'YTX Telephony API';

	icon: Icon = {
		light: 'file:../nodes/YtxTelephony/ytx.svg',
		dark: 'file:../nodes/YtxTelephony/ytx.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-conferencing#ytx-telephony';

	properties: INodeProperties[] = [
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. a1b2c3d4e5f60718293a4b5c6d7e8f90',
			description: 'The ACCOUNT SID shown in the YTX console (管理-控制台-开发者主账号)',
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The AUTH TOKEN shown next to the Account SID; used only to sign requests, never sent',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8a2a4c1e5b7d4f0e9c3b2a1d0e9f8a7b',
			description:
				'The application ID: a test app (体验-测试应用) for the sandbox, an app of yours that is online (应用管理-应用列表) for production',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production (api.ytx.net)', value: 'production' },
				{ name: 'Sandbox (sandbox.ytx.net)', value: 'sandbox' },
				{ name: 'Custom URL', value: 'custom' },
			],
			description: 'Sandbox app IDs only work on the sandbox, your own apps only on production',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://ytx-proxy.example.com',
			description: 'Base URL of the API (a proxy or a test server), without the /201612/… path',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * Signs every request afresh: a China Standard Time stamp, `Sign` in the query string and the
	 * `Authorization` header (see nodes/YtxTelephony/shared/signing.ts).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return await signYtxRequest(credentials, requestOptions);
	}

	// Creates nothing: a createMeeting without its meeting fields. After the signature and the app ID
	// are accepted YTX answers -2 (missing parameter); a refused account, signature or app ID answers
	// -200 … -205, each mapped to a message below, and a server error (-100) or rate limit (-104)
	// says nothing about the key. An HTTP error, a redirect or an answer without the envelope fails.
	// Rules can only refuse listed values: other codes (e.g. -204, no balance) pass (see the README).
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === "custom" ? String($credentials.customUrl).trim().replace(/\\/+$/, "") : ($credentials.environment === "sandbox" ? "${YTX_HOSTS.sandbox}" : "${YTX_HOSTS.production}") }}`,
			url: `=/${YTX_API_VERSION}/sid/{{$credentials.accountSid}}/call/TeleMeeting.wx`,
			method: 'POST',
			body: { action: 'createMeeting', appid: '={{String($credentials.appId).trim()}}' },
			json: true,
			disableFollowRedirect: true,
		},
		rules: testRules(
			statusRules('YTX', {
				401: 'YTX refused the request (HTTP 401): check the Account SID and the Auth Token',
				403: 'YTX refused the request (HTTP 403): check the Account SID, the Auth Token and the IP whitelist',
				404: 'No YTX API at this URL (HTTP 404): check the environment or the custom URL',
			}),
			requiredKeys(
				['statusCode', 'statusMsg'],
				'The answer is not a YTX API answer (no "statusCode" and "statusMsg"): check the environment or the custom URL; a proxy or login page may be in the way',
			),
			rejectedCodes('statusCode', {
				'-200': 'YTX -200: no such user; check the Account SID',
				'-201': 'YTX -201: the account is suspended or not activated',
				'-202': 'YTX -202: the Authorization header was refused; check the Account SID and the server clock',
				'-203': 'YTX -203: authToken check failed; check the Auth Token',
				'-205': 'YTX -205: the App ID does not match the environment (sandbox app IDs only work on the sandbox), the IP is not whitelisted, or the app is not online',
				'-100': 'YTX -100: server exception; the credential could not be checked, try again later',
				'-104': 'YTX -104: too many requests; the credential could not be checked, try again later',
				401: 'YTX refused the request (401): check the Account SID and the Auth Token',
				403: 'YTX refused the request (403): check the Account SID and the Auth Token',
			}),
		),
	};
}
