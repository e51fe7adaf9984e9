/**
 * Paging through Zoom's lists: what is asked page by page, when paging stops (the last page, Limit,
 * a token Zoom repeats), and what a list answer without its list gives.
 */
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

const getMany = (parameters: Record<string, unknown> = {}) => ({ resource: 'meeting', operation: 'getAll', userId: 'me', returnAll: true, ...parameters });
const listPath = (r: { path: string }) => r.path === '/v2/users/me/meetings';
const page = (ids: number[], token: unknown) => ({ kind: 'answer' as const, response: { status: 200, body: { meetings: ids.map((id) => ({ id })), next_page_token: token } } });

describe('paging through a list', () => {
	test('a token Zoom gives again ends the paging: each page is read once, nothing repeated', async () => {
		sim.fail(page([1, 2], 'tok'), { match: listPath });
		sim.fail(page([3], 'tok'), { match: listPath });
		sim.fail(page([4], 'tok'), { match: listPath });
		const result = await setup.engine.run([zoomNode(setup, getMany())]);
		expect(result.output('Zoom').map((i) => i.json.id)).toEqual([1, 2, 3]);
		expect(sim.requests('GET', '/v2/users/me/meetings').map((r) => r.query.next_page_token)).toEqual([undefined, 'tok']);
	});

	test('a token that is not text ends the paging', async () => {
		sim.fail(page([1], 42), { match: listPath });
		const result = await setup.engine.run([zoomNode(setup, getMany())]);
		expect(result.output('Zoom').map((i) => i.json.id)).toEqual([1]);
		expect(sim.requests('GET', '/v2/users/me/meetings')).toHaveLength(1);
	});

	test('Limit counts what came on earlier pages: the next page asks only for the rest, and a full page ends the paging', async () => {
		sim.fail(page([1, 2], 'a'), { match: listPath });
		sim.fail(page([3, 4, 5, 6], 'b'), { match: listPath });
		const result = await setup.engine.run([zoomNode(setup, getMany({ returnAll: false, limit: 4 }))]);
		expect(result.output('Zoom').map((i) => i.json.id)).toEqual([1, 2, 3, 4]);
		expect(sim.requests('GET', '/v2/users/me/meetings').map((r) => [r.query.page_size, r.query.next_page_token])).toEqual([
			['4', undefined],
			['2', 'a'],
		]);
	});

	test('an answer without the list is an error naming the list, not an empty result', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { meetings: { id: 1 } } } }, { match: listPath });
		sim.fail({ kind: 'answer', response: { status: 200, raw: '', headers: { 'Content-Type': 'application/json' } } }, { match: listPath });
		sim.fail({ kind: 'answer', response: { status: 200, body: [{ id: 1 }, { id: 2 }] } }, { match: listPath });
		const broken = await setup.engine.run([zoomNode(setup, { ...getMany(), requestOptions: { concurrency: 1 } }, { continueOnFail: true })], [{}, {}, {}]);
		expect(broken.output('Zoom').map((i) => i.json.error)).toEqual([
			'Zoom error 200: unexpected answer (the "meetings" list missing; received a JSON object with the key "meetings")',
			'Zoom error 200: unexpected answer (the "meetings" list missing; received an empty body)',
			'Zoom error 200: unexpected answer (the "meetings" list missing; received a JSON array of 2 entries)',
		]);
	});
});

