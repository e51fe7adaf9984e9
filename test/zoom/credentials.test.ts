/**
 * The credentials' computed fields, resolved the way n8n's server resolves them (`$self` = the
 * credential's data), for each environment; and the credential tests, which create nothing.
 */
import { Workflow, type INode, type INodeProperties } from 'n8n-workflow';

import { ZoomMeetingsOAuth2Api } from '../../credentials/ZoomMeetingsOAuth2Api.credentials';
import { ZoomMeetingsServerToServerApi } from '../../credentials/ZoomMeetingsServerToServerApi.credentials';
import { createEngine } from '../harness/engine';

const node: INode = { id: 'x', name: 'x', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: {} };

function resolve(properties: INodeProperties[], data: Record<string, unknown>) {
	const engine = createEngine();
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: engine.nodeTypes });
	const withDefaults = { ...Object.fromEntries(properties.map((p) => [p.name, p.default])), ...data };
	return workflow.expression.getComplexParameterValue(node, withDefaults as never, 'internal', {}, undefined, undefined, withDefaults) as Record<string, string>;
}

describe.each([
	['OAuth2', new ZoomMeetingsOAuth2Api().properties],
	['Server-to-Server', new ZoomMeetingsServerToServerApi().properties],
])('%s credential URLs', (_label, properties) => {
	test.each([
		['zoom', {}, 'https://api.zoom.us/v2', 'https://zoom.us'],
		['zoomGov', {}, 'https://api.zoomgov.com/v2', 'https://zoomgov.com'],
		['custom', { customApiBaseUrl: 'https://proxy.example.com/zoom/v2/', customOAuthBaseUrl: 'https://sso.example.com/' }, 'https://proxy.example.com/zoom/v2', 'https://sso.example.com'],
	])('%s', (environment, extra, api, oauth) => {
		const data = resolve(properties, { environment, ...extra });
		expect(data.apiBaseUrl).toBe(api);
		if ('accessTokenUrl' in data) {
			expect(data.accessTokenUrl).toBe(`${oauth}/oauth/token`);
			expect(data.authUrl).toBe(`${oauth}/oauth/authorize`);
			expect(data.authentication).toBe('header');
			expect(data.grantType).toBe('authorizationCode');
		}
	});
});

test('both credentials are tested with GET /users/me, which creates nothing', () => {
	for (const credential of [new ZoomMeetingsOAuth2Api(), new ZoomMeetingsServerToServerApi()]) {
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '/users/me', baseURL: '={{$credentials.apiBaseUrl}}' });
		expect(credential.test.rules?.length).toBeGreaterThan(0);
	}
	expect(new ZoomMeetingsOAuth2Api().extends).toEqual(['oAuth2Api']);
	const s2s = new ZoomMeetingsServerToServerApi().properties.find((p) => p.name === 'accessToken');
	expect(s2s).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	// names never clash with n8n's own Zoom node and credential
	expect([new ZoomMeetingsOAuth2Api().name, new ZoomMeetingsServerToServerApi().name]).not.toContain('zoomOAuth2Api');
});
