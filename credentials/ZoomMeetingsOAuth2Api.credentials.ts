import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { zoomCredentialTest } from '../nodes/ZoomMeetings/shared/credentialTest';
import { OAUTH_BASE_EXPRESSION, zoomEnvironmentProperties } from '../nodes/ZoomMeetings/shared/environment';

/**
 * Zoom OAuth2 (authorization code) for the Zoom Meetings node. n8n's OAuth2 machinery sends the
 * client ID and secret as a Basic header, refreshes the access token on a 401 and stores both the new
 * access token and the rotated refresh token (Zoom invalidates the old refresh token on every refresh).
 */
export class ZoomMeetingsOAuth2Api implements ICredentialType {
	name = 'zoomMeetingsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoom Meetings OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/ZoomMeetings/zoom.svg',
		dark: 'file:../nodes/ZoomMeetings/zoom.dark.svg',
	};

	documentationUrl = 'https://developers.zoom.us/docs/integrations/oauth/';

	properties: INodeProperties[] = [
		...zoomEnvironmentProperties('Where /oauth/authorize and /oauth/token live'),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				`={{ ${OAUTH_BASE_EXPRESSION} + "/oauth/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				`={{ ${OAUTH_BASE_EXPRESSION} + "/oauth/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			placeholder: 'e.g. meeting:read:meeting meeting:write:meeting user:read:user',
			description:
				'Space-separated scopes to request. Leave empty to get the scopes configured on the Zoom app.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	// Creates nothing: reads the token's user; only a Zoom user passes (see zoomCredentialTest).
	test: ICredentialTestRequest = zoomCredentialTest('reconnect the credential');
}
