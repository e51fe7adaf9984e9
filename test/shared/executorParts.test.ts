/**
 * The executor's parts that decide what a user sees, tested directly (no timing): the pool that keeps
 * "Max Concurrent Requests", the Request Options' bounds and defaults, how a failed exchange is read
 * and the error text made of it.
 */
import { Readable } from 'node:stream';

import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import {
	BodyTimeout,
	CutOff,
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_TIMEOUT_MS,
	Deadlines,
	duration,
	httpError,
	isStream,
	readCapped,
	readHttpFailure,
	TooLarge,
	type HttpFailure,
} from '../../nodes/shared/http';
import { readRequestOptions, runPool, type ProviderSettings } from '../../nodes/shared/executor';
import { SecretMask } from '../../nodes/shared/secrets';

const node = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const settings: ProviderSettings = { service: 'Svc', credentialType: () => 'svcApi', secretFields: [], defaultConcurrency: 5 };

describe('runPool', () => {
	/** Workers that finish only when told: records how many run at once and in which order they start. */
	function gated(count: number, limit: number, stopOnError = false, failing: number[] = []) {
		const started: number[] = [];
		const release: Array<() => void> = [];
		let running = 0;
		let most = 0;
		const done = runPool(
			count,
			limit,
			async (index) => {
				started.push(index);
				running++;
				most = Math.max(most, running);
				await new Promise<void>((resolve) => release.push(resolve));
				running--;
				if (failing.includes(index)) throw new Error(`item ${index} failed`);
				return index * 10;
			},
			stopOnError,
		);
		const flush = async () => {
			for (let i = 0; i < 5; i++) await Promise.resolve();
		};
		return { started, release, done, flush, most: () => most };
	}

	test('at most `limit` at once, started in item order, results in item order', async () => {
		const pool = gated(5, 2);
		await pool.flush();
		expect(pool.started).toEqual([0, 1]);
		while (pool.started.length < 5 || pool.release.length) {
			pool.release.shift()?.();
			await pool.flush();
		}
		expect(pool.started).toEqual([0, 1, 2, 3, 4]);
		expect(pool.most()).toBe(2);
		expect(await pool.done).toEqual([0, 10, 20, 30, 40].map((value) => ({ ok: true, value })));
	});

	test('a limit above the item count runs them all at once; no items runs nothing', async () => {
		const pool = gated(3, 50);
		await pool.flush();
		expect(pool.started).toEqual([0, 1, 2]);
		pool.release.forEach((release) => release());
		expect(await pool.done).toHaveLength(3);
		expect(await runPool(0, 5, async () => 1, false)).toEqual([]);
	});

	test('stop on error: nothing new starts after a failure; without it every item runs', async () => {
		const stopping = gated(4, 1, true, [1]);
		while (stopping.release.length) {
			stopping.release.shift()!();
			await stopping.flush();
		}
		const results = await stopping.done;
		expect(stopping.started).toEqual([0, 1]);
		expect(results[0]).toEqual({ ok: true, value: 0 });
		expect(results[1]).toMatchObject({ ok: false, error: { message: 'item 1 failed' } });
		expect(results).toHaveLength(4);
		expect(results.slice(2)).toEqual([undefined, undefined]);

		const going = gated(3, 1, false, [0]);
		while (going.release.length) {
			going.release.shift()!();
			await going.flush();
		}
		expect((await going.done).map((r) => r?.ok)).toEqual([false, true, true]);
	});
});

