/**
 * Zoom Meetings: Meeting and User as n8n resource locators. Every mode (From List, By ID, By URL)
 * and the plain string older workflows hold run in n8n's engine through the pack's executor and
 * through n8n-core's RoutingNode (the same description without `execute`); the list searches run in
 * n8n-core's LoadOptionsContext against the simulator: search, paging with next_page_token, and
 * errors sent and explained as in a run.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ZoomMeetings } from '../../nodes/ZoomMeetings/ZoomMeetings.node';
import { loadOptionsContext } from '../harness/loadOptions';
import { everyString } from '../harness/runText';
import { ZoomSimulator } from '../simulators/zoom';
import { oauthSetup, S2S, OAUTH, s2sSetup, TYPE, zoomNode, type Setup } from './common';

const sim = new ZoomSimulator();
const node = new ZoomMeetings();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

function declarativeVariant(): INodeType {
	return {
		description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') },
		methods: node.methods,
	};
}

/** Runs the parameters through the executor, then through n8n's RoutingNode: the paths Zoom got and the items. */
async function both(parameters: IDataObject, items: IDataObject[] = [{}], prepare?: () => void) {
	const out: Record<'ours' | 'n8ns', { error?: string; paths: string[]; items: IDataObject[] }> = {} as never;
	for (const engine of ['ours', 'n8ns'] as const) {
		if (prepare) {
			sim.reset();
			prepare();
		}
		sim.log.length = 0;
		const setup = s2sSetup(sim);
		setup.engine.nodeTypes.types.set('test.zoomDeclarative', declarativeVariant());
		const zoom = zoomNode(setup, parameters);
		if (engine === 'n8ns') zoom.type = 'test.zoomDeclarative';
		const result = await setup.engine.run([zoom], items);
		out[engine] = {
			error: result.error('Zoom')?.message,
			paths: sim.log.filter((r) => r.path.startsWith('/v2/')).map((r) => `${r.method} ${r.path}`),
			items: result.output('Zoom').map((i) => i.json),
		};
	}
	return out;
}

describe('Meeting locator, every mode, both engines', () => {
	const cases: Array<[string, unknown]> = [];
	beforeEach(() => {
		cases.length = 0;
	});

	test.each([
		['From List', (id: number) => ({ ...rl('list', String(id)), cachedResultName: 'Weekly sync' })],
		['By ID, with spaces as Zoom shows it', (id: number) => rl('id', String(id).replace(/^(\d{3})(\d{4})/, '$1 $2 '))],
		['By URL (join link with password)', (id: number) => rl('url', `https://us06web.zoom.us/j/${id}?pwd=abc123`)],
		['By URL (zoomgov start link)', (id: number) => rl('url', `https://www.zoomgov.com/s/${id}`)],
		['a plain string (a workflow saved before the locator)', (id: number) => String(id)],
		['an expression in By ID', () => rl('id', '={{ $json.id }}')],
	])('Meeting → Get %s', async (_label, value) => {
		const meeting = sim.seedMeeting({ topic: 'Weekly sync' });
		const { ours, n8ns } = await both({ resource: 'meeting', operation: 'get', meetingId: value(meeting.id) }, [{ id: meeting.id }]);
		expect(ours.error).toBeUndefined();
		expect(ours.paths).toEqual([`GET /v2/meetings/${meeting.id}`]);
		expect(ours.items.map((i) => i.topic)).toEqual(['Weekly sync']);
		expect(n8ns).toEqual(ours);
	});

	test.each([
		['End', 'end', 'PUT', '/status'],
		['Delete', 'delete', 'DELETE', ''],
	])('Meeting → %s by join link goes to the meeting’s own path', async (_label, operation, method, suffix) => {
		// the same meeting (same ID) for each engine
		const prepare = () => sim.seedMeeting({ status: 'started' });
		const meeting = prepare();
		const link = `https://us06web.zoom.us/j/${meeting.id}?pwd=abc`;
		const { ours, n8ns } = await both({ resource: 'meeting', operation, meetingId: rl('url', link) }, [{}], prepare);
		expect(ours.error).toBeUndefined();
		expect(ours.paths).toEqual([`${method} /v2/meetings/${meeting.id}${suffix}`]);
		expect(ours.items).toEqual([expect.objectContaining({ id: meeting.id })]);
		expect(n8ns).toEqual(ours);
	});

	test('Meeting Registrant → Get Many by join link', async () => {
		const meeting = sim.seedMeeting({ settings: { approval_type: 0 } as never });
		const { ours, n8ns } = await both({ resource: 'meetingRegistrant', operation: 'getAll', meetingId: rl('url', meeting.join_url), returnAll: true });
		expect(ours.paths).toEqual([`GET /v2/meetings/${meeting.id}/registrants`]);
		expect(n8ns.paths).toEqual(ours.paths);
	});

	test.each([
		['a link that is not a Zoom meeting link', rl('url', 'https://example.com/j/86220627999')],
		['an ID that is not digits', rl('id', 'abc')],
	])('%s is an issue of the node in n8n: the workflow does not start', async (_label, value) => {
		const setup = s2sSetup(sim);
		await expect(setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: value })])).rejects.toThrow(
			"The 'Zoom' node has issues",
		);
		expect(sim.log).toHaveLength(0);
	});

	test('By ID from an expression that is not digits: the field, the value and the item are named, nothing is sent', async () => {
		const { ours, n8ns } = await both({ resource: 'meeting', operation: 'get', meetingId: rl('id', '={{ $json.id }}') }, [{ id: 'abc' }]);
		expect(ours.error).toBe('"Meeting ID" must be a meeting ID made of digits (e.g. 86220627999), got "abc" (item 0)');
		expect(n8ns.error).toBe(ours.error);
		expect(ours.paths).toEqual([]);
	});

	test('By URL from an expression that is not a Zoom link: refused before any request', async () => {
		const { ours, n8ns } = await both({ resource: 'meeting', operation: 'get', meetingId: rl('url', '={{ $json.link }}') }, [{ link: 'https://example.com/x' }]);
		expect(ours.error).toMatch(/Meeting/);
		expect(n8ns.error).toBe(ours.error);
		expect(ours.paths).toEqual([]);
	});
});

