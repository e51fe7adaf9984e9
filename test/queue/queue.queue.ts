/**
 * The packed package in n8n queue mode: PostgreSQL + Redis + `n8n start` (main) + 2 × `n8n worker`,
 * against the sandbox simulators (test/sandbox.ts).
 *
 *   (a) the Visioconference webhook example runs on the workers and answers what one n8n instance answers;
 *   (b) 200 webhook executions are spread over both workers, all succeed, one room each;
 *   (d) Zoom OAuth2: 50 executions at once on both workers with an expired access token → one
 *       refresh (n8n serialises it per credential with a Redis lease), all succeed, the rotated
 *       refresh token is stored;
 *   (c) a worker killed with SIGKILL mid-run (last: it leaves one worker): every execution still
 *       ends as succeeded or as a visible failure, nothing is run twice, the other worker takes the
 *       queued jobs.
 *
 *   npm run test:queue        (KEEP_N8N_FOLDER=1 keeps logs and databases for a look)
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	buildAndPack,
	EXAMPLES_DIR,
	importCredentials,
	importWorkflows,
	N8nServer,
	n8nInstall,
	prepareUserFolder,
	REPO,
	type N8nInstall,
} from '../../scripts/n8n-lib';
import { countBy, listExecutions, mapLimit, QueueStack, waitForExecutions } from '../../scripts/queue/lib';
import { roomWorkflow, zoomMeetingWorkflow } from '../../scripts/queue/workflows';
import { startSandbox, type Sandbox } from '../sandbox';
import type { VisioconferenceSimulator } from '../simulators/visioconference';
import type { ZoomSimulator } from '../simulators/zoom';

const EXAMPLE = path.join(EXAMPLES_DIR, 'visioconference-webhook-room.json');
const EXAMPLE_ID = 'exVisioWebhookRm';
const EXAMPLE_PATH = 'visioconference-room';

let install: N8nInstall;
let tarball = '';
let sandbox: Sandbox | undefined;
let stack: QueueStack | undefined;
let single: N8nServer | undefined;
let singleFolder = '';
let failed = false;
const timings: Record<string, number> = {};

const visio = () => sandbox!.get<VisioconferenceSimulator>('visioconference');
const zoom = () => sandbox!.get<ZoomSimulator>('zoom');
const ZOOM_CREDENTIAL = { id: 'queueZoomOAuth01', name: 'Zoom OAuth2 (queue test)' };
/** the tokens the Zoom credential is "connected" with (issued by the simulator before n8n starts) */
let zoomTokens: { access_token: string; refresh_token: string } | undefined;

const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings[name] = Date.now() - started;
	}
};

/** A failing expectation carries the end of every n8n log: what a CI reader needs. */
async function withLogs<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		failed = true;
		if (stack && error instanceof Error) {
			for (const name of ['main', ...stack.workers.map((w) => w.name)]) {
				const tail = stack.log(name).split('\n').slice(-25).join('\n');
				error.message += `\n--- last lines of ${name}.log ---\n${tail}`;
			}
		}
		throw error;
	}
}

beforeAll(async () => {
	install = await step('ensure n8n (cached install)', () => n8nInstall());
	tarball = await step('build + pack', () => buildAndPack(path.join(REPO, '.tmp', 'queue-pack-test')));
	sandbox = await step('start the simulators', () => startSandbox());
	const credentials = sandbox.credentials.filter((c) => c.type === 'visioconferenceApi');
	// a connected Zoom OAuth2 credential (what the consent screen would have stored), queue stack only
	zoomTokens = zoom().issueOAuthTokens();
	const zoomCredential = {
		...ZOOM_CREDENTIAL,
		type: 'zoomMeetingsOAuth2Api',
		data: {
			clientId: zoom().clientId,
			clientSecret: zoom().clientSecret,
			environment: 'custom',
			customOAuthBaseUrl: zoom().url,
			customApiBaseUrl: zoom().apiBaseUrl,
			oauthTokenData: zoomTokens,
		},
	};
	await step('start the queue stack + one single instance', async () => {
		const startSingle = async () => {
			singleFolder = prepareUserFolder(tarball);
			await importCredentials(singleFolder, credentials, install);
			await importWorkflows(singleFolder, [EXAMPLE], install);
			single = await N8nServer.start({ userFolder: singleFolder, install });
			await single.setupOwner();
		};
		const [stackResult, singleResult] = await Promise.allSettled([
			QueueStack.start({
				tarball,
				install,
				workers: 2,
				workerConcurrency: 10,
				credentials: [...credentials, zoomCredential],
				workflowFiles: [EXAMPLE],
				exposeWorkerName: true,
				env: {
					// a killed worker's jobs are declared stalled after ~15 s instead of ~60 s (test c)
					QUEUE_WORKER_LOCK_DURATION: '15000',
					QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
					QUEUE_WORKER_STALLED_INTERVAL: '5000',
				},
			}).then((s) => (stack = s)),
			startSingle(),
		]);
		for (const r of [stackResult, singleResult]) if (r.status === 'rejected') throw r.reason;
	});
}, 20 * 60_000);

