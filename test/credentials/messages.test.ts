/**
 * Every message a credential's Test button can show, beyond the wrong-key shapes of wrongKey.test.ts:
 * an HTTP 404 (no API at that address) and each refusal code the service puts in its answer, as a
 * number and as text. Each answer replaces the test request at the service's simulator.
 */
import { CREDENTIAL_TEST_OK } from '../harness/engine';
import type { ZoomSimulator } from '../simulators/zoom';
import { caseCredential, CREDENTIAL_CASES } from './matrix';
import { credentialSuite } from './suite';

const suite = credentialSuite();

const ZIJING_FIX = 'check the key type, the API ID and API KEY or the tenant key';
const YTX_RETRY = 'the credential could not be checked, try again later';

/** [credential type, HTTP status, answer body, the message the user sees] */
const ANSWERS: Array<[string, number, unknown, string]> = [
	['visioconferenceApi', 404, { message: 'Not Found' }, 'No Visioconference.me API at this base URL (HTTP 404): check the API Base URL'],
	['visioconferenceApi', 200, { code: 403, message: 'Forbidden', data: null }, 'The API key was rejected (403): check the API key'],
	['visioconferenceApi', 400, { code: '401', message: 'Unauthorized', data: null }, 'The API key was rejected (401): check the API key'],
	['zijingCloudApi', 404, { message: 'Not Found' }, 'No Zijing Cloud API at this API Server URL (HTTP 404): check the address'],
	['zijingCloudApi', 200, { state: 0, code: 403, msg: 'forbidden' }, `The key was rejected (403): ${ZIJING_FIX}`],
	['zijingCloudApi', 200, { state: 0, code: 200001, msg: 'auth error' }, `The key was rejected (200001: the key does not match): ${ZIJING_FIX}`],
	['zijingCloudApi', 200, { state: 0, code: '200001', msg: 'auth error' }, `The key was rejected (200001: the key does not match): ${ZIJING_FIX}`],
	['zoomMeetingsServerToServerApi', 404, { code: 1001, message: 'Not found' }, 'No Zoom API at this API base URL (HTTP 404): check the environment or the custom API base URL'],
	['zoomMeetingsServerToServerApi', 200, { code: 401, message: 'Unauthorized' }, 'Zoom rejected the access token (401); check the account ID, client ID and secret'],
	['zoomMeetingsServerToServerApi', 200, { code: 403, message: 'Forbidden' }, 'Zoom refused the request (403); check the account ID, client ID and secret'],
	['chatMessengerApi', 404, { errors: ['not found'] }, 'No Chat&Messenger API at this Server URL (HTTP 404): check the address and, on premises, the port (usually 8080)'],
	['ytxTelephonyApi', 404, { message: 'Not Found' }, 'No YTX API at this URL (HTTP 404): check the environment or the custom URL'],
	['ytxTelephonyApi', 200, { statusCode: '-200', statusMsg: '用户不存在' }, 'YTX -200: no such user; check the Account SID'],
	['ytxTelephonyApi', 200, { statusCode: '-201', statusMsg: '账户无效' }, 'YTX -201: the account is suspended or not activated'],
	['ytxTelephonyApi', 200, { statusCode: '-202', statusMsg: '包头验证信息错误' }, 'YTX -202: the Authorization header was refused; check the Account SID and the server clock'],
	[
		'ytxTelephonyApi',
		200,
		{ statusCode: -205, statusMsg: '应用验证失败' },
		'YTX -205: the App ID does not match the environment (sandbox app IDs only work on the sandbox), the IP is not whitelisted, or the app is not online',
	],
	['ytxTelephonyApi', 200, { statusCode: '-100', statusMsg: '服务器异常' }, `YTX -100: server exception; ${YTX_RETRY}`],
	['ytxTelephonyApi', 200, { statusCode: '-104', statusMsg: '请求过于频繁' }, `YTX -104: too many requests; ${YTX_RETRY}`],
	['ytxTelephonyApi', 200, { statusCode: 401, statusMsg: 'Unauthorized' }, 'YTX refused the request (401): check the Account SID and the Auth Token'],
	['ytxTelephonyApi', 200, { statusCode: '403', statusMsg: 'Forbidden' }, 'YTX refused the request (403): check the Account SID and the Auth Token'],
	['ytxTelephonyApi', 200, { statusCode: '-2' }, 'The answer is not a YTX API answer (no "statusCode" and "statusMsg"): check the environment or the custom URL; a proxy or login page may be in the way'],
];

