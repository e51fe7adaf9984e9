/**
 * Which engine should run this pack's declared operations? Measured in the real n8n server.
 *
 * 1,000 items, each one `POST /api/v1/entreprise/visio` to the loopback Visioconference simulator
 * (in this process), triggered through a production webhook (Webhook → Code making N items →
 * variant, "respond when the last node finishes"), timed request → response:
 *  (a) the Visioconference node as shipped (its `execute` runs the pack's executor), "Max Concurrent
 *      Requests" 5 (default), 8 and 16;
 *  (b) the same node run by n8n's routing node: a derived node in an N8N_CUSTOM_EXTENSIONS folder
 *      (the shipped class's description without `execute` and without our Request Options; n8n adds
 *      its own and runs the `routing` declarations itself);
 *  (c) n8n's HTTP Request node with a Header Auth credential (X-Token);
 *  (d) n8n's HTTP Request node with a hand-written X-Token header.
 * One warm-up run per variant, then the variants alternate for several rounds; medians are printed
 * with items/s and the speed relative to (c). Every run must make the simulator receive exactly N
 * requests and answer N items.
 *
 *   npm run bench                       (BENCH_ITEMS=1000 BENCH_ROUNDS=5 by default)
 *   npm run bench -- --write-docs       also writes the table into docs/real-n8n.md
 *   BENCH_ONLY=a5,b                     only these variants (and (c), the reference)
 *   BENCH_CPU_PROFILE=.tmp/prof         n8n writes a CPU profile (.cpuprofile) there when it stops
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { VisioconferenceSimulator } from '../test/simulators/visioconference';
import {
	buildAndPack,
	installedPackDir,
	log,
	N8nServer,
	n8nInstall,
	nodeType,
	prepareUserFolder,
	REPO,
	type Workflow,
} from '../scripts/n8n-lib';
import { stopOnSignals } from '../scripts/processes';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WRITE_DOCS = process.argv.includes('--write-docs');
/** e.g. BENCH_ONLY=a5,c: run these variants only (c is always kept: it is the reference) */
const ONLY = process.env.BENCH_ONLY?.split(',').map((k) => k.trim());
/** a folder: n8n runs with --cpu-prof and writes its CPU profile there when it stops */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE;

interface Variant {
	key: string;
	label: string;
	node: (sim: VisioconferenceSimulator, creds: Record<string, { id: string; name: string }>) => Record<string, unknown>;
}

const ROUTED_NAME = 'visioconferenceRouted';

const allVariants: Variant[] = [
	...[5, 8, 16].map<Variant>((concurrency) => ({
		key: `a${concurrency}`,
		label: `(a) Visioconference node, pack executor, concurrency ${concurrency}${concurrency === 5 ? ' (default)' : ''}`,
		node: (_sim, creds) => ({
			type: nodeType('visioconference'),
			typeVersion: 1,
			parameters: {
				resource: 'room',
				operation: 'create',
				name: '={{ $json.name }}',
				...(concurrency === 5 ? {} : { requestOptions: { concurrency } }),
			},
			credentials: { visioconferenceApi: creds.visio },
		}),
	})),
	{
		key: 'b',
		label: '(b) same node, n8n routing node (declarative)',
		node: (_sim, creds) => ({
			type: `CUSTOM.${ROUTED_NAME}`,
			typeVersion: 1,
			parameters: { resource: 'room', operation: 'create', name: '={{ $json.name }}' },
			credentials: { visioconferenceApi: creds.visio },
		}),
	},
	{
		key: 'c',
		label: '(c) HTTP Request node + Header Auth credential',
		node: (sim, creds) => ({
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${sim.apiBaseUrl}/entreprise/visio`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				contentType: 'json',
				specifyBody: 'keypair',
				bodyParameters: { parameters: [{ name: 'name', value: '={{ $json.name }}' }] },
				options: {},
			},
			credentials: { httpHeaderAuth: creds.header },
		}),
	},
	{
		key: 'd',
		label: '(d) HTTP Request node + hand-written header',
		node: (sim) => ({
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${sim.apiBaseUrl}/entreprise/visio`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'X-Token', value: sim.apiKey }] },
				sendBody: true,
				contentType: 'json',
				specifyBody: 'keypair',
				bodyParameters: { parameters: [{ name: 'name', value: '={{ $json.name }}' }] },
				options: {},
			},
		}),
	},
];

