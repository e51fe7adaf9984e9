/**
 * Where the time goes inside n8n for one variant of bench/nodes-vs-http-request.ts: a CPU profile of
 * the n8n server process while it runs the variant's workflow (BENCH_ITEMS items, after a warm-up).
 * n8n starts with bench/profiler-agent.cjs preloaded (NODE_OPTIONS=--require), which offers the
 * process's own inspector session (node:inspector: Profiler.start / Profiler.stop, precise
 * coverage) on a loopback port; n8n's start command is not changed.
 *
 * Prints the self time by origin (this pack, n8n-core, n8n-workflow, the n8n server, the JS task
 * runner's IPC, Node internals, GC) and the top functions, for each variant; writes the
 * `.cpuprofile` files (open them in Chrome DevTools → Performance) into .tmp/bench-profiles/.
 *
 *   npm run bench:profile -- ytx-ours ytx-http     (variant keys; default: every variant)
 */
import fs from 'node:fs';
import path from 'node:path';

import { freePort } from '../scripts/processes';
import { clearLog, deploy, standalone, timeWebhook, webhookWorkflow, type Bench } from './common';
import { variants } from './nodes-vs-http-request';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const OUT_DIR = path.resolve(__dirname, '..', '.tmp', 'bench-profiles');
/** the loopback port of bench/profiler-agent.cjs inside n8n (chosen when n8n is started) */
let PROFILER_PORT = Number(process.env.N8N_BENCH_PROFILER_PORT ?? 0);

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}
interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

/** The profiler inside the n8n process (bench/profiler-agent.cjs): Node's inspector session, over loopback. */
class Profiler {
	constructor(private readonly port: number) {}

	async send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
		const res = await fetch(`http://127.0.0.1:${this.port}/`, { method: 'POST', body: JSON.stringify({ method, params }) });
		const answer = (await res.json()) as { result?: T; error?: string };
		if (res.status !== 200 || answer.error !== undefined) throw new Error(`${method} failed in the n8n process: ${answer.error ?? `HTTP ${res.status}`}`);
		return answer.result as T;
	}
}

function origin(url: string, functionName: string): string {
	if (functionName === '(garbage collector)') return 'GC';
	if (functionName === '(program)' || functionName === '(idle)') return functionName;
	if (url.includes('/.n8n/nodes/node_modules/n8n-nodes-conferencing/')) return 'this pack';
	if (url.includes('/n8n-core/')) return 'n8n-core';
	if (url.includes('/n8n-workflow/')) return 'n8n-workflow';
	if (url.includes('/n8n-nodes-base/')) return 'n8n-nodes-base';
	if (url.includes('/@n8n/task-runner') || url.includes('task-broker') || url.includes('/task-runners/')) return 'task runner broker';
	if (url.includes('/node_modules/n8n/')) return 'n8n server';
	if (url.includes('/typeorm/') || url.includes('sqlite')) return 'database';
	if (url.startsWith('node:') || url === '') return 'Node internals / native';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	return m ? m[1] : url;
}

function summarize(profile: CpuProfile, label: string): string {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const byOrigin = new Map<string, number>();
	const byFunction = new Map<string, { ms: number; origin: string }>();
	for (const [id, ms] of self) {
		const node = byId.get(id)!;
		const o = origin(node.callFrame.url, node.callFrame.functionName);
		byOrigin.set(o, (byOrigin.get(o) ?? 0) + ms);
		const file = node.callFrame.url.split('/').slice(-2).join('/');
		const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
		const entry = byFunction.get(key) ?? { ms: 0, origin: o };
		entry.ms += ms;
		byFunction.set(key, entry);
	}
	const busy = total - (byOrigin.get('(idle)') ?? 0);
	const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1)} %`;
	const originRows = [...byOrigin.entries()]
		.filter(([o]) => o !== '(idle)')
		.sort((a, b) => b[1] - a[1])
		.slice(0, 12)
		.map(([o, ms]) => `| ${o} | ${ms.toFixed(0)} ms | ${pct(ms)} |`);
	const functionRows = [...byFunction.entries()]
		.filter(([, v]) => v.origin !== '(idle)')
		.sort((a, b) => b[1].ms - a[1].ms)
		.slice(0, 20)
		.map(([f, v]) => `| \`${f}\` | ${v.origin} | ${v.ms.toFixed(0)} ms | ${pct(v.ms)} |`);
	return [
		`#### ${label}: ${busy.toFixed(0)} ms of CPU in the n8n process (idle left out)`,
		'',
		'| self time by origin | ms | share |',
		'|---|---:|---:|',
		...originRows,
		'',
		'| top functions (self time) | origin | ms | share |',
		'|---|---|---:|---:|',
		...functionRows,
	].join('\n');
}

interface Coverage {
	url: string;
	functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
}

/** Functions of n8n and of this pack that are worth counting per item. */
const WATCHED = /^(getNodeParameter|_getNodeParameter|getCredentials|getDecrypted|httpRequestWithAuthentication|requestOAuth2|authenticate|preAuthentication|runPreAuthentication|resolveSimpleParameterValue|getParameterValue|validateValueAgainstSchema|getNodeParameters|getDataProxy|evaluateExpression|executeDeclared|runItem|sendWithRetry|applyRouting|isShown)$/;

