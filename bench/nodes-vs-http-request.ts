/**
 * Items per second through each node of the pack vs n8n's HTTP Request node making the same calls
 * with the same auth, in the real n8n server, against the same loopback simulators.
 *
 * Every variant: Webhook → Make Items (Code, BENCH_ITEMS items) → the node(s) under test, each item
 * one request. The peer is the HTTP Request node (4.2) with a Header Auth credential holding the same
 * secret (`X-Token`, `auth`, `x-cam-apiToken`, `Authorization: Bearer …`); for YTX, whose MD5
 * signature the HTTP Request node cannot make, a Code node signs each item (`require('crypto')`,
 * n8n started with NODE_FUNCTION_ALLOW_BUILTIN=crypto) and the HTTP Request node sends it; both nodes
 * are timed. Our nodes run with their default "Max Concurrent Requests"; the HTTP Request node with
 * its defaults (no batching: every item's request at once). The simulator's `maxInFlight` shows it.
 *
 * One warm-up run per variant, then BENCH_ROUNDS rounds alternating forward and backward; medians of
 * n8n's execution time of the measured node(s) ("node time") and of the webhook round trip ("wall").
 * Every run is checked: the simulator received exactly one request per item, the service's state
 * changed accordingly (or the answers are the expected objects) and the workflow answered every item.
 *
 *   npm run bench:nodes       (BENCH_ITEMS=1000 BENCH_ROUNDS=3; BENCH_ONLY=zoom,cam to filter;
 *                              BENCH_CONCURRENCY=10,20 adds our nodes at those Max Concurrent Requests)
 */
import { nodeType } from '../scripts/n8n-lib';
import { clearLog, deploy, fmtS, median, standalone, timeWebhook, webhookWorkflow, type Bench, type Chain } from './common';
import type { Simulator } from '../test/simulators/base';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

const YTX_CREATOR = '13800138000';
const YTX_PARTY = { name: 'Li Lei', phone: '13800138001' };
const ZOOM_START = '2030-01-01T10:00:00';

interface Variant {
	key: string;
	scenario: string;
	label: string;
	/** the variant our node is compared with: the HTTP Request node with a hand-written header (n8n's lightest path) */
	peer: boolean;
	/** another HTTP Request variant shown for comparison (the same with a Header Auth credential) */
	reference?: boolean;
	/** our node's default "Max Concurrent Requests" (the latency table runs the peer with the same batching) */
	inFlight?: number;
	sim: (b: Bench) => Simulator;
	/** the requests that count (one per item); none for the baseline */
	counted?: { method: string; path: string | RegExp };
	nodes: (b: Bench) => Chain['nodes'];
	measured: string[];
	/** the service's state before a run, to check after it */
	state?: (b: Bench) => number;
	/** checks an answered item */
	itemOk: (json: Record<string, any>) => boolean;
	body?: (b: Bench) => Record<string, unknown>;
}

const httpRequest = (name: string, parameters: Record<string, unknown>, credential?: { id: string; name: string }) => ({
	name,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		...(credential ? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' } : {}),
		options: {},
		...parameters,
	},
	...(credential ? { credentials: { httpHeaderAuth: credential } } : {}),
});

/** The HTTP Request node with the secret typed into "Send Headers": no credential to read, decrypt or apply. */
const headerOnly = (name: string, parameters: Record<string, unknown>, header: { name: string; value: string }) =>
	httpRequest(name, {
		...parameters,
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: { parameters: [header] },
	});

const ours = (type: string, parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }>) => ({
	name: 'Node',
	type: nodeType(type),
	parameters,
	credentials,
});

