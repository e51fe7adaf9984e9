/**
 * The package as users get it (`npm pack` → installed into n8n's community-package folder) inside the
 * real, pinned n8n server, against the sandbox simulators: the pack loads, the example workflows
 * import, run (manual ones through `n8n execute`, webhook ones through their production URL) and the
 * services receive what they should.
 *
 *   npm run test:e2e        (KEEP_N8N_FOLDER=1 keeps the n8n user folder and its log for a look)
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	buildAndPack,
	exampleFiles,
	importCredentials,
	importWorkflows,
	N8nServer,
	n8nInstall,
	nodeType,
	outputOf,
	packStagingDir,
	packageManifest,
	prepareUserFolder,
	unflattenExecution,
	type Workflow,
} from '../../scripts/n8n-lib';
import { startSandbox, ZOOM_WEBHOOK_SECRET, type Sandbox } from '../sandbox';
import { Simulator } from '../simulators/base';
import type { CamSimulator } from '../simulators/cam';
import { messageText, type ChatRequest, type OpenAiSimulator } from '../simulators/openai';
import type { VisioconferenceSimulator } from '../simulators/visioconference';
import type { YtxSimulator } from '../simulators/ytx';
import type { ZijingSimulator } from '../simulators/zijing';
import type { ZoomSimulator } from '../simulators/zoom';
import { ZoomWebhookSender } from '../simulators/zoomWebhooks';

let server: N8nServer | undefined;
let sandbox: Sandbox | undefined;
let userFolder = '';
let failed = false;
const timings: Record<string, number> = {};
const examples = new Map<string, Workflow>();

const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings[name] = Date.now() - started;
	}
};

beforeAll(async () => {
	const install = await step('ensure n8n (cached install)', () => n8nInstall());
	const tarball = await step('build + pack', () => buildAndPack());
	userFolder = await step('install the tarball into a user folder', () => prepareUserFolder(tarball));
	sandbox = await step('start the simulators', () => startSandbox());
	await step('import credentials + examples (n8n CLI)', async () => {
		await importCredentials(userFolder, sandbox!.credentials, install);
		await importWorkflows(userFolder, exampleFiles(), install);
	});
	for (const file of exampleFiles()) {
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as Workflow;
		examples.set(path.basename(file, '.json'), workflow);
	}
	server = await step('start n8n', () => N8nServer.start({ userFolder, install }));
	process.once('exit', () => server?.killNow()); // interrupted runs: never leave n8n behind
	await step('owner setup', () => server!.setupOwner());
}, 20 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
	const lines = Object.entries(timings).map(([k, ms]) => `  ${k.padEnd(44)} ${(ms / 1000).toFixed(1)} s`);
	process.stderr.write(`\ne2e timings:\n${lines.join('\n')}\n`);
	if (userFolder && (process.env.KEEP_N8N_FOLDER === '1' || failed)) {
		process.stderr.write(`n8n user folder kept: ${userFolder} (log: ${path.join(userFolder, 'n8n.log')})\n`);
	} else if (userFolder) {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}, 60_000);

const activated = new Set<string>();
async function ensureActive(id: string) {
	if (activated.has(id)) return;
	await server!.activate({ id });
	activated.add(id);
}

/**
 * Sends a Zoom event to the trigger; right after activation n8n may answer 404 for a moment (not
 * registered yet): a fresh event is signed and sent again then.
 */
async function sendZoomEvent(sender: ZoomWebhookSender, build: () => Parameters<ZoomWebhookSender['send']>[0], forged = false) {
	const started = Date.now();
	for (;;) {
		const delivery = forged ? await sender.sendForged(build() as never) : await sender.send(build());
		if (delivery.status !== 404 || Date.now() - started > 10_000) return delivery;
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** A failing expectation prints n8n's last log lines: what a CI reader needs. */
async function withLog<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		failed = true;
		if (server && error instanceof Error) error.message += `\n--- last lines of ${server.logFile} ---\n${server.logTail(40)}`;
		throw error;
	}
}

