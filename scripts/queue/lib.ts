/**
 * n8n in queue mode on one machine, for the pack: PostgreSQL + Redis as plain processes with their
 * data in a temporary folder, one `n8n start` (main: editor, REST, webhooks, enqueues executions),
 * N `n8n worker` processes (run the executions), optionally one `n8n webhook` process. Every
 * process listens on loopback only, on a free port, in its own process group, and is stopped with
 * the stack.
 *
 * Built on scripts/n8n-lib.ts (install, build + pack, user folder, REST session) and
 * scripts/processes.ts (process groups, readiness). Used by `npm run start:queue`
 * (scripts/queue/stack.ts), `npm run test:queue` (test/queue) and scripts/queue/bench.ts.
 * Plain Node APIs only; run with `npx tsx`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import {
	callWebhook,
	importCredentials,
	importWorkflows,
	N8nServer,
	n8nInstall,
	prepareUserFolder,
	REPO,
	runCli,
	type ImportedCredential,
	type N8nInstall,
	type WebhookCallOptions,
} from '../n8n-lib';
import { freePort, httpOk, ManagedProcess, sleepMs } from '../processes';

export const qlog = (...args: unknown[]) => process.stderr.write(`[queue] ${args.map(String).join(' ')}\n`);

/** Environment variable each worker gets with its own name (read by `{{ $env.CONFERENCING_WORKER_NAME }}`). */
export const WORKER_NAME_VAR = 'CONFERENCING_WORKER_NAME';

// ---------------------------------------------------------------------------------------------
// System packages

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function which(cmd: string): string | undefined {
	const result = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * PostgreSQL server binaries and redis-server, installed from Debian's packages when missing
 * (scripts/ensure-system-packages.sh queue: apt-get as root or with sudo).
 */
export function ensureSystemPackages(): { pgBin: string; redisServer: string } {
	let pgBin = postgresBinDir();
	let redisServer = which('redis-server');
	if (!pgBin || !redisServer) {
		const script = path.join(REPO, 'scripts', 'ensure-system-packages.sh');
		const result = spawnSync('bash', [script, 'queue'], { stdio: ['ignore', 'inherit', 'inherit'] });
		if (result.status !== 0) throw new Error(`queue mode needs PostgreSQL and Redis: ${script} queue failed (exit ${result.status})`);
		pgBin = postgresBinDir();
		redisServer = which('redis-server');
		if (!pgBin || !redisServer) throw new Error('postgresql / redis-server still missing after apt-get install');
	}
	return { pgBin, redisServer };
}

/** PING over RESP, without a Redis client library. */
async function redisPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
	const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) return undefined;
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL and Redis

export interface Database {
	host: string;
	port: number;
	database: string;
	user: string;
	process: ManagedProcess;
	dataDir: string;
}

/**
 * A throw-away PostgreSQL cluster: `initdb -U n8n --auth=trust` in `<dir>/pgdata`, then
 * `postgres -h 127.0.0.1 -p <port> -k <dir>` and `createdb n8n`. PostgreSQL refuses to run as root,
 * so under root the cluster belongs to the `postgres` system user (created by the Debian package).
 */
