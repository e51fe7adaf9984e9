/**
 * What a refusal says: each kind of failed answer Zoom (or what stands in front of it) can give, and
 * the error text and description the user sees for it, item by item.
 */
import type { SimResponse } from '../simulators/base';
import { ZoomSimulator } from '../simulators/zoom';
import { s2sSetup, zoomNode, type Setup } from './common';

const sim = new ZoomSimulator();
let setup: Setup;
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => {
	sim.reset();
	setup = s2sSetup(sim);
});

const json = (status: number, body: unknown): SimResponse => ({ status, body });
const raw = (status: number, text: string, type = 'text/plain'): SimResponse => ({ status, raw: text, headers: { 'Content-Type': type } });

/** Runs Meeting → Get once per row, each meeting ID answered with its row's response; returns what came out. */
async function getEach(rows: Array<[SimResponse, ...unknown[]]>) {
	rows.forEach(([response], i) => {
		// a 401 may be tried again after a token renewal, a 429 after a wait: every attempt gets the same answer
		sim.fail({ kind: 'answer', response }, { times: 5, match: (r) => r.path === `/v2/meetings/${1000 + i}` });
	});
	const result = await setup.engine.run(
		[zoomNode(setup, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.id }}' }, { continueOnFail: true })],
		rows.map((_row, i) => ({ id: String(1000 + i) })),
	);
	const out = result.output('Zoom');
	expect(out).toHaveLength(rows.length);
	return out.map((item) => ({ error: item.json.error, description: (item.error as { description?: string } | undefined)?.description }));
}

