/**
 * YTX signing: fixed vectors, crypto-js as an independent implementation, the China Standard Time
 * stamp, fresh signing per request, and masking of derived values in text.
 */
import CryptoJS from 'crypto-js';
import { Workflow, type ICredentialDataDecryptedObject, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { YtxTelephonyApi } from '../../credentials/YtxTelephonyApi.credentials';
import {
	maskDerivedSecrets,
	signedValues,
	signYtxRequest,
	ytxAuthorization,
	ytxBaseUrl,
	ytxSign,
	ytxStamp,
} from '../../nodes/YtxTelephony/shared/signing';
import { createEngine } from '../harness/engine';

const SID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

describe('timestamp in China Standard Time', () => {
	it('is UTC + 8 h as yyyyMMddHHmmss', () => {
		expect(ytxStamp(new Date('2026-11-23T13:05:30Z'))).toBe('20261123210530');
	});

	it('rolls over the day, month and year at 16:00 UTC', () => {
		expect(ytxStamp(new Date('2026-12-31T15:59:59Z'))).toBe('20261231235959');
		expect(ytxStamp(new Date('2026-12-31T16:00:00Z'))).toBe('20270101000000');
		expect(ytxStamp(new Date('2028-02-28T16:00:00Z'))).toBe('20280229000000');
	});

	it('does not depend on the machine time zone nor on daylight saving (March and November dates)', () => {
		const saved = process.env.TZ;
		try {
			for (const zone of ['UTC', 'America/New_York', 'Europe/Paris', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
				process.env.TZ = zone;
				expect(ytxStamp(new Date('2026-03-29T01:30:00Z'))).toBe('20260329093000');
				expect(ytxStamp(new Date('2026-11-01T06:00:00Z'))).toBe('20261101140000');
			}
		} finally {
			process.env.TZ = saved;
		}
	});
});

describe('Sign and Authorization', () => {
	it('match fixed vectors', () => {
		expect(ytxSign(SID, TOKEN, '20261123210530')).toBe('E22D23234FB071CD20DDB55391611622');
		expect(ytxAuthorization(SID, '20261123210530')).toBe('YTFiMmMzZDRlNWY2MDcxODI5M2E0YjVjNmQ3ZThmOTB8MjAyNjExMjMyMTA1MzA=');
		expect(ytxSign('ACbc12', 'tok-en', '20140416142030')).toBe('8DBD9B5625C4607BDE7092090898F1A4');
		expect(ytxAuthorization('ACbc12', '20140416142030')).toBe('QUNiYzEyfDIwMTQwNDE2MTQyMDMw');
	});

	it('match crypto-js for many inputs', () => {
		const cases: Array<[string, string, string]> = [
			[SID, TOKEN, '20261123210530'],
			['ff8080813c37da53013c804f807200', 'x'.repeat(40), '20000101000000'],
			['sid', 'tökën-含中文', '20991231235959'],
		];
		for (let i = 0; i < 20; i++) {
			cases.push([Math.random().toString(36).slice(2), Math.random().toString(36).repeat(3), ytxStamp(new Date(Date.now() + i * 7919_000))]);
		}
		for (const [sid, token, stamp] of cases) {
			expect(ytxSign(sid, token, stamp)).toBe(CryptoJS.MD5(sid + token + stamp).toString(CryptoJS.enc.Hex).toUpperCase());
			expect(ytxAuthorization(sid, stamp)).toBe(CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(`${sid}|${stamp}`)));
		}
	});

	it('Sign is 32 hex digits and Authorization decodes to sid|stamp with the same stamp', () => {
		const stamp = ytxStamp();
		expect(ytxSign(SID, TOKEN, stamp)).toMatch(/^[0-9A-F]{32}$/);
		expect(Buffer.from(ytxAuthorization(SID, stamp), 'base64').toString()).toBe(`${SID}|${stamp}`);
	});
});

describe('the credential authenticate function', () => {
	const credentials: ICredentialDataDecryptedObject = { accountSid: SID, authToken: TOKEN, appId: 'app', environment: 'production' };

	it('adds Sign to the query string (keeping other parameters) and sets the documented headers', async () => {
		const options = await signYtxRequest(
			credentials,
			{ url: '/x', qs: { keep: 'me' }, headers: { 'X-Other': '1' } } as IHttpRequestOptions,
			new Date('2026-11-23T13:05:30Z'),
		);
		expect(options.qs).toEqual({ keep: 'me', Sign: 'E22D23234FB071CD20DDB55391611622' });
		expect(options.headers).toEqual({
			'X-Other': '1',
			Accept: 'application/json',
			'Content-Type': 'application/json;charset=utf-8',
			Authorization: 'YTFiMmMzZDRlNWY2MDcxODI5M2E0YjVjNmQ3ZThmOTB8MjAyNjExMjMyMTA1MzA=',
		});
	});

	it('signs afresh each time: a request signed again later gets a new stamp and Sign', async () => {
		const first = await signYtxRequest(credentials, { url: '/x' } as IHttpRequestOptions, new Date('2026-11-23T13:05:30Z'));
		const firstSign = (first.qs as Record<string, string>).Sign;
		const again = await signYtxRequest(credentials, first, new Date('2026-11-23T13:09:02Z'));
		expect((again.qs as Record<string, string>).Sign).toBe(ytxSign(SID, TOKEN, '20261123210902'));
		expect((again.qs as Record<string, string>).Sign).not.toBe(firstSign);
		expect(Buffer.from(String(again.headers?.Authorization), 'base64').toString()).toBe(`${SID}|20261123210902`);
	});

	it('is the credential type’s authenticate, using the current time in China', async () => {
		const type = new YtxTelephonyApi();
		expect(typeof type.authenticate).toBe('function');
		const before = ytxStamp();
		const options = await (type.authenticate as (c: ICredentialDataDecryptedObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(
			credentials,
			{ url: '/x' } as IHttpRequestOptions,
		);
		const after = ytxStamp();
		const stamp = Buffer.from(String(options.headers?.Authorization), 'base64').toString().split('|')[1];
		expect(stamp >= before && stamp <= after).toBe(true);
		expect((options.qs as Record<string, string>).Sign).toBe(ytxSign(SID, TOKEN, stamp));
	});
});

describe('environment → host', () => {
	it('production, sandbox and a custom URL without trailing slash', () => {
		expect(ytxBaseUrl({ environment: 'production' })).toBe('http://api.ytx.net');
		expect(ytxBaseUrl({})).toBe('http://api.ytx.net');
		expect(ytxBaseUrl({ environment: 'sandbox' })).toBe('http://sandbox.ytx.net');
		expect(ytxBaseUrl({ environment: 'custom', customUrl: ' https://proxy.example.com/ytx// ' })).toBe('https://proxy.example.com/ytx');
	});

	it('the credential test resolves the same host as the node for every environment', () => {
		const engine = createEngine();
		const node: INode = { id: 'n', name: 'N', type: 'n8n-nodes-conferencing.ytxTelephony', typeVersion: 1, position: [0, 0], parameters: {} };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: engine.nodeTypes });
		const expression = new YtxTelephonyApi().test.request.baseURL as string;
		const all: ICredentialDataDecryptedObject[] = [
			{ environment: 'production' },
			{ environment: 'sandbox' },
			{ environment: 'custom', customUrl: 'http://127.0.0.1:9/base/' },
		];
		for (const creds of all) {
			const resolved = workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: creds }, undefined, '');
			expect(resolved).toBe(ytxBaseUrl(creds));
		}
	});
});