export async function startPostgres(dir: string, pgBin: string, port?: number): Promise<Database> {
	const dataDir = path.join(dir, 'pgdata');
	const socketDir = path.join(dir, 'pgsocket');
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	fs.mkdirSync(socketDir, { recursive: true });
	let owner: { uid: number; gid: number } | undefined;
	if (process.getuid?.() === 0) {
		owner = systemUser('postgres');
		if (!owner) throw new Error('running as root: a "postgres" system user is needed to run PostgreSQL (apt-get install postgresql creates it)');
		fs.chmodSync(dir, 0o755);
		for (const d of [dataDir, socketDir]) fs.chownSync(d, owner.uid, owner.gid);
	}
	const logFile = path.join(dir, 'postgres.log');
	fs.writeFileSync(logFile, '');
	if (owner) fs.chownSync(logFile, owner.uid, owner.gid);
	const initdb = spawnSync(
		path.join(pgBin, 'initdb'),
		['-D', dataDir, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
		{ encoding: 'utf8', uid: owner?.uid, gid: owner?.gid, cwd: dir },
	);
	if (initdb.status !== 0) throw new Error(`initdb failed (exit ${initdb.status}):\n${initdb.stdout}\n${initdb.stderr}`);
	const pgPort = port ?? (await freePort());
	const process_ = ManagedProcess.spawn(
		'postgres',
		path.join(pgBin, 'postgres'),
		// fsync off: a throw-away database; 200 connections: main + workers + webhook each hold a pool
		['-D', dataDir, '-k', socketDir, '-p', String(pgPort), '-h', '127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
		{ logFile, uid: owner?.uid, gid: owner?.gid, cwd: dir },
	);
	const isReady = path.join(pgBin, 'pg_isready');
	try {
		await process_.waitFor(
			'accepting connections',
			async () => spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'postgres']).status === 0,
			60_000,
		);
		const createdb = spawnSync(path.join(pgBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', 'n8n'], {
			encoding: 'utf8',
		});
		if (createdb.status !== 0) throw new Error(`createdb failed: ${createdb.stderr}`);
	} catch (error) {
		await process_.stop(10_000, 'SIGINT');
		throw error;
	}
	return { host: '127.0.0.1', port: pgPort, database: 'n8n', user: 'n8n', process: process_, dataDir };
}

export interface Redis {
	port: number;
	process: ManagedProcess;
}

/** `redis-server` without persistence, on loopback. */
export async function startRedis(dir: string, redisServer: string, port?: number): Promise<Redis> {
	const redisPort = port ?? (await freePort());
	const redisDir = path.join(dir, 'redis');
	fs.mkdirSync(redisDir, { recursive: true });
	const process_ = ManagedProcess.spawn(
		'redis',
		redisServer,
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir],
		{ logFile: path.join(dir, 'redis.log'), cwd: redisDir },
	);
	try {
		await process_.waitFor('PONG', async () => await redisPing(redisPort), 30_000);
	} catch (error) {
		await process_.stop(5_000);
		throw error;
	}
	return { port: redisPort, process: process_ };
}

// ---------------------------------------------------------------------------------------------
// The stack

export interface QueueStackOptions {
	/** number of `n8n worker` processes (default 2) */
	workers?: number;
	/** jobs each worker runs at once (`n8n worker --concurrency`, default 10) */
	workerConcurrency?: number;
	/** also start an `n8n webhook` process and send production webhooks to it */
	webhookProcess?: boolean;
	/** the packed package (scripts/n8n-lib.ts buildAndPack) */
	tarball: string;
	install?: N8nInstall;
	/** folder for logs, databases and the n8n user folder (default: a new temporary folder) */
	dir?: string;
	/** fixed port of the main process (editor/REST/webhooks); default a free port */
	mainPort?: number;
	/** environment for every n8n process (after the queue settings, so it can override them) */
	env?: Record<string, string>;
	/** credentials imported before the first start (plain data; n8n encrypts it) */
	credentials?: ImportedCredential[];
	/** workflow files imported before the first start */
	workflowFiles?: string[];
	/** `{{ $env.CONFERENCING_WORKER_NAME }}` readable in expressions (sets N8N_BLOCK_ENV_ACCESS_IN_NODE=false) */
	exposeWorkerName?: boolean;
	encryptionKey?: string;
}

const ENCRYPTION_KEY = 'n8n-nodes-conferencing-queue-key';

export class QueueStack {
	main!: N8nServer;
	readonly workers: Array<{ name: string; process: ManagedProcess; healthPort: number }> = [];
	webhook?: { process: ManagedProcess; port: number };
	postgres!: Database;
	redis!: Redis;
	userFolder = '';
	install!: N8nInstall;
	private ownsDir = false;
	/** the environment shared by every n8n process of the stack (without per-process ports) */
	sharedEnv: Record<string, string> = {};

