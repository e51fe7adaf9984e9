import type { INodeProperties } from 'n8n-workflow';

/** The OAuth host of the chosen environment, as an n8n expression over the credential (`$self`). */
export const OAUTH_BASE_EXPRESSION =
	'($self["environment"] === "custom" ? String($self["customOAuthBaseUrl"]).replace(/\\/+$/, "") : $self["environment"] === "zoomGov" ? "https://zoomgov.com" : "https://zoom.us")';

/**
 * The environment fields both Zoom credentials share: Zoom, Zoom for Government or custom base
 * URLs, and the API base URL computed from them (read by the node's requests).
 */
export function zoomEnvironmentProperties(oauthBaseDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Zoom', value: 'zoom', description: 'Hosts zoom.us and api.zoom.us' },
				{ name: 'Zoom for Government', value: 'zoomGov', description: 'Hosts zoomgov.com and api.zoomgov.com' },
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
			description: oauthBaseDescription,
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
			displayName: 'Download Base URLs',
			name: 'customDownloadBaseUrls',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://files.example.com',
			description:
				'Other addresses recording files are downloaded from, comma-separated (a proxy or a test server). The access token is sent with a download only to Zoom’s own hosts (zoom.us, zoomgov.com and their subdomains, HTTPS), to the API base URL’s and OAuth base URL’s hosts and to these.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL (Computed)',
			name: 'apiBaseUrl',
			type: 'hidden',
			default:
				'={{ $self["environment"] === "custom" ? String($self["customApiBaseUrl"]).replace(/\\/+$/, "") : $self["environment"] === "zoomGov" ? "https://api.zoomgov.com/v2" : "https://api.zoom.us/v2" }}',
		},
	];
}
