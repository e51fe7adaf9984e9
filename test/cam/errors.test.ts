import { setup } from './common';

const { ctx, node } = setup();

const send = (extra = {}, parameters: Record<string, unknown> = {}) =>
	node({ resource: 'message', operation: 'send', sendTo: 'messenger', text: 'hi', recipients: 'user1@example.com', ...parameters }, extra);

describe('errors', () => {
	test('a rejected token (HTTP 401 + errors): a clear NodeApiError without the token', async () => {
		const { sim, engine } = ctx;
		engine.store.add('bad', 'chatMessengerApi', { serverUrl: sim.url, apiToken: 'wrong-token-0123456789' });
		const result = await engine.run([send({ credentials: { chatMessengerApi: { id: 'bad', name: 'bad' } } })]);
		const error = result.error('CAM')!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^Chat&Messenger error invalidApiToken: the API token was rejected or lacks the permission .*: invalidApiToken: Invalid apiToken$/);
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(result.run)).not.toContain('wrong-token-0123456789');
		expect(sim.messages).toHaveLength(0);
	});

	test('a rejected token answered with HTTP 200 + errors is a failure too', async () => {
		const { sim, engine } = ctx;
		sim.authFailureStatus = 200;
		engine.store.add('bad', 'chatMessengerApi', { serverUrl: sim.url, apiToken: 'wrong-token-0123456789' });
		const result = await engine.run([send({ credentials: { chatMessengerApi: { id: 'bad', name: 'bad' } } })]);
		expect(result.error('CAM')?.message).toMatch(/^Chat&Messenger error invalidApiToken: the API token was rejected/);
		expect(JSON.stringify(result.run)).not.toContain('wrong-token-0123456789');
	});

	test('the API token quoted back in an answer that is not an HTTP error (200 + errors, or a web page) is shown masked', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'status', status: 200, body: { errors: [{ code: 'invalidApiToken', message: `Invalid apiToken ${sim.apiToken}` }] } });
		const quoted = await engine.run([send()]);
		expect(quoted.error('CAM')?.message).toMatch(/: invalidApiToken: Invalid apiToken \*\*\*$/);
		expect(JSON.stringify(quoted.run)).not.toContain(sim.apiToken);
		sim.reset();
		sim.fail({ kind: 'answer', response: { status: 200, raw: `<html><body>session ${sim.apiToken} expired</body></html>`, headers: { 'Content-Type': 'text/html' } } });
		const page = await engine.run([send()]);
		expect(page.error('CAM')?.description).toContain('session *** expired');
		expect(JSON.stringify(page.run)).not.toContain(sim.apiToken);
	});

	test.each([
		['a proxy’s HTML page (502)', { kind: 'html', status: 502 } as const, /^Chat&Messenger error 502: the server failed$/],
		['broken JSON with HTTP 200', { kind: 'malformed' } as const, /^Chat&Messenger error 200: the server sent an answer that is not valid JSON$/],
		['an empty answer with HTTP 200', { kind: 'empty' } as const, /^Chat&Messenger error 200: the server sent an empty answer instead of JSON$/],
		['HTTP 500 with errors', { kind: 'status', status: 500, body: { errors: ['NullPointerException'] } } as const, /^Chat&Messenger error 500: the server failed: NullPointerException$/],
		['HTTP 404', { kind: 'status', status: 404, body: 'Not Found' } as const, /^Chat&Messenger error 404: the server does not know this API method/],
		['a dropped connection', { kind: 'drop' } as const, /^Chat&Messenger: the connection was dropped/],
	])('%s: the item fails with a clear error (continue-on-fail keeps the other item)', async (_label, fault, message) => {
		const { sim, engine } = ctx;
		sim.fail(fault, { match: (r) => r.form?.message?.includes('"first"') ?? false });
		const result = await engine.run(
			[send({ continueOnFail: true }, { text: '={{ $json.text }}' })],
			[{ text: 'first' }, { text: 'second' }],
		);
		const out = result.output('CAM');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(out[0].json.error)).toMatch(message);
		expect(out[1].json.sent).toBe(true);
		// nothing but a 429 is repeated: one request per item
		expect(sim.requests('POST', '/sendMessage')).toHaveLength(2);
		expect(JSON.stringify(result.run)).not.toContain(sim.apiToken);
	});

	test('a slow answer past the timeout fails the item, and the message is not sent again', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'delay', ms: 600 });
		const result = await engine.run([send({}, { requestOptions: { timeout: 200 } })]);
		expect(result.error('CAM')?.message).toBe('Chat&Messenger: no answer within 200 ms (request timed out) — the service may have done it: check before retrying (item 0)');
		// the server still handles the late request: wait for it, so it cannot leak into the next test
		for (let i = 0; i < 40 && sim.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
		expect(sim.messages).toHaveLength(1);
		expect(sim.requests('POST', '/sendMessage')).toHaveLength(1);
	});

	test('a 429 is retried after Retry-After and the message is sent once', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'rateLimit', retryAfter: 0 }, { times: 2 });
		const result = await engine.run([send()]);
		expect(result.error('CAM')).toBeUndefined();
		expect(sim.requests('POST', '/sendMessage')).toHaveLength(3);
		expect(sim.messages).toHaveLength(1);
	});

	test('at most 5 single requests in flight by default (Max Concurrent Requests)', async () => {
		const { sim, engine } = ctx;
		let inFlight = 0;
		let peak = 0;
		sim.fail({ kind: 'delay', ms: 250 }, { times: 12 });
		const handler = (sim as unknown as { handle: (...a: unknown[]) => Promise<void> }).handle.bind(sim);
		(sim as unknown as { handle: (...a: unknown[]) => Promise<void> }).handle = async (...a: unknown[]) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			try {
				await handler(...a);
			} finally {
				inFlight--;
			}
		};
		try {
			const result = await engine.run([send({}, { text: '={{ $json.text }}' })], Array.from({ length: 12 }, (_, i) => ({ text: `m${i}` })));
			expect(result.error('CAM')).toBeUndefined();
		} finally {
			(sim as unknown as { handle: unknown }).handle = handler;
		}
		expect(sim.messages).toHaveLength(12);
		expect(peak).toBeLessThanOrEqual(5);
		expect(peak).toBeGreaterThan(1);
	});
});