describe('Cloud Recording meeting: a UUID is encoded once in the path (twice where Zoom requires it), in both engines', () => {
	test.each([
		['JiiwKAbc+eKA==', 'JiiwKAbc%2BeKA%3D%3D'],
		['/ajXp112QmuoKj4854875==', '%252FajXp112QmuoKj4854875%253D%253D'],
		['Ab//cdEF12gh==', 'Ab%252F%252FcdEF12gh%253D%253D'],
	])('%s', async (uuid, segment) => {
		sim.addRecording({ uuid, startTime: '2024-09-15T01:00:00Z' });
		for (const value of [rl('id', uuid), uuid]) {
			const { ours, n8ns } = await both({ resource: 'recording', operation: 'get', meetingId: value });
			expect(ours.error).toBeUndefined();
			expect(ours.paths).toEqual([`GET /v2/meetings/${segment}/recordings`]);
			expect(ours.items.map((i) => i.uuid)).toEqual([uuid]);
			expect(n8ns).toEqual(ours);
		}
	});
});

test('Cloud Recording → Download (a custom operation) reads the meeting locator too: by join link', async () => {
	const meeting = sim.seedMeeting();
	const recording = sim.addRecording({ meetingId: meeting.id, startTime: '2024-09-15T01:00:00Z', files: [{ type: 'MP4', bytes: Buffer.from('video') }] });
	const file = recording.recording_files[0];
	const setup = s2sSetup(sim);
	const result = await setup.engine.run([
		zoomNode(setup, { resource: 'recording', operation: 'download', source: 'file', meetingId: rl('url', meeting.join_url), fileId: file.id }),
	]);
	expect(result.error('Zoom')).toBeUndefined();
	expect(sim.requests('GET', /recordings$/).map((r) => r.path)).toEqual([`/v2/meetings/${meeting.id}/recordings`]);
	expect(Buffer.from(result.output('Zoom')[0].binary!.data.data, 'base64').toString()).toBe('video');
});