describe('readRequestOptions', () => {
	const reading = (requestOptions: Record<string, unknown> | undefined) =>
		({
			getNode: () => node,
			getNodeParameter: (_name: string, _index: number, fallback: unknown) => requestOptions ?? fallback,
		}) as unknown as IExecuteFunctions;

	test('defaults: the provider’s concurrency, 30 s, 10 MB, no proxy, certificates checked', () => {
		expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
		expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
		expect(readRequestOptions(reading(undefined), settings)).toEqual({
			concurrency: 5,
			timeout: 30_000,
			maxResponseBytes: 10 * 1024 * 1024,
			proxy: undefined,
			skipSslCertificateValidation: false,
		});
	});

	test('the user’s values, at the bounds', () => {
		const options = readRequestOptions(reading({ concurrency: 50, timeout: 1, maxResponseSize: 0.5, allowUnauthorizedCerts: true }), settings);
		expect(options).toMatchObject({ concurrency: 50, timeout: 1, maxResponseBytes: 524_288, skipSslCertificateValidation: true });
		expect(readRequestOptions(reading({ concurrency: 1 }), settings).concurrency).toBe(1);
	});

	test.each([
		[{ concurrency: 0 }, '"Max Concurrent Requests" must be a whole number from 1 to 50, got 0'],
		[{ concurrency: 51 }, '"Max Concurrent Requests" must be a whole number from 1 to 50, got 51'],
		[{ concurrency: 2.5 }, '"Max Concurrent Requests" must be a whole number from 1 to 50, got 2.5'],
		[{ timeout: 0 }, '"Timeout" must be a positive number of milliseconds, got 0'],
		[{ timeout: 0.5 }, '"Timeout" must be a positive number of milliseconds, got 0.5'],
		[{ timeout: 'soon' }, '"Timeout" must be a positive number of milliseconds, got soon'],
		[{ maxResponseSize: 0 }, '"Max Response Size" must be a positive number of megabytes, got 0'],
		[{ maxResponseSize: -1 }, '"Max Response Size" must be a positive number of megabytes, got -1'],
		[{ maxResponseSize: 'big' }, '"Max Response Size" must be a positive number of megabytes, got big'],
	])('refuses %j', (options, message) => {
		expect(() => readRequestOptions(reading(options), settings)).toThrow(new NodeOperationError(node, message));
	});

	test('a proxy URL with host, port and credentials', () => {
		expect(readRequestOptions(reading({ proxy: 'http://us%40r:p%3Ass@proxy.local:3128' }), settings).proxy).toEqual({
			host: 'proxy.local',
			port: 3128,
			protocol: 'http',
			auth: { username: 'us@r', password: 'p:ss' },
		});
		expect(readRequestOptions(reading({ proxy: 'https://proxy.local:8443' }), settings).proxy).toEqual({ host: 'proxy.local', port: 8443, protocol: 'https' });
	});

	test.each([
		['http://proxy.local', 'port'],
		['not a url', 'host'],
	])('refuses the proxy %p, naming what is missing', (proxy, missing) => {
		let error: NodeOperationError | undefined;
		try {
			readRequestOptions(reading({ proxy }), settings);
		} catch (e) {
			error = e as NodeOperationError;
		}
		expect(error?.message).toBe('The proxy is not valid');
		expect(error?.description).toBe(`The proxy URL does not contain a valid value for "${missing}"`);
	});
});

describe('duration', () => {
	test.each([
		[300, '300 ms'],
		[999, '999 ms'],
		[1000, '1 s'],
		[1250, '1.3 s'],
		[30_000, '30 s'],
	])('%d ms reads %s', (ms, text) => expect(duration(ms)).toBe(text));
});

