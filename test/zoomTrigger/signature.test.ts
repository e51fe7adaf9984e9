/**
 * Zoom's signing scheme against fixed vectors (computed with Python's hmac module) and the replay
 * memory's bounds. The end-to-end behaviour through n8n's webhook context is in trigger.test.ts.
 */
import { MAX_ENTRIES_PER_NODE, rememberedCount, rememberOnce } from '../../nodes/ZoomMeetingsTrigger/shared/replayGuard';
import { encryptPlainToken, MAX_CLOCK_SKEW_MS, verifySignedRequest } from '../../nodes/ZoomMeetingsTrigger/shared/signature';
import { ZoomMeetingsTrigger } from '../../nodes/ZoomMeetingsTrigger/ZoomMeetingsTrigger.node';
import { zoomEncryptedToken, zoomSignature } from '../simulators/zoomWebhooks';

const SECRET = 'Zm8mN2f0ZmNoaWJhZ2FzYQ';
// the raw body keeps Zoom's \u escapes: re-serialising the parsed body gives other bytes
const RAW =
	'{"event":"meeting.started","event_ts":1732350000123,"payload":{"account_id":"AAAAAAAAAAAAAAAAAAAAAA","object":{"id":85746065432,"topic":"\\u6708\\u4f8b\\u4f1a","uuid":"4444AAAiAAAAAiAiAiiAii=="}}}';
const TIMESTAMP = '1732350000';
const SIGNATURE = 'v0=4eebcb9135dd38cce56033bf99eba635cc510e6256d929b727cecc97d32bd02a';
const NOW = 1732350000 * 1000 + 2000;

function headers(signature: string | string[] | undefined, timestamp: string | string[] | undefined) {
	return { 'x-zm-signature': signature, 'x-zm-request-timestamp': timestamp };
}