/** n8n's credential test, run as n8n's credential tester runs it (the harness mirrors it). */
let credentialCount = 0;
async function credentialTest(serverUrl: string, apiToken: string) {
	const id = `cred-test-${++credentialCount}`;
	ctx.engine.store.add(id, 'chatMessengerApi', { serverUrl, apiToken });
	return await ctx.engine.testCredential(id);
}

describe('credential test', () => {
	test('reads the conference rooms (creates nothing) and tells an accepted token from a rejected one', async () => {
		const { sim } = ctx;
		expect(await credentialTest(`${sim.url}/`, sim.apiToken)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await credentialTest(sim.url, 'not-the-token')).toEqual({ status: 'Error', message: 'The API token was rejected (HTTP 401): check the API token' });
		sim.authFailureStatus = 403;
		expect(await credentialTest(sim.url, 'not-the-token')).toEqual({
			status: 'Error',
			message: 'The API token has no API access (HTTP 403): API access needs an Enterprise or higher cloud plan, or an on-premises install',
		});
		expect(await credentialTest(`${sim.url}/wrong-path`, sim.apiToken)).toMatchObject({ status: 'Error', message: expect.stringMatching(/^No Chat&Messenger API at this Server URL \(HTTP 404\)/) });
		// n8n sends a request once more after a 401 (the 2nd and 3rd lines), as it does for every credential
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /getConferenceRooms',
			'GET /getConferenceRooms',
			'GET /getConferenceRooms',
			'GET /getConferenceRooms',
			'GET /wrong-path/getConferenceRooms',
		]);
		expect(sim.log[0].headers['x-cam-apitoken']).toBe(sim.apiToken);
		expect(sim.messages).toHaveLength(0);
		expect(sim.chatRooms.size).toBe(2);
	});
});
