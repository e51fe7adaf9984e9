import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';

import { appTokenPreAuthentication, appTokenProperties } from './ZoomMeetingsServerToServerApi.credentials';

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
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Zoom account that added the app and whose events the trigger receives (Admin → Account Profile)',
		},
		...appTokenProperties('Shown on the General app’s Basic Information page in the Zoom App Marketplace'),
	];

	preAuthentication = appTokenPreAuthentication('client_credentials');

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