describe('readHttpFailure', () => {
	test('an HTTP failure: status, headers and the body parsed from a buffer or text', async () => {
		const failure = await readHttpFailure({
			response: { status: 503, headers: { 'retry-after': '3' }, data: Buffer.from('{"message":"down"}') },
		});
		expect(failure).toEqual({ status: 503, headers: { 'retry-after': '3' }, body: { message: 'down' }, sent: true, sentSecrets: [] });
		expect((await readHttpFailure({ response: { status: 502, body: '<html>bad gateway</html>' } })).body).toBe('<html>bad gateway</html>');
		// a body n8n hands over as text (a request with its own encoding) is parsed when it is JSON
		expect((await readHttpFailure({ response: { status: 400, data: '{"code":"E1","message":"bad"}' } })).body).toEqual({ code: 'E1', message: 'bad' });
	});

	test('the values the credential added, from a transport error wrapped by n8n, never the plain headers', async () => {
		const wrapped = {
			cause: {
				response: { status: 401, data: '' },
				config: {
					headers: {
						Authorization: 'Bearer  tok-123456',
						'X-Key': 'team Basic 42',
						'X-Count': 3,
						'Content-Type': 'application/json',
						Accept: 'application/json',
						'Content-Length': '12',
						'User-Agent': 'n8n',
						'Accept-Encoding': 'gzip',
						Connection: 'keep-alive',
						Host: 'svc.example.com',
						'X-Own': 'mine',
					},
					params: { Sign: 'ABCDEF', page: '1', limit: 50 },
					auth: { password: 'pw-secret' },
				},
			},
		};
		const failure = await readHttpFailure(wrapped, { url: '/x', headers: { 'X-Own': 'mine' }, qs: { page: '1' } });
		expect(failure.status).toBe(401);
		// the scheme word is dropped only at the start of a value, however many spaces follow it
		expect(failure.sentSecrets).toEqual(['Bearer  tok-123456', 'tok-123456', 'team Basic 42', 'team Basic 42', 'ABCDEF', 'pw-secret']);
		// a download reads its failure without the request it sent: every added header counts
		expect((await readHttpFailure(wrapped)).sentSecrets).toEqual(['Bearer  tok-123456', 'tok-123456', 'team Basic 42', 'team Basic 42', 'mine', 'mine', 'ABCDEF', '1', 'pw-secret']);
	});

	test('a failed answer’s body as n8n hands it, a stream: JSON parsed, text kept, read up to 64 KB', async () => {
		const streamed = async (...chunks: Array<Buffer | string>) =>
			(await readHttpFailure({ response: { status: 400, data: Readable.from(chunks) } })).body;
		expect(await streamed(Buffer.from('{"code":"E'), Buffer.from('1","message":"bad"}'))).toEqual({ code: 'E1', message: 'bad' });
		expect(await streamed('<html>Bad ', 'Request</html>')).toBe('<html>Bad Request</html>');
		expect(await streamed()).toBe('');
		const huge = await streamed('a'.repeat(40_000), 'b'.repeat(40_000), 'c'.repeat(40_000));
		expect(huge).toBe(`${'a'.repeat(40_000)}${'b'.repeat(64 * 1024 - 40_000)}`);
		// a body that breaks off is read as none
		const broken = new Readable({ read() {} });
		broken.push('{"code":');
		setImmediate(() => broken.destroy(new Error('aborted')));
		expect((await readHttpFailure({ response: { status: 502, data: broken } })).body).toBe('');
	});

	test('an answer without headers, or headers that are not an object, or a null body, is read without them', async () => {
		expect(await readHttpFailure({ response: { status: 500, body: null } })).toStrictEqual({ status: 500, body: null, headers: undefined, sent: true, sentSecrets: [] });
		expect((await readHttpFailure({ response: { status: 500, headers: 'x-a: 1', data: {} } })).headers).toBeUndefined();
		expect((await readHttpFailure({ response: { status: 500, data: { code: 7 } } })).body).toEqual({ code: 7 });
	});

	test('the error n8n wraps is read through its cause only when the cause carries the answer or a code', async () => {
		const wrapper = (cause: unknown) => Object.assign(new Error('wrapped'), { response: { status: 418, data: 'outer' }, cause });
		expect((await readHttpFailure(wrapper({ response: { status: 503, data: 'inner' } }))).status).toBe(503);
		expect((await readHttpFailure(wrapper({ code: 'ECONNRESET', message: 'inner' }))).networkCode).toBe('ECONNRESET');
		expect((await readHttpFailure(wrapper({ message: 'only words' }))).status).toBe(418);
		expect((await readHttpFailure(wrapper('a text'))).status).toBe(418);
	});

	test('something thrown that is not an error is a failure without details, not a crash', async () => {
		expect(await readHttpFailure(undefined)).toEqual({ sent: true, sentSecrets: [] });
		expect(await readHttpFailure(null)).toEqual({ sent: true, sentSecrets: [] });
	});

	test('the executor’s own failures: too large, body past its deadline, cut off while arriving', async () => {
		expect(await readHttpFailure(new TooLarge(2048))).toStrictEqual({ tooLarge: 2048, sent: true });
		expect(await readHttpFailure(new BodyTimeout())).toStrictEqual({ networkCode: 'ETIMEDOUT', sent: true });
		expect(await readHttpFailure(new CutOff(201))).toStrictEqual({ networkCode: 'ECONNRESET', cutOffAfter: 201, sent: true });
	});

	test.each([
		['ECONNREFUSED', false],
		['ENOTFOUND', false],
		['EAI_AGAIN', false],
		['EHOSTUNREACH', false],
		['ENETUNREACH', false],
		['ERR_INVALID_URL', false],
		['ERR_BAD_OPTION_VALUE', false],
		['ECONNRESET', true],
		['ETIMEDOUT', true],
	])('a network failure %s: sent %p', async (code, sent) => {
		expect(await readHttpFailure(Object.assign(new Error(`net ${code}`), { code }))).toEqual({
			networkCode: code,
			networkMessage: `net ${code}`,
			sent,
			sentSecrets: [],
		});
	});
});