/** The class exported by a built file, as n8n's loader finds it (class named like the file). */
function builtDescriptionName(distFile: string): string {
	const className = path.basename(distFile).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file, loaded the way n8n loads it
	const mod = require(path.join(packStagingDir(), distFile)) as Record<string, new () => { description?: { name: string }; name?: string }>;
	const Class = mod[className];
	if (typeof Class !== 'function') throw new Error(`${distFile} does not export a class named ${className}`);
	const instance = new Class();
	return instance.description?.name ?? instance.name!;
}

describe('the packed package in n8n', () => {
	it('loads every node and credential listed in package.json', async () => {
		await withLog(async () => {
			const manifest = packageManifest();
			const nodeTypes = (await server!.request<Array<{ name: string }>>('GET', '/types/nodes.json')).json!;
			const loadedNodes = new Set(nodeTypes.map((t) => t.name));
			const credentialTypes = (await server!.request<Array<{ name: string }>>('GET', '/types/credentials.json')).json!;
			const loadedCredentials = new Set(credentialTypes.map((t) => t.name));
			const missingNodes = manifest.nodes.map((f) => nodeType(builtDescriptionName(f))).filter((t) => !loadedNodes.has(t));
			const missingCredentials = manifest.credentials.map(builtDescriptionName).filter((t) => !loadedCredentials.has(t));
			expect({ missingNodes, missingCredentials }).toEqual({ missingNodes: [], missingCredentials: [] });
		});
	});

	it('imported every example workflow', async () => {
		await withLog(async () => {
			const list = await server!.api<Array<{ id: string; name: string }>>('GET', '/workflows');
			const ids = new Set(list.map((w) => w.id));
			const missing = [...examples.values()].filter((w) => !ids.has(w.id!)).map((w) => w.name);
			expect(missing).toEqual([]);
			// each example's nodes exist in this n8n (no "unknown node" after import)
			const nodeTypes = new Set((await server!.request<Array<{ name: string }>>('GET', '/types/nodes.json')).json!.map((t) => t.name));
			const unknown = [...examples.values()].flatMap((w) =>
				w.nodes.filter((n) => !nodeTypes.has(String(n.type))).map((n) => `${w.name}: ${String(n.type)}`),
			);
			expect(unknown).toEqual([]);
		});
	});
});

describe('credential tests in n8n (the "Test" button of the credential dialog)', () => {
	it('every sandbox credential passes its test against the simulators', async () => {
		await withLog(async () => {
			const results: Record<string, string> = {};
			for (const credential of sandbox!.credentials) {
				const answer = await server!.api<{ status: string; message: string }>('POST', '/credentials/test', { credentials: credential });
				results[`${credential.type} (${credential.name})`] = answer.status === 'OK' ? 'OK' : `${answer.status}: ${answer.message}`;
			}
			const expected = Object.fromEntries(Object.keys(results).map((k) => [k, 'OK']));
			expect(results).toEqual(expected);
			expect(Object.keys(results).length).toBeGreaterThanOrEqual(5);
		});
	});

	it('a wrong Visioconference key fails the test with the reason and creates no room', async () => {
		await withLog(async () => {
			const visio = sandbox!.get<VisioconferenceSimulator>('visioconference');
			visio.reset();
			const credential = sandbox!.credentials.find((c) => c.type === 'visioconferenceApi')!;
			const answer = await server!.api<{ status: string; message: string }>('POST', '/credentials/test', {
				credentials: { ...credential, data: { ...credential.data, apiKey: 'not-the-key-000000' } },
			});
			expect(answer).toEqual({ status: 'Error', message: 'The API key was rejected (HTTP 401): check the API key' });
			// n8n sends a request answered 401 once more (its credential-refresh path), then fails the test
			expect(visio.requests('POST', '/api/v1/entreprise/visio').map((r) => r.headers['x-token'])).toEqual([
				'not-the-key-000000',
				'not-the-key-000000',
			]);
			expect(visio.rooms.size).toBe(0);
		});
	});
});

