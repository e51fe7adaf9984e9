/**
 * Zoom Meetings in the real n8n server, against the loopback Zoom simulator:
 *  1. Meeting → Get Many with Return All over BENCH_ZOOM_MEETINGS (10,000) meetings of one user:
 *     requests (page size 300) and time, next to the HTTP Request node paginating the same list with
 *     its own pagination option (`next_page_token`), which answers one item per page.
 *  2. OAuth2 with an expired access token, BENCH_ZOOM_AUTH_ITEMS (1,000) items of Meeting → Get:
 *     refresh calls (target 1 per expiry; Zoom rotates the refresh token, so a second refresh with the
 *     old one would fail), then again after the next expiry, then with the token still valid.
 *  3. Server-to-Server OAuth, same items: token calls on the first run (no token yet), on a second
 *     run in the same hour, and after the hour (the token has expired): target 1 per hour.
 *
 *   npm run bench:zoom       (BENCH_ZOOM_MEETINGS=10000 BENCH_ZOOM_AUTH_ITEMS=1000 BENCH_ROUNDS=3)
 */
import { nodeType } from '../scripts/n8n-lib';
import { clearLog, deploy, fmtS, median, standalone, timeWebhook, webhookWorkflow, type Bench } from './common';

const MEETINGS = Number(process.env.BENCH_ZOOM_MEETINGS ?? 10_000);
const AUTH_ITEMS = Number(process.env.BENCH_ZOOM_AUTH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGE_SIZE = 300;

const zoomNode = (b: Bench, auth: 'oAuth2' | 'serverToServerOAuth', credential: { id: string; name: string }, parameters: Record<string, unknown>) => ({
	name: 'Node',
	type: nodeType('zoomMeetings'),
	parameters: { authentication: auth, ...parameters },
	credentials: { [auth === 'oAuth2' ? 'zoomMeetingsOAuth2Api' : 'zoomMeetingsServerToServerApi']: credential },
});

async function returnAll(b: Bench): Promise<string> {
	const sim = b.sims.zoom;
	const user = sim.addUser({ email: 'bulk-host@example.com', first_name: 'Bulk' });
	for (let i = 0; i < MEETINGS; i++) sim.seedMeeting({ host_id: user.id, host_email: user.email, topic: `Bulk ${i}` });
	const listPath = `/v2/users/${user.id}/meetings`;
	const oursId = await deploy(
		b,
		webhookWorkflow('zoom-all-ours', 'Zoom Get Many Return All — Zoom Meetings node', {
			nodes: [zoomNode(b, 'serverToServerOAuth', b.creds.zoomS2S, { resource: 'meeting', operation: 'getAll', userId: user.id, returnAll: true })],
		}),
	);
	const peerId = await deploy(
		b,
		webhookWorkflow('zoom-all-http', 'Zoom Get Many Return All — HTTP Request pagination', {
			nodes: [
				{
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'GET',
						url: `${sim.apiBaseUrl}/users/${user.id}/meetings`,
						authentication: 'genericCredentialType',
						genericAuthType: 'httpHeaderAuth',
						sendQuery: true,
						specifyQuery: 'keypair',
						queryParameters: { parameters: [{ name: 'page_size', value: String(PAGE_SIZE) }] },
						options: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: { parameters: [{ type: 'qs', name: 'next_page_token', value: '={{ $response.body.next_page_token }}' }] },
									paginationCompleteWhen: 'other',
									completeExpression: '={{ !$response.body.next_page_token }}',
								},
							},
						},
					},
					credentials: { httpHeaderAuth: b.creds.zoomHeader },
				},
			],
		}),
	);
	const expectedRequests = Math.ceil(MEETINGS / PAGE_SIZE);
	const rows: Record<string, { ms: number[]; wall: number[]; requests: number; items: number; maxInFlight: number }> = {};
	const run = async (key: string, id: string, node: string, record: boolean) => {
		clearLog(sim);
		const t = await timeWebhook(b, id, key, { items: 1 }, [node]);
		const requests = sim.requests('GET', listPath);
		const answered = JSON.parse(t.text) as Array<Record<string, any>>;
		const meetings = key.endsWith('ours') ? answered.length : answered.reduce((n, page) => n + (page.meetings?.length ?? 0), 0);
		const problems: string[] = [];
		if (t.status !== 200) problems.push(`webhook answered ${t.status}: ${t.text.slice(0, 300)}`);
		if (requests.length !== expectedRequests) problems.push(`${requests.length} list requests, expected ${expectedRequests}`);
		if (meetings !== MEETINGS) problems.push(`${meetings} meetings answered, expected ${MEETINGS}`);
		if (key.endsWith('ours') && new Set(answered.map((m) => m.id)).size !== MEETINGS) problems.push('duplicate meetings');
		if (requests.some((r) => r.query.page_size !== String(PAGE_SIZE))) problems.push(`a page size other than ${PAGE_SIZE}: ${requests.map((r) => r.query.page_size).join(',')}`);
		if (problems.length) throw new Error(`${key}: ${problems.join('; ')}`);
		if (record) {
			const r = (rows[key] ??= { ms: [], wall: [], requests: requests.length, items: answered.length, maxInFlight: 0 });
			r.ms.push(t.nodeMs);
			r.wall.push(t.wallMs);
			r.maxInFlight = Math.max(r.maxInFlight, sim.maxInFlight);
		}
	};
	await run('zoom-all-ours', oursId, 'Node', false);
	await run('zoom-all-http', peerId, 'HTTP Request', false);
	for (let round = 1; round <= ROUNDS; round++) {
		const order: Array<[string, string, string]> = [
			['zoom-all-ours', oursId, 'Node'],
			['zoom-all-http', peerId, 'HTTP Request'],
		];
		for (const [key, id, node] of round % 2 ? order : order.reverse()) await run(key, id, node, true);
	}
	const line = (key: string, label: string) => {
		const r = rows[key];
		return `| ${label} | ${r.requests} | ${r.items.toLocaleString('en')} | ${fmtS(median(r.ms))} | ${Math.round(MEETINGS / (median(r.ms) / 1000)).toLocaleString('en')} | ${fmtS(median(r.wall))} | ${r.maxInFlight} |`;
	};
	return [
		`### Zoom: Meeting → Get Many, Return All over ${MEETINGS.toLocaleString('en')} meetings (page size ${PAGE_SIZE}, median of ${ROUNDS})`,
		'',
		`| variant | requests (target ${expectedRequests}) | items out | node time | meetings/s | wall (webhook) | maxInFlight |`,
		'|---|---:|---:|---:|---:|---:|---:|',
		line('zoom-all-ours', 'Zoom Meetings node, Return All'),
		line('zoom-all-http', 'HTTP Request node, pagination option (one item per page)'),
	].join('\n');
}

