import { ZoomSimulator } from '../simulators/zoom';
import { oauthSetup, s2sSetup, zoomNode } from './common';

const sim = new ZoomSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const getMe = { resource: 'user', operation: 'get', userId: 'me' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('OAuth2 (authorization code)', () => {
	test('a valid token is sent as Bearer, no token request', async () => {
		const tokens = sim.issueOAuthTokens();
		const setup = oauthSetup(sim, tokens);
		const result = await setup.engine.run([zoomNode(setup, getMe)]);
		expect(result.output('Zoom')[0].json).toMatchObject({ id: sim.owner.id, email: sim.owner.email });
		expect(sim.requests('POST', '/oauth/token')).toHaveLength(0);
		expect(sim.requests('GET', '/v2/users/me')[0].headers.authorization).toBe(`Bearer ${tokens.access_token}`);
	});

	test('an expired token (401, code 124) is refreshed once with a Basic header; both new tokens are stored and the call repeated', async () => {
		const tokens = sim.issueOAuthTokens();
		const setup = oauthSetup(sim, tokens);
		sim.advance(3601);
		const result = await setup.engine.run([zoomNode(setup, getMe)], [{}, {}, {}, {}, {}, {}]);
		expect(result.error('Zoom')).toBeUndefined();
		expect(result.output('Zoom')).toHaveLength(6);

		const tokenCalls = sim.requests('POST', '/oauth/token');
		expect(tokenCalls).toHaveLength(1);
		expect(tokenCalls[0].headers.authorization).toBe(basic(sim.clientId, sim.clientSecret));
		expect(tokenCalls[0].form).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		expect(tokenCalls[0].form?.client_secret).toBeUndefined();

		const stored = setup.engine.store.get('oauth').data.oauthTokenData as Record<string, string>;
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(sim.accessTokens.has(stored.access_token)).toBe(true);
		expect(sim.refreshTokens.has(stored.refresh_token)).toBe(true);
		// the first 401s and the repeated calls carry the new token
		const calls = sim.requests('GET', '/v2/users/me');
		expect(calls.filter((c) => c.headers.authorization === `Bearer ${stored.access_token}`)).toHaveLength(6);
	});

	test('a second run refreshes with the rotated refresh token (the old one no longer works)', async () => {
		const tokens = sim.issueOAuthTokens();
		const setup = oauthSetup(sim, tokens);
		sim.advance(3601);
		await setup.engine.run([zoomNode(setup, getMe)]);
		const afterFirst = setup.engine.store.get('oauth').data.oauthTokenData as Record<string, string>;
		expect(sim.usedRefreshTokens.has(tokens.refresh_token)).toBe(true);

		sim.advance(3601);
		const second = await setup.engine.run([zoomNode(setup, getMe)]);
		expect(second.error('Zoom')).toBeUndefined();
		expect(second.output('Zoom')[0].json.id).toBe(sim.owner.id);
		const refreshes = sim.requests('POST', '/oauth/token').map((r) => r.form?.refresh_token);
		expect(refreshes).toEqual([tokens.refresh_token, afterFirst.refresh_token]);
		const afterSecond = setup.engine.store.get('oauth').data.oauthTokenData as Record<string, string>;
		expect(afterSecond.refresh_token).not.toBe(afterFirst.refresh_token);
		expect(setup.engine.store.updates.filter((u) => u.id === 'oauth')).toHaveLength(2);
	});

	test('a revoked refresh token gives a clear error without any token or secret in it', async () => {
		const tokens = sim.issueOAuthTokens();
		sim.refreshTokens.clear();
		const setup = oauthSetup(sim, tokens);
		sim.advance(3601);
		const result = await setup.engine.run([zoomNode(setup, getMe)]);
		const error = result.error('Zoom');
		expect(error?.message).toMatch(/^Zoom/);
		const text = JSON.stringify({ message: error?.message, description: error?.description, output: result.output('Zoom') });
		for (const secret of [sim.clientSecret, tokens.access_token, tokens.refresh_token]) expect(text).not.toContain(secret);
	});
});

describe('Server-to-Server OAuth', () => {
	test('one token call (account_credentials, Basic header) serves many items; the token is kept for the next run', async () => {
		const setup = s2sSetup(sim);
		const items = Array.from({ length: 12 }, () => ({}));
		const first = await setup.engine.run([zoomNode(setup, getMe)], items);
		expect(first.output('Zoom')).toHaveLength(12);
		const tokenCalls = sim.requests('POST', '/oauth/token');
		expect(tokenCalls).toHaveLength(1);
		expect(tokenCalls[0].query).toEqual({ grant_type: 'account_credentials', account_id: sim.accountId });
		expect(tokenCalls[0].headers.authorization).toBe(basic(sim.s2sClientId, sim.s2sClientSecret));
		const stored = setup.engine.store.get('s2s').data.accessToken as string;
		expect(sim.accessTokens.get(stored)?.app).toBe('s2s');
		expect(new Set(sim.requests('GET', '/v2/users/me').map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${stored}`]));

		await setup.engine.run([zoomNode(setup, getMe)], items);
		expect(sim.requests('POST', '/oauth/token')).toHaveLength(1);
	});

	test('an answer that quotes the access token or the client secret comes out with both masked', async () => {
		const setup = s2sSetup(sim);
		await setup.engine.run([zoomNode(setup, getMe)]);
		const token = setup.engine.store.get('s2s').data.accessToken as string;
		expect(sim.accessTokens.get(token)?.app).toBe('s2s');
		const meeting = sim.seedMeeting({ topic: `token ${token}`, agenda: `secret ${sim.s2sClientSecret}` });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: String(meeting.id) })]);
		const [item] = result.output('Zoom');
		expect(item.json.id).toBe(meeting.id);
		expect(item.json.topic).toMatch(/^token \S+$/);
		expect(JSON.stringify(item.json)).not.toContain(token);
		expect(JSON.stringify(item.json)).not.toContain(sim.s2sClientSecret);
	});

	test('an expired token is replaced once and the calls repeated', async () => {
		const setup = s2sSetup(sim);
		await setup.engine.run([zoomNode(setup, getMe)]);
		const old = setup.engine.store.get('s2s').data.accessToken;
		sim.advance(3601);
		sim.log.length = 0;
		const result = await setup.engine.run([zoomNode(setup, getMe)], [{}, {}, {}, {}]);
		expect(result.output('Zoom')).toHaveLength(4);
		expect(sim.requests('POST', '/oauth/token')).toHaveLength(1);
		expect(setup.engine.store.get('s2s').data.accessToken).not.toBe(old);
		expect(sim.requests('GET', '/v2/users/me').filter((r) => r.headers.authorization === `Bearer ${old}`).length).toBeGreaterThan(0);
	});

	test('a wrong client secret fails with Zoom’s reason and no secret in the error', async () => {
		const setup = s2sSetup(sim, { clientSecret: 'wrong-secret-value-123' });
		const result = await setup.engine.run([zoomNode(setup, getMe, { continueOnFail: true })]);
		const [item] = result.output('Zoom');
		expect(item.json.error).toMatch(/^Zoom error invalid_client: .*Invalid client_id or client_secret/);
		expect(item.pairedItem).toEqual({ item: 0 });
		const text = JSON.stringify(item);
		expect(text).not.toContain('wrong-secret-value-123');
		expect(text).not.toContain(Buffer.from(`${sim.s2sClientId}:wrong-secret-value-123`).toString('base64'));
	});

	test('a wrong account ID is refused by the token endpoint', async () => {
		const setup = s2sSetup(sim, { accountId: 'not-my-account' });
		const result = await setup.engine.run([zoomNode(setup, getMe)]);
		expect(result.error('Zoom')?.message).toMatch(/^Zoom error invalid_request: .*Invalid account_id/);
		expect(sim.requests('GET', '/v2/users/me')).toHaveLength(0);
	});
});
