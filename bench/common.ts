/**
 * What the benchmarks in this folder share: the pack built, packed and installed into a fresh user
 * folder of the pinned n8n server (`scripts/n8n-lib.ts`), every provider simulator running in this
 * process on loopback, one credential per need imported with n8n's CLI before the first start (the
 * node credentials and the HTTP Request node's Header Auth credentials with the same secrets), and
 * helpers to time a workflow triggered through its production webhook.
 *
 * Timing: the wall time of the webhook call (request → response, the workflow answers when its last
 * node finishes) and n8n's own `executionTime` of the measured node(s), read from the saved
 * execution. The node time leaves out the webhook, the Code node that makes the items and the saving
 * of the execution, which are the same for every variant.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	buildAndPack,
	importCredentials,
	log,
	N8nServer,
	n8nInstall,
	prepareUserFolder,
	type ImportedCredential,
	type N8nInstall,
	type Workflow,
} from '../scripts/n8n-lib';
import { stopOnSignals } from '../scripts/processes';
import type { Simulator } from '../test/simulators/base';
import { CamSimulator } from '../test/simulators/cam';
import { VisioconferenceSimulator } from '../test/simulators/visioconference';
import { YtxSimulator } from '../test/simulators/ytx';
import { ZijingSimulator } from '../test/simulators/zijing';
import { ZoomSimulator } from '../test/simulators/zoom';

/** Where the benchmarks build and pack (apart from `.tmp/pack`, which `npm start` and the e2e tests use). */
export const BENCH_PACK_DIR = path.resolve(__dirname, '..', '.tmp', 'bench-pack');
/** The built copy of the sources (its dist/ is what the tarball holds). */
export const BENCH_STAGING_DIR = path.join(BENCH_PACK_DIR, 'src');

export interface Sims {
	visio: VisioconferenceSimulator;
	zijing: ZijingSimulator;
	cam: CamSimulator;
	ytx: YtxSimulator;
	zoom: ZoomSimulator;
}

export type CredentialRef = { id: string; name: string };

export interface Bench {
	install: N8nInstall;
	server: N8nServer;
	sims: Sims;
	creds: Record<string, CredentialRef>;
	/** the Zoom OAuth2 credential's tokens as imported (issued by the simulator) */
	zoomOAuthTokens: ReturnType<ZoomSimulator['issueOAuthTokens']>;
	/** a long-lived Zoom access token, for the HTTP Request node's hand-written "Authorization: Bearer" header */
	zoomBearer: string;
	userFolder: string;
	stop(): Promise<void>;
}

/** Forgets a simulator's request log and in-flight high-water mark, keeping its state (tokens, meetings). */
export function clearLog(sim: Simulator) {
	sim.log.length = 0;
	sim.maxInFlight = 0;
}

