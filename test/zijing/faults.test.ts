/**
 * Zijing Cloud node: every service code's message, HTTP and network failures, retries, concurrency
 * and secrets, against the simulator, through n8n's real execution engine.
 */
import type { IDataObject } from 'n8n-workflow';

import { KEY_FORMS, REFUSAL_ENVELOPES, zijingNode, type RefusalEnvelope } from '../simulators/zijing';
import { zijingSuite } from './common';

const wrongKey = 'zjk-52-wrong-0a9b8c7d6e';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const { sim, engine } = zijingSuite((engine, sim) =>
	engine.store.add('zijing-wrong', 'zijingCloudApi', { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: wrongKey }),
);

const start = { resource: 'recording', operation: 'start', conferenceKey: '8000000' };
const run = async (parameters: IDataObject = start, credentialId?: string) =>
	await engine.run([zijingNode(parameters, { credentialId })]);
const envelope = (code: string | number, message: string | null) => ({
	kind: 'status' as const,
	status: 200,
	body: { code, data: null, message, state: 0 },
});

describe('HTTP-200 failure envelopes: code, English meaning, original message', () => {
	test.each([
		['200001', '会议号和当前的认证的auth不匹配', 'the conference number does not belong to the tenant of this auth key'],
		['200002', '该会议已开启直播', 'live streaming is already on for this meeting'],
		['200003', '该会议已开启录制', 'recording is already on for this meeting'],
		['200004', '该会议不允许录制', 'this meeting is not allowed to record'],
		['200005', '该会议不允许直播', 'this meeting is not allowed to stream live'],
		['200006', '该会议还未开启', 'the meeting has not started'],
		['200007', '该会议未开启录制', 'the meeting is not being recorded'],
		['200008', '该会议不存在', 'the meeting does not exist'],
		['200009', '当前时间段，此会议室已被预约', 'this meeting room is already booked for that time slot'],
		['400', '请求的参数异常', 'the request parameters were refused'],
		['403', 'auth认证失败', 'the auth key was rejected (a wrong key, or a key that belongs to another tenant)'],
		['500', '服务器内部错误', 'the server could not complete the request'],
	])('code %s (string and number)', async (code, original, meaning) => {
		for (const sent of [code, Number(code)]) {
			sim.reset();
			sim.fail(envelope(sent, original));
			const result = await run();
			const error = result.error('Zijing')!;
			expect(error.message).toBe(`Zijing Cloud error ${code}: ${meaning} (${original})`);
			expect(error.name).toBe('NodeApiError');
			expect(sim.log).toHaveLength(1); // a failure envelope is never retried
		}
	});

	test('an unknown code keeps the service’s message; a failure without message still names the code', async () => {
		sim.fail(envelope('300001', '余额不足'));
		expect((await run()).error('Zijing')!.message).toBe('Zijing Cloud error 300001: the request failed (余额不足)');
		sim.fail(envelope(200008, null));
		expect((await run()).error('Zijing')!.message).toBe('Zijing Cloud error 200008: the meeting does not exist');
	});

	test('state 0 is a failure even with code 200', async () => {
		sim.fail({ kind: 'status', status: 200, body: { code: '200', data: { recordId: 'x' }, message: '开启失败', state: 0 } });
		expect((await run()).error('Zijing')!.message).toBe('Zijing Cloud error 200: the request failed (开启失败)');
	});

	test('meeting info understands the envelope shape too', async () => {
		sim.fail(envelope('403', 'auth认证失败'));
		const result = await run({ resource: 'meeting', operation: 'get', conferenceKey: '8000000' });
		expect(result.error('Zijing')!.message).toMatch(/^Zijing Cloud error 403: the auth key was rejected/);
	});

	test('every operation checks the envelope', async () => {
		const operations: Array<IDataObject> = [
			{ resource: 'recording', operation: 'start', conferenceKey: '8000000' },
			{ resource: 'recording', operation: 'stop', conferenceKey: '8000000' },
			{ resource: 'recording', operation: 'getStatus', conferenceKey: '8000000' },
			{ resource: 'recording', operation: 'getFiles', recordId: 'abc' },
			{ resource: 'recording', operation: 'deleteFile', recordId: 'abc' },
			{ resource: 'live', operation: 'getStatus', conferenceKey: '8000000' },
			{ resource: 'booking', operation: 'getRooms', account: 'admin@miwei.com', returnAll: true },
			{ resource: 'booking', operation: 'getContacts', account: 'admin@miwei.com', returnAll: true },
			{
				resource: 'booking',
				operation: 'create',
				account: 'admin@miwei.com',
				theme: 't',
				startDate: '2026-12-01 09:00',
				endDate: '2026-12-01 10:00',
			},
			{ resource: 'booking', operation: 'cancel', bookingId: '1' },
			{ resource: 'booking', operation: 'getMany', account: 'admin@miwei.com', returnAll: true },
		];
		for (const parameters of operations) {
			sim.reset();
			sim.fail(envelope(500, '服务器内部错误'));
			const result = await run(parameters);
			expect([parameters.operation, result.error('Zijing')?.message]).toEqual([
				parameters.operation,
				'Zijing Cloud error 500: the server could not complete the request (服务器内部错误)',
			]);
		}
	});
});

