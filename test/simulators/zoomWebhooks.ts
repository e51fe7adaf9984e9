/**
 * Zoom's side of a webhook subscription: sends event notifications to an endpoint URL the way Zoom
 * does (JSON body, `x-zm-request-timestamp` in Unix seconds, `x-zm-signature = "v0=" +
 * hex(HMAC-SHA256(secretToken, "v0:" + timestamp + ":" + rawBody))`), the `endpoint.url_validation`
 * challenge, and the requests an attacker or a broken proxy would send: forged (wrong secret),
 * tampered (body changed after signing), stale (old timestamp), unsigned, and replays of a request
 * already sent (same bytes, same headers).
 *
 * Signatures are computed with crypto-js, independently of the node's `node:crypto` code, and the
 * challenge answer is checked the way Zoom checks it (`checkValidation`).
 */
import CryptoJS from 'crypto-js';

export interface ZoomEvent {
	event: string;
	event_ts: number;
	payload: Record<string, unknown>;
	[key: string]: unknown;
}

export interface SendOptions {
	/** the request timestamp in Unix seconds (default: now) */
	timestamp?: number;
	/** sign with this secret instead of the subscription's (a forgery) */
	secret?: string;
	/** send this x-zm-signature value as it is (null: no header) */
	signature?: string | null;
	/** send this x-zm-request-timestamp value as it is (null: no header) */
	timestampHeader?: string | null;
	/** change the body after it was signed */
	tamper?: (raw: string) => string;
}

export interface SignedRequest {
	url: string;
	raw: string;
	headers: Record<string, string>;
}

export interface Delivery {
	request: SignedRequest;
	status: number;
	text: string;
	json?: unknown;
	contentType: string;
}

let sequence = 0;
let lastEventTs = 0;

/** `v0=` + hex HMAC-SHA256 over `v0:<timestamp>:<raw body>`, computed with crypto-js. */
export function zoomSignature(secret: string, timestamp: string, raw: string): string {
	return 'v0=' + CryptoJS.HmacSHA256(`v0:${timestamp}:${raw}`, secret).toString(CryptoJS.enc.Hex);
}

/** The `encryptedToken` Zoom expects for a `plainToken`, computed with crypto-js. */
export function zoomEncryptedToken(secret: string, plainToken: string): string {
	return CryptoJS.HmacSHA256(plainToken, secret).toString(CryptoJS.enc.Hex);
}

export class ZoomWebhookSender {
	/** every request sent, in order */
	readonly sent: SignedRequest[] = [];

	constructor(
		readonly secretToken: string,
		public url: string,
		readonly accountId = 'AAAAAAAAAAAAAAAAAAAAAA',
	) {}

	/** A notification body as Zoom builds it: `{event, event_ts, payload: {account_id, object}}`. */
	event(name: string, object: Record<string, unknown>, extraPayload: Record<string, unknown> = {}): ZoomEvent {
		sequence += 1;
		// strictly increasing, so two events built in the same millisecond are different requests
		lastEventTs = Math.max(Date.now(), lastEventTs + 1);
		return {
			event: name,
			event_ts: lastEventTs,
			payload: { account_id: this.accountId, object, ...extraPayload },
		};
	}

	/** Builds the signed request without sending it. */
	sign(body: ZoomEvent | string, options: SendOptions = {}): SignedRequest {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
		const headers: Record<string, string> = {
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Zoom Marketplace/1.0a',
			'x-zm-trackingid': `v=2.0&s=${sequence}`,
		};
		const signature = options.signature === undefined ? zoomSignature(options.secret ?? this.secretToken, timestamp, raw) : options.signature;
		if (signature !== null) headers['x-zm-signature'] = signature;
		const timestampHeader = options.timestampHeader === undefined ? timestamp : options.timestampHeader;
		if (timestampHeader !== null) headers['x-zm-request-timestamp'] = timestampHeader;
		return { url: this.url, raw: options.tamper ? options.tamper(raw) : raw, headers };
	}

	/** Sends a request exactly as given (used for first deliveries and for replays). */
	async deliver(request: SignedRequest): Promise<Delivery> {
		this.sent.push(request);
		const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.raw });
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { request, status: response.status, text, json, contentType: response.headers.get('content-type') ?? '' };
	}

	async send(body: ZoomEvent | string, options: SendOptions = {}): Promise<Delivery> {
		return await this.deliver(this.sign(body, options));
	}

	async sendEvent(name: string, object: Record<string, unknown>, options: SendOptions = {}): Promise<Delivery> {
		return await this.send(this.event(name, object), options);
	}

	/** Signed with another secret: what an attacker without the Secret Token can send. */
	async sendForged(body: ZoomEvent, secret = 'not-the-secret-token-00'): Promise<Delivery> {
		return await this.send(body, { secret });
	}

	/** Correctly signed, but `ageSeconds` old (default 6 minutes). */
	async sendStale(body: ZoomEvent, ageSeconds = 360): Promise<Delivery> {
		return await this.send(body, { timestamp: Math.floor(Date.now() / 1000) - ageSeconds });
	}

	/**
	 * Zoom's retry of an event whose first delivery was not answered with 2xx in time: Zoom retries 5,
	 * 25 and 85 minutes after the first attempt (Zoom's "Resolving webhook delays"). Whether a retry is
	 * signed anew is not documented: `resign` sends it with a new timestamp, otherwise with the
	 * timestamp (and signature) of the first attempt, `minutesAfter` minutes ago.
	 */
	async retry(body: ZoomEvent, minutesAfter: number, resign: boolean): Promise<Delivery> {
		return await this.send(body, { timestamp: Math.floor(Date.now() / 1000) - (resign ? 0 : minutesAfter * 60) });
	}

	/** The same bytes and headers again: a captured request played back. */
	async replay(delivery: Delivery): Promise<Delivery> {
		return await this.deliver(delivery.request);
	}

	/** Zoom's endpoint validation: a signed `endpoint.url_validation` event with a random plainToken. */
	async validate(plainToken = randomToken(), options: SendOptions = {}): Promise<Delivery & { plainToken: string }> {
		const body: ZoomEvent = { payload: { plainToken }, event_ts: Date.now(), event: 'endpoint.url_validation' };
		return { ...(await this.send(body, options)), plainToken };
	}

	/** What Zoom checks in the validation answer: 200, JSON, the same plainToken, the right HMAC. */
	checkValidation(delivery: Delivery & { plainToken: string }): { valid: boolean; why?: string } {
		if (delivery.status !== 200) return { valid: false, why: `status ${delivery.status}` };
		if (!delivery.contentType.includes('application/json')) return { valid: false, why: `content-type ${delivery.contentType}` };
		const answer = delivery.json as { plainToken?: unknown; encryptedToken?: unknown } | undefined;
		if (answer?.plainToken !== delivery.plainToken) return { valid: false, why: 'plainToken differs' };
		if (answer.encryptedToken !== zoomEncryptedToken(this.secretToken, delivery.plainToken)) {
			return { valid: false, why: 'encryptedToken differs' };
		}
		return { valid: true };
	}
}

function randomToken(): string {
	return CryptoJS.lib.WordArray.random(16).toString(CryptoJS.enc.Base64).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
