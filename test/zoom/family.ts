/**
 * The Zoom Meetings family for the pack's fault matrix (`test/faults/families.ts`): Meeting →
 * Create with a Server-to-Server credential, one POST /users/me/meetings per item.
 */
import type { Family } from '../faults/families';
import type { Simulator } from '../simulators/base';
import { ZoomSimulator } from '../simulators/zoom';

export const zoomFamily: Family = {
	label: 'Zoom Meetings: Meeting → Create',
	service: 'Zoom',
	nodeType: 'n8n-nodes-conferencing.zoomMeetings',
	simulator: () => new ZoomSimulator(),
	credential: (sim) => {
		const zoom = sim as ZoomSimulator;
		return {
			type: 'zoomMeetingsServerToServerApi',
			data: {
				accountId: zoom.accountId,
				clientId: zoom.s2sClientId,
				clientSecret: zoom.s2sClientSecret,
				environment: 'custom',
				customOAuthBaseUrl: zoom.url,
				customApiBaseUrl: zoom.apiBaseUrl,
			},
		};
	},
	parameters: {
		authentication: 'serverToServerOAuth',
		resource: 'meeting',
		operation: 'create',
		userId: '={{ $json.user ?? "me" }}',
		topic: '={{ $json.topic }}',
		startTime: '={{ $json.start }}',
		timezone: 'Asia/Tokyo',
		settings: { joinBeforeHost: false, autoRecording: 'none' },
	},
	item: { topic: 'Sample Meeting', start: '2024-09-15T10:00:00' },
	isSideEffect: (method, path) => method === 'POST' && path === '/v2/users/me/meetings',
	unauthorized: { kind: 'status', status: 401, body: { code: 124, message: 'Invalid access token.' } },
	badInputs: [
		{ label: 'empty topic', item: { topic: ' ', start: '2024-09-15T10:00:00' }, message: /"Topic" is empty/ },
		{ label: 'bad start time', item: { topic: 'x', start: '15/09/2024' }, message: /"Start Time" must be a date and time .*got "15\/09\/2024"/ },
		{ label: 'impossible date', item: { topic: 'x', start: '2024-02-30T10:00:00' }, message: /"Start Time" must be a date and time/ },
		{ label: 'dots as the user (path segment)', item: { topic: 'x', start: '2024-09-15T10:00:00', user: '..' }, message: /"User" cannot be "\.\."/ },
		{ label: 'one dot as the user (path segment)', item: { topic: 'x', start: '2024-09-15T10:00:00', user: '.' }, message: /"User" cannot be "\."/ },
	],
	secrets: (sim: Simulator) => {
		const zoom = sim as ZoomSimulator;
		return [zoom.s2sClientSecret, Buffer.from(`${zoom.s2sClientId}:${zoom.s2sClientSecret}`).toString('base64'), ...zoom.accessTokens.keys()];
	},
};

/** The same family with a connected OAuth2 credential (user-level app). */
export const zoomOAuth2Family: Family = {
	...zoomFamily,
	label: 'Zoom Meetings (OAuth2): Meeting → Create',
	credential: (sim) => {
		const zoom = sim as ZoomSimulator;
		return {
			type: 'zoomMeetingsOAuth2Api',
			data: {
				clientId: zoom.clientId,
				clientSecret: zoom.clientSecret,
				environment: 'custom',
				customOAuthBaseUrl: zoom.url,
				customApiBaseUrl: zoom.apiBaseUrl,
				oauthTokenData: tokensOf(zoom),
			},
		};
	},
	parameters: { ...zoomFamily.parameters, authentication: 'oAuth2' },
	secrets: (sim: Simulator) => {
		const zoom = sim as ZoomSimulator;
		return [zoom.clientSecret, Buffer.from(`${zoom.clientId}:${zoom.clientSecret}`).toString('base64'), ...zoom.accessTokens.keys(), ...zoom.refreshTokens, ...zoom.usedRefreshTokens];
	},
};

/** One set of OAuth2 tokens per simulator (the credential is stored anew for every test). */
const issued = new WeakMap<ZoomSimulator, object>();
function tokensOf(zoom: ZoomSimulator): object {
	if (!issued.has(zoom) || !zoom.refreshTokens.size) issued.set(zoom, zoom.issueOAuthTokens());
	return issued.get(zoom)!;
}