describe('authentication', () => {
	const rejected = 'the auth key was rejected (a wrong key, or a key that belongs to another tenant)';
	// the document shows no refusal of a key: each way the service (or what stands before it) could refuse one
	const refusals: Array<[string, () => void, RegExp]> = [
		['a 401 JSON', () => (sim.wrongKeyShape = 'json401'), new RegExp(`^Zijing Cloud error 401: ${escape(rejected)} \\(Unauthorized\\)$`)],
		['a 403 HTML page', () => (sim.wrongKeyShape = 'html403'), new RegExp(`^Zijing Cloud error 403: ${escape(rejected)}$`)],
		['a redirect to a login page', () => (sim.wrongKeyShape = 'loginRedirect'), /^Zijing Cloud error 302: the service answered with a redirect to 127\.0\.0\.1:\d+, which is not followed/],
		['another service’s JSON', () => (sim.wrongKeyShape = 'foreignBody'), /^Zijing Cloud error 200: the answer was not a Zijing Cloud response \(no "state" 1 or 0\) \(received HTTP 200, application\/json, a JSON object with the keys "ok", "result", "version"\)$/],
		...(Object.keys(REFUSAL_ENVELOPES) as RefusalEnvelope[]).map((refusal): [string, () => void, RegExp] => [
			`the HTTP-200 envelope ${refusal}`,
			() => {
				sim.wrongKeyShape = 'envelope200';
				sim.refusal = refusal;
			},
			{
				code401: new RegExp(`^Zijing Cloud error 401: ${escape(rejected)} \\(auth认证失败\\)$`),
				code403: new RegExp(`^Zijing Cloud error 403: ${escape(rejected)} \\(认证失败\\)$`),
				code200001: /^Zijing Cloud error 200001: the conference number does not belong to the tenant of this auth key \(会议号和当前的认证的auth不匹配\)$/,
				noCode: /^Zijing Cloud error unknown: the request failed \(auth error\)$/,
			}[refusal],
		]),
	];

	test.each(refusals)('a wrong key answered with %s fails clearly, changes nothing, and the key appears nowhere', async (_label, shape, message) => {
		shape();
		const result = await run(start, 'zijing-wrong');
		const error = result.error('Zijing')!;
		expect(error.message).toMatch(message);
		expect(sim.requests('POST', '/meeting/openRecord')[0].headers.auth).toBe(wrongKey);
		expect(sim.requests('GET', '/login')).toHaveLength(0);
		expect(JSON.stringify(result.run)).not.toContain(wrongKey);
		expect(sim.meetings.get('8000000')!.recordId).toBe('');
		expect(result.output('Zijing')).toEqual([]);
	});

	test('"API ID and API KEY": the key goes out as API ID:API KEY; a service that builds it another way refuses it, with a hint', async () => {
		engine.store.add('zijing-id-key', 'zijingCloudApi', { apiServer: sim.url, keyType: 'apiIdAndKey', apiId: sim.apiId, apiKey: sim.apiKey });
		for (const form of KEY_FORMS) {
			sim.reset();
			sim.acceptApiIdAndKey(form);
			const result = await run(start, 'zijing-id-key');
			expect(sim.requests('POST', '/meeting/openRecord')[0].headers.auth).toBe(`${sim.apiId}:${sim.apiKey}`);
			if (form === 'idColonKey') {
				expect([form, result.error('Zijing')]).toEqual([form, undefined]);
				expect(result.output('Zijing')[0].json.recordId).toBe(sim.meetings.get('8000000')!.recordId);
			} else {
				const error = result.error('Zijing')!;
				expect([form, error.message]).toEqual([form, `Zijing Cloud error 401: ${rejected} (auth认证失败)`]);
				expect(error.description).toMatch(/an assumption the API document does not confirm: if Zijing gave you a ready key, choose "Tenant Key"/);
				expect(JSON.stringify(result.run)).not.toContain(sim.apiKey);
			}
		}
	});

	test('an HTTP 401 whose body echoes the key is reported without the key', async () => {
		sim.fail(
			{ kind: 'status', status: 401, body: { message: `invalid auth ${sim.publicKey}` } },
			{ times: 2 }, // n8n's authentication helper tries once more after a 401
		);
		const result = await run();
		const error = result.error('Zijing')!;
		expect(error.message).toMatch(/^Zijing Cloud error 401: the auth key was rejected/);
		expect(JSON.stringify(result.run)).not.toContain(sim.publicKey);
	});
});