describe('Visioconference examples', () => {
	const visio = () => sandbox!.get<VisioconferenceSimulator>('visioconference');
	beforeEach(() => visio().reset());

	it('manual: n8n execute creates one room with moderator, guest and per-participant links', async () => {
		await withLog(async () => {
			const run = await server!.execute('exVisioRoomLinks');
			const [room, ...rest] = outputOf(run, 'Create Room');
			expect(rest).toHaveLength(0);

			const calls = visio().requests('POST', '/api/v1/entreprise/visio');
			expect(calls).toHaveLength(1);
			expect(calls[0].headers['x-token']).toBe(visio().apiKey);
			expect(calls[0].json).toEqual({ name: 'Weekly sync' });

			const stored = visio().rooms.get(room.uniqid);
			expect(stored).toBeDefined();
			expect(room.url).toBe(`${visio().meetingBase}${room.uniqid}`);
			expect(room.guestLink).toBe(room.url);
			expect(room.moderatorLink).toBe(`${room.url}?m=${stored!.moderator_token}`);
			expect(room.participantLinks).toEqual([
				{ name: 'Anne Dupont', moderator: true, link: `${room.url}?m=${stored!.moderator_token}&name=Anne+Dupont` },
				{ name: '李雷', moderator: false, link: `${room.url}?name=${encodeURIComponent('李雷')}` },
				{ name: "Jean-Luc O'Neil", moderator: false, link: `${room.url}?name=Jean-Luc+O%27Neil` },
			]);
		});
	});

	it('webhook: activated workflow answers one join link per participant', async () => {
		await withLog(async () => {
			await ensureActive('exVisioWebhookRm');
			const answer = await server!.webhook<Array<Record<string, unknown>>>('visioconference-room', {
				name: '  Board meeting ',
				participants: [
					{ name: 'Anne Dupont', moderator: true },
					{ name: 'Zoë & Co' },
				],
			});
			expect(answer.status).toBe(200);

			const calls = visio().requests('POST', '/api/v1/entreprise/visio');
			expect(calls).toHaveLength(1);
			expect(calls[0].json).toEqual({ name: 'Board meeting' });
			const [stored] = [...visio().rooms.values()];
			const roomUrl = `${visio().meetingBase}${stored.uniquename}`;

			expect(answer.json).toEqual([
				{ link: `${roomUrl}?m=${stored.moderator_token}&name=Anne+Dupont`, roomUrl, role: 'moderator', participantName: 'Anne Dupont' },
				{ link: `${roomUrl}?name=Zo%C3%AB+%26+Co`, roomUrl, role: 'guest', participantName: 'Zoë & Co' },
			]);
		});
	});

	it('webhook: a rejected key fails the execution with the provider error, no links, no secret', async () => {
		await withLog(async () => {
			await ensureActive('exVisioWebhookRm');
			visio().fail({ kind: 'status', status: 401, body: { code: 401, data: null, message: 'Invalid API token' } }, { times: 5 });
			const answer = await server!.webhook('visioconference-room', { name: 'Denied', participants: [{ name: 'Anne' }] });
			expect(answer.status).toBe(500);
			expect(answer.text).not.toContain('link');
			// n8n itself sends a request that was answered 401 once more (its credential-refresh path in
			// httpRequestWithAuthentication applies to every credential type); nothing else is retried
			expect(visio().requests('POST', '/api/v1/entreprise/visio')).toHaveLength(2);
			expect(visio().rooms.size).toBe(0);

			const { results } = await server!.api<{ results: Array<{ id: string; status: string }> }>(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'exVisioWebhookRm' }))}&limit=1`,
			);
			expect(results[0].status).toBe('error');
			const run = unflattenExecution(await server!.api('GET', `/executions/${results[0].id}`));
			const error = run.resultData.error as { message: string; node?: { name: string } };
			expect(error.node?.name).toBe('Create Room');
			expect(error.message).toBe(
				"Visioconference.me error 401: the API key was rejected (Invalid API token); check the credential's API key",
			);
			expect(JSON.stringify(run)).not.toContain(visio().apiKey);
		});
	});
});

describe('credentials stay with their service, in the real n8n', () => {
	const visio = () => sandbox!.get<VisioconferenceSimulator>('visioconference');
	const elsewhere = new Simulator('elsewhere');
	elsewhere.route('POST', '/collect', () => ({ status: 200, body: { code: 201, data: { url: 'https://attacker.invalid/r' } } }));
	beforeAll(async () => await elsewhere.start());
	afterAll(async () => await elsewhere.stop());
	beforeEach(() => {
		visio().reset();
		elsewhere.reset();
	});

	const lastExecution = async (workflowId: string) => {
		const { results } = await server!.api<{ results: Array<{ id: string; status: string }> }>(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=1`,
		);
		return { status: results[0].status, run: unflattenExecution(await server!.api('GET', `/executions/${results[0].id}`)) };
	};

	it('a 307 redirect to another host is not followed: that host receives nothing, the error names it', async () => {
		await withLog(async () => {
			await ensureActive('exVisioWebhookRm');
			visio().fail({ kind: 'redirect', status: 307, location: `${elsewhere.url}/collect` });
			const answer = await server!.webhook('visioconference-room', { name: 'Moved', participants: [{ name: 'Anne' }] });
			expect(answer.status).toBe(500);
			expect(elsewhere.log).toEqual([]);
			const { status, run } = await lastExecution('exVisioWebhookRm');
			expect(status).toBe('error');
			expect((run.resultData.error as { message: string }).message).toBe(
				`Visioconference.me error 307: the service answered with a redirect to ${new URL(elsewhere.url).host}, which is not followed: the credential is only sent to the address configured in it (item 0)`,
			);
		});
	});

	it('an error page echoing the request leaves no key anywhere in the stored execution', async () => {
		await withLog(async () => {
			await ensureActive('exVisioWebhookRm');
			visio().fail({ kind: 'echo', status: 500 });
			const answer = await server!.webhook('visioconference-room', { name: 'Echo', participants: [{ name: 'Anne' }] });
			expect(answer.status).toBe(500);
			expect(answer.text).not.toContain(visio().apiKey);
			const { status, run } = await lastExecution('exVisioWebhookRm');
			expect(status).toBe('error');
			expect(JSON.stringify(run)).toContain('x-token');
			expect(JSON.stringify(run)).not.toContain(visio().apiKey);
		});
	});
});

