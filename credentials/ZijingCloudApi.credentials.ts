import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { rejectedCodes, requiredKeys, statusRules, testRules } from '../nodes/shared/credentialTest';
import { zijingAuthKey } from '../nodes/ZijingCloud/shared/auth';

export class ZijingCloudApi implements ICredentialType {
	name = 'zijingCloudApi';

	displayName = 'Zijing Cloud API';

	icon: Icon = {
		light: 'file:../nodes/ZijingCloud/zijing.svg',
		dark: 'file:../nodes/ZijingCloud/zijing.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-conferencing#zijing-cloud';

	properties: INodeProperties[] = [
		{
			displayName: 'API Server URL',
			name: 'apiServer',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.example.com',
			description:
				'The address of the Zijing Cloud API server (the "apiServer" of the API document): the public cloud’s, or your dedicated deployment’s',
		},
		{
			displayName: 'Key Type',
			name: 'keyType',
			type: 'options',
			default: 'apiIdAndKey',
			options: [
				{
					name: 'API ID and API KEY (Public Cloud)',
					value: 'apiIdAndKey',
					description: 'The tenant’s API ID and API KEY; the key is built from them (see the package docs, Zijing Cloud)',
				},
				{
					name: 'Tenant Key',
					value: 'tenantKey',
					description: 'A ready key, sent as it is: a dedicated (private) cloud’s tenant key, or a key Zijing gave you',
				},
			],
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { keyType: ['apiIdAndKey'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { keyType: ['apiIdAndKey'] } },
		},
		{
			displayName: 'Tenant Key',
			name: 'tenantAuthKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. 800',
			description: 'Sent as the "auth" header exactly as entered',
			displayOptions: { show: { keyType: ['tenantKey'] } },
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Shanghai',
			placeholder: 'e.g. Asia/Shanghai',
			description:
				'The time zone of the deployment’s clock (an IANA name). The API’s times carry no zone: booking times are sent as wall-clock time in this zone. Zijing Cloud is in China (Asia/Shanghai); change it only for a deployment that runs in another zone.',
		},
	];

	/** Every call carries the key in the `auth` header; how the key is made lives in `zijingAuthKey`. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const key = zijingAuthKey(credentials);
		if (!key) {
			throw new Error(
				credentials.keyType === 'tenantKey'
					? 'The Zijing Cloud credential has no tenant key'
					: 'The Zijing Cloud credential needs both the API ID and the API KEY',
			);
		}
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), auth: key } };
	};

	// Changes nothing: asks the live/recording status of a conference number that cannot exist. An
	// accepted key gets the envelope with code 200008 ("meeting does not exist"); a rejected key gets
	// 200001 (the key does not match) or an auth failure (403/401) in the envelope, or an HTTP
	// 401/403, a redirect or a page that is not the envelope: each fails with its reason. Rules can
	// only refuse listed values, so an envelope with a code that is not listed passes (see the README).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiServer.replace(/\\/+$/, "")}}',
			url: '/meeting/getLiveRecStatus',
			method: 'POST',
			body: { conferenceKey: 'n8n-cred-test' },
			json: true,
			disableFollowRedirect: true,
		},
		rules: testRules(
			statusRules('Zijing Cloud', {
				401: 'The key was rejected (HTTP 401): check the key type, the API ID and API KEY or the tenant key',
				403: 'The key was rejected (HTTP 403): check the key type, the API ID and API KEY or the tenant key',
				404: 'No Zijing Cloud API at this API Server URL (HTTP 404): check the address',
			}),
			requiredKeys(
				['state', 'code'],
				'The answer is not a Zijing Cloud API answer (no "state" and "code"): check the API Server URL; a proxy or login page may be in the way',
			),
			rejectedCodes('code', {
				401: 'The key was rejected (401): check the key type, the API ID and API KEY or the tenant key',
				403: 'The key was rejected (403): check the key type, the API ID and API KEY or the tenant key',
				200001: 'The key was rejected (200001: the key does not match): check the key type, the API ID and API KEY or the tenant key',
			}),
		),
	};
}
