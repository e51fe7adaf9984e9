/**
 * YTX (讯众) request signing, as pure functions so they can be checked against fixed vectors and an
 * independent implementation.
 *
 * Every request carries one timestamp `yyyyMMddHHmmss` in China Standard Time (UTC+8, no daylight
 * saving; the service's clock), used twice:
 *  - `Sign = MD5(accountSID + authToken + timestamp)` as 32 hex digits in the query string;
 *  - `Authorization: base64(accountSID + "|" + timestamp)` as a header.
 */
import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { CHINA_TIME_ZONE, wallClockParts } from '../../shared/zonedTime';

/** China Standard Time is UTC+8 all year. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export const YTX_API_VERSION = '201612';

export const YTX_HOSTS = {
	production: 'http://api.ytx.net',
	sandbox: 'http://sandbox.ytx.net',
} as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock parts of an instant in China Standard Time. */
export function chinaTimeParts(date: Date) {
	return wallClockParts(date, CHINA_TIME_ZONE);
}

/** `yyyyMMddHHmmss` of an instant, in China Standard Time. */
export function ytxStamp(date: Date = new Date()): string {
	const t = chinaTimeParts(date);
	return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** `MD5(accountSID + authToken + timestamp)`, 32 upper-case hex digits (the service accepts either case). */
export function ytxSign(accountSid: string, authToken: string, stamp: string): string {
	return createHash('md5').update(`${accountSid}${authToken}${stamp}`).digest('hex').toUpperCase();
}

/** `base64(accountSID + "|" + timestamp)`. */
export function ytxAuthorization(accountSid: string, stamp: string): string {
	return Buffer.from(`${accountSid}|${stamp}`).toString('base64');
}

/** The API host a credential points to: production, sandbox or a custom URL (no trailing slash). */
export function ytxBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'sandbox') return YTX_HOSTS.sandbox;
	if (credentials.environment === 'custom') return String(credentials.customUrl ?? '').trim().replace(/\/+$/, '');
	return YTX_HOSTS.production;
}

/**
 * The credential's `authenticate`: signs the request afresh (a retried request gets a new stamp),
 * adds `Sign` to the query string and sets the documented headers.
 */
export async function signYtxRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: Date = new Date(),
): Promise<IHttpRequestOptions> {
	const accountSid = String(credentials.accountSid ?? '');
	const authToken = String(credentials.authToken ?? '');
	const stamp = ytxStamp(now);
	requestOptions.qs = { ...((requestOptions.qs as IDataObject | undefined) ?? {}), Sign: ytxSign(accountSid, authToken, stamp) };
	requestOptions.headers = {
		...(requestOptions.headers ?? {}),
		Accept: 'application/json',
		'Content-Type': 'application/json;charset=utf-8',
		Authorization: ytxAuthorization(accountSid, stamp),
	};
	return requestOptions;
}

/**
 * The `Sign` and `Authorization` values of every stamp a request may have been signed with (each
 * second from a moment before it was sent to when it was answered): secrets to mask.
 */
export function signedValues(credentials: ICredentialDataDecryptedObject, sentAt: Date, answeredAt: Date): string[] {
	const accountSid = String(credentials.accountSid ?? '');
	const authToken = String(credentials.authToken ?? '');
	const values: string[] = [];
	for (let t = Math.floor(sentAt.getTime() / 1000) - 1; t <= Math.floor(answeredAt.getTime() / 1000); t++) {
		const stamp = ytxStamp(new Date(t * 1000));
		const sign = ytxSign(accountSid, authToken, stamp);
		values.push(sign, sign.toLowerCase(), ytxAuthorization(accountSid, stamp));
	}
	return values;
}

const SIGN_IN_TEXT = /(Sign["']?\s*(?:=|:|%3D)\s*["']?)[0-9A-Fa-f]{32}/gi;
const AUTHORIZATION_IN_TEXT = /(Authorization["']?\s*[:=]\s*["']?)[A-Za-z0-9+/=_-]{8,}/gi;
const BASE64_TOKEN = /[A-Za-z0-9+/]{24,}={0,2}/g;

/**
 * Hides values derived from the token that a failed exchange might echo back (an error page showing
 * the request line or headers): a `Sign=<32 hex>`, an `Authorization: <value>`, and any base64 that
 * decodes to `<sid>|<14-digit stamp>`.
 */
export function maskDerivedSecrets(text: string): string {
	return text
		.replace(SIGN_IN_TEXT, '$1***')
		.replace(AUTHORIZATION_IN_TEXT, '$1***')
		.replace(BASE64_TOKEN, (token) => {
			const decoded = Buffer.from(token, 'base64').toString('utf8');
			return /^[^|\s]{1,128}\|\d{14}$/.test(decoded) ? '***' : token;
		});
}