function credentialsFor(s: Sims, zoomTokens: Bench['zoomOAuthTokens'], bearer: string): ImportedCredential[] {
	const c = (id: string, name: string, type: string, data: Record<string, unknown>): ImportedCredential => ({ id, name, type, data });
	return [
		c('benchVisio000001', 'Visioconference (bench)', 'visioconferenceApi', { apiKey: s.visio.apiKey, baseUrl: s.visio.apiBaseUrl }),
		c('benchVisioHdr001', 'Visioconference X-Token header (bench)', 'httpHeaderAuth', { name: 'X-Token', value: s.visio.apiKey }),
		c('benchZijing00001', 'Zijing Cloud (bench)', 'zijingCloudApi', {
			apiServer: s.zijing.url,
			keyType: 'tenantKey',
			tenantAuthKey: s.zijing.publicKey,
		}),
		c('benchZijingHdr01', 'Zijing auth header (bench)', 'httpHeaderAuth', { name: 'auth', value: s.zijing.publicKey }),
		c('benchCam00000001', 'Chat&Messenger (bench)', 'chatMessengerApi', { serverUrl: s.cam.url, apiToken: s.cam.apiToken }),
		c('benchCamHdr00001', 'Chat&Messenger token header (bench)', 'httpHeaderAuth', { name: 'x-cam-apiToken', value: s.cam.apiToken }),
		c('benchYtx00000001', 'YTX Telephony (bench)', 'ytxTelephonyApi', {
			accountSid: s.ytx.accountSid,
			authToken: s.ytx.authToken,
			appId: s.ytx.appId,
			environment: 'custom',
			customUrl: s.ytx.url,
		}),
		c('benchZoomS2S0001', 'Zoom Server-to-Server (bench)', 'zoomMeetingsServerToServerApi', {
			accountId: s.zoom.accountId,
			clientId: s.zoom.s2sClientId,
			clientSecret: s.zoom.s2sClientSecret,
			environment: 'custom',
			customOAuthBaseUrl: s.zoom.url,
			customApiBaseUrl: s.zoom.apiBaseUrl,
		}),
		c('benchZoomS2S0002', 'Zoom Server-to-Server, token count (bench)', 'zoomMeetingsServerToServerApi', {
			accountId: s.zoom.accountId,
			clientId: s.zoom.s2sClientId,
			clientSecret: s.zoom.s2sClientSecret,
			environment: 'custom',
			customOAuthBaseUrl: s.zoom.url,
			customApiBaseUrl: s.zoom.apiBaseUrl,
		}),
		c('benchZoomOAuth01', 'Zoom OAuth2 (bench)', 'zoomMeetingsOAuth2Api', {
			clientId: s.zoom.clientId,
			clientSecret: s.zoom.clientSecret,
			environment: 'custom',
			customOAuthBaseUrl: s.zoom.url,
			customApiBaseUrl: s.zoom.apiBaseUrl,
			oauthTokenData: zoomTokens,
		}),
		c('benchZoomHdr0001', 'Zoom bearer header (bench)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${bearer}` }),
	];
}

const CRED_KEYS: Record<string, string> = {
	visio: 'benchVisio000001',
	visioHeader: 'benchVisioHdr001',
	zijing: 'benchZijing00001',
	zijingHeader: 'benchZijingHdr01',
	cam: 'benchCam00000001',
	camHeader: 'benchCamHdr00001',
	ytx: 'benchYtx00000001',
	zoomS2S: 'benchZoomS2S0001',
	zoomS2SCount: 'benchZoomS2S0002',
	zoomOAuth: 'benchZoomOAuth01',
	zoomHeader: 'benchZoomHdr0001',
};

/**
 * Experiment (BENCH_EXPERIMENT=function-auth), applied to the installed copy only: every credential
 * of the pack whose `authenticate` is the declarative `generic` form with simple `{{$credentials.x}}`
 * templates gets the equivalent `authenticate` function instead. n8n resolves each generic template
 * with its expression engine on every request; a function does not. Same headers, same values.
 */
const FUNCTION_AUTH_PATCH = `
;(() => {
  const name = Object.keys(exports).find((k) => typeof exports[k] === 'function');
  const Original = exports[name];
  const generic = new Original().authenticate;
  if (!generic || generic.type !== 'generic') return;
  const resolve = (template, credentials) => {
    if (typeof template !== 'string' || !template.startsWith('=')) return template;
    const whole = /^=\\{\\{\\s*\\$credentials\\.([A-Za-z0-9_]+)\\s*\\}\\}$/.exec(template);
    const value = whole
      ? credentials[whole[1]]
      : template.slice(1).replace(/\\{\\{\\s*\\$credentials\\.([A-Za-z0-9_]+)\\s*\\}\\}/g, (_m, key) => String(credentials[key] ?? ''));
    return value ? value.toString() : '';
  };
  for (const entries of Object.values(generic.properties)) {
    for (const value of Object.values(entries)) {
      if (typeof value === 'string' && value.startsWith('=') && value.replace(/\\{\\{\\s*\\$credentials\\.[A-Za-z0-9_]+\\s*\\}\\}/g, '').includes('{{')) return;
    }
  }
  class Patched extends Original {
    constructor() {
      super();
      this.authenticate = async (credentials, requestOptions) => {
        for (const [outer, entries] of Object.entries(generic.properties)) {
          requestOptions[outer] = { ...(requestOptions[outer] || {}) };
          for (const [key, value] of Object.entries(entries)) requestOptions[outer][key] = resolve(value, credentials);
        }
        return requestOptions;
      };
    }
  }
  Object.defineProperty(Patched, 'name', { value: Original.name });
  exports[name] = Patched;
})();
`;

function experimentFunctionAuth(userFolder: string) {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-conferencing', 'dist', 'credentials');
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.credentials.js'))) {
		fs.appendFileSync(path.join(dir, file), FUNCTION_AUTH_PATCH);
	}
	log('EXPERIMENT function-auth: generic authenticate replaced by functions in the installed copy');
}

/**
 * Experiment (BENCH_EXPERIMENT=cached-credentials), applied to the installed copy only: the executor
 * hands the credentials it read once for the run to `httpRequestWithAuthentication`
 * (`additionalCredentialOptions.credentialsDecrypted`), so n8n does not read, decrypt and resolve
 * them again for every request, and preSend / postReceive functions that call `getCredentials` get
 * the run's credentials (read once per run and type). n8n's OAuth2 path ignores it; a
 * Server-to-Server token fetched by `preAuthentication` is written into that shared object (and
 * stored) by n8n.
 */