describe('HTTP and network failures', () => {
	test('a 429 is retried after Retry-After, and the recording starts once', async () => {
		sim.fail({ kind: 'rateLimit', retryAfter: 0 });
		const result = await run();
		expect(result.error('Zijing')).toBeUndefined();
		expect(sim.requests('POST', '/meeting/openRecord')).toHaveLength(2);
		expect(result.output('Zijing')[0].json.recordId).toBe(sim.meetings.get('8000000')!.recordId);
	});

	test('a 429 that does not end fails the item after the retries', async () => {
		sim.fail({ kind: 'rateLimit', retryAfter: 0 }, { times: 10 });
		const result = await run();
		expect(result.error('Zijing')!.message).toMatch(/^Zijing Cloud error 429: too many requests/);
		expect(sim.requests('POST', '/meeting/openRecord')).toHaveLength(4);
	});

	test.each([
		[{ kind: 'status' as const, status: 500, body: { message: 'Internal Server Error' } }, 'Zijing Cloud error 500: the server failed (HTTP 500) (Internal Server Error)'],
		[{ kind: 'status' as const, status: 500, body: { code: '500', data: null, message: '服务器内部错误', state: 0 } }, 'Zijing Cloud error 500: the server could not complete the request (服务器内部错误)'],
		[{ kind: 'html' as const, status: 502 }, 'Zijing Cloud error 502: the server failed (HTTP 502)'],
		[{ kind: 'status' as const, status: 404, body: { message: 'Not Found' } }, 'Zijing Cloud error 404: not found (Not Found)'],
		[{ kind: 'html' as const, status: 200 }, 'Zijing Cloud error 200: the answer was a web page, not JSON (received HTTP 200, text/html, a web page)'],
		[{ kind: 'malformed' as const }, 'Zijing Cloud error 200: the answer was not valid JSON (received HTTP 200, application/json, broken JSON of 28 characters)'],
		[{ kind: 'empty' as const }, 'Zijing Cloud error 200: the answer was empty (received HTTP 200, application/json, an empty body)'],
		[{ kind: 'status' as const, status: 200, body: { ok: true } }, 'Zijing Cloud error 200: the answer was not a Zijing Cloud response (no "state" 1 or 0) (received HTTP 200, application/json, a JSON object with the key "ok")'],
		[{ kind: 'drop' as const }, 'Zijing Cloud: the connection was dropped before an answer arrived — the service may have done it: check before retrying (item 0)'],
	])('%p → %p, not retried', async (fault, message) => {
		sim.fail(fault);
		const result = await run();
		expect(result.error('Zijing')!.message).toBe(message);
		expect(sim.requests('POST', '/meeting/openRecord')).toHaveLength(1);
	});

	test('a slow answer fails after the Timeout option', async () => {
		sim.fail({ kind: 'delay', ms: 1500 });
		const result = await run({ ...start, requestOptions: { timeout: 300 } });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud: no answer within 300 ms (request timed out) — the service may have done it: check before retrying (item 0)');
	});

	test('the meeting info flat shape handles a broken answer', async () => {
		sim.fail({ kind: 'malformed' });
		const result = await run({ resource: 'meeting', operation: 'get', conferenceKey: '8000000' });
		expect(result.error('Zijing')!.message).toBe('Zijing Cloud error 200: the answer was not valid JSON (received HTTP 200, application/json, broken JSON of 28 characters)');
	});
});