describe('Zoom webhook signature', () => {
	it('matches the fixed vectors and the crypto-js oracle', () => {
		expect(zoomSignature(SECRET, TIMESTAMP, RAW)).toBe(SIGNATURE);
		expect(encryptPlainToken(SECRET, 'qgg8vlvZRS6UYooatFL8Aw')).toBe('24b2ac62bc01e24c017fff494a909587fa705680d3bc73001c45af0a6ccc51cb');
		expect(zoomEncryptedToken(SECRET, 'qgg8vlvZRS6UYooatFL8Aw')).toBe('24b2ac62bc01e24c017fff494a909587fa705680d3bc73001c45af0a6ccc51cb');
	});

	it('accepts the vector over the raw bytes, and not over the re-serialised body', () => {
		const verdict = verifySignedRequest(SECRET, headers(SIGNATURE, TIMESTAMP), Buffer.from(RAW), NOW);
		expect(verdict).toEqual({ ok: true, timestampMs: 1732350000000, replayKey: `${TIMESTAMP}:${SIGNATURE.slice(3)}` });

		const reserialised = Buffer.from(JSON.stringify(JSON.parse(RAW)));
		expect(reserialised.equals(Buffer.from(RAW))).toBe(false);
		expect(verifySignedRequest(SECRET, headers(SIGNATURE, TIMESTAMP), reserialised, NOW)).toMatchObject({ ok: false, code: 'invalid_signature' });
	});

	it('accepts an upper-case hex signature', () => {
		const upper = 'v0=' + SIGNATURE.slice(3).toUpperCase();
		expect(verifySignedRequest(SECRET, headers(upper, TIMESTAMP), Buffer.from(RAW), NOW)).toMatchObject({ ok: true });
	});

	const BAD_SIGNATURE = 'The signature does not match the request';
	const MALFORMED_SIGNATURE = "The x-zm-signature header is not in Zoom's format (v0= and 64 hex digits)";
	const MALFORMED_TIMESTAMP = 'The x-zm-request-timestamp header must be Unix seconds (10 digits), as Zoom sends it';
	it.each([
		['another secret', 'another-secret-token-0', SIGNATURE, TIMESTAMP, 'invalid_signature', BAD_SIGNATURE],
		['a changed timestamp header', SECRET, SIGNATURE, '1732350001', 'invalid_signature', BAD_SIGNATURE],
		['no signature header', SECRET, undefined, TIMESTAMP, 'missing_signature', 'Missing x-zm-signature header'],
		['an empty signature header', SECRET, '  ', TIMESTAMP, 'missing_signature', 'Missing x-zm-signature header'],
		['no timestamp header', SECRET, SIGNATURE, undefined, 'missing_signature', 'Missing x-zm-request-timestamp header'],
		['a signature without v0=', SECRET, SIGNATURE.slice(3), TIMESTAMP, 'malformed_signature', MALFORMED_SIGNATURE],
		['a truncated signature', SECRET, SIGNATURE.slice(0, 40), TIMESTAMP, 'malformed_signature', MALFORMED_SIGNATURE],
		['a signature with more after it', SECRET, `${SIGNATURE}00`, TIMESTAMP, 'malformed_signature', MALFORMED_SIGNATURE],
		['a signature with text before it', SECRET, `x${SIGNATURE}`, TIMESTAMP, 'malformed_signature', MALFORMED_SIGNATURE],
		['a timestamp that is not a number', SECRET, SIGNATURE, '17323500OO', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['a 13-digit timestamp in milliseconds', SECRET, SIGNATURE, '1732350000000', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['an 11-digit timestamp', SECRET, SIGNATURE, '17323500000', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['a timestamp with text before it', SECRET, SIGNATURE, 'x1732350000', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['a 9-digit timestamp', SECRET, SIGNATURE, '173235000', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['a timestamp with a fraction of a second', SECRET, SIGNATURE, '1732350000.5', 'malformed_timestamp', MALFORMED_TIMESTAMP],
		['two different signature headers, the first one right', SECRET, [SIGNATURE, 'v0=' + '0'.repeat(64)], TIMESTAMP, 'repeated_header', 'The x-zm-signature header was sent more than once'],
		['two signature headers joined by the HTTP parser', SECRET, `${SIGNATURE}, ${SIGNATURE}`, TIMESTAMP, 'repeated_header', 'The x-zm-signature header was sent more than once'],
		['two signature headers as an array', SECRET, [SIGNATURE, SIGNATURE], TIMESTAMP, 'repeated_header', 'The x-zm-signature header was sent more than once'],
		['two timestamp headers', SECRET, SIGNATURE, [TIMESTAMP, TIMESTAMP], 'repeated_header', 'The x-zm-request-timestamp header was sent more than once'],
		['two timestamp headers joined by the HTTP parser', SECRET, SIGNATURE, `${TIMESTAMP}, ${TIMESTAMP}`, 'repeated_header', 'The x-zm-request-timestamp header was sent more than once'],
	])('refuses %s with 401 and says why', (_label, secret, signature, timestamp, code, message) => {
		const verdict = verifySignedRequest(secret, headers(signature, timestamp), Buffer.from(RAW), NOW);
		expect(verdict).toEqual({ ok: false, status: 401, code, message });
		expect(JSON.stringify(verdict)).not.toContain(SECRET);
	});

	it('takes a header that came once as a one-element array, and trims spaces around a value', () => {
		expect(verifySignedRequest(SECRET, headers([SIGNATURE], [TIMESTAMP]), Buffer.from(RAW), NOW)).toMatchObject({ ok: true });
		expect(verifySignedRequest(SECRET, headers(` ${SIGNATURE} `, ` ${TIMESTAMP} `), Buffer.from(RAW), NOW)).toMatchObject({ ok: true });
	});

	it('says a stale timestamp is more than 5 minutes away', () => {
		expect(verifySignedRequest(SECRET, headers(SIGNATURE, TIMESTAMP), Buffer.from(RAW), 1732350000 * 1000 + 300_001)).toEqual({
			ok: false,
			status: 401,
			code: 'stale_timestamp',
			message: 'The request timestamp is more than 5 minutes away from this server’s clock',
		});
	});

	it('says what is wrong with a header in its message', () => {
		const verdict = (signature: string | string[], timestamp: string | string[]) =>
			verifySignedRequest(SECRET, headers(signature, timestamp), Buffer.from(RAW), NOW);
		expect(verdict(SIGNATURE, '1732350000000')).toEqual({
			ok: false,
			status: 401,
			code: 'malformed_timestamp',
			message: 'The x-zm-request-timestamp header must be Unix seconds (10 digits), as Zoom sends it',
		});
		expect(verdict([SIGNATURE, SIGNATURE], TIMESTAMP)).toEqual({
			ok: false,
			status: 401,
			code: 'repeated_header',
			message: 'The x-zm-signature header was sent more than once',
		});
		expect(verdict(SIGNATURE.slice(3), TIMESTAMP)).toMatchObject({
			message: "The x-zm-signature header is not in Zoom's format (v0= and 64 hex digits)",
		});
	});

	it('names the missing headers', () => {
		expect(verifySignedRequest(SECRET, headers(undefined, undefined), Buffer.from(RAW), NOW)).toMatchObject({
			message: 'Missing x-zm-signature and x-zm-request-timestamp header',
		});
	});

	it('accepts timestamps up to 5 minutes away, either way, and refuses older or newer ones', () => {
		const at = (offsetSeconds: number) => verifySignedRequest(SECRET, headers(SIGNATURE, TIMESTAMP), Buffer.from(RAW), 1732350000 * 1000 + offsetSeconds * 1000);
		expect(at(300)).toMatchObject({ ok: true });
		expect(at(-300)).toMatchObject({ ok: true });
		expect(at(299)).toMatchObject({ ok: true });
		expect(at(-299)).toMatchObject({ ok: true });
		const stale = { ok: false, status: 401, code: 'stale_timestamp', message: 'The request timestamp is more than 5 minutes away from this server’s clock' };
		expect(at(301)).toEqual(stale);
		expect(at(-301)).toEqual(stale);
	});
});

describe('replay memory', () => {
	it('refuses a key while its timestamp is fresh and forgets it once stale', () => {
		const t0 = 1_900_000_000_000;
		expect(rememberOnce('wf/a', 'k1', t0, t0)).toBe(true);
		expect(rememberOnce('wf/a', 'k1', t0, t0 + 1000)).toBe(false);
		// another workflow or node has its own memory
		expect(rememberOnce('wf/b', 'k1', t0, t0 + 1000)).toBe(true);
		// after the 5-minute window the timestamp check refuses the request, so the entry is dropped
		expect(rememberOnce('wf/a', 'k2', t0 + 400_000, t0 + 400_000)).toBe(true);
		expect(rememberedCount('wf/a')).toBe(1);
	});

	it('refuses a replay up to the last moment the timestamp check still accepts, and a second more', () => {
		const t0 = 1_910_000_000_000;
		expect(MAX_CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
		expect(rememberOnce('wf/edge', 'k', t0, t0)).toBe(true);
		// the signature check accepts the timestamp up to 5 minutes after it: the replay must still be known
		expect(rememberOnce('wf/edge', 'k', t0, t0 + MAX_CLOCK_SKEW_MS)).toBe(false);
		expect(rememberOnce('wf/edge', 'k', t0, t0 + MAX_CLOCK_SKEW_MS + 1000)).toBe(false);
		// past the margin the entry is gone: the timestamp check refuses the request on its own
		expect(rememberOnce('wf/edge', 'k', t0, t0 + MAX_CLOCK_SKEW_MS + 1001)).toBe(true);
	});

	it('drops stale entries of every node when it sweeps, and keeps the fresh ones', () => {
		const t0 = 1_920_000_000_000;
		rememberOnce('wf/s1', 'old', t0, t0);
		rememberOnce('wf/s2', 'old', t0, t0);
		rememberOnce('wf/s2', 'fresh', t0 + 200_000, t0 + 200_000);
		expect([rememberedCount('wf/s1'), rememberedCount('wf/s2')]).toEqual([1, 2]);
		rememberOnce('wf/s3', 'new', t0 + 302_000, t0 + 302_000);
		expect([rememberedCount('wf/s1'), rememberedCount('wf/s2'), rememberedCount('wf/s3')]).toEqual([0, 1, 1]);
		expect(rememberOnce('wf/s2', 'fresh', t0 + 200_000, t0 + 302_000)).toBe(false);
	});

	it('sweeps once a second has passed since the last sweep', () => {
		const t0 = 1_930_000_000_000;
		rememberOnce('wf/tick', 'a', t0 - 300_500, t0);
		expect(rememberedCount('wf/tick')).toBe(1);
		// its entry is stale from t0 + 500 on; the next sweep is due at t0 + 1000
		rememberOnce('wf/tick', 'b', t0 + 900, t0 + 900);
		expect(rememberedCount('wf/tick')).toBe(2);
		rememberOnce('wf/tick', 'c', t0 + 1000, t0 + 1000);
		expect(rememberedCount('wf/tick')).toBe(2);
	});

	it('keeps at most MAX_ENTRIES_PER_NODE entries per node, dropping the oldest', () => {
		const t0 = 1_950_000_000_000;
		for (let i = 0; i < MAX_ENTRIES_PER_NODE + 5; i++) rememberOnce('wf/c', `k${i}`, t0, t0);
		expect(rememberedCount('wf/c')).toBe(MAX_ENTRIES_PER_NODE);
		expect(rememberOnce('wf/c', `k${MAX_ENTRIES_PER_NODE + 4}`, t0, t0)).toBe(false);
		expect(rememberOnce('wf/c', 'k0', t0, t0)).toBe(true);
	});
});

describe('credential test (testedBy)', () => {
	const test = new ZoomMeetingsTrigger().methods.credentialTest.zoomMeetingsWebhookSecretTokenTest;
	const run = async (secretToken: string) =>
		await test.call({} as never, { id: '1', name: 'Zoom webhook', type: 'zoomMeetingsWebhookApi', data: { secretToken } });

	it('accepts a token in Zoom’s format', async () => {
		expect(await run(SECRET)).toMatchObject({ status: 'OK' });
	});

	it.each([
		['', 'The Secret Token is empty'],
		['Zm8mN2f0 ZmNoaWJhZ2FzYQ', 'contains spaces'],
		['short', 'is 5 characters long'],
	])('refuses %j', async (token, message) => {
		const result = await run(token);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
	});

	it('the node declares it for its credential', () => {
		const { credentials } = new ZoomMeetingsTrigger().description;
		expect(credentials?.[0]).toEqual({ name: 'zoomMeetingsWebhookApi', required: true, testedBy: 'zoomMeetingsWebhookSecretTokenTest' });
	});
});