afterAll(async () => {
	await single?.stop();
	await stack?.stop({ keep: failed });
	await sandbox?.stop();
	if (singleFolder && !failed && process.env.KEEP_N8N_FOLDER !== '1') fs.rmSync(singleFolder, { recursive: true, force: true });
	const lines = Object.entries(timings).map(([k, ms]) => `  ${k.padEnd(52)} ${(ms / 1000).toFixed(1)} s`);
	process.stderr.write(`\nqueue-mode timings:\n${lines.join('\n')}\n`);
}, 120_000);

beforeEach(() => {
	if (sandbox) visio().reset();
});

/** The example's answer with this run's room id and moderator token replaced by placeholders. */
function normalised(answerText: string): unknown {
	const rooms = [...visio().rooms.values()];
	expect(rooms).toHaveLength(1);
	const [room] = rooms;
	return JSON.parse(answerText.split(room.uniquename).join('<uniqid>').split(room.moderator_token).join('<moderatorToken>'));
}

describe('(a) the Visioconference webhook example', () => {
	it('runs on a worker and answers exactly what one n8n instance answers', async () => {
		await withLogs(async () => {
			const request = {
				name: '  Board meeting ',
				participants: [
					{ name: 'Anne Dupont', moderator: true },
					{ name: 'Zoë & Co' },
					{ name: '李雷' },
				],
			};

			await single!.activate({ id: EXAMPLE_ID });
			const one = await single!.webhook(EXAMPLE_PATH, request);
			expect(one.status).toBe(200);
			const oneCalls = visio().requests('POST', '/api/v1/entreprise/visio').map((r) => ({ body: r.json, token: r.headers['x-token'] }));
			const oneAnswer = normalised(one.text);

			visio().reset();
			await stack!.main.activate({ id: EXAMPLE_ID });
			const queued = await stack!.callWebhook(EXAMPLE_PATH, request);
			expect(queued.status).toBe(200);
			const queuedCalls = visio().requests('POST', '/api/v1/entreprise/visio').map((r) => ({ body: r.json, token: r.headers['x-token'] }));

			expect(queuedCalls).toEqual([{ body: { name: 'Board meeting' }, token: visio().apiKey }]);
			expect(queuedCalls).toEqual(oneCalls);
			expect(normalised(queued.text)).toEqual(oneAnswer);
			expect(oneAnswer).toEqual([
				{ link: expect.stringContaining('?m=<moderatorToken>&name=Anne+Dupont'), roomUrl: expect.stringMatching(/<uniqid>$/), role: 'moderator', participantName: 'Anne Dupont' },
				{ link: expect.stringContaining('?name=Zo%C3%AB+%26+Co'), roomUrl: expect.stringMatching(/<uniqid>$/), role: 'guest', participantName: 'Zoë & Co' },
				{ link: expect.stringContaining(`?name=${encodeURIComponent('李雷')}`), roomUrl: expect.stringMatching(/<uniqid>$/), role: 'guest', participantName: '李雷' },
			]);

			// the execution was enqueued by main and run by a worker (n8n's own log lines say so)
			const [execution] = await listExecutions(stack!.main, EXAMPLE_ID);
			expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(stack!.log('main')).toContain(`Enqueued execution ${execution.id} `);
			const ranOn = Object.entries(stack!.finishedByWorker()).filter(([, ids]) => ids.includes(execution.id));
			expect(ranOn).toHaveLength(1);
		});
	});
});