function callCounts(result: Coverage[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const script of result) {
		if (!/node_modules\/(n8n|n8n-core|n8n-workflow|n8n-nodes-conferencing|@n8n\/[^/]+)\//.test(script.url)) continue;
		const file = script.url.split('/').slice(-2).join('/');
		for (const fn of script.functions) {
			if (!WATCHED.test(fn.functionName)) continue;
			const key = `${fn.functionName} (${file})`;
			counts.set(key, (counts.get(key) ?? 0) + (fn.ranges[0]?.count ?? 0));
		}
	}
	return counts;
}

function callTable(keys: string[], calls: Map<string, Map<string, number>>): string {
	const names = new Set<string>();
	for (const k of keys) for (const [name, n] of calls.get(k) ?? []) if (n > 0) names.add(name);
	const rows = [...names]
		.sort((a, b) => Math.max(...keys.map((k) => calls.get(k)?.get(b) ?? 0)) - Math.max(...keys.map((k) => calls.get(k)?.get(a) ?? 0)))
		.map((name) => `| \`${name}\` | ${keys.map((k) => ((calls.get(k)?.get(name) ?? 0) / ITEMS).toFixed(1)).join(' | ')} |`);
	return [
		`#### Calls per item (precise coverage of one more run of ${ITEMS} items)`,
		'',
		`| function | ${keys.join(' | ')} |`,
		`|---|${keys.map(() => '---:').join('|')}|`,
		...rows,
	].join('\n');
}

export async function profileVariants(b: Bench, keys: string[]): Promise<string> {
	const selected = variants.filter((v) => !keys.length || keys.includes(v.key));
	if (!selected.length) throw new Error(`no variant among ${keys.join(', ')}; known: ${variants.map((v) => v.key).join(', ')}`);
	fs.mkdirSync(OUT_DIR, { recursive: true });
	if (!PROFILER_PORT) throw new Error('n8n was started without bench/profiler-agent.cjs (run npm run bench:profile)');
	const cdp = new Profiler(PROFILER_PORT);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	const out: string[] = [`### CPU profiles of the n8n process (${ITEMS} items per run)`];
	const calls = new Map<string, Map<string, number>>();
	try {
		for (const v of selected) {
			const id = await deploy(b, webhookWorkflow(`${v.key}-profile`, `${v.scenario} — ${v.label} (profile)`, { nodes: v.nodes(b) }));
			const body = { items: ITEMS, ...(v.body?.(b) ?? {}) };
			clearLog(v.sim(b));
			await timeWebhook(b, id, `${v.key}-profile`, body, v.measured);
			// the profiled run: only the webhook call (reading the execution back is left out of the profile)
			clearLog(v.sim(b));
			const before = await b.server.latestExecution(id);
			await cdp.send('Profiler.start');
			const started = Date.now();
			const answer = await b.server.webhook(`bench-${v.key}-profile`, body);
			const wallMs = Date.now() - started;
			const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop');
			if (answer.status !== 200) throw new Error(`${v.key}: webhook answered ${answer.status}: ${answer.text.slice(0, 300)}`);
			const execution = await b.server.waitForExecution(id, before?.id);
			const runData = execution.run?.data?.resultData?.runData ?? execution.run?.resultData?.runData ?? {};
			const t = { nodeMs: v.measured.reduce((n, name) => n + Number(runData[name]?.[0]?.executionTime ?? 0), 0), wallMs };
			const file = path.join(OUT_DIR, `${v.key}.cpuprofile`);
			fs.writeFileSync(file, JSON.stringify(profile));
			// call counts of the same run, repeated with precise coverage (slower, so not timed)
			clearLog(v.sim(b));
			await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
			const counted = await b.server.webhook(`bench-${v.key}-profile`, body);
			const coverage = await cdp.send<{ result: Coverage[] }>('Profiler.takePreciseCoverage');
			await cdp.send('Profiler.stopPreciseCoverage');
			if (counted.status !== 200) throw new Error(`${v.key}: webhook answered ${counted.status}`);
			calls.set(v.key, callCounts(coverage.result));
			out.push('', summarize(profile, `${v.scenario} — ${v.label}, node time ${t.nodeMs} ms, wall ${t.wallMs.toFixed(0)} ms (${path.relative(process.cwd(), file)})`));
			process.stderr.write(`[bench:profile] ${v.key}: node ${t.nodeMs} ms → ${file}\n`);
		}
		out.push('', callTable(selected.map((v) => v.key), calls));
	} finally {
		await cdp.send('Profiler.disable').catch(() => undefined);
	}
	return out.join('\n');
}

if (require.main === module) {
	const keys = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	void (async () => {
		PROFILER_PORT = await freePort();
		const env = { NODE_OPTIONS: `--require ${path.join(__dirname, 'profiler-agent.cjs')}`, N8N_BENCH_PROFILER_PORT: String(PROFILER_PORT) };
		await standalone(async (b) => await profileVariants(b, keys), { env });
	})();
}