describe('readCapped: a streamed answer read up to the cap and the deadline', () => {
	const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

	test('an answer of exactly the cap is read whole; one byte more is too large, and the connection is closed', async () => {
		expect((await readCapped(chunks('12345', '67890'), 10, false)).toString()).toBe('1234567890');
		const stream = chunks('12345', '678901');
		const abandon = jest.fn();
		await expect(readCapped(stream, 10, false, undefined, abandon)).rejects.toEqual(new TooLarge(11));
		expect(abandon).toHaveBeenCalledTimes(1);
		expect(stream.destroyed).toBe(true);
		// cut: the head up to the cap is kept
		expect((await readCapped(chunks('12345', '678901'), 10, true)).toString()).toBe('1234567890');
	});

	test('a body still arriving at its deadline: the wait ends, the stream and the connection are closed', async () => {
		const stalled = new Readable({ read() {} });
		stalled.push('{"partial":');
		const abandon = jest.fn();
		await expect(readCapped(stalled, 1024, false, { at: Date.now() - 1, deadlines: new Deadlines() }, abandon)).rejects.toBeInstanceOf(BodyTimeout);
		expect(abandon).toHaveBeenCalledTimes(1);
		expect(stalled.destroyed).toBe(true);
		expect(httpError({ getNode: () => node }, settings, await readHttpFailure(new BodyTimeout()), 0, new SecretMask(), { timeout: 300 }).message).toBe(
			'Svc: no answer within 300 ms (request timed out) — the service may have done it: check before retrying (item 0)',
		);
	});

	test('a body read in time stops watching its deadline', async () => {
		const unwatch = jest.fn();
		const deadlines = { watch: jest.fn(() => unwatch) } as unknown as Deadlines;
		const abandon = jest.fn();
		expect((await readCapped(chunks('{}'), 10, false, { at: Date.now() + 60_000, deadlines }, abandon)).toString()).toBe('{}');
		expect(unwatch).toHaveBeenCalledTimes(1);
		expect(abandon).not.toHaveBeenCalled();
	});

	test('only something with a pipe is a stream', () => {
		expect(isStream(chunks())).toBe(true);
		expect(isStream(null)).toBe(false);
		expect(isStream(undefined)).toBe(false);
		expect(isStream({ pipe: 'no' })).toBe(false);
		expect(isStream('text')).toBe(false);
	});
});