describe('(b) 200 webhook executions', () => {
	it('are spread over both workers, all succeed, and create each room exactly once', async () => {
		await withLogs(async () => {
			const wf = await stack!.main.createWorkflow(roomWorkflow('Queue load: room per call', 'queue-load'));
			await stack!.main.activate(wf);
			const N = 200;
			const names = Array.from({ length: N }, (_, i) => `Load room ${String(i).padStart(3, '0')}`);
			const answers = await mapLimit(names, 20, async (name) => await stack!.callWebhook<{ uniqid: string; name: string; worker: string }>('queue-load', { name }));

			expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.text.slice(0, 200)}`)).toEqual([]);
			expect(answers.map((a) => a.json!.name)).toEqual(names);

			// the spread: each answer names the worker that ran it ($env.CONFERENCING_WORKER_NAME)…
			const byWorker = countBy(answers, (a) => a.json!.worker);
			process.stderr.write(`executions per worker (from the workflow's own answer): ${JSON.stringify(byWorker)}\n`);
			expect(Object.keys(byWorker).sort()).toEqual(['worker-1', 'worker-2']);
			// …and n8n's worker logs agree
			const executions = await waitForExecutions(stack!.main, wf.id, N, 60_000);
			expect(countBy(executions, (e) => e.status)).toEqual({ success: N });
			const logged = stack!.finishedByWorker();
			const ids = new Set(executions.map((e) => e.id));
			expect({
				'worker-1': logged['worker-1'].filter((id) => ids.has(id)).length,
				'worker-2': logged['worker-2'].filter((id) => ids.has(id)).length,
			}).toEqual(byWorker);

			// the service saw each side effect exactly once
			const calls = visio().requests('POST', '/api/v1/entreprise/visio');
			expect(calls).toHaveLength(N);
			expect(calls.map((c) => (c.json as { name: string }).name).sort()).toEqual([...names].sort());
			expect(visio().rooms.size).toBe(N);
			for (const a of answers) expect(visio().rooms.get(a.json!.uniqid)?.name).toBe(a.json!.name);
		});
	});
});