/** The Code node that signs each item as YTX wants: CST stamp, Sign = MD5(sid + token + stamp), Authorization = base64(sid|stamp). */
const ytxSignCode = (sid: string, token: string) => `const crypto = require('crypto');
const sid = ${JSON.stringify(sid)};
const token = ${JSON.stringify(token)};
const pad = (n) => String(n).padStart(2, '0');
return $input.all().map((item) => {
  const t = new Date(Date.now() + 8 * 3600 * 1000);
  const stamp = t.getUTCFullYear() + pad(t.getUTCMonth() + 1) + pad(t.getUTCDate()) + pad(t.getUTCHours()) + pad(t.getUTCMinutes()) + pad(t.getUTCSeconds());
  const sign = crypto.createHash('md5').update(sid + token + stamp).digest('hex').toUpperCase();
  const authorization = Buffer.from(sid + '|' + stamp).toString('base64');
  return { json: { ...item.json, sign, authorization } };
});`;

/** Webhook → Make Items → No Operation: what every variant costs besides its own node(s). */
export const BASELINE: Variant = {
	key: 'baseline',
	scenario: 'baseline',
	label: 'Webhook → Make Items → No Operation',
	peer: false,
	sim: (b) => b.sims.visio,
	nodes: () => [{ name: 'No Operation', type: 'n8n-nodes-base.noOp', parameters: {} }],
	measured: ['No Operation'],
	itemOk: () => true,
};

