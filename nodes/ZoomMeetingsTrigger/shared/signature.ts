/**
 * Zoom's webhook signing scheme (https://developers.zoom.us/docs/api/webhooks/):
 * - every request carries `x-zm-request-timestamp` (Unix seconds) and
 *   `x-zm-signature = "v0=" + hex(HMAC-SHA256(secretToken, "v0:" + timestamp + ":" + rawBody))`;
 * - the endpoint validation challenge is answered with `hex(HMAC-SHA256(secretToken, plainToken))`.
 * The signature is computed over the bytes Zoom sent, never over a re-serialised body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zm-signature';
export const TIMESTAMP_HEADER = 'x-zm-request-timestamp';
/**
 * A request is accepted when its timestamp is at most this far from the local clock (either way).
 * Zoom retries a failed delivery 5, 25 and 85 minutes later; whether a retry carries a new
 * timestamp is not documented, so a retry that keeps its first timestamp is refused here.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The largest body accepted (checked before the signature): Zoom's events are a few kilobytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The longest `plainToken` answered: Zoom's are 22 characters. */
export const MAX_PLAIN_TOKEN_LENGTH = 128;

const SIGNATURE_FORMAT = /^v0=([0-9a-fA-F]{64})$/;
/** Unix seconds, as Zoom sends them: exactly 10 digits (milliseconds are refused). */
const TIMESTAMP_FORMAT = /^\d{10}$/;

export type Verdict =
	| { ok: true; timestampMs: number; replayKey: string }
	| { ok: false; status: number; code: string; message: string };

/** `hex(HMAC-SHA256(secretToken, plainToken))`: the `encryptedToken` of the validation answer. */
export function encryptPlainToken(secretToken: string, plainToken: string): string {
	return createHmac('sha256', secretToken).update(plainToken).digest('hex');
}

function signatureDigest(secretToken: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', secretToken).update(`v0:${timestamp}:`).update(rawBody).digest();
}

/** A header sent twice arrives as an array, or joined with ", " by Node's HTTP parser. */
function isRepeated(value: string | string[] | undefined): boolean {
	return Array.isArray(value) ? value.length > 1 : typeof value === 'string' && value.includes(',');
}

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks the two headers against the raw body and the clock. Nothing about the secret or the
 * expected signature is put into the verdict.
 */
export function verifySignedRequest(
	secretToken: string,
	headers: Record<string, string | string[] | undefined>,
	rawBody: Buffer,
	nowMs: number,
): Verdict {
	for (const name of [SIGNATURE_HEADER, TIMESTAMP_HEADER]) {
		if (isRepeated(headers[name])) {
			return { ok: false, status: 401, code: 'repeated_header', message: `The ${name} header was sent more than once` };
		}
	}
	const timestamp = headerValue(headers[TIMESTAMP_HEADER])?.trim();
	const signature = headerValue(headers[SIGNATURE_HEADER])?.trim();
	if (!timestamp || !signature) {
		const missing = [!signature && SIGNATURE_HEADER, !timestamp && TIMESTAMP_HEADER].filter(Boolean).join(' and ');
		return { ok: false, status: 401, code: 'missing_signature', message: `Missing ${missing} header` };
	}
	if (!TIMESTAMP_FORMAT.test(timestamp)) {
		return {
			ok: false,
			status: 401,
			code: 'malformed_timestamp',
			message: `The ${TIMESTAMP_HEADER} header must be Unix seconds (10 digits), as Zoom sends it`,
		};
	}
	const match = SIGNATURE_FORMAT.exec(signature);
	if (!match) {
		return { ok: false, status: 401, code: 'malformed_signature', message: `The ${SIGNATURE_HEADER} header is not in Zoom's format (v0= and 64 hex digits)` };
	}
	const expected = signatureDigest(secretToken, timestamp, rawBody);
	// 64 hex digits (checked above): 32 bytes, as long as the digest
	if (!timingSafeEqual(Buffer.from(match[1], 'hex'), expected)) {
		return { ok: false, status: 401, code: 'invalid_signature', message: 'The signature does not match the request' };
	}
	const timestampMs = Number(timestamp) * 1000;
	if (Math.abs(nowMs - timestampMs) > MAX_CLOCK_SKEW_MS) {
		return {
			ok: false,
			status: 401,
			code: 'stale_timestamp',
			message: 'The request timestamp is more than 5 minutes away from this server’s clock',
		};
	}
	return { ok: true, timestampMs, replayKey: `${timestamp}:${match[1].toLowerCase()}` };
}