	private constructor(
		readonly options: QueueStackOptions,
		readonly dir: string,
	) {}

	/** Where production webhooks are called (the webhook process when there is one, else main). */
	get webhookBaseUrl(): string {
		return this.webhook ? `http://127.0.0.1:${this.webhook.port}` : this.main.baseUrl;
	}

	/** Starts a stack and waits until every process is ready. */
	static async start(options: QueueStackOptions): Promise<QueueStack> {
		const stack = QueueStack.create(options);
		try {
			await stack.boot();
		} catch (error) {
			await stack.stop({ keep: true });
			if (error instanceof Error) error.message += `\n(logs kept in ${stack.dir})`;
			throw error;
		}
		return stack;
	}

	/** A stack not started yet: `boot()` starts it; `stop()` may be called at any time (Ctrl-C). */
	static create(options: QueueStackOptions): QueueStack {
		const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-conferencing-queue-'));
		fs.mkdirSync(dir, { recursive: true });
		const stack = new QueueStack(options, dir);
		stack.ownsDir = !options.dir;
		return stack;
	}

	/** Starts every process. A `stop()` meanwhile lets the step under way finish, then stops all. */
	async boot(): Promise<void> {
		this.booting = this.bootSteps();
		await this.booting;
	}

	private booting?: Promise<void>;
	private aborted = false;

	private checkAborted() {
		if (this.aborted) throw new Error('the queue stack was stopped while starting');
	}