const declared: Variant[] = [
	// ---- Visioconference: Room → Create ----
	{
		key: 'visio-ours',
		scenario: 'Visioconference Room → Create (POST)',
		label: 'Visioconference node',
		peer: false,
		sim: (b) => b.sims.visio,
		counted: { method: 'POST', path: '/api/v1/entreprise/visio' },
		nodes: (b) => [ours('visioconference', { resource: 'room', operation: 'create', name: '={{ $json.name }}' }, { visioconferenceApi: b.creds.visio })],
		measured: ['Node'],
		state: (b) => b.sims.visio.rooms.size,
		itemOk: (j) => typeof j.id !== 'undefined' || typeof j.roomId !== 'undefined' || Object.keys(j).length > 0,
	},
	{
		key: 'visio-http',
		scenario: 'Visioconference Room → Create (POST)',
		label: 'HTTP Request + Header Auth',
		peer: true,
		sim: (b) => b.sims.visio,
		counted: { method: 'POST', path: '/api/v1/entreprise/visio' },
		nodes: (b) => [
			httpRequest(
				'HTTP Request',
				{
					method: 'POST',
					url: `${b.sims.visio.apiBaseUrl}/entreprise/visio`,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'keypair',
					bodyParameters: { parameters: [{ name: 'name', value: '={{ $json.name }}' }] },
				},
				b.creds.visioHeader,
			),
		],
		measured: ['HTTP Request'],
		state: (b) => b.sims.visio.rooms.size,
		itemOk: (j) => Object.keys(j).length > 0,
	},
	// ---- Zijing Cloud: Meeting → Get ----
	{
		key: 'zijing-ours',
		scenario: 'Zijing Cloud Meeting → Get (GET)',
		label: 'Zijing Cloud node',
		peer: false,
		sim: (b) => b.sims.zijing,
		counted: { method: 'GET', path: '/api/getmeetinginfo' },
		nodes: (b) => [ours('zijingCloud', { resource: 'meeting', operation: 'get', conferenceKey: '8000000' }, { zijingCloudApi: b.creds.zijing })],
		measured: ['Node'],
		itemOk: (j) => j.name === '产品评审会议室',
	},
	{
		key: 'zijing-http',
		scenario: 'Zijing Cloud Meeting → Get (GET)',
		label: 'HTTP Request + Header Auth',
		peer: true,
		sim: (b) => b.sims.zijing,
		counted: { method: 'GET', path: '/api/getmeetinginfo' },
		nodes: (b) => [
			httpRequest(
				'HTTP Request',
				{
					method: 'GET',
					url: `${b.sims.zijing.url}/api/getmeetinginfo`,
					sendQuery: true,
					specifyQuery: 'keypair',
					queryParameters: { parameters: [{ name: 'addr', value: '8000000' }] },
				},
				b.creds.zijingHeader,
			),
		],
		measured: ['HTTP Request'],
		itemOk: (j) => j.code === 200 && j.name === '产品评审会议室',
	},
	// ---- Chat&Messenger: Message → Send ----
	{
		key: 'cam-ours',
		scenario: 'Chat&Messenger Message → Send (POST form)',
		label: 'Chat&Messenger node',
		peer: false,
		sim: (b) => b.sims.cam,
		counted: { method: 'POST', path: '/sendMessage' },
		nodes: (b) => [
			ours(
				'chatMessenger',
				{ resource: 'message', operation: 'send', sendTo: 'messenger', text: '={{ $json.text }}', recipients: 'user1@example.com' },
				{ chatMessengerApi: b.creds.cam },
			),
		],
		measured: ['Node'],
		state: (b) => b.sims.cam.messages.length,
		itemOk: (j) => j.sent === true,
	},
	{
		key: 'cam-http',
		scenario: 'Chat&Messenger Message → Send (POST form)',
		label: 'HTTP Request + Header Auth',
		peer: true,
		sim: (b) => b.sims.cam,
		counted: { method: 'POST', path: '/sendMessage' },
		nodes: (b) => [
			httpRequest(
				'HTTP Request',
				{
					method: 'POST',
					url: `${b.sims.cam.url}/sendMessage`,
					sendBody: true,
					contentType: 'form-urlencoded',
					specifyBody: 'keypair',
					bodyParameters: {
						parameters: [
							{
								name: 'message',
								value:
									'={{ JSON.stringify({ panelName: "messenger", message: $json.text, isOpened: false, generalPurposes: { users: "user1@example.com" } }) }}',
							},
						],
					},
				},
				b.creds.camHeader,
			),
		],
		measured: ['HTTP Request'],
		state: (b) => b.sims.cam.messages.length,
		itemOk: (j) => !('errors' in j),
	},
	// ---- YTX Telephony: Conference → Start Now ----
	{
		key: 'ytx-ours',
		scenario: 'YTX Conference → Start Now (signed POST)',
		label: 'YTX Telephony node',
		peer: false,
		sim: (b) => b.sims.ytx,
		counted: { method: 'POST', path: /^\/201612\/sid\/[^/]+\/call\/TeleMeeting\.wx$/ },
		nodes: (b) => [
			ours(
				'ytxTelephony',
				{
					resource: 'conference',
					operation: 'start',
					meetingName: '={{ $json.name }}',
					creator: YTX_CREATOR,
					participantsInput: 'list',
					participants: { participant: [YTX_PARTY] },
				},
				{ ytxTelephonyApi: b.creds.ytx },
			),
		],
		measured: ['Node'],
		state: (b) => b.sims.ytx.meetings.size,
		itemOk: (j) => typeof j.meid === 'string' || typeof j.meetingId === 'string',
	},
	{
		key: 'ytx-http',
		scenario: 'YTX Conference → Start Now (signed POST)',
		label: 'Code (MD5 signing) + HTTP Request',
		peer: true,
		sim: (b) => b.sims.ytx,
		counted: { method: 'POST', path: /^\/201612\/sid\/[^/]+\/call\/TeleMeeting\.wx$/ },
		nodes: (b) => [
			{
				name: 'Sign',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: ytxSignCode(b.sims.ytx.accountSid, b.sims.ytx.authToken) },
			},
			httpRequest('HTTP Request', {
				method: 'POST',
				url: `${b.sims.ytx.url}/201612/sid/${b.sims.ytx.accountSid}/call/TeleMeeting.wx`,
				sendQuery: true,
				specifyQuery: 'keypair',
				queryParameters: { parameters: [{ name: 'Sign', value: '={{ $json.sign }}' }] },
				sendHeaders: true,
				specifyHeaders: 'keypair',
				headerParameters: {
					parameters: [
						{ name: 'Authorization', value: '={{ $json.authorization }}' },
						{ name: 'Accept', value: 'application/json' },
					],
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ action: "createMeeting", appid: ${JSON.stringify(b.sims.ytx.appId)}, meetingname: $json.name, creator: "${YTX_CREATOR}", parties: JSON.stringify([${JSON.stringify(YTX_PARTY)}]), bookmeeting: "0", confid: "", booktime: "" }) }}`,
			}),
		],
		measured: ['Sign', 'HTTP Request'],
		state: (b) => b.sims.ytx.meetings.size,
		itemOk: (j) => j.statusCode === '0',
	},
	// ---- Zoom Meetings: Meeting → Create (the largest description) ----
	{
		key: 'zoom-create-ours',
		scenario: 'Zoom Meeting → Create (POST, largest node)',
		label: 'Zoom Meetings node (Server-to-Server OAuth)',
		peer: false,
		sim: (b) => b.sims.zoom,
		counted: { method: 'POST', path: '/v2/users/me/meetings' },
		nodes: (b) => [
			ours(
				'zoomMeetings',
				{
					authentication: 'serverToServerOAuth',
					resource: 'meeting',
					operation: 'create',
					userId: 'me',
					topic: '={{ $json.topic }}',
					type: 2,
					startTime: ZOOM_START,
					duration: 30,
					timezone: 'Asia/Tokyo',
				},
				{ zoomMeetingsServerToServerApi: b.creds.zoomS2S },
			),
		],
		measured: ['Node'],
		state: (b) => b.sims.zoom.meetings.size,
		itemOk: (j) => typeof j.id === 'number' && typeof j.join_url === 'string',
	},
	{
		key: 'zoom-create-http',
		scenario: 'Zoom Meeting → Create (POST, largest node)',
		label: 'HTTP Request + Header Auth (Bearer)',
		peer: true,
		sim: (b) => b.sims.zoom,
		counted: { method: 'POST', path: '/v2/users/me/meetings' },
		nodes: (b) => [
			httpRequest(
				'HTTP Request',
				{
					method: 'POST',
					url: `${b.sims.zoom.apiBaseUrl}/users/me/meetings`,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ topic: $json.topic, type: 2, start_time: "${ZOOM_START}", duration: 30, timezone: "Asia/Tokyo" }) }}`,
				},
				b.creds.zoomHeader,
			),
		],
		measured: ['HTTP Request'],
		state: (b) => b.sims.zoom.meetings.size,
		itemOk: (j) => typeof j.id === 'number' && typeof j.join_url === 'string',
	},
	// ---- Zoom Meetings: Meeting → Get ----
	{
		key: 'zoom-get-ours',
		scenario: 'Zoom Meeting → Get (GET, largest node)',
		label: 'Zoom Meetings node (Server-to-Server OAuth)',
		peer: false,
		sim: (b) => b.sims.zoom,
		counted: { method: 'GET', path: /^\/v2\/meetings\/\d+$/ },
		nodes: (b) => [
			ours(
				'zoomMeetings',
				{ authentication: 'serverToServerOAuth', resource: 'meeting', operation: 'get', meetingId: '={{ $json.meetingId }}' },
				{ zoomMeetingsServerToServerApi: b.creds.zoomS2S },
			),
		],
		measured: ['Node'],
		itemOk: (j) => typeof j.id === 'number' && typeof j.uuid === 'string',
		body: (b) => ({ ids: zoomIds(b) }),
	},
	{
		key: 'zoom-get-http',
		scenario: 'Zoom Meeting → Get (GET, largest node)',
		label: 'HTTP Request + Header Auth (Bearer)',
		peer: true,
		sim: (b) => b.sims.zoom,
		counted: { method: 'GET', path: /^\/v2\/meetings\/\d+$/ },
		nodes: (b) => [httpRequest('HTTP Request', { method: 'GET', url: `=${b.sims.zoom.apiBaseUrl}/meetings/{{ $json.meetingId }}` }, b.creds.zoomHeader)],
		measured: ['HTTP Request'],
		itemOk: (j) => typeof j.id === 'number' && typeof j.uuid === 'string',
		body: (b) => ({ ids: zoomIds(b) }),
	},
];