describe('Zoom examples', () => {
	const zoom = () => sandbox!.get<ZoomSimulator>('zoom');
	const cam = () => sandbox!.get<CamSimulator>('cam');
	beforeEach(() => {
		zoom().reset();
		cam().reset();
	});

	it('webhook: schedules a Zoom meeting and sends its join link on Chat&Messenger', async () => {
		await withLog(async () => {
			await ensureActive('exZoomMeetingCam');
			const answer = await server!.webhook<Array<Record<string, unknown>>>('zoom-meeting', {
				topic: 'Design review',
				startTime: '2030-05-01T10:00:00+09:00',
				recipients: 'user1@example.com,山田@example.jp',
			});
			expect({ status: answer.status, text: answer.status === 200 ? '' : answer.text }).toEqual({ status: 200, text: '' });

			// one request, or two when the token n8n stored earlier is no longer valid (the simulator was
			// reset): Zoom answers 401, the credential fetches a new token and n8n sends the request again
			const created = zoom().requests('POST', '/v2/users/me/meetings');
			expect(created.length === 1 || created.length === 2).toBe(true);
			const accepted = created[created.length - 1];
			expect(accepted.headers.authorization).toMatch(/^Bearer \S+$/);
			if (created.length === 2) expect(created[0].headers.authorization).not.toBe(accepted.headers.authorization);
			const body = accepted.json as Record<string, unknown>;
			expect(body).toMatchObject({ topic: 'Design review', type: 2, duration: 30, timezone: 'Asia/Tokyo' });
			expect(String(body.start_time)).toMatch(/^2030-05-01T(10:00:00|01:00:00Z)$/);
			const meetings = [...zoom().meetings.values()].filter((m) => m.topic === 'Design review');
			expect(meetings).toHaveLength(1); // never two meetings for one request
			const [meeting] = meetings;

			expect(cam().messages).toHaveLength(1);
			expect(cam().messages[0]).toMatchObject({ panelName: 'messenger', users: ['user1@example.com', '山田@example.jp'] });
			expect(cam().messages[0].message).toContain(meeting.join_url);
			expect(cam().messages[0].message).toContain('Design review');
			expect(Array.isArray(answer.json) && answer.json.length).toBe(1);
		});
	});

	it('trigger: a signed recording.completed event downloads each MP4 file of the recording', async () => {
		await withLog(async () => {
			await ensureActive('exZoomRecording1');
			const before = await server!.latestExecution('exZoomRecording1');
			const video = Buffer.from('\u0000\u0000\u0000\u0018ftypmp42 sandbox video bytes');
			const recording = zoom().addRecording({
				topic: 'Quarterly review',
				startTime: '2030-05-01T01:00:00Z',
				files: [{ type: 'MP4', bytes: video }, { type: 'M4A' }, { type: 'TRANSCRIPT' }],
			});
			const workflow = examples.get('zoom-recording-download')!;
			const trigger = workflow.nodes.find((n) => n.type === nodeType('zoomMeetingsTrigger'))!;
			const sender = new ZoomWebhookSender(ZOOM_WEBHOOK_SECRET, `${server!.baseUrl}/webhook/${String(trigger.webhookId)}/zoom`);
			const delivery = await sendZoomEvent(sender, () => sender.event('recording.completed', recording as unknown as Record<string, unknown>));
			expect(delivery.status).toBe(200);

			const { status, run } = await server!.waitForExecution('exZoomRecording1', before?.id);
			expect(status).toBe('success');
			const task = run.resultData.runData['Download Recording'][0];
			const items = task.data.main[0] as Array<{ json: Record<string, unknown>; binary?: Record<string, { mimeType: string; fileName?: string }> }>;
			expect(items).toHaveLength(1);
			expect(items[0].binary?.data?.mimeType).toBe('video/mp4');

			const mp4 = recording.recording_files.find((f) => f.file_type === 'MP4')!;
			const downloads = zoom().web.requests('GET', /^\/rec\/download\//);
			// only the MP4; when the stored token is no longer valid (the simulator was reset), Zoom answers
			// 401 and the credential fetches a new token, then the download is sent again
			expect([...new Set(downloads.map((r) => r.path))]).toEqual([`/rec/download/${mp4.id}`]);
			expect(downloads.length).toBeLessThanOrEqual(2);
			expect(downloads[downloads.length - 1].headers.authorization).toMatch(/^Bearer \S+$/);
			expect(zoom().cdn.requests('GET', `/rec/file/${mp4.id}`)).toHaveLength(1);
		});
	});

	it('trigger: an event signed with another secret starts nothing', async () => {
		await withLog(async () => {
			await ensureActive('exZoomRecording1');
			const before = await server!.latestExecution('exZoomRecording1');
			const recording = zoom().addRecording({ startTime: '2030-05-01T01:00:00Z' });
			const workflow = examples.get('zoom-recording-download')!;
			const trigger = workflow.nodes.find((n) => n.type === nodeType('zoomMeetingsTrigger'))!;
			const sender = new ZoomWebhookSender(ZOOM_WEBHOOK_SECRET, `${server!.baseUrl}/webhook/${String(trigger.webhookId)}/zoom`);
			const delivery = await sendZoomEvent(sender, () => sender.event('recording.completed', recording as unknown as Record<string, unknown>), true);
			expect(delivery.status).toBe(401);
			await new Promise((r) => setTimeout(r, 1500));
			expect((await server!.latestExecution('exZoomRecording1'))?.id).toBe(before?.id);
			expect(zoom().web.requests('GET', /^\/rec\//)).toHaveLength(0);
		});
	});

	it('trigger, automatic subscription: activation creates it in Zoom, a signed event runs once, deactivation deletes it', async () => {
		await withLog(async () => {
			// the app's Secret Token: Zoom signs the url_validation and the events with it
			zoom().webhookSecretToken = ZOOM_WEBHOOK_SECRET;
			const webhookId = '5c6d7e8f-0a1b-4c2d-9e3f-a0b1c2d3e4f5';
			const created = await server!.createWorkflow({
				name: 'Zoom trigger with automatic subscription',
				nodes: [
					{
						id: 'zoom-trigger-auto',
						name: 'Zoom Meetings Trigger',
						type: nodeType('zoomMeetingsTrigger'),
						typeVersion: 1,
						position: [0, 0],
						webhookId,
						parameters: { subscription: 'automatic', authentication: 'serverToServer', subscribers: 'account', events: ['meeting.started'], output: 'full' },
						credentials: {
							zoomMeetingsWebhookApi: { id: 'sbxZoomWebhook01', name: 'Zoom webhook (sandbox)' },
							zoomMeetingsServerToServerApi: { id: 'sbxZoomS2S000001', name: 'Zoom Server-to-Server (sandbox)' },
						},
					},
					{ id: 'zoom-trigger-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
				],
				connections: { 'Zoom Meetings Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
			});
			await server!.activate(created);
			// n8n may finish registering the workflow's webhooks a moment after answering
			for (const started = Date.now(); Date.now() - started < 15_000 && zoom().requests('PATCH').length === 0; ) {
				await new Promise((r) => setTimeout(r, 250));
			}

			const subscriptions = [...zoom().eventSubscriptions.values()];
			// (a token n8n kept from an earlier test is refused by the reset simulator: a first GET, then a new token)
			expect(zoom().log.map((r) => `${r.method} ${r.path}`).slice(-3)).toEqual([
				'GET /v2/marketplace/app/event_subscription',
				'POST /v2/marketplace/app/event_subscription',
				`PATCH /v2/marketplace/app/event_subscription/${subscriptions[0]?.event_subscription_id}`,
			]);
			expect(subscriptions).toHaveLength(1);
			expect(subscriptions[0]).toMatchObject({ events: ['meeting.started'], subscription_scope: 'account', accountSubscribed: true, app: 's2s' });
			expect(subscriptions[0].event_webhook_url).toMatch(new RegExp(`/webhook/${webhookId}/zoom$`));
			expect(await server!.latestExecution(created.id)).toBeUndefined();

			const meeting = { id: 85746065432, uuid: '4444AAAiAAAAAiAiAiiAii==', topic: 'Automatic subscription', host_id: zoom().owner.id };
			const deliveries = await zoom().deliverEvent('meeting.started', meeting);
			expect(deliveries.map((d) => d.status)).toEqual([200]);
			const { id, status, run } = await server!.waitForExecution(created.id);
			expect(status).toBe('success');
			expect(run.resultData.runData.Received[0].data.main[0].map((item: { json: unknown }) => item.json)).toEqual([
				expect.objectContaining({ event: 'meeting.started', payload: { account_id: zoom().accountId, object: meeting } }),
			]);
			await new Promise((r) => setTimeout(r, 1500));
			expect((await server!.latestExecution(created.id))?.id).toBe(id);

			await server!.api('POST', `/workflows/${created.id}/deactivate`);
			for (const started = Date.now(); Date.now() - started < 15_000 && zoom().eventSubscriptions.size > 0; ) {
				await new Promise((r) => setTimeout(r, 250));
			}
			expect(zoom().eventSubscriptions.size).toBe(0);
			expect(zoom().requests('DELETE', `/v2/marketplace/app/event_subscription/${subscriptions[0].event_subscription_id}`)).toHaveLength(1);
			expect(await zoom().deliverEvent('meeting.started', meeting)).toEqual([]);
		});
	});
});

describe('Zijing Cloud and YTX examples (manual, n8n execute)', () => {
	it('Zijing Cloud: books a meeting room for the account', async () => {
		await withLog(async () => {
			const zijing = sandbox!.get<ZijingSimulator>('zijing');
			zijing.reset();
			const run = await server!.execute('exZijingBooking1');
			const items = outputOf(run, 'Book Meeting');
			expect(items).toHaveLength(1);

			const calls = zijing.requests('POST', '/subscribe/createmeet');
			expect(calls).toHaveLength(1);
			const bookings = [...zijing.bookings.values()];
			expect(bookings).toHaveLength(1);
			expect(bookings[0]).toMatchObject({
				account: 'admin@miwei.com',
				theme: '季度评审 Quarterly review',
				startDate: '2030-05-01 09:00',
				endDate: '2030-05-01 10:00',
			});
			expect(JSON.stringify(items[0])).not.toContain(zijing.publicKey);
		});
	});

	it('YTX: books a telephone conference with its participants', async () => {
		await withLog(async () => {
			const ytx = sandbox!.get<YtxSimulator>('ytx');
			ytx.reset();
			const run = await server!.execute('exYtxBookConfer1');
			const items = outputOf(run, 'Book Conference');
			expect(items).toHaveLength(1);

			const meetings = [...ytx.meetings.values()];
			expect(meetings).toHaveLength(1);
			expect(meetings[0]).toMatchObject({
				meetingname: 'Weekly sync',
				creator: '13800138000',
				status: 'booked',
				parties: [
					{ name: '张伟', phone: '13900139000' },
					{ name: 'Office', phone: '01053189900' },
				],
			});
			expect(meetings[0].booktime).toMatch(/^2030-05-01 14:30/);
			expect(JSON.stringify(items[0])).not.toContain(ytx.authToken);
		});
	});
});

describe('AI Agent example (n8n AI Agent 3.1, the pack as its tools, a scripted model)', () => {
	const MESSAGE = 'Book a 30-minute Zoom meeting tomorrow at 9 Tokyo time and send the link to user2@example.com on Chat&Messenger';

	it('the agent calls Zoom Meetings, then Chat&Messenger with the join link, and answers', async () => {
		await withLog(async () => {
			const model = sandbox!.get<OpenAiSimulator>('openai');
			const zoom = sandbox!.get<ZoomSimulator>('zoom');
			const cam = sandbox!.get<CamSimulator>('cam');
			for (const sim of [model, zoom, cam]) sim.reset();
			let joinUrl = '';
			model.setScript([
				() => ({
					toolCalls: [
						{
							tool: /zoom/i,
							arguments: { topic: 'Meeting with user2', startTime: '2030-05-02T09:00:00+09:00', duration: 30, timezone: 'Asia/Tokyo' },
						},
					],
				}),
				(request) => {
					const result = toolResults(request)[0];
					joinUrl = String((JSON.parse(result) as Array<{ join_url?: string }>)[0]?.join_url ?? '');
					return { toolCalls: [{ tool: /chat/i, arguments: { recipients: 'user2@example.com', text: `Zoom meeting tomorrow 09:00 JST: ${joinUrl}` } }] };
				},
				() => ({ text: `Booked for 2030-05-02 09:00 (Asia/Tokyo) and sent ${joinUrl} to user2@example.com.` }),
			]);
			await ensureActive('exAiAgentMeeting');
			const answer = await server!.webhook('meeting-assistant', { message: MESSAGE });
			expect(answer.status).toBe(200);

			// the services received what the script asked for
			const meetings = [...zoom.meetings.values()];
			expect(meetings).toHaveLength(1);
			expect(meetings[0]).toMatchObject({ topic: 'Meeting with user2', duration: 30, timezone: 'Asia/Tokyo', start_time: '2030-05-02T00:00:00Z' });
			expect(joinUrl).toBe(meetings[0].join_url);
			expect(cam.messages).toEqual([
				expect.objectContaining({ panelName: 'messenger', users: ['user2@example.com'], message: `Zoom meeting tomorrow 09:00 JST: ${joinUrl}` }),
			]);

			// the model saw the chat message, then each tool's real output (not an empty string)
			const requests = model.chatRequests();
			expect(requests).toHaveLength(3);
			expect(requests[0].messages.filter((m) => m.role === 'user').map(messageText)).toEqual([MESSAGE]);
			// what the model is shown of each tool: a name, a description, and each $fromAI argument described
			const shown = Object.fromEntries(
				(requests[0].tools ?? []).map((t) => {
					const schema = (t.function.parameters ?? {}) as { properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
					const args = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, `${v.type}: ${v.description}`]));
					return [t.function.name, { description: t.function.description, args }];
				}),
			);
			expect(shown).toEqual({
				Zoom_Meetings: {
					description: 'Create a meeting in Zoom Meetings',
					args: {
						topic: 'string: Topic of the meeting',
						startTime: 'string: Start of the meeting, ISO 8601 with its UTC offset, e.g. 2030-05-01T09:00:00+09:00',
						duration: 'number: Length of the meeting in minutes',
						timezone: 'string: IANA time zone the meeting is shown in, e.g. Asia/Tokyo',
					},
				},
				Chat_Messenger: {
					description: expect.stringMatching(/Chat&Messenger/),
					args: {
						recipients: 'string: E-mail addresses of the Chat&Messenger users to send to, separated by commas',
						text: 'string: The message to send, with the join link',
					},
				},
			});
			expect(toolResults(requests[1])).toHaveLength(1);
			expect(JSON.parse(toolResults(requests[1])[0])).toEqual([expect.objectContaining({ id: meetings[0].id, join_url: joinUrl })]);
			expect(JSON.parse(toolResults(requests[2]).at(-1)!)).toEqual([expect.objectContaining({})]);
			expect(toolResults(requests[2]).join('\n')).not.toContain(zoom.s2sClientSecret);

			// the agent's final answer is the model's last text
			expect(answer.json).toEqual(expect.objectContaining({ output: `Booked for 2030-05-02 09:00 (Asia/Tokyo) and sent ${joinUrl} to user2@example.com.` }));
		});
	});
});

/** The contents of the `tool` messages of a chat request (what the model got back from the tools). */
function toolResults(request: ChatRequest): string[] {
	return request.messages.filter((m) => m.role === 'tool').map(messageText);
}

describe('AI Agent 3.1 run through `n8n execute` (manual trigger), with n8n\'s own HTTP Request tool next to the pack\'s', () => {
	it('both tools hand their output back to the model', async () => {
		await withLog(async () => {
			const model = sandbox!.get<OpenAiSimulator>('openai');
			const zoom = sandbox!.get<ZoomSimulator>('zoom');
			for (const sim of [model, zoom]) sim.reset();
			const example = examples.get('ai-agent-meeting-assistant')!;
			const node = (name: string) => ({ ...example.nodes.find((n) => n.name === name)! });
			const created = await server!.createWorkflow({
				name: 'AI Agent 3.1, manual run',
				nodes: [
					{ id: 'b0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{ ...node('AI Agent'), parameters: { promptType: 'define', text: 'Book a meeting and read the login page', options: {} } },
					node('Chat Model'),
					node('Zoom Meetings'),
					{
						id: 'b0000000-0000-4000-8000-000000000002',
						name: 'Login Page',
						type: 'n8n-nodes-base.httpRequestTool',
						typeVersion: 4.2,
						position: [600, 220],
						parameters: { toolDescription: 'Reads the login page of the Zoom service', url: `${zoom.url}/login`, options: {} },
					},
				],
				connections: {
					Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
					'Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
					'Zoom Meetings': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
					'Login Page': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
			});
			model.setScript([
				() => ({
					toolCalls: [
						{ tool: 'Zoom_Meetings', arguments: { topic: 'Manual run', startTime: '2030-05-02T09:00:00+09:00', duration: 30, timezone: 'Asia/Tokyo' } },
						{ tool: 'Login_Page', arguments: {} },
					],
				}),
				() => ({ text: 'done' }),
			]);
			const run = await server!.execute(created.id);
			expect(outputOf(run, 'AI Agent')).toEqual([expect.objectContaining({ output: 'done' })]);
			const results = toolResults(model.chatRequests()[1]);
			expect(results).toHaveLength(2);
			expect(JSON.parse(results[0])).toEqual([expect.objectContaining({ topic: 'Manual run' })]);
			expect(results[1]).toContain('Sign in');
		});
	});
});
