/**
 * Message → Send Many at volume: 10,000 items (kept apart from the behaviour tests in
 * sendMany.test.ts, which run in a fraction of its time).
 */
import { directItems, formJson, SEND_MANY, setup } from './common';

const { ctx, node } = setup();

const sendMany = (parameters: Record<string, unknown> = {}, extra = {}) => node({ ...SEND_MANY, ...parameters }, extra);
const direct = directItems;

describe('Message → Send Many at volume', () => {
	test('10,000 items go out in 100 sendMessages requests (default 100 per request), results paired in item order', async () => {
		const { sim, engine } = ctx;
		const items = direct(10_000);
		// one expression per item (the text); n8n's expression engine is the slow part here, not the node
		const result = await engine.run([sendMany({ sendTo: 'messenger', recipients: 'user2@example.com,user3@example.com' })], items);
		expect(result.error('CAM')).toBeUndefined();

		const requests = sim.requests('POST', '/sendMessages');
		expect(sim.log).toHaveLength(100);
		expect(requests).toHaveLength(100);
		for (const r of requests) {
			expect(r.headers['x-cam-apitoken']).toBe(sim.apiToken);
			expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(formJson(r.form, 'messages')).toHaveLength(100);
		}
		expect(sim.messages).toHaveLength(10_000);
		expect(new Set(sim.messages.map((m) => m.message)).size).toBe(10_000);

		const out = result.output('CAM');
		expect(out).toHaveLength(10_000);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ sent: true, batch: Math.floor(i / 100) + 1, position: (i % 100) + 1, batchSize: 100, sendTo: 'messenger' });
		});
		expect(out[1].json.users).toEqual(['user2@example.com', 'user3@example.com']);
		// each request carried the items of its batch, in order
		const firstBatch = formJson(requests.find((r) => r.form!.messages.includes('"message 0"'))!.form, 'messages');
		expect(firstBatch.map((m: { message: string }) => m.message)).toEqual(items.slice(0, 100).map((i) => i.text));
		expect(firstBatch[0]).toEqual({ message: 'message 0', property: { users: 'user2@example.com,user3@example.com' } });
	});
});
