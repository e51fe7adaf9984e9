import type { IDataObject } from 'n8n-workflow';

import { formJson, setup } from './common';

const { ctx, node } = setup();

const send = (parameters: Record<string, unknown> = {}, extra = {}) =>
	node(
		{
			resource: 'message',
			operation: 'send',
			sendTo: 'messenger',
			text: '={{ $json.text }}',
			recipients: '={{ $json.to }}',
			...parameters,
		},
		extra,
	);

describe('Message → Send', () => {
	test('a direct message: POST /sendMessage, token header, form body with one JSON field `message`', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([send({ readReceipt: true })], [{ text: 'Hello', to: 'user1@example.com, user2@example.com' }]);
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.requests('POST', '/sendMessage');
		expect(sim.log).toHaveLength(1);
		expect(request.headers['x-cam-apitoken']).toBe(sim.apiToken);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(formJson(request.form, 'message')).toEqual({
			panelName: 'messenger',
			message: 'Hello',
			isOpened: true,
			generalPurposes: { users: 'user1@example.com,user2@example.com' },
		});
		expect(sim.messages).toEqual([
			{ via: 'sendMessage', panelName: 'messenger', message: 'Hello', isOpened: true, users: ['user1@example.com', 'user2@example.com'] },
		]);
		const out = result.output('CAM');
		expect(out).toEqual([
			expect.objectContaining({
				json: { sent: true, sendTo: 'messenger', panelName: 'messenger', users: ['user1@example.com', 'user2@example.com'], readReceipt: true },
				pairedItem: { item: 0 },
			}),
		]);
	});

	test('to a chat room, recipients are mentions and optional', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run(
			[send({ sendTo: 'chatRoom', roomName: '={{ $json.room }}' })],
			[
				{ text: 'Release is out', room: 'Sales team', to: '' },
				{ text: 'Mention', room: '開発チーム', to: 'user3@example.com' },
			],
		);
		expect(result.error('CAM')).toBeUndefined();
		const bodies = sim.requests('POST', '/sendMessage').map((r) => formJson(r.form, 'message'));
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ panelName: 'Sales team', message: 'Release is out', isOpened: false, generalPurposes: { users: '' } },
				{ panelName: '開発チーム', message: 'Mention', isOpened: false, generalPurposes: { users: 'user3@example.com' } },
			]),
		);
		const out = result.output('CAM');
		expect(out.map((i) => [i.pairedItem, i.json.panelName])).toEqual([
			[{ item: 0 }, 'Sales team'],
			[{ item: 1 }, '開発チーム'],
		]);
	});

	test('&, =, +, %, line breaks, emoji, quotes and Japanese text arrive intact', async () => {
		const { sim, engine } = ctx;
		const texts = [
			'a&b=c+d%20e%',
			'line 1\nline 2\r\nline 3',
			'絵文字 🎉👍🏽 and 日本語のテキスト、中文',
			'"quoted" \\ back\\slash {json: [1]} message=x&messages=y',
			'100% + 1 = 101%; ?#/',
		];
		const result = await engine.run([send()], texts.map((text) => ({ text, to: '山田@example.jp' })));
		expect(result.error('CAM')).toBeUndefined();
		const received = sim.requests('POST', '/sendMessage').map((r) => formJson(r.form, 'message').message);
		expect(received.sort()).toEqual([...texts].sort());
		expect(sim.messages.map((m) => m.message).sort()).toEqual([...texts].sort());
		expect(sim.messages.every((m) => m.users[0] === '山田@example.jp')).toBe(true);
		// the raw body is one form field, percent-encoded (a `+` on the wire is a space of the JSON)
		for (const r of sim.requests()) expect(r.text).toMatch(/^message=[A-Za-z0-9%*._+-]*$/);
	});

	test('bad input is refused before any request, naming the field and the item', async () => {
		const { sim, engine } = ctx;
		const many = Array.from({ length: 101 }, (_, i) => `user${i}@example.com`).join(',');
		const cases: Array<[Record<string, unknown>, IDataObject, string]> = [
			[{}, { text: '   ', to: 'user1@example.com' }, '"Text" is empty (item 0)'],
			[{}, { text: 'x', to: ' , ' }, '"Recipients" is empty (item 0)'],
			[{}, { text: 'x', to: 'user1@example.com user2@example.com' }, '"Recipients" holds "user1@example.com user2@example.com", which is not one email address (item 0)'],
			[{}, { text: 'x', to: 'Taro Yamada' }, '"Recipients" holds "Taro Yamada", which is not one email address (item 0)'],
			[{ sendTo: 'chatRoom', roomName: ' ' }, { text: 'x', to: '' }, '"Chat Room Name" is empty (item 0)'],
			// objects and lists where text is expected are refused, never sent as "[object Object]"
			[{}, { text: { body: 'hi' }, to: 'user1@example.com' }, '"Text" must be text, got an object (item 0)'],
			[{}, { text: ['hi'], to: 'user1@example.com' }, '"Text" must be text, got a list (item 0)'],
			[{}, { text: 'x', to: { email: 'user1@example.com' } }, '"Recipients" must be text or a list of texts, got an object (item 0)'],
			[{}, { text: 'x', to: ['user1@example.com', { email: 'user2@example.com' }] }, '"Recipients" entry 2 must be an email address, got an object (item 0)'],
			[{ sendTo: 'chatRoom', roomName: '={{ $json.room }}' }, { text: 'x', to: '', room: { name: 'Sales team' } }, '"Chat Room Name" must be text, got an object (item 0)'],
			// the package's own limits (no document gives any)
			[{}, { text: 'x'.repeat(10_001), to: 'user1@example.com' }, `"Text" is longer than 10000 characters (10001): "${'x'.repeat(40)}…" (item 0)`],
			[{}, { text: 'x', to: many }, '"Recipients" names 101 users, more than the 100 this node sends in one message (item 0)'],
		];
		for (const [parameters, item, message] of cases) {
			const result = await engine.run([send(parameters)], [item]);
			expect(result.error('CAM')?.message).toBe(message);
		}
		expect(sim.log).toHaveLength(0);
	});

	test('continue-on-fail: a bad item yields its error, paired, and the others are sent', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run(
			[send({}, { continueOnFail: true })],
			[
				{ text: 'one', to: 'user1@example.com' },
				{ text: '', to: 'user1@example.com' },
				{ text: 'three', to: 'nobody@example.com' },
				{ text: 'four', to: 'user2@example.com' },
			],
		);
		const out = result.output('CAM');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[0].json.sent).toBe(true);
		expect(out[1].json.error).toBe('"Text" is empty (item 1)');
		expect(out[2].json.error).toBe('Chat&Messenger error 200: the server refused the request: user not found: nobody@example.com');
		expect(out[3].json.sent).toBe(true);
		expect(sim.messages.map((m) => m.message).sort()).toEqual(['four', 'one']);
		expect(sim.requests('POST', '/sendMessage')).toHaveLength(3);
	});

	test('an unknown chat room answers `errors` with HTTP 200: a NodeApiError naming the item', async () => {
		const { sim, engine } = ctx;
		const result = await engine.run([send({ sendTo: 'chatRoom', roomName: 'Nope' })], [{ text: 'x', to: '' }]);
		const error = result.error('CAM')!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Chat&Messenger error 200: the server refused the request: chat room not found: Nope');
		expect(error.description).toBe('The server answered: chat room not found: Nope');
		expect(error.context?.itemIndex).toBe(0);
		expect(sim.messages).toHaveLength(0);
	});
});