describe('concurrency', () => {
	const slow = () => {
		for (let i = 0; i < 12; i++) sim.fail({ kind: 'delay', ms: 60 });
	};

	test('at most 5 requests in flight by default', async () => {
		slow();
		const items = Array.from({ length: 12 }, () => ({ key: '8000000' }));
		const result = await engine.run(
			[zijingNode({ resource: 'meeting', operation: 'get', conferenceKey: '={{ $json.key }}' })],
			items,
		);
		expect(result.output('Zijing')).toHaveLength(12);
		expect(result.output('Zijing').map((i) => (i.pairedItem as { item: number }).item)).toEqual([...Array(12).keys()]);
		expect(sim.maxInFlight).toBe(5);
	});

	test('"Max Concurrent Requests" lowers it', async () => {
		slow();
		const items = Array.from({ length: 6 }, () => ({ key: '8000000' }));
		await engine.run(
			[zijingNode({ resource: 'meeting', operation: 'get', conferenceKey: '={{ $json.key }}', requestOptions: { concurrency: 2 } })],
			items,
		);
		expect(sim.maxInFlight).toBe(2);
	});
});

describe('what an HTTP failure says', () => {
	const page = (status: number) => ({ kind: 'html' as const, status });
	const json = (status: number, body: unknown) => ({ kind: 'status' as const, status, body });
	const KEY_HINT = /^Check the credential: its key type, the API ID and API KEY \(or the tenant key\) and the API server URL\./;

	test.each([
		['a 500 page', page(500), 'Zijing Cloud error 500: the server failed (HTTP 500)'],
		['a 404 page', page(404), 'Zijing Cloud error 404: not found'],
		['a 499 page', page(499), 'Zijing Cloud error 499: the request was refused (HTTP 499)'],
	])('%s: the status, and that a web page came instead of JSON', async (_label, fault, message) => {
		sim.fail(fault);
		const error = (await run()).error('Zijing')!;
		expect([error.message, error.description, error.httpCode]).toEqual([message, 'The server answered with a web page instead of JSON', message.slice(19, 22)]);
	});

	test.each([
		['a 503 without a message', json(503, {}), 'Zijing Cloud error 503: the server failed (HTTP 503)'],
		['a 400 without a message', json(400, { detail: 1 }), 'Zijing Cloud error 400: the request was refused (HTTP 400)'],
		['a 400 with "msg"', json(400, { msg: '参数错误' }), 'Zijing Cloud error 400: the request was refused (HTTP 400) (参数错误)'],
		['a 400 with "message" and "msg"', json(400, { message: 'first', msg: 'second' }), 'Zijing Cloud error 400: the request was refused (HTTP 400) (first)'],
		['a 400 with an unknown code', json(400, { code: 300001, message: '余额不足' }), 'Zijing Cloud error 400: the request was refused (HTTP 400) (余额不足)'],
		['a 400 with a known code', json(400, { code: ' 200009 ', msg: '已被预约' }), 'Zijing Cloud error 200009: this meeting room is already booked for that time slot (已被预约)'],
		['a 499 with a message', json(499, { message: 'closed' }), 'Zijing Cloud error 499: the request was refused (HTTP 499) (closed)'],
		['a 400 whose "msg" is not text', json(400, { msg: 5 }), 'Zijing Cloud error 400: the request was refused (HTTP 400)'],
		['a 500 with JSON null', { kind: 'answer' as const, response: { status: 500, raw: 'null', headers: { 'Content-Type': 'application/json' } } }, 'Zijing Cloud error 500: the server failed (HTTP 500)'],
		['a 503 with an empty body', { kind: 'empty' as const, status: 503 }, 'Zijing Cloud error 503: the server failed (HTTP 503)'],
		['a text body', { kind: 'answer' as const, response: { status: 400, raw: 'bad request', headers: { 'Content-Type': 'text/plain' } } }, 'Zijing Cloud error 400: the request was refused (HTTP 400)'],
	])('%s', async (_label, fault, message) => {
		sim.fail(fault);
		expect((await run()).error('Zijing')!.message).toBe(message);
	});

	test('a text answer with a tag inside is not a web page; a page after blank lines is', async () => {
		sim.fail({ kind: 'answer', response: { status: 400, raw: 'bad <b>request</b>', headers: { 'Content-Type': 'text/plain' } } });
		let error = (await run()).error('Zijing')!;
		expect([error.message, error.description]).toEqual(['Zijing Cloud error 400: the request was refused (HTTP 400)', 'bad request']);
		sim.fail({ kind: 'answer', response: { status: 400, raw: ' \n <html><body>Bad</body></html>', headers: { 'Content-Type': 'text/html' } } });
		error = (await run()).error('Zijing')!;
		expect([error.message, error.description]).toEqual(['Zijing Cloud error 400: the request was refused (HTTP 400)', 'The server answered with a web page instead of JSON']);
		// JSON whose one entry is markup is JSON, not a web page
		sim.fail(json(500, ['<b>busy</b>']));
		error = (await run()).error('Zijing')!;
		expect([error.message, error.description]).toEqual(['Zijing Cloud error 500: the server failed (HTTP 500)', '[" busy "]']);
	});

	test('a 403 JSON refusal is a rejected key, with its message and the credential hint', async () => {
		sim.fail(json(403, { message: 'Forbidden' }));
		const error = (await run()).error('Zijing')!;
		expect(error.message).toBe('Zijing Cloud error 403: the auth key was rejected (a wrong key, or a key that belongs to another tenant) (Forbidden)');
		expect(error.description).toMatch(KEY_HINT);
	});
});

describe('a dropped connection: whether the service may have acted', () => {
	test.each([
		['Recording → Get Status (a POST that only reads)', { resource: 'recording', operation: 'getStatus', conferenceKey: '8000000' }, ''],
		['Recording → Get Files (a POST that only reads)', { resource: 'recording', operation: 'getFiles', recordId: 'abc' }, ''],
		['Meeting → Get (a GET)', { resource: 'meeting', operation: 'get', conferenceKey: '8000000' }, ''],
		['Recording → Delete File', { resource: 'recording', operation: 'deleteFile', recordId: 'abc' }, ' — the service may have done it: check before retrying'],
		['Booking → Cancel', { resource: 'booking', operation: 'cancel', bookingId: '1' }, ' — the service may have done it: check before retrying'],
	])('%s', async (_label, parameters, caution) => {
		sim.fail({ kind: 'drop' }, { times: 5 });
		expect((await run(parameters)).error('Zijing')!.message).toBe(`Zijing Cloud: the connection was dropped before an answer arrived${caution} (item 0)`);
	});
});
