/**
 * The executor's send path with a recorded `sleep` (no real waiting, no timing assertion): what it
 * waits after a 429 (Retry-After in seconds or as an HTTP date, capped; 1 s, 2 s, 4 s without it),
 * that nothing else is retried, and the timeout each request carries.
 */
import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import {
	DEFAULT_TIMEOUT_MS,
	MAX_RETRY_AFTER_MS,
	sendWithRetry,
	type ProviderSettings,
	type RunContext,
} from '../../nodes/shared/executor';
import { SecretMask } from '../../nodes/shared/secrets';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));
const slept = sleep as jest.MockedFunction<typeof sleep>;

const node = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const settings: ProviderSettings = { service: 'Svc', credentialType: () => 'svcApi', secretFields: [], defaultConcurrency: 2 };

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A run whose request helper gives the answers in turn (the last one again when they run out). */
function runWith(answers: Answer[], timeout = DEFAULT_TIMEOUT_MS) {
	const sent: IHttpRequestOptions[] = [];
	const helper = jest.fn(async (_type: string, options: IHttpRequestOptions) => {
		sent.push(options);
		const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
		if (answer.status >= 400) {
			throw Object.assign(new Error(`Request failed with status code ${answer.status}`), {
				response: { status: answer.status, headers: answer.headers ?? {}, data: answer.body ?? '' },
			});
		}
		return { statusCode: answer.status, headers: answer.headers ?? {}, body: answer.body ?? {} };
	});
	const ctx = {
		getNode: () => node,
		getExecutionCancelSignal: () => undefined,
		helpers: { httpRequestWithAuthentication: helper },
	} as unknown as IExecuteFunctions;
	const run: RunContext = {
		ctx,
		settings,
		credentialType: 'svcApi',
		mask: new SecretMask(),
		timeout,
		maxResponseBytes: 1024,
		fixedParameters: new Map(),
	};
	return { run, sent };
}

const request: IHttpRequestOptions = { method: 'POST', url: 'http://svc.invalid/things', body: { a: 1 } };
const tooMany = (headers?: Record<string, string>): Answer => ({ status: 429, headers, body: { message: 'slow down' } });
const ok: Answer = { status: 200, body: { id: 7 } };
const waits = () => slept.mock.calls.map(([ms]) => ms);

beforeEach(() => slept.mockClear());
afterEach(() => jest.restoreAllMocks());

describe('a 429 is retried after the wait the service asks for', () => {
	test.each([
		['30', 30_000],
		['1', 1_000],
		['0.5', 500],
		['0', 0],
		['60', 60_000],
	])('Retry-After: %s → waits %d ms, then sends again', async (retryAfter, ms) => {
		const { run, sent } = runWith([tooMany({ 'retry-after': retryAfter }), ok]);
		const response = await sendWithRetry(run, request, 0);
		expect(response.body).toEqual({ id: 7 });
		expect(waits()).toEqual([ms]);
		expect(sent).toHaveLength(2);
	});

	test('a longer Retry-After is capped at 60 s', async () => {
		expect(MAX_RETRY_AFTER_MS).toBe(60_000);
		const { run } = runWith([tooMany({ 'retry-after': '3600' }), tooMany({ 'retry-after': '61' }), ok]);
		await sendWithRetry(run, request, 0);
		expect(waits()).toEqual([60_000, 60_000]);
	});

	test('a negative Retry-After waits nothing', async () => {
		const { run } = runWith([tooMany({ 'retry-after': '-5' }), ok]);
		await sendWithRetry(run, request, 0);
		expect(waits()).toEqual([0]);
	});

	test('Retry-After as an HTTP date: waits until then, capped, and not at all for a date passed', async () => {
		const now = Date.parse('2026-12-04T10:00:00Z');
		jest.spyOn(Date, 'now').mockReturnValue(now);
		const at = (ms: number) => new Date(now + ms).toUTCString();
		const { run, sent } = runWith([
			tooMany({ 'retry-after': at(20_000) }),
			tooMany({ 'retry-after': at(10 * 60_000) }),
			tooMany({ 'retry-after': at(-30_000) }),
			ok,
		]);
		const response = await sendWithRetry(run, request, 0);
		expect(response.statusCode).toBe(200);
		expect(waits()).toEqual([20_000, 60_000, 0]);
		expect(sent).toHaveLength(4);
	});

	test('a Retry-After that is neither seconds nor a date counts as absent', async () => {
		const { run } = runWith([tooMany({ 'retry-after': 'soon' }), ok]);
		await sendWithRetry(run, request, 0);
		expect(waits()).toEqual([1_000]);
	});
});

describe('without Retry-After', () => {
	test('waits 1 s, 2 s, 4 s, then fails the item with the 429 (four requests in all)', async () => {
		const { run, sent } = runWith([tooMany()]);
		const error = await sendWithRetry(run, request, 3).catch((e: unknown) => e as Error);
		expect(waits()).toEqual([1_000, 2_000, 4_000]);
		expect(sent).toHaveLength(4);
		expect((error as Error).message).toBe(
			'Svc error 429: too many requests (rate limit); try again later or lower "Max Concurrent Requests"',
		);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(3);
	});

	test('the third retry succeeding ends it', async () => {
		const { run, sent } = runWith([tooMany(), tooMany(), tooMany(), ok]);
		const response = await sendWithRetry(run, request, 0);
		expect(response.body).toEqual({ id: 7 });
		expect(waits()).toEqual([1_000, 2_000, 4_000]);
		expect(sent).toHaveLength(4);
	});

	test('the Retry-After of each answer decides its own wait', async () => {
		const { run } = runWith([tooMany(), tooMany({ 'retry-after': '7' }), tooMany(), ok]);
		await sendWithRetry(run, request, 0);
		expect(waits()).toEqual([1_000, 7_000, 4_000]);
	});
});

describe('nothing else is retried', () => {
	test.each([500, 502, 503, 400, 401, 404, 409])('HTTP %d: one request, no wait', async (status) => {
		const { run, sent } = runWith([{ status, headers: { 'retry-after': '1' }, body: { message: 'no' } }, ok]);
		const error = await sendWithRetry(run, request, 0).catch((e: unknown) => e as Error);
		expect((error as Error).message).toMatch(new RegExp(`^Svc error ${status}: `));
		expect(sent).toHaveLength(1);
		expect(waits()).toEqual([]);
	});
});

describe('every request carries its timeout', () => {
	test('the run’s timeout (30 s by default), unless the request sets its own', async () => {
		expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
		const { run, sent } = runWith([ok]);
		await sendWithRetry(run, request, 0);
		await sendWithRetry(run, { ...request, timeout: 1234 }, 0);
		expect(sent.map((options) => options.timeout)).toEqual([30_000, 1234]);
		const custom = runWith([ok], 4500);
		await sendWithRetry(custom.run, request, 0);
		expect(custom.sent[0].timeout).toBe(4500);
	});

	test('an API call does not follow redirects; a download does, without the credential elsewhere', async () => {
		const { run, sent } = runWith([ok]);
		await sendWithRetry(run, request, 0);
		await sendWithRetry(run, request, 0, { download: true });
		expect(sent[0]).toMatchObject({ disableFollowRedirect: true, returnFullResponse: true, encoding: 'stream' });
		expect(sent[0].sendCredentialsOnCrossOriginRedirect).toBeUndefined();
		expect(sent[1]).toMatchObject({ sendCredentialsOnCrossOriginRedirect: false, returnFullResponse: true });
		expect(sent[1].disableFollowRedirect).toBeUndefined();
	});
});
