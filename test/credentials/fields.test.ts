/**
 * The fields of every credential as n8n's form shows them: which are secrets (hidden as passwords,
 * never shown back), which are required, and the names the nodes and tests read.
 */
import type { ICredentialType } from 'n8n-workflow';

import { packageCredentialTypes } from '../harness/package';

const fields = (type: ICredentialType) =>
	type.properties.map((p) => [p.name, p.type, p.required === true, p.typeOptions?.password === true ? 'secret' : ''] as const);

test.each<[string, Array<readonly [string, string, boolean, string]>]>([
	['chatMessengerApi', [['serverUrl', 'string', true, ''], ['apiToken', 'string', true, 'secret']]],
	['visioconferenceApi', [['apiKey', 'string', true, 'secret'], ['baseUrl', 'string', false, '']]],
	[
		'ytxTelephonyApi',
		[
			['accountSid', 'string', true, ''],
			['authToken', 'string', true, 'secret'],
			['appId', 'string', true, ''],
			['environment', 'options', false, ''],
			['customUrl', 'string', true, ''],
		],
	],
	[
		'zijingCloudApi',
		[
			['apiServer', 'string', true, ''],
			['keyType', 'options', false, ''],
			['apiId', 'string', true, ''],
			['apiKey', 'string', true, 'secret'],
			['tenantAuthKey', 'string', true, 'secret'],
			['timeZone', 'string', false, ''],
		],
	],
	[
		'zoomMeetingsServerToServerApi',
		[
			['accountId', 'string', true, ''],
			['clientId', 'string', true, ''],
			['clientSecret', 'string', true, 'secret'],
			['environment', 'options', false, ''],
			['customOAuthBaseUrl', 'string', false, ''],
			['customApiBaseUrl', 'string', false, ''],
			['customDownloadBaseUrls', 'string', false, ''],
			['apiBaseUrl', 'hidden', false, ''],
			['accessToken', 'hidden', false, 'secret'],
		],
	],
	[
		'zoomMeetingsClientCredentialsApi',
		[
			['accountId', 'string', true, ''],
			['clientId', 'string', true, ''],
			['clientSecret', 'string', true, 'secret'],
			['environment', 'options', false, ''],
			['customOAuthBaseUrl', 'string', false, ''],
			['customApiBaseUrl', 'string', false, ''],
			['customDownloadBaseUrls', 'string', false, ''],
			['apiBaseUrl', 'hidden', false, ''],
			['accessToken', 'hidden', false, 'secret'],
		],
	],
	[
		'zoomMeetingsOAuth2Api',
		[
			['environment', 'options', false, ''],
			['customOAuthBaseUrl', 'string', false, ''],
			['customApiBaseUrl', 'string', false, ''],
			['customDownloadBaseUrls', 'string', false, ''],
			['apiBaseUrl', 'hidden', false, ''],
			['grantType', 'hidden', false, ''],
			['authUrl', 'hidden', false, ''],
			['accessTokenUrl', 'hidden', false, ''],
			['scope', 'string', false, ''],
			['authQueryParameters', 'hidden', false, ''],
			['authentication', 'hidden', false, ''],
		],
	],
	['zoomMeetingsWebhookApi', [['secretToken', 'string', true, 'secret']]],
])('%s: name, type, required, secret', (name, expected) => {
	// a fresh instance in the test: what n8n's form gets
	const type = packageCredentialTypes().find((t) => t.name === name);
	expect(type && fields(type)).toEqual(expected);
});