	private async bootSteps() {
		const started = Date.now();
		const { pgBin, redisServer } = ensureSystemPackages();
		this.install = this.options.install ?? n8nInstall();
		const [pg, rd] = await Promise.allSettled([startPostgres(this.dir, pgBin), startRedis(this.dir, redisServer)]);
		if (pg.status === 'fulfilled') this.postgres = pg.value;
		if (rd.status === 'fulfilled') this.redis = rd.value;
		for (const r of [pg, rd]) if (r.status === 'rejected') throw r.reason;
		const { postgres, redis } = this;
		this.checkAborted();
		qlog(`postgres on 127.0.0.1:${postgres.port}, redis on 127.0.0.1:${redis.port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

		this.userFolder = path.join(this.dir, 'n8n');
		fs.mkdirSync(this.userFolder, { recursive: true });
		prepareUserFolder(this.options.tarball, this.userFolder);

		this.sharedEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// manual runs from the editor go to the workers too (n8n warns that this becomes the default)
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// a stopping worker waits this long for its running jobs
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// keep finished jobs in Redis for a while: with n8n's default (0, removed at once) a job that
			// finishes before the main starts waiting for it (Bull's job.finished() looks for it in the
			// completed set, then listens for the event it has already missed) never settles, and a
			// webhook caller waiting for the last node hangs; see docs/queue-mode.md
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: '1000',
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: '1000',
			...(this.options.exposeWorkerName ? { N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' } : {}),
			...(this.options.env ?? {}),
		};
		const encryptionKey = this.options.encryptionKey ?? ENCRYPTION_KEY;

		// imports run migrations on the fresh database before any server starts
		if (this.options.credentials?.length || this.options.workflowFiles?.length) {
			await this.importOffline(this.options.credentials ?? [], this.options.workflowFiles ?? []);
		}
		this.checkAborted();

		this.main = await N8nServer.start({
			userFolder: this.userFolder,
			install: this.install,
			port: this.options.mainPort,
			env: { ...this.sharedEnv, [WORKER_NAME_VAR]: 'main' },
			logFile: path.join(this.dir, 'main.log'),
			encryptionKey,
		});
		this.checkAborted();
		await this.main.setupOwner();

		const count = this.options.workers ?? 2;
		const pending: Array<Promise<void>> = [];
		for (let i = 1; i <= count; i++) pending.push(this.startWorker(`worker-${i}`));
		if (this.options.webhookProcess) pending.push(this.startWebhookProcess());
		await Promise.all(pending);
		this.checkAborted();
		qlog(`queue stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: main ${this.main.baseUrl}, ${count} workers${this.webhook ? `, webhook process :${this.webhook.port}` : ''}`);
	}

	private async n8nEnv(extra: Record<string, string>, port?: number): Promise<NodeJS.ProcessEnv> {
		return N8nServer.environment(
			this.install,
			{
				userFolder: this.userFolder,
				env: { ...this.sharedEnv, ...extra },
				encryptionKey: this.options.encryptionKey ?? ENCRYPTION_KEY,
			},
			port ?? (await freePort()),
			await freePort(),
		);
	}

	/** `n8n import:credentials` / `import:workflow` against the stack's database (n8n stopped or not). */
	async importOffline(credentials: ImportedCredential[], workflowFiles: string[]) {
		const more = { env: { ...this.sharedEnv }, encryptionKey: this.options.encryptionKey ?? ENCRYPTION_KEY };
		await importCredentials(this.userFolder, credentials, this.install, more);
		await importWorkflows(this.userFolder, workflowFiles, this.install, more);
	}

	/** Starts `n8n worker` and waits for its /healthz/readiness. */
	async startWorker(name: string): Promise<void> {
		const healthPort = await freePort();
		const env = await this.n8nEnv({
			[WORKER_NAME_VAR]: name,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const concurrency = this.options.workerConcurrency ?? 10;
		const proc = ManagedProcess.spawn(name, this.install.node, [this.install.bin, 'worker', `--concurrency=${concurrency}`], {
			env,
			cwd: this.userFolder,
			logFile: path.join(this.dir, `${name}.log`),
		});
		const existing = this.workers.findIndex((w) => w.name === name);
		const entry = { name, process: proc, healthPort };
		if (existing >= 0) this.workers[existing] = entry;
		else this.workers.push(entry);
		await proc.waitFor('/healthz/readiness', async () => await httpOk(`http://127.0.0.1:${healthPort}/healthz/readiness`), 180_000);
		qlog(`${name} ready (pid ${proc.pid}, concurrency ${concurrency}, health :${healthPort})`);
	}

	/** Starts `n8n webhook` (production webhooks only) and waits until it answers. */
	async startWebhookProcess(): Promise<void> {
		const port = await freePort();
		const env = await this.n8nEnv({ [WORKER_NAME_VAR]: 'webhook', WEBHOOK_URL: `http://localhost:${port}/` }, port);
		const proc = ManagedProcess.spawn('webhook', this.install.node, [this.install.bin, 'webhook'], {
			env,
			cwd: this.userFolder,
			logFile: path.join(this.dir, 'webhook.log'),
		});
		this.webhook = { process: proc, port };
		await proc.waitFor('/healthz/readiness', async () => await httpOk(`http://127.0.0.1:${port}/healthz/readiness`), 180_000);
		qlog(`webhook process ready on http://127.0.0.1:${port}`);
	}

	/** An n8n CLI command against the stack's database and user folder (a separate process). */
	async cli(args: string[], timeoutMs = 300_000) {
		return await runCli(this.install, await this.n8nEnv({}), args, this.userFolder, timeoutMs);
	}

	/** A credential as n8n stores it, decrypted (`n8n export:credentials --decrypted`). */
	async storedCredential(id: string): Promise<{ id: string; name: string; type: string; data: Record<string, any> }> {
		const file = path.join(this.userFolder, `credential-${id}-${process.pid}.json`);
		try {
			const result = await this.cli(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
			if (result.code !== 0) throw new Error(`n8n export:credentials failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
			const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
			return Array.isArray(exported) ? exported[0] : exported;
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	worker(name: string): ManagedProcess {
		const found = this.workers.find((w) => w.name === name);
		if (!found) throw new Error(`no ${name} in this stack`);
		return found.process;
	}

	/** Lines of a process's log (main.log, worker-1.log, …). */
	log(name: string): string {
		try {
			return fs.readFileSync(path.join(this.dir, `${name}.log`), 'utf8');
		} catch {
			return '';
		}
	}

	/** Execution ids each worker logged as finished ("Worker finished execution <id>"). */
	finishedByWorker(): Record<string, string[]> {
		const out: Record<string, string[]> = {};
		for (const { name } of this.workers) {
			out[name] = [...this.log(name).matchAll(/Worker finished execution (\d+)/g)].map((m) => m[1]);
		}
		return out;
	}

	/** Calls a production webhook of the stack (the webhook process when there is one); see callWebhook(). */
	async callWebhook<T = unknown>(webhookPath: string, body?: unknown, options: WebhookCallOptions = {}) {
		return await callWebhook<T>(this.webhookBaseUrl, webhookPath, body, { registerWaitMs: 15_000, ...options });
	}

	/** Stops everything: n8n processes first (workers finish their jobs), then Redis and PostgreSQL. */
	async stop(options: { keep?: boolean } = {}): Promise<void> {
		this.aborted = true;
		if (this.booting) await this.booting.catch(() => undefined);
		const n8n: Array<Promise<void>> = [];
		for (const w of this.workers) n8n.push(w.process.stop(20_000));
		if (this.webhook) n8n.push(this.webhook.process.stop(20_000));
		if (this.main) n8n.push(this.main.stop(20_000));
		await Promise.all(n8n.map((p) => p.catch(() => undefined)));
		await this.redis?.process.stop(5_000);
		// SIGINT = PostgreSQL's fast shutdown
		await this.postgres?.process.stop(10_000, 'SIGINT');
		const keep = options.keep || process.env.KEEP_N8N_FOLDER === '1';
		if (this.ownsDir && !keep) fs.rmSync(this.dir, { recursive: true, force: true });
		else qlog(`logs and data kept in ${this.dir}`);
	}

	/** Synchronous kill of every process (for process 'exit' handlers). */
	killNow(): void {
		for (const w of this.workers) w.process.killNow();
		this.webhook?.process.killNow();
		this.main?.killNow();
		this.redis?.process.killNow();
		this.postgres?.process.killNow();
	}
}

// ---------------------------------------------------------------------------------------------
// Executions over REST

export type ExecutionStatus = 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';
export const ALL_STATUSES: ExecutionStatus[] = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];
export const FINAL_STATUSES: ExecutionStatus[] = ['canceled', 'crashed', 'error', 'success'];

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

/** Every execution of a workflow (`GET /rest/executions`, paged by id, 100 at a time). */
export async function listExecutions(server: N8nServer, workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	let lastId: string | undefined;
	for (;;) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ALL_STATUSES }));
		const page = await server.api<{ results: ExecutionSummary[] }>(
			'GET',
			`/executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`,
		);
		all.push(...page.results);
		if (page.results.length < 100) break;
		lastId = page.results[page.results.length - 1].id;
	}
	return all;
}

/** Waits until a workflow has `count` executions, all in a final status. */
export async function waitForExecutions(server: N8nServer, workflowId: string, count: number, timeoutMs: number) {
	const started = Date.now();
	let last: ExecutionSummary[] = [];
	while (Date.now() - started < timeoutMs) {
		last = await listExecutions(server, workflowId);
		if (last.length >= count && last.every((e) => FINAL_STATUSES.includes(e.status))) return last;
		await sleepMs(500);
	}
	const byStatus = countBy(last, (e) => e.status);
	throw new Error(`after ${timeoutMs / 1000} s: ${last.length}/${count} executions, by status ${JSON.stringify(byStatus)}`);
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
	return out;
}

/** Runs `fn` over `items` with at most `limit` at once; results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i], i);
		}
	});
	await Promise.all(lanes);
	return results;
}
