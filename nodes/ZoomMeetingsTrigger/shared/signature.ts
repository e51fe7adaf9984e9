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
/** A request is accepted when its timestamp is at most this far from the local clock (either way). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const SIGNATURE_FORMAT = /^v0=([0-9a-fA-F]{64})$/;
const TIMESTAMP_FORMAT = /^\d{1,13}$/;

export type Verdict =
	| { ok: true; timestampMs: number; replayKey: string }
	| { ok: false; status: number; code: string; message: string };

/** `hex(HMAC-SHA256(secretToken, plainToken))`: the `encryptedToken` of the validation answer. */
export function encryptPlainToken(secretToken: string, plainToken: string): string {
	return createHmac('sha256', secretToken).update(plainToken, 'utf8').digest('hex');
}

function signatureDigest(secretToken: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', secretToken).update(`v0:${timestamp}:`, 'utf8').update(rawBody).digest();
}

/** Zoom sends Unix seconds; a 13-digit value is read as milliseconds. */
function timestampToMs(timestamp: string): number {
	const value = Number(timestamp);
	return timestamp.length >= 13 ? value : value * 1000;
}

function headerValue(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
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
	const timestamp = headerValue(headers[TIMESTAMP_HEADER])?.trim();
	const signature = headerValue(headers[SIGNATURE_HEADER])?.trim();
	if (!timestamp || !signature) {
		const missing = [!signature && SIGNATURE_HEADER, !timestamp && TIMESTAMP_HEADER].filter(Boolean).join(' and ');
		return { ok: false, status: 401, code: 'missing_signature', message: `Missing ${missing} header` };
	}
	const match = SIGNATURE_FORMAT.exec(signature);
	if (!TIMESTAMP_FORMAT.test(timestamp) || !match) {
		return {
			ok: false,
			status: 401,
			code: 'malformed_signature',
			message: `The ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER} header is not in Zoom's format`,
		};
	}
	const expected = signatureDigest(secretToken, timestamp, rawBody);
	const given = Buffer.from(match[1], 'hex');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { ok: false, status: 401, code: 'invalid_signature', message: 'The signature does not match the request' };
	}
	const timestampMs = timestampToMs(timestamp);
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
