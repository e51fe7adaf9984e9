/**
 * Executions per second: one n8n instance (regular mode, on its default SQLite database and on
 * PostgreSQL) against queue mode (PostgreSQL + Redis + main + 2 workers), same webhook workflow (Webhook → Visioconference
 * Room Create → Set, answered when the last node is done), same in-process simulator, N calls made
 * C at a time after a short warm-up.
 *
 *   npx tsx scripts/queue/bench.ts [--n 200] [--clients 20] [--write-docs]
 *
 * --write-docs replaces the figures between the bench markers in docs/queue-mode.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildAndPack, importCredentials, N8nServer, n8nInstall, prepareUserFolder, REPO } from '../n8n-lib';
import { stopOnSignals } from '../processes';
import { startSandbox } from '../../test/sandbox';
import type { VisioconferenceSimulator } from '../../test/simulators/visioconference';
import { countBy, ensureSystemPackages, mapLimit, QueueStack, startPostgres, waitForExecutions, WORKER_NAME_VAR, type Database } from './lib';
import { roomWorkflow } from './workflows';

function flag(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return undefined;
	const next = process.argv[i + 1];
	return next && !next.startsWith('--') ? next : 'true';
}

interface Figures {
	setup: string;
	n: number;
	seconds: number;
	perSecond: number;
	p50: number;
	p95: number;
	failures: number;
	spread: string;
	/** the machine's 1-minute load average when the measured calls started (other work skews the figures) */
	load: number;
}

type Caller = (body: unknown) => Promise<{ status: number; json?: unknown }>;