/** The secret each service takes in a header, as the hand-written header of the HTTP Request peer. */
const HEADERS: Record<string, (b: Bench) => { name: string; value: string }> = {
	'visio-http': (b) => ({ name: 'X-Token', value: b.sims.visio.apiKey }),
	'zijing-http': (b) => ({ name: 'auth', value: b.sims.zijing.publicKey }),
	'cam-http': (b) => ({ name: 'x-cam-apiToken', value: b.sims.cam.apiToken }),
	'zoom-create-http': (b) => ({ name: 'Authorization', value: `Bearer ${b.zoomBearer}` }),
	'zoom-get-http': (b) => ({ name: 'Authorization', value: `Bearer ${b.zoomBearer}` }),
};

/** Our nodes' default "Max Concurrent Requests" (nodes/<Provider>/shared/transport.ts). */
const DEFAULT_IN_FLIGHT: Record<string, number> = { visio: 5, zijing: 5, cam: 5, ytx: 2, zoom: 4 };

/** The header-only peer made from the Header Auth variant: same request, the secret typed into "Send Headers". */
function headerOnlyOf(v: Variant, header: (b: Bench) => { name: string; value: string }): Variant {
	return {
		...v,
		label: v.label.replace('Header Auth', 'hand-written header'),
		nodes: (b) =>
			v.nodes(b).map((n) => {
				if (n.type !== 'n8n-nodes-base.httpRequest') return n;
				// the same parameters without the credential
				const { authentication: _a, genericAuthType: _g, ...parameters } = n.parameters as Record<string, unknown>;
				return headerOnly(n.name, parameters, header(b));
			}),
	};
}