const variants = ONLY ? allVariants.filter((v) => v.key === 'c' || ONLY.includes(v.key)) : allVariants;

/** The derived declarative node: the shipped description, minus `execute` and our Request Options. */
function writeRoutedNode(extDir: string, packDir: string) {
	fs.mkdirSync(extDir, { recursive: true });
	const built = path.join(packDir, 'dist', 'nodes', 'Visioconference', 'Visioconference.node.js');
	for (const icon of ['visioconference.svg', 'visioconference.dark.svg']) {
		fs.copyFileSync(path.join(path.dirname(built), icon), path.join(extDir, icon));
	}
	const className = ROUTED_NAME[0].toUpperCase() + ROUTED_NAME.slice(1);
	fs.writeFileSync(
		path.join(extDir, `${className}.node.js`),
		`// Generated by bench/visioconference-engines.ts: the shipped Visioconference node run by n8n's routing node.
const { Visioconference } = require(${JSON.stringify(built)});
class ${className} {
	constructor() {
		const shipped = new Visioconference();
		const { requestOptions: _ignored, ...description } = shipped.description;
		this.description = {
			...description,
			name: ${JSON.stringify(ROUTED_NAME)},
			displayName: 'Visioconference (routing node)',
			defaults: { name: 'Visioconference (routing node)' },
			properties: shipped.description.properties.filter((p) => p.name !== 'requestOptions'),
		};
		this.customOperations = shipped.customOperations;
		// no execute(): n8n runs the description's routing declarations itself
	}
}
module.exports = { ${className} };
`,
	);
}