function experimentCachedCredentials(userFolder: string) {
	const file = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-conferencing', 'dist', 'nodes', 'shared', 'executor.js');
	let js = fs.readFileSync(file, 'utf8');
	const replace = (from: string, to: string, count: number) => {
		const found = js.split(from).length - 1;
		if (found !== count) throw new Error(`experiment cached-credentials: expected ${count} × ${JSON.stringify(from)} in executor.js, found ${found}`);
		js = js.split(from).join(to);
	};
	replace(
		'timeout: options.timeout ?? run.timeout,\n            }));',
		'timeout: options.timeout ?? run.timeout,\n            }, run.credentialsDecrypted ? { credentialsDecrypted: run.credentialsDecrypted } : undefined));',
		1,
	);
	replace(
		'const run = { ctx: this, settings, credentialType, secrets, timeout };',
		'const run = { ctx: this, settings, credentialType, secrets, timeout, credentialsDecrypted: credentials ? { id: this.getNode().credentials?.[credentialType]?.id ?? null, name: this.getNode().credentials?.[credentialType]?.name ?? "", type: credentialType, data: credentials } : undefined };',
		2,
	);
	// preSend / postReceive functions that read the credentials get the run's (one read per run and type)
	replace(
		'getCredentials: async (type) => await ctx.getCredentials(type, itemIndex),',
		'getCredentials: async (type) => await __runCredentials(ctx, type, itemIndex),',
		1,
	);
	replace(
		'function singleItemContext(ctx, itemIndex) {',
		'const __credentialCache = new WeakMap();\nfunction __runCredentials(ctx, type, itemIndex) {\n    let byType = __credentialCache.get(ctx);\n    if (!byType) __credentialCache.set(ctx, (byType = new Map()));\n    if (!byType.has(type)) byType.set(type, ctx.getCredentials(type, itemIndex));\n    return byType.get(type);\n}\nfunction singleItemContext(ctx, itemIndex) {',
		1,
	);
	fs.writeFileSync(file, js);
	log('EXPERIMENT cached-credentials: the executor passes the run\'s credentials to httpRequestWithAuthentication in the installed copy');
}

/** Builds + packs + installs the pack, starts the simulators and n8n, imports the credentials, sets up the owner. */
export async function startBench(options: { env?: Record<string, string> } = {}): Promise<Bench> {
	const install = n8nInstall();
	const tarball = process.env.BENCH_TARBALL ?? buildAndPack(BENCH_PACK_DIR);
	const userFolder = prepareUserFolder(tarball);
	const experiments = (process.env.BENCH_EXPERIMENT ?? '').split(',');
	if (experiments.includes('function-auth')) experimentFunctionAuth(userFolder);
	if (experiments.includes('cached-credentials')) experimentCachedCredentials(userFolder);
	const sims: Sims = {
		visio: new VisioconferenceSimulator(),
		zijing: new ZijingSimulator(),
		cam: new CamSimulator(),
		ytx: new YtxSimulator(),
		zoom: new ZoomSimulator(),
	};
	for (const sim of Object.values(sims)) await sim.start();
	const zoomOAuthTokens = sims.zoom.issueOAuthTokens();
	// a long-lived token for the HTTP Request node's "Authorization: Bearer" header credential
	const bearer = sims.zoom.issueOAuthTokens(10 * 3600).access_token;
	const imported = credentialsFor(sims, zoomOAuthTokens, bearer);
	await importCredentials(userFolder, imported, install);
	const creds = Object.fromEntries(
		Object.entries(CRED_KEYS).map(([key, id]) => [key, { id, name: imported.find((c) => c.id === id)!.name }]),
	);
	const server = await N8nServer.start({
		userFolder,
		install,
		env: {
			// the HTTP Request peer of YTX signs in a Code node (MD5 from `crypto`)
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
			N8N_LOG_LEVEL: 'warn',
			...(options.env ?? {}),
		},
	});
	const stop = async () => {
		await server.stop();
		for (const sim of Object.values(sims)) await sim.stop().catch(() => undefined);
		if (process.env.KEEP_N8N_FOLDER !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
		else log(`kept ${userFolder}`);
	};
	stopOnSignals(stop, { exitCode: 130 });
	try {
		await server.setupOwner();
	} catch (error) {
		await stop();
		throw error;
	}
	return { install, server, sims, creds, zoomOAuthTokens, zoomBearer: bearer, userFolder, stop };
}

/** The JS of the Code node that turns the webhook body `{items, ids?}` into that many items. */
const MAKE_ITEMS = `const body = $input.first().json.body;
const ids = body.ids || [];
return Array.from({ length: Number(body.items) }, (_, i) => ({
  json: { i, name: 'Bench ' + i, text: 'Bench message ' + i + ' ✓', topic: 'Bench meeting ' + i, meetingId: ids.length ? ids[i % ids.length] : undefined },
}));`;

export interface Chain {
	/** the nodes after "Make Items", in order; the first is connected to it, each to the next */
	nodes: Array<Record<string, unknown> & { name: string }>;
}

/** Webhook → Make Items (Code) → the chain's nodes; answers all items of the last node. */
export function webhookWorkflow(key: string, label: string, chain: Chain): Workflow {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: `bench-${key}`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{
			id: randomUUID(),
			name: 'Make Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: MAKE_ITEMS },
		},
		...chain.nodes.map((n, i) => ({ id: randomUUID(), typeVersion: 1, position: [440 + 220 * i, 0], ...n })),
	];
	const names = nodes.map((n) => n.name as string);
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < names.length - 1; i++) connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return { name: `bench ${label}`.slice(0, 128), nodes, connections, settings: { executionOrder: 'v1' } };
}