describe('what a refusal says', () => {
	test('each code Zoom documents, in English, before Zoom’s own message', async () => {
		const meanings: Array<[number, string]> = [
			[124, 'the access token is invalid or expired; reconnect the credential (or check the Server-to-Server app’s credentials)'],
			[200, 'no permission for this request (the app lacks a scope or the user lacks a role)'],
			[300, 'a parameter was refused (invalid parameter)'],
			[429, 'too many requests (Zoom rate limit); lower "Max Concurrent Requests" or try again later'],
			[1001, 'the user does not exist or does not belong to this account'],
			[1010, 'the user does not belong to this account'],
			[1120, 'the user is not valid'],
			[3000, 'the meeting cannot be accessed'],
			[3001, 'the meeting does not exist or has expired'],
			[3003, 'only the meeting’s host (or a user with scheduling privilege) can do this'],
			[3027, 'the meeting’s registration is not enabled'],
			[3301, 'the recording does not exist'],
			[4700, 'the access token lacks the scopes this request needs'],
			[4711, 'the access token lacks the scopes this request needs'],
		];
		const out = await getEach(meanings.map(([code]) => [json(400, { code, message: `Refused ${code}` })]));
		expect(out.map((item) => item.error)).toEqual(meanings.map(([code, english]) => `Zoom error ${code}: ${english} (Zoom: "Refused ${code}")`));
	});

	test('an HTTP status without Zoom’s code: the status in English, Zoom’s message after it', async () => {
		const rows: Array<[SimResponse, string]> = [
			[json(401, {}), 'Zoom error 401: the credentials were rejected'],
			[json(403, { message: 'Forbidden here' }), 'Zoom error 403: access denied (Zoom: "Forbidden here")'],
			[json(404, { message: 42 }), 'Zoom error 404: not found'],
			[
				{ status: 429, body: { message: 'Slow down' }, headers: { 'Retry-After': '0' } },
				'Zoom error 429: too many requests (Zoom rate limit); lower "Max Concurrent Requests" or try again later (Zoom: "Slow down")',
			],
			[json(500, {}), 'Zoom error 500: Zoom failed (HTTP 500)'],
			[json(499, {}), 'Zoom error 499: the request was refused (HTTP 499)'],
			[json(400, { code: null, message: 'Bad field' }), 'Zoom error 400: the request was refused (HTTP 400) (Zoom: "Bad field")'],
			[json(400, { code: 'abc', message: 'Bad field' }), 'Zoom error 400: the request was refused (HTTP 400) (Zoom: "Bad field")'],
		];
		const out = await getEach(rows);
		expect(out.map((item) => item.error)).toEqual(rows.map(([, message]) => message));
	});

	test('Zoom’s code: its meaning in English, then Zoom’s own message; an unknown code keeps the status text', async () => {
		const rows: Array<[SimResponse, string]> = [
			[json(400, { code: 300, message: 'Invalid field.' }), 'Zoom error 300: a parameter was refused (invalid parameter) (Zoom: "Invalid field.")'],
			[json(404, { code: '3001' }), 'Zoom error 3001: the meeting does not exist or has expired'],
			[json(400, { code: 9999 }), 'Zoom error 9999: the request was refused (HTTP 400)'],
			[json(503, { code: 9999, message: 'Down' }), 'Zoom error 9999: Zoom failed (HTTP 503) (Zoom: "Down")'],
			[json(400, { code: 3003, message: 7 }), 'Zoom error 3003: only the meeting’s host (or a user with scheduling privilege) can do this'],
			// the token endpoint's shape, {error, reason}, wherever it comes from
			[
				json(400, { error: 'invalid_grant', reason: 'Bad grant' }),
				'Zoom error invalid_grant: the token request was refused (Bad grant); check the client ID, client secret and account ID',
			],
			[json(400, { error: 'invalid_grant', reason: 3 }), 'Zoom error invalid_grant: the token request was refused; check the client ID, client secret and account ID'],
			// an `error` next to a code is not the token endpoint's shape
			[json(400, { error: 'x', code: 1001, message: 'No user' }), 'Zoom error 1001: the user does not exist or does not belong to this account (Zoom: "No user")'],
		];
		const out = await getEach(rows);
		expect(out.map((item) => item.error)).toEqual(rows.map(([, message]) => message));
	});

	test('an answer that is not JSON: the status in English, and whether a page or text came', async () => {
		const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
		const out = await getEach([[raw(502, page, 'text/html')], [raw(400, 'Bad request\n')], [raw(403, ' \n ')], [raw(401, '')], [raw(400, 'null', 'application/json')]]);
		expect(out).toEqual([
			{ error: 'Zoom error 502: Zoom failed (HTTP 502)', description: 'Zoom answered with a page instead of JSON' },
			{ error: 'Zoom error 400: the request was refused (HTTP 400)', description: 'Zoom answered with text instead of JSON' },
			{ error: 'Zoom error 403: access denied', description: undefined },
			{ error: 'Zoom error 401: the credentials were rejected', description: undefined },
			{ error: 'Zoom error 400: the request was refused (HTTP 400)', description: undefined },
		]);
	});

	test('a 200 without the meeting (empty, broken JSON, a list, text) is a failure, not an item', async () => {
		const out = await getEach([[raw(200, '', 'application/json')], [raw(200, '{"id":', 'application/json')], [json(200, [{ id: 1 }])], [json(200, 'meeting')], [json(200, null)]]);
		expect(out.map((item) => item.error)).toEqual(
			['an empty body', 'broken JSON of 6 characters', 'a JSON array of 1 entry', 'text of 7 characters', 'JSON null'].map(
				(arrived) => `Zoom error 200: unexpected answer (the object missing; received HTTP 200, application/json, ${arrived})`,
			),
		);
	});

	test('a created meeting answered without the meeting names the status Zoom gave', async () => {
		sim.fail({ kind: 'answer', response: raw(201, '', 'application/json') }, { match: (r) => r.method === 'POST' && r.path === '/v2/users/me/meetings' });
		const result = await setup.engine.run([zoomNode(setup, { resource: 'meeting', operation: 'create', topic: 'Sync', startTime: '2030-01-15T09:00:00Z' })]);
		expect(result.error('Zoom')?.message).toBe('Zoom error 201: unexpected answer (the object missing; received HTTP 201, application/json, an empty body)');
		expect(result.error('Zoom')?.httpCode).toBe('201');
	});
});