test.each(ANSWERS)('%s answered HTTP %i %j: the Test button says so', async (type, status, body, message) => {
	const c = CREDENTIAL_CASES.find((entry) => entry.type === type);
	if (!c) throw new Error(`no credential case for ${type}`);
	const sim = suite.sandbox.get(c.sim);
	sim.fail({ kind: 'status', status, body }, { match: c.probe });
	const credential = caseCredential(suite.sandbox, type);
	suite.engine.store.add(credential.id, credential.type, credential.data as never, credential.name);
	expect(await suite.engine.testCredential(credential.id)).toEqual({ status: 'Error', message });
	expect(sim.log.filter(c.probe)).toHaveLength(1);
});

describe('Zoom General app (client credentials): the event-subscription list', () => {
	const isList = (req: { method: string; path: string }) => req.method === 'GET' && req.path === '/v2/marketplace/app/event_subscription';
	function add() {
		const sim = suite.sandbox.get<ZoomSimulator>('zoom');
		suite.engine.store.add('generalApp', 'zoomMeetingsClientCredentialsApi', {
			clientId: sim.clientId,
			clientSecret: sim.clientSecret,
			accountId: sim.accountId,
			environment: 'custom',
			customOAuthBaseUrl: sim.url,
			customApiBaseUrl: sim.apiBaseUrl,
		});
		return sim;
	}

	test('the right app passes, reading the account\'s subscriptions', async () => {
		const sim = add();
		expect(await suite.engine.testCredential('generalApp')).toEqual({ status: 'OK', message: CREDENTIAL_TEST_OK });
		expect(sim.log.filter(isList).map((req) => req.query)).toEqual([{ account_id: sim.accountId, user_id: 'me', subscription_scope: 'account' }]);
	});

	test('a redirect (a login page on the way) is not followed: the Test button says so', async () => {
		const sim = add();
		sim.answerWrongKey('loginRedirect', { match: isList, times: 1 });
		expect(await suite.engine.testCredential('generalApp')).toEqual({
			status: 'Error',
			message:
				"Zoom answered with a redirect (HTTP 302) instead of an API answer, usually to a login page of a proxy or single sign-on gateway: the key was not accepted there, or the URL is not the API's",
		});
		expect(sim.log.filter(isList)).toHaveLength(1);
		expect(sim.requests('GET', '/login')).toHaveLength(0);
	});

	test.each<[number, unknown, string, number]>([
		[401, { code: 124, message: 'Invalid access token.' }, 'Zoom rejected the token (HTTP 401); check the client ID and secret', 2],
		[403, { code: 104, message: 'Forbidden' }, 'Zoom refused the request (HTTP 403): the app needs an event-subscription scope, and a user OAuth app cannot call it', 1],
		[404, { code: 1001, message: 'Not found' }, 'No Zoom API at this API base URL, or the account ID is wrong (HTTP 404)', 1],
		[200, { code: 124, message: 'Invalid access token.' }, 'Zoom rejected the access token (code 124); check the client ID and secret', 1],
		[200, { total_records: 0 }, "The answer is not Zoom's list of event subscriptions: check the environment or the custom API base URL; a proxy or login page may be in the way", 1],
	])('HTTP %i %j: the Test button says so', async (status, body, message, requests) => {
		const sim = add();
		sim.fail({ kind: 'status', status, body }, { match: isList, times: requests });
		expect(await suite.engine.testCredential('generalApp')).toEqual({ status: 'Error', message });
		expect(sim.log.filter(isList)).toHaveLength(requests);
	});
});
