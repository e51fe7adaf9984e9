/**
 * Chat&Messenger: requests and time for BENCH_CAM_ITEMS (10,000) direct messages, in the real n8n
 * server against the loopback CAM simulator:
 *  - Message → Send Many (sendMessages, default 100 messages per request, 2 requests in flight);
 *  - Message → Send Many with 1,000 messages per request (the maximum);
 *  - Message → Send for each item (sendMessage, one request per item, Max Concurrent Requests 5).
 * Each run is checked: the simulator received the expected number of requests and stored every
 * message, and the workflow answered one item per message.
 *
 *   npm run bench:cam        (BENCH_CAM_ITEMS=10000 BENCH_CAM_ROUNDS=1)
 */
import { nodeType } from '../scripts/n8n-lib';
import { clearLog, deploy, fmtS, median, standalone, timeWebhook, webhookWorkflow, type Bench } from './common';

const ITEMS = Number(process.env.BENCH_CAM_ITEMS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_CAM_ROUNDS ?? 1);

interface CamVariant {
	key: string;
	label: string;
	path: string;
	perRequest: number;
	parameters: Record<string, unknown>;
}

const common = { resource: 'message', sendTo: 'messenger', text: '={{ $json.text }}', recipients: 'user1@example.com' };

const camVariants: CamVariant[] = [
	{ key: 'cam-many-100', label: 'Send Many (default: 100 per request, 2 in flight)', path: '/sendMessages', perRequest: 100, parameters: { ...common, operation: 'sendMany' } },
	{
		key: 'cam-many-1000',
		label: 'Send Many (1,000 per request, 2 in flight)',
		path: '/sendMessages',
		perRequest: 1000,
		parameters: { ...common, operation: 'sendMany', batching: { batchSize: 1000 } },
	},
	{ key: 'cam-send', label: 'Send, one request per item (Max Concurrent Requests 5)', path: '/sendMessage', perRequest: 1, parameters: { ...common, operation: 'send' } },
];

export async function camBatching(b: Bench): Promise<string> {
	const sim = b.sims.cam;
	const ids = new Map<string, string>();
	for (const v of camVariants) {
		ids.set(
			v.key,
			await deploy(
				b,
				webhookWorkflow(v.key, `CAM ${v.label}`, {
					nodes: [{ name: 'Node', type: nodeType('chatMessenger'), parameters: v.parameters, credentials: { chatMessengerApi: b.creds.cam } }],
				}),
			),
		);
	}
	const results = new Map<string, { ms: number[]; wall: number[]; requests: number; maxInFlight: number }>();
	const runOnce = async (v: CamVariant, items: number, record: boolean) => {
		clearLog(sim);
		const before = sim.messages.length;
		const t = await timeWebhook(b, ids.get(v.key)!, v.key, { items }, ['Node']);
		const requests = sim.requests('POST', v.path).length;
		const expected = Math.ceil(items / v.perRequest);
		const problems: string[] = [];
		if (t.status !== 200) problems.push(`webhook answered ${t.status}: ${t.text.slice(0, 300)}`);
		if (requests !== expected) problems.push(`${requests} requests, expected ${expected}`);
		if (sim.messages.length - before !== items) problems.push(`${sim.messages.length - before} messages stored, expected ${items}`);
		if (t.items !== items) problems.push(`${t.items} items answered, expected ${items}`);
		if (problems.length) throw new Error(`${v.key}: ${problems.join('; ')}`);
		// the stored messages hold the very texts
		const last = sim.messages[sim.messages.length - 1];
		if (last.message !== `Bench message ${items - 1} ✓`) throw new Error(`${v.key}: last message arrived as ${JSON.stringify(last.message)}`);
		if (record) {
			const r = results.get(v.key) ?? { ms: [], wall: [], requests, maxInFlight: 0 };
			r.ms.push(t.nodeMs);
			r.wall.push(t.wallMs);
			r.maxInFlight = Math.max(r.maxInFlight, sim.maxInFlight);
			results.set(v.key, r);
		}
		process.stderr.write(`[bench:cam] ${v.key} ${items} items: ${t.nodeMs.toFixed(0)} ms, ${requests} requests, maxInFlight ${sim.maxInFlight}\n`);
	};
	for (const v of camVariants) await runOnce(v, 1000, false);
	for (let round = 1; round <= ROUNDS; round++) {
		for (const v of round % 2 ? camVariants : [...camVariants].reverse()) await runOnce(v, ITEMS, true);
	}
	const base = median(results.get('cam-send')!.ms);
	const lines = [
		`| ${ITEMS.toLocaleString('en')} messages | requests | target | node time | messages/s | time vs Send per item | wall (webhook) | maxInFlight |`,
		'|---|---:|---:|---:|---:|---:|---:|---:|',
		...camVariants.map((v) => {
			const r = results.get(v.key)!;
			const ms = median(r.ms);
			const target = v.perRequest > 1 ? `≤ ${Math.ceil(ITEMS / v.perRequest)}` : '';
			return `| ${v.label} | ${r.requests.toLocaleString('en')} | ${target} | ${fmtS(ms)} | ${(ITEMS / (ms / 1000)).toFixed(0)} | ${(ms / base).toFixed(3)}× (${(base / ms).toFixed(1)}× faster) | ${fmtS(median(r.wall))} | ${r.maxInFlight} |`.replace(
				'(1.0× faster)',
				'',
			);
		}),
	];
	return [
		`### Chat&Messenger: ${ITEMS.toLocaleString('en')} messages, Send Many vs Send per item (${ROUNDS} run${ROUNDS > 1 ? 's' : ''} after a 1,000-item warm-up)`,
		'',
		lines.join('\n'),
	].join('\n');
}

if (require.main === module) void standalone(camBatching);
