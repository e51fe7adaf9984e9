import { toCamDate, toUnixMs, zonedToUnixMs } from '../../nodes/ChatMessenger/shared/time';
import { formJson, setup } from './common';

const { ctx, node } = setup();

const quickCall = (parameters: Record<string, unknown>, extra = {}) => node({ resource: 'quickCall', operation: 'create', ...parameters }, extra);

describe('Quick Call → Create (createQuickCall; unverified mapping)', () => {
	test('a duration in minutes becomes unix ms from now; the output carries the meeting URL', async () => {
		const { sim, engine } = ctx;
		const before = Date.now();
		const result = await engine.run([quickCall({ expiresMode: 'duration', durationMinutes: 90, password: 'p&ss=wörd+' })]);
		const after = Date.now();
		expect(result.error('CAM')).toBeUndefined();
		const [request] = sim.requests('POST', '/createQuickCall');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const sent = formJson(request.form, 'message');
		expect(Object.keys(sent).sort()).toEqual(['expiry', 'password']);
		expect(sent.password).toBe('p&ss=wörd+');
		expect(sent.expiry).toBeGreaterThanOrEqual(before + 90 * 60_000);
		expect(sent.expiry).toBeLessThanOrEqual(after + 90 * 60_000);
		const out = result.output('CAM');
		expect(out[0].json).toEqual({
			url: sim.quickCalls[0].url,
			expiry: sent.expiry,
			expiresAt: new Date(sent.expiry).toISOString(),
			passwordProtected: true,
		});
		expect(JSON.stringify(out)).not.toContain('p&ss');
	});

	test('a date-time with an offset, or an n8n DateTime, is converted to unix ms; no password sends ""', async () => {
		const { sim, engine } = ctx;
		const year = new Date().getUTCFullYear() + 1;
		const result = await engine.run(
			[quickCall({ expiresMode: 'dateTime', expiresAt: '={{ $json.at }}' })],
			[{ at: `${year}-12-01T18:00:00+09:00` }, { at: `${year}-12-01T09:00:00Z` }],
		);
		expect(result.error('CAM')).toBeUndefined();
		const bodies = sim.requests('POST', '/createQuickCall').map((r) => formJson(r.form, 'message'));
		expect(bodies).toEqual([
			{ expiry: Date.UTC(year, 11, 1, 9), password: '' },
			{ expiry: Date.UTC(year, 11, 1, 9), password: '' },
		]);
		expect(result.output('CAM').map((i) => [i.pairedItem, i.json.passwordProtected])).toEqual([
			[{ item: 0 }, false],
			[{ item: 1 }, false],
		]);

		const luxon = await engine.run([quickCall({ expiresMode: 'dateTime', expiresAt: '={{ $now.plus({ hours: 2 }) }}' })]);
		expect(luxon.error('CAM')).toBeUndefined();
		const expiry = formJson(sim.requests('POST', '/createQuickCall')[2].form, 'message').expiry;
		expect(Math.abs(expiry - (Date.now() + 2 * 3_600_000))).toBeLessThan(60_000);
	});

	test('a past or unreadable expiry and a non-positive duration are refused before any request', async () => {
		const { sim, engine } = ctx;
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ expiresMode: 'dateTime', expiresAt: '2020-01-01T00:00:00Z' }, /^"Expires At" is in the past: 2020-01-01T00:00:00.000Z \(item 0\)$/],
			[{ expiresMode: 'dateTime', expiresAt: 'next tuesday' }, /^"Expires At" must be a date and time, got "next tuesday" \(item 0\)$/],
			[{ expiresMode: 'duration', durationMinutes: 0 }, /^"Duration \(Minutes\)" must be a positive number, got 0 \(item 0\)$/],
			[{ expiresMode: 'dateTime', expiresAt: '={{ { at: 1 } }}' }, /^"Expires At" must be a date and time, got \{"at":1\} \(item 0\)$/],
			[{ expiresMode: 'duration', durationMinutes: 5, password: '={{ { secret: 1 } }}' }, /^"Password" must be text, got an object \(item 0\)$/],
			// the password itself is never shown
			[{ expiresMode: 'duration', durationMinutes: 5, password: 's3cr3t'.repeat(50) }, /^"Password" is longer than 255 characters \(300\) \(item 0\)$/],
		];
		for (const [parameters, message] of cases) {
			const result = await engine.run([quickCall(parameters)]);
			expect(result.error('CAM')?.message).toMatch(message);
		}
		expect(sim.log).toHaveLength(0);
	});

	test('an answer without a meeting URL is an error; `errors` is an error', async () => {
		const { sim, engine } = ctx;
		sim.fail({ kind: 'status', status: 200, body: { result: 'ok' } });
		const noUrl = await engine.run([quickCall({ expiresMode: 'duration', durationMinutes: 5 })]);
		expect(noUrl.error('CAM')?.message).toBe(
			'Chat&Messenger error 200: the answer to createQuickCall is not in the expected shape (HTTP 200, application/json, a JSON object with the key "result")',
		);
		sim.fail({ kind: 'status', status: 200, body: { errors: { expiry: 'too far in the future' } } });
		const refused = await engine.run([quickCall({ expiresMode: 'duration', durationMinutes: 5 })]);
		expect(refused.error('CAM')?.message).toBe('Chat&Messenger error 200: the server refused the request: expiry: too far in the future');
	});
});

describe('date helpers', () => {
	test('a wall-clock time without offset is read in the given time zone', () => {
		expect(toUnixMs('2026-12-01T18:00:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 9));
		expect(toUnixMs('2026-12-01 18:00', 'Europe/Paris')).toBe(Date.UTC(2026, 11, 1, 17));
		expect(toUnixMs('2026-07-01T18:00:00', 'Europe/Paris')).toBe(Date.UTC(2026, 6, 1, 16)); // summer time
		expect(zonedToUnixMs([2026, 3, 8, 3, 30], 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
		expect(toUnixMs('2026-12-01T18:00:00.250+09:00', 'UTC')).toBe(Date.UTC(2026, 11, 1, 9, 0, 0, 250));
		expect(toUnixMs(1624368868714, 'UTC')).toBe(1624368868714);
		expect(toUnixMs(1624368868, 'UTC')).toBe(1624368868000);
		expect(toUnixMs(new Date(5e12), 'UTC')).toBe(5e12);
		expect(toUnixMs('2026-13-01T00:00:00', 'UTC')).toBeUndefined();
		expect(toUnixMs('tomorrow', 'UTC')).toBeUndefined();
	});

	test('yyyyMM / yyyyMMdd', () => {
		expect(toCamDate('2019-08', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('201908', 'month', 'UTC')).toBe('201908');
		expect(toCamDate('2019-08-31T23:00:00', 'day', 'UTC')).toBe('20190831');
		expect(toCamDate('20190801', 'day', 'UTC')).toBe('20190801');
		expect(toCamDate('2019-08', 'day', 'UTC')).toBeUndefined();
		expect(toCamDate('2019-02-29', 'day', 'UTC')).toBeUndefined();
		expect(toCamDate('2020-02-29', 'day', 'UTC')).toBe('20200229');
		expect(toCamDate(new Date(Date.UTC(2019, 7, 31, 20)), 'day', 'Asia/Tokyo')).toBe('20190901');
	});
});
