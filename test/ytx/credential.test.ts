/**
 * The YTX credential's test, run as n8n's credential tester runs it: an incomplete createMeeting that
 * creates nothing; -2 (missing parameter) means the account, signature and app ID were accepted.
 */
import { createEngine, type Engine } from '../harness/engine';
import { YtxSimulator } from '../simulators/ytx';

let prod: YtxSimulator;
let sandbox: YtxSimulator;
let engine: Engine;

beforeAll(async () => {
	prod = new YtxSimulator('production');
	sandbox = new YtxSimulator('sandbox');
	await Promise.all([prod.start(), sandbox.start()]);
	engine = createEngine();
});
afterAll(async () => await Promise.all([prod.stop(), sandbox.stop()]));
beforeEach(() => {
	prod.reset();
	sandbox.reset();
});

function add(id: string, sim: YtxSimulator, overrides: Record<string, string> = {}) {
	engine.store.add(id, 'ytxTelephonyApi', {
		accountSid: sim.accountSid,
		authToken: sim.authToken,
		appId: sim.appId,
		environment: 'custom',
		customUrl: `${sim.url}/`,
		...overrides,
	});
}

it('accepts a valid credential with a signed request that creates nothing', async () => {
	add('ok', prod);
	expect(await engine.testCredential('ok')).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(prod.log).toHaveLength(1);
	const [req] = prod.log;
	expect(req.path).toBe(`/201612/sid/${prod.accountSid}/call/TeleMeeting.wx`);
	expect(req.query.Sign).toMatch(/^[0-9A-F]{32}$/);
	expect(req.json).toEqual({ action: 'createMeeting', appid: prod.productionAppId });
	expect(prod.meetings.size).toBe(0);
});

it.each([
	['a wrong auth token', { authToken: 'ffffffffffffffffffffffffffffffff' }, 'YTX -203: authToken check failed; check the Auth Token'],
	['an unknown account SID', { accountSid: 'c'.repeat(32) }, 'YTX -200: no such user; check the Account SID'],
])('refuses %s', async (_label, overrides, message) => {
	add('bad', prod, overrides);
	expect(await engine.testCredential('bad')).toEqual({ status: 'Error', message });
});

it('refuses a sandbox app ID against production (-205) and accepts it on the sandbox', async () => {
	add('sandboxOnProd', prod, { appId: prod.sandboxAppId });
	expect(await engine.testCredential('sandboxOnProd')).toEqual({
		status: 'Error',
		message: expect.stringMatching(/^YTX -205: the App ID does not match the environment/),
	});
	add('sandboxOk', sandbox);
	expect(await engine.testCredential('sandboxOk')).toMatchObject({ status: 'OK' });
	expect(sandbox.log[0].json).toEqual({ action: 'createMeeting', appid: sandbox.sandboxAppId });
});

it('refuses a stale clock (-202) and a suspended account (-201)', async () => {
	add('ok', prod);
	prod.clockSkewMs = -20 * 60_000;
	expect(await engine.testCredential('ok')).toMatchObject({ status: 'Error', message: expect.stringMatching(/^YTX -202/) });
	prod.clockSkewMs = 0;
	prod.suspended = true;
	expect(await engine.testCredential('ok')).toMatchObject({ status: 'Error', message: expect.stringMatching(/^YTX -201/) });
});
