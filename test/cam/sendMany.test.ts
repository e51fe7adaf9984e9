import { directItems, formJson, SEND_MANY, setup } from './common';

const { ctx, node } = setup();

const sendMany = (parameters: Record<string, unknown> = {}, extra = {}) => node({ ...SEND_MANY, ...parameters }, extra);
const direct = directItems;

describe('Message → Send Many', () => {
	test('the batch size is configurable: 25 items at 10 per request = 3 requests (10, 10, 5)', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([sendMany({ batching: { batchSize: 10, batchesInFlight: 1 } })], direct(25));
		expect(result.error('CAM')).toBeUndefined();
		const requests = sim.requests('POST', '/sendMessages');
		expect(requests.map((r) => formJson(r.form, 'messages').length)).toEqual([10, 10, 5]);
		expect(requests.map((r) => [r.headers['content-type'], r.headers.accept])).toEqual(Array(3).fill(['application/x-www-form-urlencoded', 'application/json']));
		const out = result.output('CAM');
		expect(out.map((i) => i.json.batch)).toEqual([...Array(10).fill(1), ...Array(10).fill(2), ...Array(5).fill(3)]);
		expect(out[24].json).toMatchObject({ batch: 3, batchSize: 5, position: 5 });
	});

	test('messages to all members of a chat room use {send, message}; direct and room messages mix in one request', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run(
			[sendMany()],
			[
				{ text: 'to the room & all 🎉', room: 'Sales team' },
				{ text: '直接メッセージ\n2行目', to: '山田@example.jp' },
				{ text: 'a+b=c%', room: '開発チーム' },
			],
		);
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.requests('POST', '/sendMessages');
		expect(formJson(request.form, 'messages')).toEqual([
			{ send: 'Sales team', message: 'to the room & all 🎉' },
			{ message: '直接メッセージ\n2行目', property: { users: '山田@example.jp' } },
			{ send: '開発チーム', message: 'a+b=c%' },
		]);
		expect(sim.messages.map((m) => [m.panelName, m.message])).toEqual([
			['Sales team', 'to the room & all 🎉'],
			['messenger', '直接メッセージ\n2行目'],
			['開発チーム', 'a+b=c%'],
		]);
		expect(result.output('CAM').map((i) => i.json)).toEqual([
			{ sent: true, batch: 1, batchSize: 3, position: 1, sendTo: 'chatRoom', roomName: 'Sales team' },
			{ sent: true, batch: 1, batchSize: 3, position: 2, sendTo: 'messenger', users: ['山田@example.jp'] },
			{ sent: true, batch: 1, batchSize: 3, position: 3, sendTo: 'chatRoom', roomName: '開発チーム' },
		]);
	});

	test('a failing batch in the middle (continue-on-fail): its items carry the error, the other batches are sent', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'status', status: 500, body: { errors: ['database unavailable'] } }, { match: (r) => (r.form?.messages ?? '').includes('"message 10"') });
		const result = await engine.run([sendMany({ batching: { batchSize: 10 } }, { continueOnFail: true })], direct(30));
		expect(sim.requests('POST', '/sendMessages')).toHaveLength(3);
		expect(sim.messages.map((m) => m.message).sort()).toEqual([...direct(10).map((i) => i.text), ...direct(10, 20).map((i) => i.text)].sort());
		const out = result.output('CAM');
		expect(out).toHaveLength(30);
		out.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		for (const i of [0, 9, 20, 29]) expect(out[i].json.sent).toBe(true);
		for (let i = 10; i < 20; i++) {
			expect(out[i].json.sent).toBeUndefined();
			expect(out[i].json.error).toBe(
				'Chat&Messenger error 500: the server failed: database unavailable [request 2 of 3, items 10–19]',
			);
			expect((out[i].error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(i);
		}
	});

	test('an `errors` answer with HTTP 200 fails that batch only', async () => {
		const { sim, engine } = ctx;
		const items = direct(6);
		items[4].to = 'ghost@example.com'; // the server refuses the whole request holding it
		const result = await engine.run([sendMany({ batching: { batchSize: 3 } }, { continueOnFail: true })], items);
		const out = result.output('CAM');
		expect(out.slice(0, 3).map((i) => i.json.sent)).toEqual([true, true, true]);
		for (const i of [3, 4, 5]) {
			expect(out[i].json.error).toBe(
				'Chat&Messenger error 200: the server refused the request: messages[1]: {"message":"user not found: ghost@example.com"} [request 2 of 2, items 3–5]',
			);
		}
		expect(sim.messages).toHaveLength(3);
	});

	test('without continue-on-fail the node fails with the first failing batch’s error, naming its items', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'status', status: 503, body: { errors: [{ code: 'E503', message: 'maintenance' }] } }, { match: (r) => (r.form?.messages ?? '').includes('"message 4"') });
		const result = await engine.run([sendMany({ batching: { batchSize: 4, batchesInFlight: 1 } })], direct(12));
		const error = result.error('CAM')!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Chat&Messenger error E503: the server failed: E503: maintenance [request 2 of 3, items 4–7]');
		expect(error.description).toContain('None of the 4 messages of this request were accepted. 1 of 3 requests were accepted before the node stopped.');
		expect(error.context?.itemIndex).toBe(4);
		// one request in flight: the third was never started
		expect(sim.requests('POST', '/sendMessages')).toHaveLength(2);
		expect(sim.messages).toHaveLength(4);
	});

	test('items are checked before any request: without continue-on-fail nothing is sent', async () => {
		const { sim, engine } = ctx;
		const items = direct(5);
		items[3] = { text: 'x', to: '' };
		const result = await engine.run([sendMany()], items);
		expect(result.error('CAM')?.message).toBe('"Recipients" is empty (item 3)');
		expect(sim.log).toHaveLength(0);
	});

	test('with continue-on-fail, invalid items get their own error and are left out of the batches', async () => {
		const { sim, engine } = ctx;
		const items: Array<Record<string, string>> = direct(5);
		items[1] = { text: '  ', to: 'user1@example.com' };
		items[3] = { text: 'room without name', room: ' ' };
		const result = await engine.run([sendMany({ batching: { batchSize: 2 } }, { continueOnFail: true })], items);
		const out = result.output('CAM');
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(out[1].json.error).toBe('"Text" is empty (item 1)');
		expect(out[3].json.error).toBe('"Chat Room Name" is empty (item 3)');
		expect([out[0], out[2], out[4]].map((i) => [i.json.batch, i.json.position])).toEqual([
			[1, 1],
			[1, 2],
			[2, 1],
		]);
		expect(sim.requests('POST', '/sendMessages').map((r) => formJson(r.form, 'messages').length)).toEqual([2, 1]);
	});

	test('a 429 (not processed) is retried after Retry-After, and the batch is sent once', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'rateLimit', retryAfter: 0 }, { match: (r) => r.path === '/sendMessages' });
		const result = await engine.run([sendMany()], direct(3));
		expect(result.error('CAM')).toBeUndefined();
		expect(sim.requests('POST', '/sendMessages')).toHaveLength(2);
		expect(sim.messages).toHaveLength(3);
		expect(result.output('CAM').map((i) => i.json.sent)).toEqual([true, true, true]);
	});

	test('a batch size out of range is refused before any request', async () => {
		const { sim, engine } = ctx;
		for (const [batching, message] of [
			[{ batchSize: 0 }, '"Messages per Request" must be a whole number from 1 to 1000, got 0'],
			[{ batchSize: 5000 }, '"Messages per Request" must be a whole number from 1 to 1000, got 5000'],
			[{ batchesInFlight: 11 }, '"Requests in Flight" must be a whole number from 1 to 10, got 11'],
		] as const) {
			const result = await engine.run([sendMany({ batching })], direct(2));
			expect(result.error('CAM')?.message).toBe(message);
		}
		expect(sim.log).toHaveLength(0);
	});

	test('the limits themselves are accepted: 1,000 messages per request, 10 requests in flight, and 1 of each', async () => {
		const { sim, engine } = ctx;
		const large = await engine.run([sendMany({ batching: { batchSize: 1000, batchesInFlight: 10 } })], direct(3));
		expect(large.error('CAM')).toBeUndefined();
		expect(sim.requests('POST', '/sendMessages').map((r) => formJson(r.form, 'messages').length)).toEqual([3]);
		sim.reset();
		const small = await engine.run([sendMany({ batching: { batchSize: 1, batchesInFlight: 1 } })], direct(2));
		expect(small.error('CAM')).toBeUndefined();
		expect(sim.requests('POST', '/sendMessages').map((r) => formJson(r.form, 'messages').length)).toEqual([1, 1]);
	});

	test('one more than a limit, a fraction or a text is refused; an emptied field means the default', async () => {
		const { sim, engine } = ctx;
		for (const [batching, message] of [
			[{ batchSize: 1001 }, '"Messages per Request" must be a whole number from 1 to 1000, got 1001'],
			[{ batchSize: 2.5 }, '"Messages per Request" must be a whole number from 1 to 1000, got 2.5'],
			[{ batchSize: 'many' }, '"Messages per Request" must be a whole number from 1 to 1000, got many'],
			[{ batchesInFlight: 0 }, '"Requests in Flight" must be a whole number from 1 to 10, got 0'],
		] as const) {
			const result = await engine.run([sendMany({ batching })], direct(2));
			expect(result.error('CAM')?.message).toBe(message);
		}
		expect(sim.log).toHaveLength(0);
		for (const batching of [{ batchSize: '' }, { batchSize: null }]) {
			sim.reset();
			const result = await engine.run([sendMany({ batching })], direct(101));
			expect(result.error('CAM')).toBeUndefined();
			expect(sim.requests('POST', '/sendMessages').map((r) => formJson(r.form, 'messages').length)).toEqual([100, 1]);
		}
	});

	test('without continue-on-fail, requests already in flight finish and are counted; the rest are never sent', async () => {
		const { sim, engine } = ctx;
		// the first request is slow and accepted; the second fails at once
		sim.fail({ kind: 'delay', ms: 300 }, { match: (r) => (r.form?.messages ?? '').includes('"message 0"') });
		sim.fail({ kind: 'status', status: 500, body: { errors: ['disk full'] } }, { match: (r) => (r.form?.messages ?? '').includes('"message 2"') });
		const result = await engine.run([sendMany({ batching: { batchSize: 2, batchesInFlight: 2 } })], direct(10));
		const error = result.error('CAM')!;
		expect(error.message).toBe('Chat&Messenger error 500: the server failed: disk full [request 2 of 5, items 2–3]');
		expect(error.description).toBe(
			'None of the 2 messages of this request were accepted. 1 of 5 requests were accepted before the node stopped. {"errors":["disk full"]}',
		);
		expect(error.httpCode).toBe('500');
		expect(sim.requests('POST', '/sendMessages')).toHaveLength(2);
		expect(sim.messages.map((m) => m.message)).toEqual(['message 0', 'message 1']);
	});

	test('an answer that cannot be read (HTTP 200): its messages may have been sent, and the error says so', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'malformed' });
		const result = await engine.run([sendMany()], direct(3));
		const error = result.error('CAM')!;
		expect(error.message).toBe('Chat&Messenger error 200: the server sent an answer that is not valid JSON [request 1 of 1, items 0–2]');
		expect(error.description).toBe(
			'The server answered this request in a shape that could not be read: its 3 messages may have been sent; check before running them again. 0 of 1 requests were accepted before the node stopped. ' +
				'It arrived as HTTP 200, application/json, broken JSON of 28 characters. The server answered: {"code":200,"data":{"broken" The messages may have been sent: check before running the items again.',
		);
		expect(error.httpCode).toBe('200');
		expect(error.context?.itemIndex).toBe(0);
	});

	test('with continue-on-fail, each item of a failed request names the request and its items (one, a range or a list)', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'status', status: 502, body: { errors: [{ code: 'GW', message: 'bad gateway' }] } }, { times: 2 });
		const items: Array<Record<string, string>> = direct(5);
		items[1] = { text: '', to: 'user1@example.com' };
		const result = await engine.run([sendMany({ batching: { batchSize: 3, batchesInFlight: 1 } }, { continueOnFail: true })], items);
		const out = result.output('CAM');
		expect(out.map((i) => i.json.error)).toEqual([
			'Chat&Messenger error GW: the server failed: GW: bad gateway [request 1 of 2, items 0, 2, 3]',
			'"Text" is empty (item 1)',
			'Chat&Messenger error GW: the server failed: GW: bad gateway [request 1 of 2, items 0, 2, 3]',
			'Chat&Messenger error GW: the server failed: GW: bad gateway [request 1 of 2, items 0, 2, 3]',
			'Chat&Messenger error GW: the server failed: GW: bad gateway [request 2 of 2, item 4]',
		]);
		expect(out.map((i) => (i.error as { context?: { itemIndex?: number } }).context?.itemIndex)).toEqual([0, 1, 2, 3, 4]);
		const refused = (count: number) => `None of the ${count} messages of this request were accepted. {"errors":[{"code":"GW","message":"bad gateway"}]}`;
		expect(out.map((i) => (i.error as { description?: string }).description)).toEqual([
			refused(3),
			'Give the message a text; use \\n for a line break',
			refused(3),
			refused(3),
			refused(1),
		]);
		expect(out.map((i) => (i.error as { httpCode?: string }).httpCode)).toEqual(['502', undefined, '502', '502', '502']);
		expect(sim.messages).toHaveLength(0);
	});

	test('the Server URL is read as typed in the credential: spaces and trailing slashes do not change the path', async () => {
		const { sim, engine } = ctx;
		engine.store.add('spaced', 'chatMessengerApi', { serverUrl: `  ${sim.url}//  `, apiToken: sim.apiToken });
		const result = await engine.run([sendMany({}, { credentials: { chatMessengerApi: { id: 'spaced', name: 'spaced' } } })], direct(2));
		expect(result.error('CAM')).toBeUndefined();
		expect(sim.log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sendMessages']);
		expect(sim.messages).toHaveLength(2);
	});

	test('no answer (a dropped connection): the messages may have been sent; no connection at all: none were sent', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'drop' }, { match: (r) => (r.form?.messages ?? '').includes('"message 2"') });
		const result = await engine.run([sendMany({ batching: { batchSize: 2 } }, { continueOnFail: true })], direct(4));
		const out = result.output('CAM');
		const dropped = 'Chat&Messenger: the connection was dropped before an answer arrived — the service may have done it: check before retrying [request 2 of 2, items 2–3]';
		expect(out.map((i) => i.json.error)).toEqual([undefined, undefined, dropped, dropped]);
		const mayHave = 'No answer came for this request: its 2 messages may have been sent; check before running them again.';
		expect(out.slice(2).map((i) => [i.error?.name, i.error?.description, i.error?.context.itemIndex])).toEqual([
			['NodeApiError', mayHave, 2],
			['NodeApiError', mayHave, 3],
		]);

		sim.fail({ kind: 'drop' }, { match: (r) => (r.form?.messages ?? '').includes('"message 2"') });
		const stopped = (await engine.run([sendMany({ batching: { batchSize: 2 } })], direct(4))).error('CAM')!;
		expect([stopped.name, stopped.message, stopped.description, stopped.httpCode]).toEqual([
			'NodeApiError',
			dropped,
			`${mayHave} 1 of 2 requests were accepted before the node stopped.`,
			null,
		]);

		engine.store.add('closed', 'chatMessengerApi', { serverUrl: 'http://127.0.0.1:1', apiToken: sim.apiToken });
		const closed = await engine.run([sendMany({}, { credentials: { chatMessengerApi: { id: 'closed', name: 'closed' } } })], direct(2));
		expect(closed.error('CAM')?.message).toBe('Chat&Messenger: the server refused the connection (nothing was sent) [request 1 of 1, items 0–1]');
		expect(closed.error('CAM')?.description).toBe('None of the 2 messages of this request were sent. 0 of 1 requests were accepted before the node stopped.');
	});

	test('a Server URL outside the credential’s allowed domains: every request refused before anything is sent', async () => {
		const { sim, engine } = ctx;
		engine.store.add('restricted', 'chatMessengerApi', { serverUrl: sim.url, apiToken: sim.apiToken, allowedHttpRequestDomains: 'domains', allowedDomains: 'cam.example.com' });
		const credentials = { chatMessengerApi: { id: 'restricted', name: 'restricted' } };
		const result = await engine.run([sendMany({ batching: { batchSize: 2 } }, { credentials, continueOnFail: true })], direct(13));
		const out = result.output('CAM');
		expect(out).toHaveLength(13);
		const refused = (label: string, itemIndex: number) => [
			'NodeOperationError',
			`Chat&Messenger: Domain not allowed: This credential is restricted from accessing ${sim.url.replace('http://', '')}. Only the following domains are allowed: cam.example.com (nothing was sent) [${label}]`,
			expect.stringMatching(/^None of the [12] messages of this request were sent\.$/),
			itemIndex,
		];
		expect([0, 11, 12].map((i) => [out[i].error?.name, out[i].error?.message, out[i].error?.description, out[i].error?.context.itemIndex])).toEqual([
			refused('request 1 of 7, items 0–1', 0),
			refused('request 6 of 7, items 10–11', 11),
			refused('request 7 of 7, item 12', 12),
		]);
		expect(out[12].error?.description).toBe('None of the 1 messages of this request were sent.');
		expect(sim.log).toHaveLength(0);
	});
});