describe('User locator, every mode, both engines', () => {
	test.each([
		['From List (Me)', () => ({ ...rl('list', 'me'), cachedResultName: 'Me' }), 'me'],
		['From List (a user)', (u: IDataObject) => rl('list', String(u.id)), 'id'],
		['By ID or Email (an email with +)', (u: IDataObject) => rl('id', String(u.email)), 'email'],
		['a plain string (a workflow saved before the locator)', (u: IDataObject) => String(u.id), 'id'],
	])('User → Get %s', async (_label, value, sent) => {
		const user = sim.addUser({ email: 'anna+ops@example.com', first_name: 'Anna' }) as unknown as IDataObject;
		const { ours, n8ns } = await both({ resource: 'user', operation: 'get', userId: value(user) });
		expect(ours.error).toBeUndefined();
		const segment = sent === 'me' ? 'me' : sent === 'email' ? 'anna%2Bops%40example.com' : String(user.id);
		expect(ours.paths).toEqual([`GET /v2/users/${segment}`]);
		expect(n8ns).toEqual(ours);
	});

	test('the default is "me": a Meeting → Create without User goes to /users/me/meetings', async () => {
		const { ours, n8ns } = await both({ resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '2030-01-01T10:00:00Z' });
		expect(ours.error).toBeUndefined();
		expect(ours.paths).toEqual(['POST /v2/users/me/meetings']);
		expect(n8ns.paths).toEqual(ours.paths);
	});

	test('Cloud Recording → Get Many for a user picked from the list', async () => {
		const user = sim.addUser();
		const { ours, n8ns } = await both({ resource: 'recording', operation: 'getAll', userId: rl('list', user.id), from: '2024-09-01', to: '2024-09-10', returnAll: true });
		expect(ours.error).toBeUndefined();
		expect(ours.paths).toEqual([`GET /v2/users/${user.id}/recordings`]);
		expect(n8ns.paths).toEqual(ours.paths);
	});
});

function searchContext(setup: Setup, parameters: IDataObject) {
	const credentials = { [setup.credential.id === 's2s' ? S2S : OAUTH]: setup.credential };
	return loadOptionsContext(setup.engine, { type: TYPE, parameters, credentials }, 'meetingId');
}

const S2S_PARAMS = { authentication: 'serverToServerOAuth', resource: 'meeting', operation: 'get' };