export const variants: Variant[] = declared.flatMap((v) => {
	const header = HEADERS[v.key];
	if (header) {
		return [
			headerOnlyOf(v, header),
			{ ...v, key: `${v.key}cred`, label: `${v.label} credential`, peer: false, reference: true },
		];
	}
	return [v.peer ? v : { ...v, inFlight: DEFAULT_IN_FLIGHT[v.key.split('-')[0]] }];
});

let seededIds: number[] | undefined;
function zoomIds(b: Bench): number[] {
	if (!seededIds) {
		seededIds = [];
		for (let i = 0; i < 200; i++) seededIds.push(b.sims.zoom.seedMeeting({ topic: `Seeded ${i}` }).id);
	}
	return seededIds;
}

interface Row {
	variant: Variant;
	cpuMs: number[];
	nodeMs: number[];
	wallMs: number[];
	maxInFlight: number[];
}

/** The same variant with "Max Concurrent Requests" set on our node. */
function withConcurrency(v: Variant, concurrency: number): Variant {
	return {
		...v,
		key: `${v.key}-c${concurrency}`,
		label: `${v.label}, Max Concurrent Requests ${concurrency}`,
		nodes: (b) =>
			v.nodes(b).map((n) =>
				n.name === 'Node' ? { ...n, parameters: { ...(n.parameters as object), requestOptions: { concurrency } } } : n,
			),
	};
}

/**
 * The HTTP Request node(s) of a variant with "Batching": `size` items, then a pause of `intervalMs`.
 * n8n's batching only spaces out the starts and never waits for answers (with interval 0 it bounds
 * nothing: the simulator saw all 200 requests in flight at once); a batch of N every "service latency"
 * milliseconds keeps about N in flight, the nearest the HTTP Request node comes to our bound.
 */
function withBatching(v: Variant, size: number, intervalMs: number): Variant {
	return {
		...v,
		key: `${v.key}-b${size}`,
		label: `${v.label}, batching ${size} every ${intervalMs} ms`,
		nodes: (b) =>
			v.nodes(b).map((n) => {
				if (n.type !== 'n8n-nodes-base.httpRequest') return n;
				const parameters = n.parameters as Record<string, unknown>;
				const options = { ...((parameters.options as object) ?? {}), batching: { batch: { batchSize: size, batchInterval: intervalMs } } };
				return { ...n, parameters: { ...parameters, options } };
			}),
	};
}