describe('masking values derived from the token', () => {
	it('hides a Sign, an Authorization header and any base64 of sid|stamp, and leaves other text alone', () => {
		const sign = ytxSign(SID, TOKEN, '20261123210530');
		const auth = ytxAuthorization(SID, '20261123210530');
		const text = `POST /201612/sid/${SID}/call/TeleMeeting.wx?Sign=${sign.toLowerCase()}\nAuthorization: ${auth}\n{"Sign":"${sign}"} token ${auth} meid 002`;
		const masked = maskDerivedSecrets(text);
		expect(masked).not.toContain(sign);
		expect(masked).not.toContain(sign.toLowerCase());
		expect(masked).not.toContain(auth);
		expect(masked).toContain(`/sid/${SID}/call`);
		expect(masked).toContain('meid 002');
	});
});

describe('masking derived values: exactly the secret goes, every character of it, and nothing else', () => {
	const STAMP = '20261123210530';
	const sign = ytxSign(SID, TOKEN, STAMP);
	const auth = ytxAuthorization(SID, STAMP);

	it('a Sign in a query string, a JSON body, a URL-encoded form, in either case', () => {
		expect(maskDerivedSecrets(`GET /x?Sign=${sign}&a=1`)).toBe('GET /x?Sign=***&a=1');
		expect(maskDerivedSecrets(`{"Sign":"${sign.toLowerCase()}","b":2}`)).toBe('{"Sign":"***","b":2}');
		expect(maskDerivedSecrets(`sign%3D${sign} 'Sign': '${sign}'`)).toBe("sign%3D*** 'Sign': '***'");
		expect(maskDerivedSecrets(`Sign = ${sign}.`)).toBe('Sign = ***.');
	});

	it('an Authorization header or field, whatever its value', () => {
		expect(maskDerivedSecrets(`Authorization: ${auth}\nHost: api`)).toBe('Authorization: ***\nHost: api');
		expect(maskDerivedSecrets(`{"authorization":"opaque-value_1"}`)).toBe('{"authorization":"***"}');
		expect(maskDerivedSecrets('Authorization=abcdefgh;')).toBe('Authorization=***;');
		// too short to be a credential value: left alone
		expect(maskDerivedSecrets('Authorization: abc')).toBe('Authorization: abc');
	});

	it('base64 of sid|stamp in free text, with and without its padding', () => {
		expect(auth.endsWith('=')).toBe(true);
		const bare = auth.replace(/=+$/, '');
		expect(maskDerivedSecrets(`token ${auth} end`)).toBe('token *** end');
		expect(maskDerivedSecrets(`token ${bare} end`)).toBe('token *** end');
		expect(maskDerivedSecrets(`[${bare}]`)).toBe('[***]');
	});

	it('signs with empty values when the credential lacks them (the service then refuses the Sign)', async () => {
		const now = new Date('2026-11-23T13:05:30Z');
		const options = await signYtxRequest({}, { url: '/x' }, now);
		expect(options.qs).toEqual({ Sign: ytxSign('', '', STAMP) });
		expect(options.headers?.Authorization).toBe(ytxAuthorization('', STAMP));
		expect(signedValues({}, now, now)).toContain(ytxSign('', '', STAMP));
		expect(ytxBaseUrl({ environment: 'custom' })).toBe('');
		expect(ytxBaseUrl({})).toBe('http://api.ytx.net');
	});

	it('leaves base64 of text that only ends or starts like sid|stamp alone', () => {
		const b64 = (text: string) => Buffer.from(text).toString('base64');
		const text = `a ${b64(`two words|${STAMP}`)} b ${b64(`${SID}|${STAMP}9`)} c ${b64(`x|${SID}|${STAMP}`)}`;
		expect(maskDerivedSecrets(text)).toBe(text);
	});

	it('leaves other base64, other hex and a Sign that is not 32 hex digits alone', () => {
		const other = Buffer.from('an ordinary sentence in base64, long enough').toString('base64');
		const notStamp = Buffer.from(`${SID}|2026112321053`).toString('base64');
		const text = `data ${other} and ${notStamp} id ${sign} Sign=${sign.slice(0, 31)} meid 002`;
		expect(maskDerivedSecrets(text)).toBe(text);
	});
});