describe('From List: searchMeetings', () => {
	test('pages through the meetings with next_page_token and filters by topic or ID', async () => {
		const seeded = Array.from({ length: 130 }, (_, i) => sim.seedMeeting({ topic: i % 10 === 0 ? `Board review ${i}` : `Stand-up ${i}` }));
		const setup = s2sSetup(sim);
		const first = await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS));
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: `Stand-up 1 (2030-01-01T00:00:00Z)`.replace('Stand-up 1', seeded[0].topic), value: String(seeded[0].id), url: seeded[0].join_url });
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS), undefined, first.paginationToken);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].map((r) => r.value)).toEqual(seeded.map((m) => String(m.id)));
		const pages = sim.requests('GET', '/v2/users/me/meetings');
		expect(pages.map((r) => r.headers.accept)).toEqual(['application/json', 'application/json']);
		expect(pages.map((r) => r.query)).toEqual([
			{ type: 'scheduled', page_size: '100' },
			{ type: 'scheduled', page_size: '100', next_page_token: first.paginationToken },
		]);

		const board = await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS), 'board');
		expect(board.results.map((r) => r.name)).toEqual(seeded.filter((m) => m.topic.startsWith('Board') && seeded.indexOf(m) < 100).map((m) => `${m.topic} (2030-01-01T00:00:00Z)`));
		const byId = await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS), String(seeded[5].id));
		expect(byId.results.map((r) => r.value)).toEqual([String(seeded[5].id)]);
	});

	test('for a cloud recording: the past meetings (type=previous_meetings)', async () => {
		const past = sim.seedMeeting({ topic: 'Last week', start_time: '2020-01-01T00:00:00Z' });
		sim.seedMeeting({ topic: 'Next week', start_time: '2030-01-01T00:00:00Z' });
		const setup = s2sSetup(sim);
		const found = await node.methods.listSearch.searchPreviousMeetings.call(searchContext(setup, { ...S2S_PARAMS, resource: 'recording' }));
		expect(found.results.map((r) => r.value)).toEqual([String(past.id)]);
		expect(sim.requests('GET', '/v2/users/me/meetings')[0].query).toEqual({ type: 'previous_meetings', page_size: '100' });
	});

	test('with the OAuth2 credential when Authentication is OAuth2', async () => {
		sim.seedMeeting({ topic: 'OAuth meeting' });
		const setup = oauthSetup(sim);
		const found = await node.methods.listSearch.searchMeetings.call(searchContext(setup, { authentication: 'oAuth2', resource: 'meeting', operation: 'get' }));
		expect(found.results.map((r) => r.name)).toEqual(['OAuth meeting (2030-01-01T00:00:00Z)']);
		expect(sim.requests('GET', '/v2/users/me/meetings')[0].headers.authorization).toMatch(/^Bearer zat_/);
	});

	test('a refusal is explained as in a run, with no token in it even when the answer echoes the request', async () => {
		const setup = s2sSetup(sim);
		sim.fail({ kind: 'echo', status: 400 }, { match: (r) => r.path.startsWith('/v2/') });
		const error = await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS)).then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(error?.message).toMatch(/^Zoom error/);
		const everything = everyString(error);
		expect(everything).toContain('authorization');
		expect(everything).not.toMatch(/Bearer\s+[A-Za-z0-9._-]{6,}/);
		expect(sim.accessTokens.size).toBeGreaterThan(0);
		for (const token of sim.accessTokens.keys()) expect(everything).not.toContain(token);
		expect(everything).not.toContain(sim.s2sClientSecret);
	});

	test('a redirect is not followed and is named', async () => {
		const setup = s2sSetup(sim);
		sim.fail({ kind: 'redirect', status: 302, location: 'https://login.example.com/' }, { match: (r) => r.path.startsWith('/v2/') });
		await expect(node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS))).rejects.toThrow(
			/Zoom error 302: the service answered with a redirect to login\.example\.com, which is not followed/,
		);
		expect(sim.log.filter((r) => r.path.startsWith('/v2/'))).toHaveLength(1);
	});

	test('an answer of another shape is an error naming what arrived', async () => {
		const setup = s2sSetup(sim);
		sim.fail({ kind: 'status', status: 200, body: { data: [] } }, { match: (r) => r.path.startsWith('/v2/') });
		await expect(node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS))).rejects.toThrow(
			'Zoom: the list answer is not Zoom\'s "meetings" list: got an object with the keys data',
		);
	});

	test.each([
		['an empty answer', { raw: '', headers: { 'Content-Type': 'application/json' } }, 'an empty answer'],
		['JSON null', { raw: 'null', headers: { 'Content-Type': 'application/json' } }, 'an empty answer'],
		['a bare list', { body: [{ id: 1 }, { id: 2 }] }, 'a list of 2'],
		['an object without keys', { body: {} }, 'an object with the keys (none)'],
		['an object with twelve keys, the first ten named', { body: Object.fromEntries('abcdefghijkl'.split('').map((k) => [k, 1])) }, 'an object with the keys a, b, c, d, e, f, g, h, i, j'],
		['a web page after a line break', { raw: '\n  <!DOCTYPE html><html><body>Sign in</body></html>', headers: { 'Content-Type': 'text/html' } }, 'an HTML page'],
		['a web page', { raw: '<html><body>Sign in</body></html>', headers: { 'Content-Type': 'text/html' } }, 'an HTML page'],
		['a text with a less-than sign inside', { raw: 'rate < limit', headers: { 'Content-Type': 'text/plain' } }, 'a text of 12 characters'],
	])('an answer of another shape, %s, is an error naming what arrived and what to check', async (_label, response, arrived) => {
		const setup = s2sSetup(sim);
		sim.fail({ kind: 'answer', response: { status: 200, ...response } }, { match: (r) => r.path.startsWith('/v2/') });
		const error = (await node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS)).then(
			() => undefined,
			(e: unknown) => e,
		)) as { message: string; description: string } | undefined;
		expect(error?.message).toBe(`Zoom: the list answer is not Zoom's "meetings" list: got ${arrived}`);
		expect(error?.description).toBe('Check the credential’s base URL: it must be the service’s API address');
	});

	test('a connection dropped before the answer: a list call only reads, so the error does not say the service may have done it', async () => {
		const setup = s2sSetup(sim);
		sim.fail({ kind: 'drop' }, { match: (r) => r.path.startsWith('/v2/') });
		await expect(node.methods.listSearch.searchMeetings.call(searchContext(setup, S2S_PARAMS))).rejects.toThrow(
			/^Zoom: the connection was dropped before an answer arrived \(item 0\)$/,
		);
	});

	test('the search text is trimmed, and a missing topic is not the text undefined or null', async () => {
		const meetings = [{ id: 11, topic: 'Board review' }, { id: 12 }, { id: 13, topic: null }];
		const search = async (filter: string) => {
			sim.fail({ kind: 'status', status: 200, body: { meetings, next_page_token: '' } }, { match: (r) => r.path.startsWith('/v2/') });
			const found = await node.methods.listSearch.searchMeetings.call(searchContext(s2sSetup(sim), S2S_PARAMS), filter);
			return found.results.map((r) => r.value);
		};
		expect(await search('  board ')).toEqual(['11']);
		expect(await search('undefined')).toEqual([]);
		expect(await search('null')).toEqual([]);
		expect(await search('1')).toEqual(['11', '12', '13']);
	});

	test('with the credential’s domain restriction its own API address is allowed: none, as the editor sets it, or a list of other domains', async () => {
		sim.seedMeeting({ topic: 'Weekly sync' });
		for (const restriction of [{ allowedHttpRequestDomains: 'none' }, { allowedHttpRequestDomains: 'domains', allowedDomains: 'api.example.com' }]) {
			const found = await node.methods.listSearch.searchMeetings.call(searchContext(s2sSetup(sim, restriction), S2S_PARAMS));
			expect(found.results.map((r) => r.name)).toEqual(['Weekly sync (2030-01-01T00:00:00Z)']);
		}
		expect(sim.requests('GET', '/v2/users/me/meetings')).toHaveLength(2);
	});
});