describe('httpError: the text a user reads', () => {
	const error = (failure: HttpFailure, options: Parameters<typeof httpError>[5] = {}, more: Partial<ProviderSettings> = {}) =>
		httpError({ getNode: () => node }, { ...settings, ...more }, failure, 2, new SecretMask(), options);

	test.each([
		[{ networkCode: 'ECONNREFUSED', sent: false }, 'Svc: the server refused the connection (nothing was sent) (item 2)'],
		[{ networkCode: 'ENOTFOUND', sent: false }, 'Svc: the server name could not be resolved (nothing was sent) (item 2)'],
		[{ networkCode: 'EAI_AGAIN', sent: false }, 'Svc: the server name could not be resolved (nothing was sent) (item 2)'],
		[{ networkCode: 'ECONNABORTED', sent: true }, 'Svc: no answer within 30 s (request timed out) — the service may have done it: check before retrying (item 2)'],
		[{ networkCode: 'ETIMEDOUT', sent: true }, 'Svc: no answer within 30 s (request timed out) — the service may have done it: check before retrying (item 2)'],
		[{ networkMessage: 'timeout of 300ms exceeded', sent: true }, 'Svc: no answer within 30 s (request timed out) — the service may have done it: check before retrying (item 2)'],
		[{ networkCode: 'ECONNRESET', sent: true }, 'Svc: the connection was dropped before an answer arrived — the service may have done it: check before retrying (item 2)'],
		[{ networkCode: 'ERR_STREAM_PREMATURE_CLOSE', sent: true }, 'Svc: the connection was dropped before an answer arrived — the service may have done it: check before retrying (item 2)'],
		[{ networkMessage: 'socket hang up', sent: true }, 'Svc: the connection was dropped before an answer arrived — the service may have done it: check before retrying (item 2)'],
		[{ networkCode: 'ECONNRESET', cutOffAfter: 200, sent: true }, 'Svc: the connection was dropped while the answer (HTTP 200) was arriving — the service may have done it: check before retrying (item 2)'],
		[{ networkCode: 'EPROTO', networkMessage: 'bad record', sent: false }, 'Svc: bad record (nothing was sent) (item 2)'],
		[{ sent: false }, 'Svc: the request failed (nothing was sent) (item 2)'],
		[{ networkCode: 'EPROTO', networkMessage: 'bad record', sent: true }, 'Svc: bad record — the service may have done it: check before retrying (item 2)'],
		[{ sent: true }, 'Svc: the request failed — the service may have done it: check before retrying (item 2)'],
		[{ tooLarge: 99, sent: true }, 'Svc: the answer is larger than 10 MB and was not read — the service may have done it: check before retrying (item 2)'],
	])('%j', (failure, message) => {
		const made = error(failure);
		expect(made).toBeInstanceOf(NodeApiError);
		expect(made.message).toBe(message);
		expect(made.context.itemIndex).toBe(2);
		expect(made.httpCode ?? undefined).toBeUndefined();
		expect('code' in made.context).toBe('tooLarge' in failure || 'networkCode' in failure);
	});

	test('a read-only request never says it may have been done; the timeout and size are the run’s', () => {
		expect(error({ networkCode: 'ETIMEDOUT', sent: true }, { timeout: 300, readOnly: true }).message).toBe('Svc: no answer within 300 ms (request timed out) (item 2)');
		expect(error({ tooLarge: 9, sent: true }, { readOnly: true, maxResponseBytes: 314_573 }).message).toBe('Svc: the answer is larger than 0.3 MB and was not read (item 2)');
		const large = error({ tooLarge: 9, sent: true });
		expect(large.context.code).toBe('RESPONSE_TOO_LARGE');
		expect(large.description).toBe('Raise Request Options → "Max Response Size" if answers this large are expected');
		expect(error({ networkCode: 'ECONNRESET', sent: true }).context.code).toBe('ECONNRESET');
	});

	test('a redirect names only the host it points to', () => {
		const redirect = (location: unknown, url?: string) => error({ status: 302, headers: { location } as never, sent: true }, { url }).message;
		expect(redirect('https://login.example.com/sso?token=abc', 'https://api.example.com/v1/x')).toBe(
			'Svc error 302: the service answered with a redirect to login.example.com, which is not followed: the credential is only sent to the address configured in it (item 2)',
		);
		expect(redirect('/login', 'https://api.example.com/v1/x')).toContain('a redirect to api.example.com, which');
		expect(redirect(undefined)).toContain('a redirect to an unnamed address, which');
		expect(redirect('')).toContain('a redirect to an unnamed address, which');
		expect(redirect('/relative-without-base')).toContain('a redirect to an address that is not a URL, which');
		expect(redirect(['https://login.example.com/'])).toContain('a redirect to an unnamed address, which');
		expect(redirect('mailto:someone@example.com')).toContain('a redirect to an unnamed address, which');
		expect(error({ status: 300, sent: true }).message).toMatch(/^Svc error 300: the service answered with a redirect/);
		expect(error({ status: 399, sent: true }).message).toMatch(/^Svc error 399: the service answered with a redirect/);
		expect(error({ status: 200, sent: true }).message).toBe('Svc error 200: the request was refused (HTTP 200)');
		expect(error({ status: 400, sent: true }).message).toBe('Svc error 400: the request was refused (HTTP 400)');
		const made = error({ status: 301, sent: true });
		expect(made.context.code).toBe('301');
		expect(made.httpCode).toBe('301');
		expect(made.description).toBe('Check the credential’s base URL (the service’s current API address, with https://). A proxy or sign-in page in front of the API also answers this way.');
		expect(error({ status: 400, sent: true }).message).toBe('Svc error 400: the request was refused (HTTP 400)');
	});

	test('an HTTP failure: the provider’s code and words, else the status text and an excerpt of the body', () => {
		const described = error({ status: 400, body: { code: 'E1' }, sent: true }, {}, {
			describeHttpError: (failure) => ({ code: `E${failure.status}`, message: 'explained', description: 'more' }),
		});
		expect(described.message).toBe('Svc error E400: explained');
		expect(described.description).toBe('more');
		expect(described.context.code).toBe('E400');
		expect(described.httpCode).toBe('400');

		const plain = error({ status: 500, body: `<html><body><h1>Oops</h1>\n  <p>${'x'.repeat(400)}</p></body></html>`, sent: true });
		expect(plain.message).toBe('Svc error 500: the server failed (HTTP 500)');
		expect(plain.description).toBe(`Oops ${'x'.repeat(295)}…`);
		expect(error({ status: 404, body: { message: 'gone' }, sent: true }).description).toBe('{"message":"gone"}');
		expect(error({ status: 502, body: '<p>one</p><p>two</p>', sent: true }).description).toBe('one two');
		expect(error({ status: 502, body: 'y'.repeat(300), sent: true }).description).toBe('y'.repeat(300));
		expect(error({ status: 404, body: '', sent: true }).description).toBeUndefined();
		expect(error({ status: 404, body: null, sent: true }).description).toBeUndefined();
		expect(error({ status: 404, sent: true }).description).toBeUndefined();
	});

	test('what the credential added is masked in the error', () => {
		const made = error({ status: 401, body: { echo: 'Authorization: tok-123456' }, sent: true, sentSecrets: ['tok-123456'] });
		expect(made.description).toBe('{"echo":"Authorization: ***"}');
	});
});
