import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { headerFromCredential } from '../nodes/shared/auth';
import { rejectedCodes, requiredKeys, statusRules, testRules } from '../nodes/shared/credentialTest';

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
	// Only Zoom's list answer (with `event_subscriptions`) passes; a redirect is not followed.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '/marketplace/app/event_subscription',
			method: 'GET',
			qs: { account_id: '={{$credentials.accountId}}', user_id: 'me', subscription_scope: 'account' },
			json: true,
			disableFollowRedirect: true,
		},
		rules: testRules(
			statusRules('Zoom', {
				401: 'Zoom rejected the token (HTTP 401); check the client ID and secret',
				403: 'Zoom refused the request (HTTP 403): the app needs an event-subscription scope, and a user OAuth app cannot call it',
				404: 'No Zoom API at this API base URL, or the account ID is wrong (HTTP 404)',
			}),
			rejectedCodes('code', { 124: 'Zoom rejected the access token (code 124); check the client ID and secret' }),
			requiredKeys(
				['event_subscriptions'],
				'The answer is not Zoom\'s list of event subscriptions: check the environment or the custom API base URL; a proxy or login page may be in the way',
			),
		),
	};
}