/**
 * CPU time (user + system, ms) used so far by the n8n server and every process of its group (the
 * JS task runner that runs Code nodes included), from /proc. Less sensitive than wall time to other
 * work on a shared machine.
 */
export function groupCpuMs(pgid: number): number {
	let ticks = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return (ticks * 1000) / CLOCK_TICKS;
}

const CLOCK_TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

export interface Timed {
	/** CPU of the n8n process group from the webhook call until its answer (+ 300 ms for saving the execution) */
	cpuMs: number;
	wallMs: number;
	/** n8n's executionTime of the measured nodes, summed */
	nodeMs: number;
	items: number;
	status: number;
	text: string;
	run: any;
}

/** Calls the workflow's production webhook and reads n8n's execution of it. */
export async function timeWebhook(
	bench: Bench,
	workflowId: string,
	key: string,
	body: Record<string, unknown>,
	measured: string[],
): Promise<Timed> {
	const before = await bench.server.latestExecution(workflowId);
	const pgid = bench.server.child.pid!;
	await new Promise((r) => setTimeout(r, 100));
	const cpuBefore = groupCpuMs(pgid);
	const started = process.hrtime.bigint();
	const answer = await bench.server.webhook<unknown[]>(`bench-${key}`, body);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	await new Promise((r) => setTimeout(r, 300));
	const cpuMs = groupCpuMs(pgid) - cpuBefore;
	const execution = await bench.server.waitForExecution(workflowId, before?.id, 300_000);
	const runData = execution.run?.data?.resultData?.runData ?? execution.run?.resultData?.runData ?? {};
	let nodeMs = 0;
	for (const name of measured) {
		const task = runData[name]?.[0];
		if (!task) throw new Error(`node "${name}" did not run (status ${execution.status}); ${answer.text.slice(0, 500)}`);
		if (task.error) throw new Error(`node "${name}" failed: ${task.error.message} ${task.error.description ?? ''}`);
		nodeMs += Number(task.executionTime ?? 0);
	}
	const items = Array.isArray(answer.json) ? answer.json.length : 0;
	return { cpuMs, wallMs, nodeMs, items, status: answer.status, text: answer.text, run: execution.run };
}

/** Creates and activates a workflow; returns its id. */
export async function deploy(bench: Bench, workflow: Workflow): Promise<string> {
	const created = await bench.server.createWorkflow(workflow);
	await bench.server.activate(created);
	return created.id;
}

export const median = (values: number[]) => {
	const sorted = [...values].sort((x, y) => x - y);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function machine(install: N8nInstall): string {
	const nodeVersion = execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim();
	return `n8n ${install.version} on Node ${nodeVersion}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs a bench section standalone: start everything, run, print, stop. */
export async function standalone(section: (bench: Bench) => Promise<string>, options: { env?: Record<string, string> } = {}) {
	let bench: Bench | undefined;
	try {
		bench = await startBench(options);
		const report = await section(bench);
		process.stdout.write(`\n${report}\n\n${machine(bench.install)}\n`);
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	} finally {
		await bench?.stop();
	}
}

export const REPO_PATH = path.resolve(__dirname, '..');
