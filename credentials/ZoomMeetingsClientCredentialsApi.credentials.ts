import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { zoomEnvironmentProperties } from '../nodes/ZoomMeetings/shared/environment';

import { headerFromCredential } from '../nodes/shared/auth';

import { oauthBaseUrl } from './ZoomMeetingsServerToServerApi.credentials';

/**
 * A Zoom General app's own token (`grant_type=client_credentials`): the app-owned token Zoom asks
 * for on its event-subscription endpoints, which a user's OAuth token may not call. Used by the
 * Zoom Meetings Trigger to register its webhook. The token is kept in the hidden `accessToken`
 * field and fetched again when Zoom rejects it.
 */
export class ZoomMeetingsClientCredentialsApi implements ICredentialType {
	name = 'zoomMeetingsClientCredentialsApi';

	displayName = 'Zoom Meetings General App (Client Credentials) API';

	icon: Icon = {
		light: 'file:../nodes/ZoomMeetingsTrigger/zoom.svg',
		dark: 'file:../nodes/ZoomMeetingsTrigger/zoom.dark.svg',
	};

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown on the General app’s Basic Information page in the Zoom App Marketplace',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Zoom account that added the app and whose events the trigger receives (Admin → Account Profile)',
		},
		...zoomEnvironmentProperties('Where /oauth/token lives'),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const clientId = String(credentials.clientId ?? '').trim();
		const clientSecret = String(credentials.clientSecret ?? '').trim();
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${oauthBaseUrl(credentials)}/oauth/token`,
			qs: { grant_type: 'client_credentials' },
			headers: {
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: '',
			json: true,
			// the app's client secret goes with this request: never to the address of a redirect
			disableFollowRedirect: true,
		})) as IDataObject;
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw new Error('Zoom did not return an access token for these client credentials');
		}
		return { accessToken: response.access_token };
	}

	authenticate = headerFromCredential('Authorization', 'accessToken', 'Bearer ');

	// Creates nothing: fetches a token, then lists the app's event subscriptions for the account.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '/marketplace/app/event_subscription',
			method: 'GET',
			qs: { account_id: '={{$credentials.accountId}}', user_id: 'me', subscription_scope: 'account' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Zoom rejected the token (401); check the client ID and secret' },
			},
		],
	};
}