async function tokenCalls(b: Bench): Promise<string> {
	const sim = b.sims.zoom;
	const ids: number[] = [];
	for (let i = 0; i < 100; i++) ids.push(sim.seedMeeting({ topic: `Auth ${i}` }).id);
	const getPath = /^\/v2\/meetings\/\d+$/;
	const oauthId = await deploy(
		b,
		webhookWorkflow('zoom-oauth', 'Zoom OAuth2 refresh count', {
			nodes: [zoomNode(b, 'oAuth2', b.creds.zoomOAuth, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.meetingId }}' })],
		}),
	);
	const s2sId = await deploy(
		b,
		webhookWorkflow('zoom-s2s', 'Zoom Server-to-Server token count', {
			nodes: [zoomNode(b, 'serverToServerOAuth', b.creds.zoomS2SCount, { resource: 'meeting', operation: 'get', meetingId: '={{ $json.meetingId }}' })],
		}),
	);
	const lines = [
		`| credential, ${AUTH_ITEMS.toLocaleString('en')} items of Meeting → Get (4 in flight) | token calls | target | API requests (items + repeated after a 401) | node time | maxInFlight |`,
		'|---|---:|---:|---:|---:|---:|',
	];
	const run = async (label: string, key: string, id: string, grant: string, target: number, before?: () => void) => {
		before?.();
		clearLog(sim);
		const usedBefore = sim.usedRefreshTokens.size;
		const t = await timeWebhook(b, id, key, { items: AUTH_ITEMS, ids }, ['Node']);
		const answered = JSON.parse(t.text) as Array<Record<string, any>>;
		const calls = sim.requests('POST', '/oauth/token').filter((r) => (r.query.grant_type ?? r.form?.grant_type) === grant).length;
		const api = sim.requests('GET', getPath).length;
		const ok = t.status === 200 && answered.length === AUTH_ITEMS && answered.every((m) => typeof m.uuid === 'string');
		if (!ok) throw new Error(`${label}: webhook ${t.status}, ${answered.length} items: ${t.text.slice(0, 400)}`);
		const rotated = grant === 'refresh_token' ? ` (refresh tokens used: ${sim.usedRefreshTokens.size - usedBefore})` : '';
		lines.push(`| ${label} | ${calls}${rotated} | ${target} | ${api.toLocaleString('en')} | ${fmtS(t.nodeMs)} | ${sim.maxInFlight} |`);
		process.stderr.write(`[bench:zoom] ${label}: ${calls} token calls, ${api} API requests\n`);
	};
	await run('OAuth2, access token expired (1st expiry)', 'zoom-oauth', oauthId, 'refresh_token', 1, () => sim.advance(3601));
	await run('OAuth2, access token valid (same hour)', 'zoom-oauth', oauthId, 'refresh_token', 0);
	await run('OAuth2, access token expired again (rotated refresh token)', 'zoom-oauth', oauthId, 'refresh_token', 1, () => sim.advance(3601));
	await run('Server-to-Server, no token yet', 'zoom-s2s', s2sId, 'account_credentials', 1);
	await run('Server-to-Server, same hour', 'zoom-s2s', s2sId, 'account_credentials', 0);
	await run('Server-to-Server, one hour later (token expired)', 'zoom-s2s', s2sId, 'account_credentials', 1, () => sim.advance(3601));
	await run('Server-to-Server, same hour again', 'zoom-s2s', s2sId, 'account_credentials', 0);
	return [
		`### Zoom: token calls in the real n8n (${AUTH_ITEMS.toLocaleString('en')} items per run; the simulator's clock is moved on by an hour where it says "expired")`,
		'',
		lines.join('\n'),
	].join('\n');
}

export async function zoomBench(b: Bench): Promise<string> {
	return [await returnAll(b), await tokenCalls(b)].join('\n\n');
}

if (require.main === module) void standalone(zoomBench);