/** Deploys the variants, runs a warm-up and `rounds` alternating rounds; `latencyMs` delays every counted answer. */
async function measure(b: Bench, selected: Variant[], items: number, rounds: number, latencyMs: number, tag: string) {
	const ids = new Map<string, string>();
	for (const v of selected) {
		const key = `${v.key}${tag}`;
		ids.set(v.key, await deploy(b, webhookWorkflow(key, `${v.scenario} — ${v.label}${tag}`, { nodes: v.nodes(b) })));
	}
	const rows = new Map<string, Row>(selected.map((v) => [v.key, { variant: v, cpuMs: [], nodeMs: [], wallMs: [], maxInFlight: [] }]));

	const runOnce = async (v: Variant, record: boolean) => {
		const sim = v.sim(b);
		clearLog(sim);
		const c = v.counted;
		const matches = (r: { method: string; path: string }) =>
			!!c && r.method === c.method && (typeof c.path === 'string' ? r.path === c.path : c.path.test(r.path));
		if (latencyMs > 0 && c) sim.fail({ kind: 'delay', ms: latencyMs }, { times: items, match: matches });
		const before = v.state?.(b);
		const t = await timeWebhook(b, ids.get(v.key)!, `${v.key}${tag}`, { items, ...(v.body?.(b) ?? {}) }, v.measured);
		const problems: string[] = [];
		const counted = c ? sim.requests(c.method, c.path).length : items;
		if (t.status !== 200) problems.push(`webhook answered ${t.status}: ${t.text.slice(0, 300)}`);
		if (counted !== items) problems.push(`simulator received ${counted} requests, expected ${items}`);
		if (t.items !== items) problems.push(`workflow answered ${t.items} items, expected ${items}`);
		if (v.state && v.state(b) - before! !== items) problems.push(`service state changed by ${v.state(b) - before!}, expected ${items}`);
		const answered = JSON.parse(t.text) as Array<Record<string, any>>;
		const bad = answered.filter((j) => !v.itemOk(j));
		if (bad.length) problems.push(`${bad.length} unexpected items, e.g. ${JSON.stringify(bad[0]).slice(0, 300)}`);
		if (problems.length) throw new Error(`${v.key}${tag}: ${problems.join('; ')}`);
		if (record) {
			const row = rows.get(v.key)!;
			row.cpuMs.push(t.cpuMs);
			row.nodeMs.push(t.nodeMs);
			row.wallMs.push(t.wallMs);
			row.maxInFlight.push(sim.maxInFlight);
		}
		return t;
	};

	process.stderr.write(`[bench:nodes${tag}] warm-up (${items} items per run)\n`);
	for (const v of selected) await runOnce(v, false);
	for (let round = 1; round <= rounds; round++) {
		const order = round % 2 ? selected : [...selected].reverse();
		for (const v of order) await runOnce(v, true);
		process.stderr.write(
			`[bench:nodes${tag}] round ${round}/${rounds}: ${order.map((v) => `${v.key} ${rows.get(v.key)!.nodeMs.at(-1)!.toFixed(0)} ms`).join(', ')}\n`,
		);
	}
	return rows;
}

