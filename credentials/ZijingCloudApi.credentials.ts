import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

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
	// accepted key gets "meeting does not exist" (200008) or a parameter error (400); a rejected key
	// gets 403 ("auth认证失败") or 200001 (key does not match the meeting) in the envelope, or an
	// HTTP 401/403, which fails the test by itself.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiServer.replace(/\\/+$/, "")}}',
			url: '/meeting/getLiveRecStatus',
			method: 'POST',
			body: { conferenceKey: 'n8n-cred-test' },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: '403', message: 'The key was rejected (403): check the key type, the API ID and API KEY or the tenant key' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 403, message: 'The key was rejected (403): check the key type, the API ID and API KEY or the tenant key' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: '200001', message: 'The key was rejected (200001: the key does not match)' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 200001, message: 'The key was rejected (200001: the key does not match)' },
			},
		],
	};
}
