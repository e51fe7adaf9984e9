import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Zoom', value: 'zoom', description: 'zoom.us and api.zoom.us' },
				{ name: 'Zoom for Government', value: 'zoomGov', description: 'zoomgov.com and api.zoomgov.com' },
				{ name: 'Custom', value: 'custom', description: 'Other base URLs (a proxy or a test server)' },
			],
			default: 'zoom',
		},
		{
			displayName: 'OAuth Base URL',
			name: 'customOAuthBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://zoom.us',
			description: 'Where /oauth/authorize and /oauth/token live',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'customApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.zoom.us/v2',
			description: 'The REST API base URL, including /v2',
			displayOptions: { show: { environment: ['custom'] } },
		},
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
				'={{ ($self["environment"] === "custom" ? String($self["customOAuthBaseUrl"]).replace(/\\/+$/, "") : $self["environment"] === "zoomGov" ? "https://zoomgov.com" : "https://zoom.us") + "/oauth/authorize" }}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{ ($self["environment"] === "custom" ? String($self["customOAuthBaseUrl"]).replace(/\\/+$/, "") : $self["environment"] === "zoomGov" ? "https://zoomgov.com" : "https://zoom.us") + "/oauth/token" }}',
		},
		{
			displayName: 'API Base URL (Computed)',
			name: 'apiBaseUrl',
			type: 'hidden',
			default:
				'={{ $self["environment"] === "custom" ? String($self["customApiBaseUrl"]).replace(/\\/+$/, "") : $self["environment"] === "zoomGov" ? "https://api.zoomgov.com/v2" : "https://api.zoom.us/v2" }}',
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

	// Creates nothing: reads the connected user.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '/users/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Zoom rejected the access token (401); reconnect the credential' },
			},
		],
	};
}