function table(selected: Variant[], rows: Map<string, Row>, items: number): string {
	const base = rows.get(BASELINE.key);
	const baseCpu = base ? median(base.cpuMs) : 0;
	const cpuPerItem = (r: Row) => (median(r.cpuMs) - baseCpu) / items;
	const lines = [
		`| operation (${items.toLocaleString('en')} items, 1 request each) | variant | node time | items/s | speed vs HTTP Request (node time) | CPU per item | speed vs HTTP Request (CPU) | wall (webhook) | maxInFlight |`,
		'|---|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	const scenarios = [...new Set(selected.filter((v) => v !== BASELINE).map((v) => v.scenario))];
	for (const scenario of scenarios) {
		const group = selected.filter((v) => v.scenario === scenario).map((v) => rows.get(v.key)!);
		const peer = group.find((r) => r.variant.peer);
		group.forEach((r, i) => {
			const ms = median(r.nodeMs);
			const ratio = peer && !r.variant.peer ? `**${(median(peer.nodeMs) / ms).toFixed(2)}×**` : '1.00×';
			const cpuRatio = base && peer && !r.variant.peer ? `**${(cpuPerItem(peer) / cpuPerItem(r)).toFixed(2)}×**` : base ? '1.00×' : '';
			lines.push(
				`| ${i === 0 ? scenario : ''} | ${r.variant.label} | ${fmtS(ms)} | ${(items / (ms / 1000)).toFixed(0)} | ${ratio} | ${base ? `${cpuPerItem(r).toFixed(2)} ms` : ''} | ${cpuRatio} | ${fmtS(median(r.wallMs))} | ${Math.max(...r.maxInFlight)} |`,
			);
		});
	}
	if (base) lines.push(`| baseline | ${BASELINE.label} | ${fmtS(median(base.nodeMs))} | | | CPU of the whole run: ${fmtS(baseCpu)} (subtracted) | | ${fmtS(median(base.wallMs))} | |`);
	return lines.join('\n');
}

/** Extra rows of the instant-answer table: our nodes at these "Max Concurrent Requests" beside their default. */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '').split(',').filter(Boolean).map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const LATENCY_ITEMS = Number(process.env.BENCH_LATENCY_ITEMS ?? 200);

export async function nodesVsHttpRequest(b: Bench): Promise<string> {
	const selected = variants.filter((v) => !ONLY.length || ONLY.some((o) => v.key.startsWith(o)));
	const instant = selected.flatMap((v) => (v.peer || v.reference ? [v] : [v, ...CONCURRENCY.map((c) => withConcurrency(v, c))]));
	const rows = await measure(b, [BASELINE, ...instant], ITEMS, ROUNDS, 0, '');
	const out = [
		`### ${process.env.BENCH_EXPERIMENT ? `EXPERIMENT ${process.env.BENCH_EXPERIMENT} (installed copy patched, see bench/common.ts) — ` : ''}Items per second: our nodes vs the HTTP Request node (${ITEMS.toLocaleString('en')} items, instant loopback answers, median of ${ROUNDS} rounds after a warm-up)`,
		'',
		table([BASELINE, ...instant], rows, ITEMS),
		'',
		'"node time" is n8n\'s execution time of the node(s) under test (for YTX\'s peer: the signing Code node + the HTTP Request node); "CPU per item" is the CPU time of the n8n process group (server + task runner) during the run, minus the baseline workflow\'s, per item; "speed vs HTTP Request" is the HTTP Request variant\'s figure divided by ours (above 1 = ours faster); "wall" is the webhook round trip including the item-making Code node and saving the execution.',
	];
	if (LATENCY_MS > 0) {
		const withLatency: Variant[] = [];
		for (const scenario of [...new Set(selected.map((v) => v.scenario))]) {
			const group = selected.filter((v) => v.scenario === scenario);
			const inFlight = group.find((v) => v.inFlight !== undefined)?.inFlight;
			for (const v of group) {
				if (v.reference) continue;
				if (!v.peer) {
					withLatency.push(v, withConcurrency(v, 50));
				} else if (inFlight !== undefined) {
					// the peer of this table: about the same number in flight as our default; n8n's unbounded fan-out beside it
					withLatency.push(withBatching(v, inFlight, LATENCY_MS), { ...v, key: `${v.key}-unbounded`, label: `${v.label}, no batching`, peer: false, reference: true });
				}
			}
		}
		const latencyRows = await measure(b, withLatency, LATENCY_ITEMS, 1, LATENCY_MS, '-latency');
		out.push(
			'',
			`### The same with ${LATENCY_MS} ms of service latency per request (${LATENCY_ITEMS} items, one run after a warm-up): the concurrency bound`,
			'',
			table(withLatency, latencyRows, LATENCY_ITEMS),
		);
	}
	return out.join('\n');
}

if (require.main === module) void standalone(nodesVsHttpRequest);