function workflowFor(variant: Variant, sim: VisioconferenceSimulator, creds: Record<string, { id: string; name: string }>): Workflow {
	const webhookPath = `bench-${variant.key}`;
	return {
		name: `bench ${variant.label}`,
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'Make Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `const n = Number($input.first().json.body.items);\nreturn Array.from({ length: n }, (_, i) => ({ json: { name: 'Bench room ' + i } }));`,
				},
			},
			{
				id: 'b0000000-0000-4000-8000-000000000003',
				name: 'Variant',
				position: [440, 0],
				...variant.node(sim, creds),
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: 'Variant', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** CPU time (user + system) the process has used so far, from /proc (Linux), in ms. */
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuMs(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5), counted after the name)
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((x, y) => x - y);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
	const loadAtStart = os.loadavg()[0];
	const install = n8nInstall();
	// BENCH_TARBALL: measure a tarball built elsewhere (e.g. an experiment) instead of the working tree
	const tarball = process.env.BENCH_TARBALL ? path.resolve(process.env.BENCH_TARBALL) : buildAndPack();
	const userFolder = prepareUserFolder(tarball);
	const extDir = path.join(userFolder, 'custom-extensions');
	writeRoutedNode(extDir, installedPackDir(userFolder));

	const sim = new VisioconferenceSimulator();
	await sim.start();
	const server = await N8nServer.start({
		userFolder,
		install,
		customExtensions: extDir,
		...(CPU_PROFILE_DIR ? { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}` } } : {}),
	});
	stopOnSignals(
		async () => {
			await server.stop();
			await sim.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
		{ exitCode: 130 },
	);
	const times = new Map<string, number[]>(variants.map((v) => [v.key, []]));
	const cpu = new Map<string, number[]>(variants.map((v) => [v.key, []]));
	const n8nPid = server.child.pid!;
	try {
		await server.setupOwner();
		const visio = await server.createCredential('Visioconference (bench)', 'visioconferenceApi', {
			apiKey: sim.apiKey,
			baseUrl: sim.apiBaseUrl,
		});
		const header = await server.createCredential('X-Token (bench)', 'httpHeaderAuth', { name: 'X-Token', value: sim.apiKey });
		const creds = { visio: { id: visio.id, name: visio.name }, header: { id: header.id, name: header.name } };
		for (const variant of variants) {
			const created = await server.createWorkflow(workflowFor(variant, sim, creds));
			await server.activate(created);
		}

		const runOnce = async (variant: Variant) => {
			sim.reset();
			const cpuBefore = cpuMs(n8nPid);
			const started = process.hrtime.bigint();
			const answer = await server.webhook<unknown[]>(`bench-${variant.key}`, { items: ITEMS });
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const cpuUsed = cpuMs(n8nPid) - cpuBefore;
			const received = sim.requests('POST', '/api/v1/entreprise/visio').length;
			const items = Array.isArray(answer.json) ? answer.json : [];
			const problems: string[] = [];
			if (answer.status !== 200) problems.push(`webhook answered ${answer.status}: ${answer.text.slice(0, 500)}`);
			if (received !== ITEMS) problems.push(`simulator received ${received} requests, expected ${ITEMS}`);
			if (items.length !== ITEMS) problems.push(`workflow answered ${items.length} items, expected ${ITEMS}`);
			if (sim.rooms.size !== ITEMS) problems.push(`simulator created ${sim.rooms.size} rooms, expected ${ITEMS}`);
			if (problems.length) throw new Error(`${variant.label}: ${problems.join('; ')}`);
			return { ms, cpuUsed };
		};

		log(`warm-up (${ITEMS} items per run)`);
		for (const variant of variants) await runOnce(variant);
		for (let round = 1; round <= ROUNDS; round++) {
			const order = round % 2 ? variants : [...variants].reverse();
			for (const variant of order) {
				const { ms, cpuUsed } = await runOnce(variant);
				times.get(variant.key)!.push(ms);
				cpu.get(variant.key)!.push(cpuUsed);
			}
			log(
				`round ${round}/${ROUNDS}: ${order
					.map((v) => `${v.key} ${times.get(v.key)!.at(-1)!.toFixed(0)} ms (cpu ${cpu.get(v.key)!.at(-1)!.toFixed(0)})`)
					.join(', ')}`,
			);
		}
	} finally {
		await server.stop();
		await sim.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}

	const base = median(times.get('c')!);
	const baseCpu = median(cpu.get('c')!);
	const rows = variants.map((v) => {
		const ms = median(times.get(v.key)!);
		const cpuUsed = median(cpu.get(v.key)!);
		return { label: v.label, ms, perSecond: ITEMS / (ms / 1000), vsC: base / ms, cpuUsed, cpuVsC: baseCpu / cpuUsed };
	});
	const table = [
		`| variant (${ITEMS} items, 1 request each) | median time | items/s | speed vs (c) | n8n CPU per run | CPU efficiency vs (c) |`,
		'|---|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${r.perSecond.toFixed(0)} | ${r.vsC.toFixed(2)}× | ${(r.cpuUsed / 1000).toFixed(2)} s | ${r.cpuVsC.toFixed(2)}× |`,
		),
	].join('\n');
	const load = `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
	const context = `n8n ${install.version} on Node ${execVersion(install.node)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${ROUNDS} rounds after one warm-up, ${load}, ${new Date().toISOString().slice(0, 10)}`;
	process.stdout.write(`\n${table}\n\n${context}\n`);
	if (WRITE_DOCS) writeDocs(table, context);
}

function execVersion(node: string): string {
	return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

function writeDocs(table: string, context: string) {
	const file = path.join(REPO, 'docs', 'real-n8n.md');
	const text = fs.readFileSync(file, 'utf8');
	const start = '<!-- bench:visioconference-engines:start -->';
	const end = '<!-- bench:visioconference-engines:end -->';
	const a = text.indexOf(start);
	const b = text.indexOf(end);
	if (a < 0 || b < a) throw new Error(`docs/real-n8n.md has no ${start} … ${end} block`);
	fs.writeFileSync(file, `${text.slice(0, a + start.length)}\n${table}\n\n${context}\n${text.slice(b)}`);
	log('wrote the table into docs/real-n8n.md');
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
