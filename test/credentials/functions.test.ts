/**
 * The code inside the credentials: Zijing Cloud's `authenticate`, and the Zoom app-token
 * `preAuthentication` (the token request it sends, one for all the items waiting, its failure).
 */
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { ZijingCloudApi } from '../../credentials/ZijingCloudApi.credentials';
import { ZoomMeetingsClientCredentialsApi } from '../../credentials/ZoomMeetingsClientCredentialsApi.credentials';
import { oauthBaseUrl, ZoomMeetingsServerToServerApi } from '../../credentials/ZoomMeetingsServerToServerApi.credentials';

describe('Zijing Cloud authenticate', () => {
	const authenticate = new ZijingCloudApi().authenticate;
	const request: IHttpRequestOptions = { url: '/x', headers: { Accept: 'application/json' } };

	test('sends the key in the auth header, keeping the other headers', async () => {
		expect(await authenticate({ keyType: 'apiIdAndKey', apiId: ' id1 ', apiKey: 'key1' }, request)).toEqual({
			url: '/x',
			headers: { Accept: 'application/json', auth: 'id1:key1' },
		});
		expect(await authenticate({ keyType: 'tenantKey', tenantAuthKey: '800' }, { url: '/y' })).toEqual({ url: '/y', headers: { auth: '800' } });
	});

	test.each([
		[{ keyType: 'tenantKey', tenantAuthKey: ' ' }, 'The Zijing Cloud credential has no tenant key'],
		[{ keyType: 'apiIdAndKey', apiId: 'id1' }, 'The Zijing Cloud credential needs both the API ID and the API KEY'],
	])('refuses %j before sending', async (credentials, message) => {
		await expect(authenticate(credentials, request)).rejects.toThrow(message);
	});
});

describe('Zoom OAuth base URL', () => {
	test.each([
		[{}, 'https://zoom.us'],
		[{ environment: 'zoom' }, 'https://zoom.us'],
		[{ environment: 'zoomGov' }, 'https://zoomgov.com'],
		[{ environment: 'custom', customOAuthBaseUrl: 'https://oauth.example.com//' }, 'https://oauth.example.com'],
		[{ environment: 'custom' }, ''],
	])('%j → %p', (credentials, url) => expect(oauthBaseUrl(credentials)).toBe(url));
});

describe('Zoom app-token preAuthentication', () => {
	function helper(answer: () => Promise<unknown>) {
		const sent: IHttpRequestOptions[] = [];
		const context = {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					sent.push(options);
					return await answer();
				},
			},
		} as unknown as IHttpRequestHelper;
		return { context, sent };
	}
	const app = { accountId: ' acc1 ', clientId: ' cid ', clientSecret: ' csecret ', environment: 'zoom' };

	test('Server-to-Server: one POST to /oauth/token with the account, Basic client ID and secret, no redirect followed', async () => {
		const { context, sent } = helper(async () => ({ access_token: 'tok-1', expires_in: 3600 }));
		const pre = new ZoomMeetingsServerToServerApi().preAuthentication;
		expect(await pre.call(context, { ...app })).toEqual({ accessToken: 'tok-1' });
		expect(sent).toEqual([
			{
				method: 'POST',
				url: 'https://zoom.us/oauth/token',
				qs: { grant_type: 'account_credentials', account_id: 'acc1' },
				headers: { Authorization: `Basic ${Buffer.from('cid:csecret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: '',
				json: true,
				disableFollowRedirect: true,
			},
		]);
	});

	test('General app: the client-credentials grant, without an account', async () => {
		const { context, sent } = helper(async () => ({ access_token: 'tok-2' }));
		const pre = new ZoomMeetingsClientCredentialsApi().preAuthentication;
		expect(await pre.call(context, { clientId: 'cid', clientSecret: 'cs', environment: 'zoomGov' })).toEqual({ accessToken: 'tok-2' });
		expect(sent[0]).toMatchObject({ url: 'https://zoomgov.com/oauth/token', qs: { grant_type: 'client_credentials' } });
	});

	test('items waiting together share one token request; a later call asks again', async () => {
		let release!: (value: unknown) => void;
		let calls = 0;
		const { context, sent } = helper(async () => {
			calls++;
			return calls === 1 ? await new Promise((resolve) => (release = resolve)) : { access_token: 'tok-later' };
		});
		const pre = new ZoomMeetingsServerToServerApi().preAuthentication;
		const waiting = [pre.call(context, { ...app }), pre.call(context, { ...app }), pre.call(context, { ...app })];
		await Promise.resolve();
		release({ access_token: 'tok-shared' });
		expect(await Promise.all(waiting)).toEqual([1, 2, 3].map(() => ({ accessToken: 'tok-shared' })));
		expect(sent).toHaveLength(1);
		// another app's credentials get their own request
		expect(await pre.call(context, { ...app, clientId: 'other' })).toEqual({ accessToken: 'tok-later' });
		expect(await pre.call(context, { ...app })).toEqual({ accessToken: 'tok-later' });
		expect(sent).toHaveLength(3);
	});

	test('apps asking at the same moment each get their own token, however their values split', async () => {
		const basic = (options: IHttpRequestOptions) =>
			Buffer.from(String(options.headers?.Authorization).replace('Basic ', ''), 'base64').toString();
		const sent: IHttpRequestOptions[] = [];
		const context = {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					sent.push(options);
					await new Promise((resolve) => setImmediate(resolve));
					return { access_token: `tok-for-${basic(options)}` };
				},
			},
		} as unknown as IHttpRequestHelper;
		const pre = new ZoomMeetingsServerToServerApi().preAuthentication;
		const tokens = await Promise.all([
			pre.call(context, { accountId: 'acc', clientId: 'ab', clientSecret: 'cdef' }),
			pre.call(context, { accountId: 'acc', clientId: 'abc', clientSecret: 'def' }),
			pre.call(context, { accountId: 'acc', clientId: 'zz', clientSecret: 'yy' }),
		]);
		expect(tokens).toEqual([{ accessToken: 'tok-for-ab:cdef' }, { accessToken: 'tok-for-abc:def' }, { accessToken: 'tok-for-zz:yy' }]);
		expect(sent).toHaveLength(3);
	});

	test('missing fields are sent empty (Zoom then refuses them)', async () => {
		const { context, sent } = helper(async () => ({ access_token: 'tok' }));
		await new ZoomMeetingsServerToServerApi().preAuthentication.call(context, { environment: 'zoom' });
		expect(sent[0].qs).toEqual({ grant_type: 'account_credentials', account_id: '' });
		expect(sent[0].headers?.Authorization).toBe(`Basic ${Buffer.from(':').toString('base64')}`);
	});

	test.each([
		[new ZoomMeetingsServerToServerApi(), 'Zoom did not return an access token for these Server-to-Server OAuth credentials'],
		[new ZoomMeetingsClientCredentialsApi(), 'Zoom did not return an access token for these client credentials'],
	])('an answer without a token fails with a reason (%#)', async (credential, message) => {
		for (const answer of [{}, { access_token: '' }, { access_token: 5 }, null]) {
			const { context } = helper(async () => answer);
			await expect(credential.preAuthentication.call(context, { ...app, clientId: `c${JSON.stringify(answer)}` })).rejects.toThrow(message);
		}
	});
});