describe('Cloud Recording → Get Many: dates, trash, Limit over the months', () => {
	const recordings = (parameters: Record<string, unknown>) => ({ resource: 'recording', operation: 'getAll', userId: 'me', returnAll: true, ...parameters });

	test('bad dates and a trash value that is not true or false are refused before sending; From equal to To is one day', async () => {
		sim.addRecording({ startTime: '2024-05-02T10:00:00Z' });
		const result = await setup.engine.run(
			[zoomNode(setup, recordings({ from: '={{ $json.from }}', to: '={{ $json.to }}', filters: { trash: '={{ $json.trash }}' } }), { continueOnFail: true })],
			[
				{ from: '2024-05-01', to: 'soon', trash: false },
				{ from: '2024-05-01', to: '2024-05-03', trash: 'maybe' },
				{ from: '2024-05-02', to: '2024-05-02', trash: false },
				{ from: 'on 2024-05-01', to: '2024-05-03', trash: false },
			],
		);
		const out = result.output('Zoom');
		expect(out.map((i) => i.json.error)).toEqual([
			'"To" must be a date such as 2024-09-30, got "soon" (item 0)',
			'"In Trash" must be true or false, got "maybe" (item 1)',
			undefined,
			'"From" must be a date such as 2024-09-01, got "on 2024-05-01" (item 3)',
		]);
		expect(out[2].pairedItem).toEqual({ item: 2 });
		expect(sim.requests('GET', '/v2/users/me/recordings').map((r) => [r.query.from, r.query.to])).toEqual([['2024-05-02', '2024-05-02']]);
	});

	test('the trash asked as the text "true" is read without dates', async () => {
		const trashed = sim.addRecording({ startTime: '2024-05-02T10:00:00Z' });
		trashed.trashed = true;
		const result = await setup.engine.run([zoomNode(setup, recordings({ from: '2024-05-01', to: '2024-05-31', filters: { trash: '={{ "true" }}' } }))]);
		expect(result.output('Zoom').map((i) => i.json.uuid)).toEqual([trashed.uuid]);
		const [query] = sim.requests('GET', '/v2/users/me/recordings').map((r) => r.query);
		expect(query).toEqual({ trash: 'true', page_size: '300' });
	});

	test('the trash declined as the text "false" lists the live recordings month by month', async () => {
		const live = sim.addRecording({ startTime: '2024-05-02T10:00:00Z' });
		const result = await setup.engine.run([zoomNode(setup, recordings({ from: '2024-05-01', to: '2024-05-31', filters: { trash: '={{ "false" }}' } }))]);
		expect(result.output('Zoom').map((i) => i.json.uuid)).toEqual([live.uuid]);
		expect(sim.requests('GET', '/v2/users/me/recordings').map((r) => [r.query.from, r.query.to])).toEqual([['2024-05-01', '2024-05-31']]);
	});

	test('the trash is read in full pages even with a small Limit (what is outside From–To is left out afterwards)', async () => {
		const outside = sim.addRecording({ startTime: '2024-04-30T10:00:00Z' });
		const inside = sim.addRecording({ startTime: '2024-05-02T10:00:00Z' });
		outside.trashed = true;
		inside.trashed = true;
		const result = await setup.engine.run([zoomNode(setup, recordings({ from: '2024-05-01', to: '2024-05-31', returnAll: false, limit: 1, filters: { trash: true } }))]);
		expect(result.output('Zoom').map((i) => i.json.uuid)).toEqual([inside.uuid]);
		expect(sim.requests('GET', '/v2/users/me/recordings').map((r) => r.query)).toEqual([{ trash: 'true', page_size: '300' }]);
	});

	test('Limit over several months: each month asks for what is still missing, the months after it are not asked', async () => {
		for (const day of ['2024-01-10', '2024-01-20', '2024-02-10', '2024-02-11', '2024-02-12', '2024-03-10']) sim.addRecording({ startTime: `${day}T03:00:00Z` });
		const result = await setup.engine.run([zoomNode(setup, recordings({ from: '2024-01-01', to: '2024-04-30', returnAll: false, limit: 3 }))]);
		expect(result.output('Zoom')).toHaveLength(3);
		expect(sim.requests('GET', '/v2/users/me/recordings').map((r) => [r.query.from, r.query.to, r.query.page_size])).toEqual([
			['2024-01-01', '2024-01-31', '3'],
			['2024-02-01', '2024-02-29', '1'],
		]);
	});
});
