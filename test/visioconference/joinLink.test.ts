import { createEngine, type TestNode } from '../harness/engine';

const TYPE = 'n8n-nodes-conferencing.visioconference';

function linkNode(parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode {
	return { name: 'Link', type: TYPE, parameters: { resource: 'joinLink', operation: 'create', ...parameters }, ...extra };
}

describe('Join Link → Create (no request, no credential)', () => {
	test('guest and named links from a room URL, encoded, paired per item', async () => {
		const engine = createEngine();
		const names = ['Anne & Jean #1', 'Zoë Müller', '李 小龍', '50% off?'];
		const result = await engine.run(
			[linkNode({ room: 'https://visioconference.me/meet/AB12CD3?m=OLD#x', participantName: '={{ $json.name }}' })],
			names.map((name) => ({ name })),
		);
		const out = result.output('Link');
		expect(out.map((i) => i.pairedItem)).toEqual(names.map((_, item) => ({ item })));
		for (const [i, name] of names.entries()) {
			const url = new URL(out[i].json.link as string);
			expect(url.origin + url.pathname).toBe('https://visioconference.me/meet/AB12CD3');
			expect(url.searchParams.get('name')).toBe(name);
			// a token in the pasted URL is dropped: a guest link never carries moderator rights
			expect(url.searchParams.has('m')).toBe(false);
			expect(url.hash).toBe('');
			expect(out[i].json).toMatchObject({ roomUrl: 'https://visioconference.me/meet/AB12CD3', role: 'guest', participantName: name });
		}
	});

	test('moderator link from a room ID on a custom meeting host', async () => {
		const engine = createEngine();
		const result = await engine.run([
			linkNode({ room: 'XYZ9876', role: 'moderator', moderatorToken: 'NTSIFSMV', participantName: 'John', options: { meetingBaseUrl: 'https://visio.example.org/meet' } }),
		]);
		expect(result.output('Link')[0].json.link).toBe('https://visio.example.org/meet/XYZ9876?m=NTSIFSMV&name=John');
	});

	test('a plain guest link has no query at all', async () => {
		const result = await createEngine().run([linkNode({ room: 'AB12CD3' })]);
		expect(result.output('Link')[0].json).toEqual({ link: 'https://visioconference.me/meet/AB12CD3', roomUrl: 'https://visioconference.me/meet/AB12CD3', role: 'guest' });
	});

	test('bad input names the field and the item; continue-on-fail keeps the good items', async () => {
		const engine = createEngine();
		const result = await engine.run(
			[linkNode({ room: '={{ $json.room }}', role: 'moderator', moderatorToken: '={{ $json.token }}' }, { continueOnFail: true })],
			[{ room: 'AB12CD3', token: 'TOK' }, { room: 'not a room/../x', token: 'TOK' }, { room: 'AB12CD3', token: '' }],
		);
		const out = result.output('Link');
		expect(out[0].json.link).toBe('https://visioconference.me/meet/AB12CD3?m=TOK');
		expect(out[1].json.error).toBe('"Room URL or ID" must be a room URL or a room ID, got "not a room/../x" (item 1)');
		expect(out[2].json.error).toBe('"Moderator Token" is empty (item 2)');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('without continue-on-fail the node stops with the item error', async () => {
		const result = await createEngine().run([linkNode({ room: '={{ $json.room }}' })], [{ room: '' }]);
		expect(result.error('Link')?.message).toBe('"Room URL or ID" is empty (item 0)');
	});

	test('objects and lists where text is expected are refused, never turned into "[object Object]"', async () => {
		const engine = createEngine();
		const result = await engine.run(
			[linkNode({ room: '={{ $json.room }}', role: 'moderator', moderatorToken: '={{ $json.token }}', participantName: '={{ $json.name }}' }, { continueOnFail: true })],
			[
				{ room: { url: 'https://visioconference.me/meet/AB12CD3' }, token: 'TOK', name: 'Anne' },
				{ room: 'AB12CD3', token: ['TOK'], name: 'Anne' },
				{ room: 'AB12CD3', token: 'TOK', name: { first: 'Anne' } },
			],
		);
		expect(result.output('Link').map((i) => i.json.error)).toEqual([
			'"Room URL or ID" must be text, got an object (item 0)',
			'"Moderator Token" must be text, got a list (item 1)',
			'"Participant Name" must be text, got an object (item 2)',
		]);
	});
	test('a room URL must start with http(s)://; an empty meeting host falls back to visioconference.me', async () => {
		const engine = createEngine();
		const result = await engine.run(
			[linkNode({ room: '={{ $json.room }}', options: { meetingBaseUrl: '' } }, { continueOnFail: true })],
			[{ room: 'http://visio.example.org/meet/AB12' }, { room: 'ftp-https://example.com/meet/AB12' }, { room: 'https://' }, { room: 'AB12CD3' }],
		);
		expect(result.output('Link').map((i) => i.json.link ?? i.json.error)).toEqual([
			'http://visio.example.org/meet/AB12',
			'"Room URL or ID" must be a room URL or a room ID, got "ftp-https://example.com/meet/AB12" (item 1)',
			'"Room URL or ID" must be a room URL or a room ID, got "https://" (item 2)',
			'https://visioconference.me/meet/AB12CD3',
		]);
	});
});
