import type { IDataObject } from 'n8n-workflow';

import { createEngine, type Engine, type TestNode } from '../harness/engine';
import type { ZoomSimulator } from '../simulators/zoom';

export const TYPE = 'n8n-nodes-conferencing.zoomMeetings';
export const OAUTH = 'zoomMeetingsOAuth2Api';
export const S2S = 'zoomMeetingsServerToServerApi';

export interface Setup {
	engine: Engine;
	credential: { id: string; name: string };
}

/** An engine with a Server-to-Server credential pointed at the simulator. */
export function s2sSetup(sim: ZoomSimulator, extra: IDataObject = {}): Setup {
	const engine = createEngine();
	const credential = engine.store.add('s2s', S2S, {
		accountId: sim.accountId,
		clientId: sim.s2sClientId,
		clientSecret: sim.s2sClientSecret,
		environment: 'custom',
		customOAuthBaseUrl: sim.url,
		customApiBaseUrl: sim.apiBaseUrl,
		customDownloadBaseUrls: sim.web.url,
		...extra,
	});
	return { engine, credential };
}

/** An engine with a connected OAuth2 credential pointed at the simulator. */
export function oauthSetup(sim: ZoomSimulator, tokens: IDataObject = sim.issueOAuthTokens(), extra: IDataObject = {}): Setup {
	const engine = createEngine();
	const credential = engine.store.add('oauth', OAUTH, {
		clientId: sim.clientId,
		clientSecret: sim.clientSecret,
		environment: 'custom',
		customOAuthBaseUrl: sim.url,
		customApiBaseUrl: sim.apiBaseUrl,
		customDownloadBaseUrls: sim.web.url,
		oauthTokenData: tokens,
		...extra,
	});
	return { engine, credential };
}

export function zoomNode(setup: Setup, parameters: IDataObject, extra: Partial<TestNode> = {}): TestNode {
	const s2s = setup.credential.id === 's2s';
	return {
		name: 'Zoom',
		type: TYPE,
		parameters: { authentication: s2s ? 'serverToServerOAuth' : 'oAuth2', ...parameters },
		credentials: { [s2s ? S2S : OAUTH]: setup.credential },
		...extra,
	};
}
