/**
 * Zijing Cloud credential: how the `auth` key is made (the assumed public-cloud formula lives in one
 * function), and the credential test as n8n runs it (request + `authenticate` + `rules`), against the
 * simulator — it must tell an accepted key from a rejected one and change nothing.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ZijingCloudApi } from '../../credentials/ZijingCloudApi.credentials';
import { zijingAuthKey } from '../../nodes/ZijingCloud/shared/auth';
import { createEngine } from '../harness/engine';
import { KEY_FORMS, ZijingSimulator } from '../simulators/zijing';

const sim = new ZijingSimulator();
const credential = new ZijingCloudApi();
const engine = createEngine();

beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('the auth key', () => {
	test('API ID + API KEY: the assumed form apiId:apiKey (trimmed)', () => {
		expect(zijingAuthKey({ keyType: 'apiIdAndKey', apiId: ' id-1 ', apiKey: 'key-2 ' })).toBe('id-1:key-2');
	});

	test('tenant key: sent as entered', () => {
		expect(zijingAuthKey({ keyType: 'tenantKey', tenantAuthKey: '800', apiId: 'ignored', apiKey: 'ignored' })).toBe('800');
	});

	test('a missing part gives no key', () => {
		expect(zijingAuthKey({ keyType: 'apiIdAndKey', apiId: 'id-1', apiKey: '' })).toBe('');
		expect(zijingAuthKey({ keyType: 'tenantKey', tenantAuthKey: '  ' })).toBe('');
	});

	test('a part left out (a credential saved without it) or only one of API ID and API KEY gives no key, never "undefined"', () => {
		expect(zijingAuthKey({ keyType: 'tenantKey' })).toBe('');
		expect(zijingAuthKey({ keyType: 'apiIdAndKey', apiKey: 'key-2' })).toBe('');
		expect(zijingAuthKey({ keyType: 'apiIdAndKey', apiId: 'id-1' })).toBe('');
		expect(zijingAuthKey({ keyType: 'apiIdAndKey', apiId: ' ', apiKey: 'key-2' })).toBe('');
	});

	test('authenticate puts the key in the auth header and keeps the other headers', async () => {
		const options = await credential.authenticate(
			{ keyType: 'apiIdAndKey', apiId: 'id-1', apiKey: 'key-2' },
			{ url: '/x', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', auth: 'id-1:key-2' });
	});

	test('authenticate refuses an incomplete credential instead of sending an empty key', async () => {
		await expect(credential.authenticate({ keyType: 'apiIdAndKey', apiId: 'id-1', apiKey: '' }, { url: '/x' })).rejects.toThrow(
			'The Zijing Cloud credential needs both the API ID and the API KEY',
		);
		await expect(credential.authenticate({ keyType: 'tenantKey', tenantAuthKey: '' }, { url: '/x' })).rejects.toThrow(
			'The Zijing Cloud credential has no tenant key',
		);
	});
});

let next = 0;
/** Stores the credential and runs its `test` as n8n's credential tester does (the harness's RoutingNode path). */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const id = `cred-${next++}`;
	engine.store.add(id, 'zijingCloudApi', data);
	return await engine.testCredential(id);
}

describe('the credential test', () => {
	test('an accepted public-cloud key passes; the probe changes nothing', async () => {
		const before = JSON.stringify([...sim.meetings.values()]);
		const result = await testCredential({ apiServer: `${sim.url}/`, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = sim.log;
		expect(sim.log).toHaveLength(1);
		expect([request.method, request.path, request.headers.auth]).toEqual(['POST', '/meeting/getLiveRecStatus', sim.publicKey]);
		expect(request.json).toEqual({ conferenceKey: 'n8n-cred-test' });
		// the key was accepted: the service answered "meeting does not exist", and nothing was touched
		expect(JSON.stringify([...sim.meetings.values()])).toBe(before);
		expect(sim.bookings.size + sim.files.size).toBe(0);
	});

	test('an accepted tenant key passes', async () => {
		const result = await testCredential({ apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.privateKey });
		expect(result.status).toBe('OK');
		expect(sim.log[0].headers.auth).toBe('800');
	});

	// the document shows no refusal of a key: each shape the simulator can give one in must fail the test
	const FIX = 'check the key type, the API ID and API KEY or the tenant key';
	const NOT_ZIJING = 'The answer is not a Zijing Cloud API answer (no "state" and "code"): check the API Server URL; a proxy or login page may be in the way';
	const refusals: Array<[string, (s: ZijingSimulator) => void, string | RegExp]> = [
		['json401', (s) => (s.wrongKeyShape = 'json401'), `The key was rejected (HTTP 401): ${FIX}`],
		['html403', (s) => (s.wrongKeyShape = 'html403'), `The key was rejected (HTTP 403): ${FIX}`],
		['loginRedirect', (s) => (s.wrongKeyShape = 'loginRedirect'), /^Zijing Cloud answered with a redirect \(HTTP 302\)/],
		['foreignBody', (s) => (s.wrongKeyShape = 'foreignBody'), NOT_ZIJING],
		['envelope code401', (s) => (s.refusal = 'code401'), `The key was rejected (401): ${FIX}`],
		['envelope code403', (s) => (s.refusal = 'code403'), `The key was rejected (403): ${FIX}`],
		['envelope code200001', (s) => (s.refusal = 'code200001'), `The key was rejected (200001: the key does not match): ${FIX}`],
		['envelope without code', (s) => (s.refusal = 'noCode'), NOT_ZIJING],
	];

	test.each(refusals)('a wrong key answered with %s fails the test with a readable reason', async (_label, shape, message) => {
		shape(sim);
		const result = await testCredential({ apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: 'zjk-wrong-key' });
		expect(result.status).toBe('Error');
		if (typeof message === 'string') expect(result.message).toBe(message);
		else expect(result.message).toMatch(message);
		expect(sim.requests('GET', '/login')).toHaveLength(0);
	});

	test('API ID and API KEY: the test passes only where the service builds the key as API ID:API KEY', async () => {
		for (const form of KEY_FORMS) {
			sim.reset();
			sim.acceptApiIdAndKey(form);
			const result = await testCredential({ apiServer: sim.url, keyType: 'apiIdAndKey', apiId: sim.apiId, apiKey: sim.apiKey });
			expect([form, result.status]).toEqual([form, form === 'idColonKey' ? 'OK' : 'Error']);
		}
	});

	test('a rejection with a numeric code or 200001 is recognised too', async () => {
		for (const code of [403, '200001', 200001]) {
			sim.reset();
			sim.fail({ kind: 'status', status: 200, body: { code, data: null, message: 'x', state: 0 } });
			const result = await testCredential({ apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
			expect([code, result.status]).toEqual([code, 'Error']);
		}
	});

	test('an HTTP 401 fails the test', async () => {
		// n8n sends a request once more after a 401
		sim.fail({ kind: 'status', status: 401, body: { message: 'Unauthorized' } }, { times: 2 });
		const result = await testCredential({ apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey });
		expect(result.status).toBe('Error');
		expect(sim.log).toHaveLength(2);
	});
});