describe('From List: searchUsers', () => {
	test('"Me" first, then the account’s users page by page, searchable by name or email', async () => {
		const added = Array.from({ length: 120 }, (_, i) => sim.addUser(i === 7 ? { first_name: 'Anna', email: 'anna@example.com' } : {}));
		const setup = s2sSetup(sim);
		const context = () => searchContext(setup, { ...S2S_PARAMS, resource: 'user' });
		const first = await node.methods.listSearch.searchUsers.call(context());
		expect(first.results[0]).toEqual({ name: 'Me (the Credential’s User)', value: 'me' });
		expect(first.results[1]).toEqual({ name: 'Aiko Tanaka (myhost@example.com)', value: 'KDcuGIm1QgePTO8WbOqwIQ' });
		expect(first.results).toHaveLength(101);
		const second = await node.methods.listSearch.searchUsers.call(context(), undefined, first.paginationToken);
		expect(second.results.map((r) => r.value)).toEqual(added.slice(99).map((u) => u.id));
		expect(second.paginationToken).toBeUndefined();
		const anna = await node.methods.listSearch.searchUsers.call(context(), 'ANNA@');
		expect(anna.results).toEqual([{ name: 'Anna Example (anna@example.com)', value: added[7].id }]);
		expect(sim.requests('GET', '/v2/users').map((r) => r.query.page_size)).toEqual(['100', '100', '100']);
	});
});

test('every locator says what to pick or type: its list a "Select a …" text, each typed mode an example', () => {
	const locators = node.description.properties.filter((p) => p.type === 'resourceLocator');
	expect(new Set(locators.map((p) => p.name))).toEqual(new Set(['userId', 'meetingId']));
	for (const locator of locators) {
		const what = locator.name === 'userId' ? 'user' : 'meeting';
		expect(locator.modes?.length).toBeGreaterThan(1);
		for (const mode of locator.modes ?? []) {
			expect(mode.placeholder).toMatch(mode.type === 'list' ? new RegExp(`^Select a ${what}\\.\\.\\.$`) : /^e\.g\. \S/);
		}
		// the typed User names "me", the locator's default
		if (what === 'user') expect(locator.modes?.find((mode) => mode.name === 'id')?.placeholder).toBe('e.g. me, KDcuGIm1QgePTO8WbOqwIQ or anna@example.com');
	}
});
