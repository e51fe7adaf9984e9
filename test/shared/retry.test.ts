/**
 * The executor's send path with a recorded `sleep` (no real waiting, no timing assertion): what it
 * waits after a 429 (Retry-After in seconds or as an HTTP date, capped; 1 s, 2 s, 4 s without it),
 * that nothing else is retried, and the timeout each request carries.
 */
import { Readable } from 'node:stream';

import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../../nodes/shared/http';
import { MAX_RETRY_AFTER_MS, sendWithRetry, type ProviderSettings, type RunContext } from '../../nodes/shared/executor';
import { SecretMask } from '../../nodes/shared/secrets';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));
const slept = sleep as jest.MockedFunction<typeof sleep>;

const node = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const settings: ProviderSettings = { service: 'Svc', credentialType: () => 'svcApi', secretFields: [], defaultConcurrency: 2 };

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A run whose request helper gives the answers in turn (the last one again when they run out). */
function runWith(answers: Answer[], timeout = DEFAULT_TIMEOUT_MS, more: Partial<RunContext> = {}, withCancelSignal = true) {
	const cancel = new AbortController();
	const sent: IHttpRequestOptions[] = [];
	const signals: Array<AbortSignal | undefined> = [];
	const helper = jest.fn(async function (this: IExecuteFunctions, _type: string, options: IHttpRequestOptions) {
		sent.push(options);
		signals.push(this.getExecutionCancelSignal());
		const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
		if (answer.status >= 300) {
			throw Object.assign(new Error(`Request failed with status code ${answer.status}`), {
				response: { status: answer.status, headers: answer.headers, data: answer.body ?? '' },
			});
		}
		const body = typeof answer.body === 'function' ? (answer.body as () => unknown)() : (answer.body ?? {});
		return { statusCode: answer.status, headers: answer.headers ?? {}, body };
	});
	const ctx = {
		getNode: () => node,
		...(withCancelSignal ? { getExecutionCancelSignal: () => cancel.signal } : {}),
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
		node,
		...more,
	};
	return { run, sent, signals, cancel };
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

describe('what the send path passes on and reads back', () => {
	test('the request’s own headers, the proxy and the certificate option of the run', async () => {
		const proxy = { host: 'proxy.local', port: 3128, protocol: 'http' };
		const { run, sent } = runWith([ok], DEFAULT_TIMEOUT_MS, { proxy, skipSslCertificateValidation: true });
		await sendWithRetry(run, { ...request, headers: { 'X-Own': 'v' } }, 0);
		expect(sent[0]).toMatchObject({ headers: { 'X-Own': 'v' }, proxy, skipSslCertificateValidation: true });
		const plain = runWith([ok], DEFAULT_TIMEOUT_MS, {}, false);
		await sendWithRetry(plain.run, request, 0);
		expect(plain.sent[0]).toEqual({
			...request,
			headers: {},
			returnFullResponse: true,
			timeout: DEFAULT_TIMEOUT_MS,
			encoding: 'stream',
			disableFollowRedirect: true,
		});
	});

	test('the credential’s allowed domains: another host refused before anything is sent, its own host reached', async () => {
		const refused = runWith([ok], DEFAULT_TIMEOUT_MS, { allowedDomains: 'api.example.com' });
		const error = await sendWithRetry(refused.run, request, 4).catch((e: unknown) => e as Error);
		expect((error as Error).message).toMatch(/^Svc: .*svc\.invalid.* \(nothing was sent\) \(item 4\)$/);
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(4);
		expect(refused.sent).toEqual([]);
		const allowed = runWith([ok], DEFAULT_TIMEOUT_MS, { allowedDomains: 'svc.invalid' });
		await sendWithRetry(allowed.run, request, 0);
		expect(allowed.sent[0].allowedDomains).toBe('svc.invalid');
	});

	test('a streamed answer is read and parsed; a download or a chosen encoding is left as it came', async () => {
		const stream = () => Readable.from([Buffer.from('{"id":'), Buffer.from('8}')]);
		const { run } = runWith([{ status: 200, body: stream }]);
		expect((await sendWithRetry(run, request, 0)).body).toEqual({ id: 8 });
		const text = runWith([{ status: 200, body: () => Readable.from([Buffer.from('plain text')]) }]);
		expect((await sendWithRetry(text.run, request, 0)).body).toBe('plain text');
		const download = runWith([{ status: 200, body: stream }]);
		expect((await sendWithRetry(download.run, request, 0, { download: true })).body).toBeInstanceOf(Readable);
		const encoded = runWith([{ status: 200, body: stream }]);
		expect((await sendWithRetry(encoded.run, { ...request, encoding: 'arraybuffer' }, 0)).body).toBeInstanceOf(Readable);
	});

	test('an answer larger than Max Response Size, and one cut off, fail with what happened', async () => {
		const big = runWith([{ status: 200, body: () => Readable.from([Buffer.alloc(800, 'a'), Buffer.alloc(800, 'b')]) }], DEFAULT_TIMEOUT_MS, {
			maxResponseBytes: 1024,
		});
		const tooLarge = await sendWithRetry(big.run, request, 0).catch((e: unknown) => e as Error);
		expect((tooLarge as Error).message).toBe('Svc: the answer is larger than 0 MB and was not read — the service may have done it: check before retrying (item 0)');
		const cut = runWith([
			{
				status: 200,
				body: () =>
					Readable.from(
						(async function* () {
							yield Buffer.from('{"id":');
							throw new Error('aborted');
						})(),
					),
			},
		]);
		const cutOff = await sendWithRetry(cut.run, { ...request, method: 'GET' }, 0).catch((e: unknown) => e as Error);
		expect((cutOff as Error).message).toBe('Svc: the connection was dropped while the answer (HTTP 200) was arriving (item 0)');
	});

	/** The error text of `options` sent on a run whose every request fails with the network error `code`. */
	const networkFailure = async (code: string, message: string, options: IHttpRequestOptions, { timeout = DEFAULT_TIMEOUT_MS, itemIndex = 0 } = {}) => {
		const { run } = runWith([ok], timeout);
		run.ctx.helpers.httpRequestWithAuthentication = (async () => {
			throw Object.assign(new Error(message), { code });
		}) as never;
		return sendWithRetry(run, options, itemIndex).then(
			() => 'no error',
			(e: unknown) => (e as Error).message,
		);
	};

	test('a network failure is worded with the run’s timeout, and a read-only request is not said to have been done', async () => {
		const failing = (method: 'GET' | 'POST', timeout: number) =>
			networkFailure('ECONNABORTED', 'timeout of 4500ms exceeded', { ...request, method }, { timeout, itemIndex: 1 });
		expect(await failing('POST', 4500)).toBe('Svc: no answer within 4.5 s (request timed out) — the service may have done it: check before retrying (item 1)');
		expect(await failing('GET', 4500)).toBe('Svc: no answer within 4.5 s (request timed out) (item 1)');
	});

	test('a request without a method is a GET, and a HEAD only reads: neither is said to have been done', async () => {
		const dropped = (options: IHttpRequestOptions) => networkFailure('ECONNRESET', 'socket hang up', options);
		const { method: _method, ...withoutMethod } = request;
		expect(await dropped(withoutMethod)).toBe('Svc: the connection was dropped before an answer arrived (item 0)');
		expect(await dropped({ ...request, method: 'HEAD' })).toBe('Svc: the connection was dropped before an answer arrived (item 0)');
		expect(await dropped({ ...request, method: 'DELETE' })).toBe(
			'Svc: the connection was dropped before an answer arrived — the service may have done it: check before retrying (item 0)',
		);
	});

	test('a redirect is named by its host, resolved against the address the request went to', async () => {
		const redirected = async (options: IHttpRequestOptions) => {
			const { run } = runWith([{ status: 302, headers: { location: '/sign-in' } }]);
			return ((await sendWithRetry(run, { ...options, method: 'GET' }, 0).catch((e: unknown) => e)) as Error).message;
		};
		const named = (host: string) => `Svc error 302: the service answered with a redirect to ${host}, which is not followed: the credential is only sent to the address configured in it (item 0)`;
		// an absolute URL goes where it says, whatever the base URL
		expect(await redirected({ baseURL: 'https://api.example.com/v2', url: 'https://files.example.net/rec/1' })).toBe(named('files.example.net'));
		expect(await redirected({ url: 'HTTPS://files.example.net/rec/1' })).toBe(named('files.example.net'));
		// a path joins the base URL, even with an address in its query
		expect(await redirected({ baseURL: 'https://api.example.com/v2', url: '/go?to=https://files.example.net/' })).toBe(named('api.example.com'));
	});

	test('a request started after the execution was stopped goes out with its signal already aborted', async () => {
		const { run, signals, cancel } = runWith([ok]);
		cancel.abort();
		await sendWithRetry(run, request, 0);
		expect(signals[0]?.aborted).toBe(true);
	});

	test('values made when the request is signed are masked in its error', async () => {
		const { run } = runWith([{ status: 500, body: { echo: 'Sign=SIGNED-VALUE-123 for acc-1' } }], DEFAULT_TIMEOUT_MS, {
			credentials: { accountSid: 'acc-1-sid' },
			settings: {
				...settings,
				requestSecrets: (credentials) => [`SIGNED-VALUE-${String(credentials.accountSid).replace('acc-1-sid', '123')}`],
			},
		});
		const error = await sendWithRetry(run, request, 0).catch((e: unknown) => e as Error);
		expect((error as { description?: string }).description).toBe('{"echo":"Sign=*** for acc-1"}');
		// without a credential nothing is signed
		const unsigned = runWith([{ status: 500, body: { echo: 'x' } }], DEFAULT_TIMEOUT_MS, {
			settings: { ...settings, requestSecrets: (credentials) => [String(credentials.accountSid)] },
		});
		expect(((await sendWithRetry(unsigned.run, request, 0).catch((e: unknown) => e)) as Error).message).toBe('Svc error 500: the server failed (HTTP 500)');
	});
});

test('the request listens to the execution’s cancel signal while it is under way, and no longer after', async () => {
	let stop = () => {};
	const { run, signals, cancel } = runWith([
		{
			status: 200,
			body: () => {
				stop();
				return { id: 7 };
			},
		},
	]);
	stop = () => cancel.abort();
	await sendWithRetry(run, request, 0);
	expect(signals[0]?.aborted).toBe(true);
	const done = runWith([ok]);
	await sendWithRetry(done.run, request, 0);
	done.cancel.abort();
	expect(done.signals[0]?.aborted).toBe(false);
	const without = runWith([ok], DEFAULT_TIMEOUT_MS, {}, false);
	await sendWithRetry(without.run, request, 0);
	expect(without.signals[0]?.aborted).toBe(false);
});