describe('(d) Zoom OAuth2: 50 executions at once with an expired access token', () => {
	it('refresh the token once for all workers, all succeed, and the rotated refresh token is stored', async () => {
		await withLogs(async () => {
			const wf = await stack!.main.createWorkflow(zoomMeetingWorkflow('Queue Zoom: meeting per call', 'queue-zoom', ZOOM_CREDENTIAL));
			await stack!.main.activate(wf);
			const sim = zoom();
			const original = zoomTokens!;
			// the stored access token is now past its one-hour lifetime: Zoom answers 401 (code 124)
			sim.advance(3700);
			sim.log.length = 0;

			const N = 50;
			const topics = Array.from({ length: N }, (_, i) => `Queue meeting ${String(i).padStart(2, '0')}`);
			const answers = await mapLimit(topics, N, async (topic) => await stack!.callWebhook<{ id: number; topic: string; worker: string }>('queue-zoom', { topic }));

			expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.text.slice(0, 300)}`)).toEqual([]);
			expect(answers.map((a) => a.json!.topic)).toEqual(topics);
			const byWorker = countBy(answers, (a) => a.json!.worker);
			process.stderr.write(`zoom executions per worker: ${JSON.stringify(byWorker)}\n`);
			expect(Object.keys(byWorker).sort()).toEqual(['worker-1', 'worker-2']);
			const executions = await waitForExecutions(stack!.main, wf.id, N, 60_000);
			expect(countBy(executions, (e) => e.status)).toEqual({ success: N });

			// exactly one refresh, with the refresh token the credential was connected with
			const refreshes = sim.requests('POST', '/oauth/token');
			expect(refreshes).toHaveLength(1);
			expect(refreshes[0].form).toMatchObject({ grant_type: 'refresh_token', refresh_token: original.refresh_token });
			expect(sim.usedRefreshTokens.has(original.refresh_token)).toBe(true);
			// one meeting per execution (the 401 came before any meeting was made)
			expect([...sim.meetings.values()].map((m) => m.topic).sort()).toEqual([...topics].sort());
			for (const a of answers) expect(sim.meetings.get(a.json!.id)?.topic).toBe(a.json!.topic);

			// the credential n8n stored holds the rotated pair: the one valid refresh token and a live access token
			const stored = await stack!.storedCredential(ZOOM_CREDENTIAL.id);
			const tokenData = stored.data.oauthTokenData as { access_token: string; refresh_token: string };
			expect(sim.refreshTokens.has(tokenData.refresh_token)).toBe(true);
			expect(tokenData.refresh_token).not.toBe(original.refresh_token);
			expect(tokenData.access_token).not.toBe(original.access_token);
			expect(sim.accessTokens.get(tokenData.access_token)!.expiresAt).toBeGreaterThan(sim.now());
		});
	});
});

describe('(c) a worker killed in the middle of a run', () => {
	it('leaves every execution succeeded or visibly failed, none run twice; the other worker takes the rest', async () => {
		await withLogs(async () => {
			const wf = await stack!.main.createWorkflow(roomWorkflow('Queue crash: room per call', 'queue-crash'));
			await stack!.main.activate(wf);
			// the service answers slowly, so both workers hold running executions when one dies
			visio().fail({ kind: 'delay', ms: 4000 }, { times: 1000 });
			const N = 30;
			const names = Array.from({ length: N }, (_, i) => `Crash room ${String(i).padStart(2, '0')}`);
			const pending = mapLimit(names, N, async (name) => await stack!.callWebhook<{ uniqid: string; name: string; worker: string }>('queue-crash', { name }));

			const victim = stack!.worker('worker-1');
			const started = Date.now();
			while (visio().inFlight < 15 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
			expect(visio().inFlight).toBeGreaterThanOrEqual(15);
			victim.signal('SIGKILL');
			await victim.exited;
			const killedAt = Date.now();

			const answers = await pending;
			const executions = await waitForExecutions(stack!.main, wf.id, N, 120_000);
			const failedAnswer = answers.find((a) => a.status !== 200);
			process.stderr.write(
				`worker-1 killed: answers ${JSON.stringify(countBy(answers, (a) => String(a.status)))}` +
					` (a failed call reads ${failedAnswer?.text.slice(0, 120)}), executions ${JSON.stringify(countBy(executions, (e) => e.status))},` +
					` all settled ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill;` +
					` rooms made for executions marked failed (the request had left before the kill): ${visio().rooms.size - answers.filter((a) => a.status === 200).length}\n`,
			);

			// nothing lost: one execution per call, each in a final state, each caller answered
			expect(executions).toHaveLength(N);
			const byStatus = countBy(executions, (e) => e.status);
			expect(Object.keys(byStatus).every((s) => s === 'success' || s === 'error' || s === 'crashed')).toBe(true);
			const failedIds = executions.filter((e) => e.status !== 'success').map((e) => e.id);
			expect(failedIds.length).toBeGreaterThan(0);
			expect(answers.filter((a) => a.status === 200)).toHaveLength(byStatus.success ?? 0);
			for (const a of answers.filter((x) => x.status !== 200)) expect(a.status).toBe(500);

			// the failures are the executions that were running on the killed worker, shown with n8n's reason
			const victimIds = new Set([...stack!.log('worker-1').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
			for (const id of failedIds) expect(victimIds.has(id)).toBe(true);
			const detail = await stack!.main.api<{ data: string; status: string }>('GET', `/executions/${failedIds[0]}`);
			expect(detail.status).toBe('error');
			expect(detail.data).toContain('failed to be processed too many times');

			// every success was finished by a worker, and the survivor carried on after the kill
			const finished = stack!.finishedByWorker();
			const finishedIds = new Set([...finished['worker-1'], ...finished['worker-2']]);
			for (const e of executions.filter((x) => x.status === 'success')) expect(finishedIds.has(e.id)).toBe(true);
			expect(finished['worker-2'].filter((id) => executions.some((e) => e.id === id)).length).toBeGreaterThan(0);
			// nothing was run twice: every name reached the service at most once
			const calls = visio().requests('POST', '/api/v1/entreprise/visio').map((c) => (c.json as { name: string }).name);
			expect(new Set(calls).size).toBe(calls.length);
			for (const a of answers.filter((x) => x.status === 200)) expect(visio().rooms.get(a.json!.uniqid)?.name).toBe(a.json!.name);
		});
	});
});