async function measure(setup: string, call: Caller, n: number, clients: number, sim: VisioconferenceSimulator): Promise<Figures> {
	// warm-up: first executions load code paths and open connections
	await mapLimit(Array.from({ length: 10 }, (_, i) => i), 5, async (i) => await call({ name: `warm-up ${i}` }));
	sim.reset();
	const load = os.loadavg()[0];
	const latencies: number[] = [];
	const started = Date.now();
	const answers = await mapLimit(Array.from({ length: n }, (_, i) => i), clients, async (i) => {
		const t = Date.now();
		const answer = await call({ name: `bench ${i}` });
		latencies.push(Date.now() - t);
		return answer;
	});
	const seconds = (Date.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const failures = answers.filter((a) => a.status !== 200).length;
	const calls = sim.requests('POST', '/api/v1/entreprise/visio').length;
	if (calls !== n) throw new Error(`${setup}: the simulator saw ${calls} room requests for ${n} calls`);
	const spread = countBy(
		answers.filter((a) => a.status === 200),
		(a) => String((a.json as { worker?: string }).worker),
	);
	return {
		setup,
		n,
		seconds,
		perSecond: n / seconds,
		p50: latencies[Math.floor(n * 0.5)],
		p95: latencies[Math.floor(n * 0.95)],
		failures,
		load,
		spread: Object.entries(spread)
			.sort()
			.map(([k, v]) => `${k} ${v}`)
			.join(', '),
	};
}

function table(rows: Figures[], clients: number, version: string): string {
	const cpu = os.cpus();
	const lines = [
		`n8n ${version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} (bench client), ${new Date().toISOString().slice(0, 10)}; N = ${rows[0]?.n}, ${clients} calls at a time, after 10 warm-up calls`,
		'',
		'| setup | executions/s | wall time | p50 latency | p95 latency | failed | ran on | load avg at start |',
		'| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
		...rows.map(
			(r) =>
				`| ${r.setup} | ${r.perSecond.toFixed(1)} | ${r.seconds.toFixed(1)} s | ${r.p50} ms | ${r.p95} ms | ${r.failures} | ${r.spread} | ${r.load.toFixed(1)} |`,
		),
	];
	return lines.join('\n');
}

async function main() {
	const n = Number(flag('n') ?? 200);
	const clients = Number(flag('clients') ?? 20);
	const install = n8nInstall();
	const tarball = buildAndPack(path.join(REPO, '.tmp', 'queue-pack-bench'));
	const sandbox = await startSandbox();
	const sim = sandbox.get<VisioconferenceSimulator>('visioconference');
	const credentials = sandbox.credentials.filter((c) => c.type === 'visioconferenceApi');
	const rows: Figures[] = [];
	let single: N8nServer | undefined;
	let stack: QueueStack | undefined;
	stopOnSignals(
		async () => {
			await single?.stop();
			await stack?.stop();
		},
		{ exitCode: 130 },
	);

	try {
		// one instance
		const folder = prepareUserFolder(tarball);
		await importCredentials(folder, credentials, install);
		single = await N8nServer.start({
			userFolder: folder,
			install,
			env: { N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false', [WORKER_NAME_VAR]: 'main' },
		});
		await single.setupOwner();
		const wf1 = await single.createWorkflow(roomWorkflow('Bench: room per call', 'bench-room'));
		await single.activate(wf1);
		rows.push(
			await measure('one instance (regular mode, SQLite)', async (body) => await single!.webhook('bench-room', body), n, clients, sim),
		);
		await waitForExecutions(single, wf1.id, n + 10, 60_000);
		await single.stop();
		single = undefined;
		fs.rmSync(folder, { recursive: true, force: true });
		process.stderr.write(`${table(rows, clients, install.version)}\n`);

		// one instance on PostgreSQL: separates the database's share from the queue's
		const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-conferencing-bench-pg-'));
		let pg: Database | undefined;
		try {
			pg = await startPostgres(pgDir, ensureSystemPackages().pgBin);
			const folder2 = prepareUserFolder(tarball);
			const dbEnv = {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: pg.host,
				DB_POSTGRESDB_PORT: String(pg.port),
				DB_POSTGRESDB_DATABASE: pg.database,
				DB_POSTGRESDB_USER: pg.user,
				DB_POSTGRESDB_PASSWORD: '',
			};
			await importCredentials(folder2, credentials, install, { env: dbEnv });
			single = await N8nServer.start({
				userFolder: folder2,
				install,
				env: { ...dbEnv, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false', [WORKER_NAME_VAR]: 'main' },
			});
			await single.setupOwner();
			const wfPg = await single.createWorkflow(roomWorkflow('Bench: room per call', 'bench-room'));
			await single.activate(wfPg);
			rows.push(
				await measure('one instance (regular mode, PostgreSQL)', async (body) => await single!.webhook('bench-room', body), n, clients, sim),
			);
			await waitForExecutions(single, wfPg.id, n + 10, 60_000);
			await single.stop();
			single = undefined;
			fs.rmSync(folder2, { recursive: true, force: true });
		} finally {
			await single?.stop().catch(() => undefined);
			single = undefined;
			await pg?.process.stop(10_000, 'SIGINT');
			fs.rmSync(pgDir, { recursive: true, force: true });
		}
		process.stderr.write(`${table(rows, clients, install.version)}\n`);

		// queue mode
		stack = await QueueStack.start({ tarball, install, workers: 2, workerConcurrency: 10, credentials, exposeWorkerName: true });
		const wf2 = await stack.main.createWorkflow(roomWorkflow('Bench: room per call', 'bench-room'));
		await stack.main.activate(wf2);
		rows.push(
			await measure(
				'queue mode: main + 2 workers (--concurrency=10), PostgreSQL, Redis',
				async (body) => await stack!.callWebhook('bench-room', body),
				n,
				clients,
				sim,
			),
		);
		await waitForExecutions(stack.main, wf2.id, n + 10, 60_000);
	} finally {
		await single?.stop().catch(() => undefined);
		await stack?.stop().catch(() => undefined);
		await sandbox.stop();
	}

	const result = table(rows, clients, install.version);
	process.stdout.write(`\n${result}\n`);
	if (flag('write-docs') === 'true') {
		const doc = path.join(REPO, 'docs', 'queue-mode.md');
		const text = fs.readFileSync(doc, 'utf8');
		const start = '<!-- bench:start -->';
		const end = '<!-- bench:end -->';
		if (!text.includes(start) || !text.includes(end)) throw new Error(`${doc} has no ${start} … ${end} markers`);
		const updated = text.slice(0, text.indexOf(start) + start.length) + `\n${result}\n` + text.slice(text.indexOf(end));
		fs.writeFileSync(doc, updated);
		process.stderr.write(`figures written into ${path.relative(REPO, doc)}\n`);
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
