/**
 * One HTTP exchange as the executor (executor.ts) reads it: an answer's body read up to a size and
 * a deadline, and a failed exchange read (status, body, network failure, what the credential added)
 * and turned into the error users see, with the request itself never attached.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { defaultStatusText } from './errors';
import type { ProviderSettings } from './executor';
import type { SecretMask } from './secrets';

export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	/** network-level failure (timeout, connection dropped, DNS) when there is no status */
	networkCode?: string;
	networkMessage?: string;
	/** the answer was larger than the node's "Max Response Size" (bytes read before stopping) */
	tooLarge?: number;
	/** the service had answered with this status when the connection broke during the body */
	cutOffAfter?: number;
	/** the request had been sent when the failure happened (not refused, not unresolved) */
	sent?: boolean;
	/** what the credential added to the request (auth headers, signed query values): secrets to mask */
	sentSecrets?: string[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default of "Max Response Size": an API answer larger than this fails before it is parsed. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024; // "Max Response Size" default: 10 MB
/** How much of a failure's body is read to explain it. */
const ERROR_BODY_BYTES = 64 * 1024;
/** A response body in stream mode (kept structural: the package ships without stream imports). */
type ByteStream = AsyncIterable<Buffer | string> & { destroy: (error?: Error) => void };

export const isStream = (body: unknown): body is ByteStream =>
	typeof body === 'object' && body !== null && typeof (body as { pipe?: unknown }).pipe === 'function';

/** The answer was larger than the cap (`bytes` read before stopping). Read by `readHttpFailure` only. */
export class TooLarge extends Error {
	constructor(readonly bytes: number) {
		super();
	}
}

/** The connection broke while a 2xx answer's body was arriving. Read by `readHttpFailure` only. */
export class CutOff extends Error {
	constructor(readonly status: number) {
		super();
	}
}

/** The body did not arrive within the request's timeout. Read by `readHttpFailure` only. */
export class BodyTimeout extends Error {}

/**
 * The body deadlines of one run, on one timer. `AbortSignal.timeout` (the only timer a community node
 * may start) costs more than reading a small answer, and the requests of a run share one timeout, so
 * a later read never needs an earlier timer: the timer is set for the earliest deadline still
 * pending, and set again for the next one when it fires.
 */
export class Deadlines {
	private readonly pending = new Set<{ at: number; expire: () => void }>();
	private armed?: { at: number; signal: AbortSignal };

	/** Calls `expire` at `at` (unix ms) unless the returned function is called before. */
	watch(at: number, expire: () => void): () => void {
		const entry = { at, expire };
		this.pending.add(entry);
		if (!this.armed || at < this.armed.at) this.arm(at);
		return () => this.pending.delete(entry);
	}

	private arm(at: number) {
		// an unreferenced timer: it does not keep n8n (or a test run) waiting; the signal is kept, or
		// its timer would go with it when collected
		const signal = AbortSignal.timeout(Math.max(1, at - Date.now()));
		this.armed = { at, signal };
		signal.addEventListener('abort', () => this.fire(signal));
	}

	private fire(signal: AbortSignal) {
		if (this.armed?.signal !== signal) return;
		this.armed = undefined;
		const now = Date.now();
		const due = [...this.pending].filter((entry) => entry.at <= now).sort((a, b) => a.at - b.at);
		for (const entry of due) this.pending.delete(entry);
		// the next timer first: the reads left keep their deadline whatever an expiry does
		const next = Math.min(...[...this.pending].map((entry) => entry.at));
		if (next !== Infinity) this.arm(next);
		for (const entry of due) entry.expire();
	}
}

/**
 * Reads a streamed body up to `cap` bytes; past it the stream is destroyed and `TooLarge` thrown
 * (or, with `cut`, the head kept). A body still arriving at `deadline.at` is abandoned.
 */
export async function readCapped(
	stream: ByteStream,
	cap: number,
	cut: boolean,
	deadline?: { at: number; deadlines: Deadlines },
	abandon?: () => void,
): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	if (deadline === undefined) return await collect();
	let onTimeout = () => {};
	const timedOut = new Promise<never>((_resolve, reject) => {
		onTimeout = () => {
			// a destroyed stream does not end a pending read: stop waiting, and close the connection
			abandon?.();
			stream.destroy();
			reject(new BodyTimeout());
		};
	});
	const unwatch = deadline.deadlines.watch(deadline.at, onTimeout);
	const reading = collect();
	reading.catch(() => {});
	try {
		return await Promise.race([reading, timedOut]);
	} finally {
		unwatch();
	}

	async function collect(): Promise<Buffer> {
		for await (const chunk of stream) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > cap) {
				abandon?.();
				stream.destroy();
				if (cut) {
					chunks.push(buffer.subarray(0, buffer.length - (size - cap)));
					break;
				}
				throw new TooLarge(size);
			}
			chunks.push(buffer);
		}
		return Buffer.concat(chunks);
	}
}

/** What axios makes of a body by default: JSON when it parses, the text otherwise. */
export function parseBody(raw: Buffer | string): unknown {
	const text = raw.toString();
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

const PLAIN_HEADERS = new Set(['accept', 'content-type', 'content-length', 'user-agent', 'accept-encoding', 'connection', 'host']);

/** The values the credential added to a request that failed (auth headers, a signed query value). */
function addedByCredential(config: unknown, sent: IHttpRequestOptions | undefined): string[] {
	const c = config as { headers?: unknown; params?: unknown; auth?: { password?: unknown } } | undefined;
	const headers = (c?.headers && typeof (c.headers as { toJSON?: unknown }).toJSON === 'function'
		? (c.headers as { toJSON: () => IDataObject }).toJSON()
		: c?.headers) as IDataObject | undefined;
	const ours = new Set(Object.keys(sent?.headers ?? {}).map((h) => h.toLowerCase()));
	const oursQs = new Set(Object.keys((sent?.qs as IDataObject | undefined) ?? {}));
	const values: string[] = [];
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (typeof value !== 'string' || PLAIN_HEADERS.has(name.toLowerCase()) || ours.has(name.toLowerCase())) continue;
		values.push(value, value.replace(/^(Bearer|Basic)\s+/i, ''));
	}
	for (const [name, value] of Object.entries((c?.params as IDataObject | undefined) ?? {})) {
		if (!oursQs.has(name) && typeof value === 'string') values.push(value);
	}
	if (typeof c?.auth?.password === 'string') values.push(c.auth.password);
	return values;
}

/** Network failures where nothing reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'ERR_BAD_OPTION_VALUE']);

/**
 * Reads what an httpRequest failure carries: status, headers and (a capped read of) the body, or the
 * network failure; never the request itself (it holds the secrets), only the values its credential
 * added, so that they can be masked.
 */
export async function readHttpFailure(error: unknown, sent?: IHttpRequestOptions): Promise<HttpFailure> {
	// httpRequestWithAuthentication wraps the transport error in a NodeApiError (as `cause`)
	const cause = (error as { cause?: { response?: unknown; code?: unknown } })?.cause;
	const original = cause && typeof cause === 'object' && ('response' in cause || 'code' in cause) ? cause : error;
	const e = original as {
		response?: { status?: number; data?: unknown; body?: unknown; headers?: IDataObject };
		config?: unknown;
		code?: string;
		message?: string;
	};
	const sentSecrets = addedByCredential(e?.config, sent);
	if (e instanceof TooLarge) return { tooLarge: e.bytes, sent: true };
	if (e instanceof BodyTimeout) return { networkCode: 'ETIMEDOUT', sent: true };
	if (e instanceof CutOff) return { networkCode: 'ECONNRESET', cutOffAfter: e.status, sent: true };
	if (e?.response?.status) {
		let body = e.response.data ?? e.response.body;
		// an HTML error page or a truncated answer stays text
		if (isStream(body)) body = await readCapped(body, ERROR_BODY_BYTES, true).catch(() => '');
		if (Buffer.isBuffer(body) || typeof body === 'string') body = parseBody(body);
		const headers = e.response.headers && typeof e.response.headers === 'object' ? { ...e.response.headers } : undefined;
		return { status: e.response.status, body, headers, sent: true, sentSecrets };
	}
	return { networkCode: e?.code, networkMessage: e?.message, sent: !NOT_SENT.has(e?.code ?? ''), sentSecrets };
}

/** A duration as users read it: `300 ms`, `30 s`. */
export const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

const MAY_HAVE_BEEN_DONE = ' — the service may have done it: check before retrying';

/** Whether a request failed for want of an answer in time (axios: ECONNABORTED; a socket: ETIMEDOUT). */
export function timedOut(failure: HttpFailure): boolean {
	return failure.networkCode === 'ECONNABORTED' || failure.networkCode === 'ETIMEDOUT' || /timeout/i.test(String(failure.networkMessage));
}

function networkMessage(failure: HttpFailure, timeout: number, readOnly: boolean): string {
	const code = failure.networkCode;
	const mayHave = readOnly ? '' : MAY_HAVE_BEEN_DONE;
	if (code === 'ECONNREFUSED') return 'the server refused the connection (nothing was sent)';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the server name could not be resolved (nothing was sent)';
	if (timedOut(failure)) {
		return `no answer within ${duration(timeout)} (request timed out)${mayHave}`;
	}
	if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || /socket hang up|aborted|premature/i.test(String(failure.networkMessage))) {
		return failure.cutOffAfter !== undefined
			? `the connection was dropped while the answer (HTTP ${failure.cutOffAfter}) was arriving${mayHave}`
			: `the connection was dropped before an answer arrived${mayHave}`;
	}
	if (!failure.sent) return `${failure.networkMessage ?? 'the request failed'} (nothing was sent)`;
	return `${failure.networkMessage ?? 'the request failed'}${mayHave}`;
}

/** The host a redirect points to (never its path or query, which may carry a signature). */
function redirectHost(failure: HttpFailure, requestUrl: string | undefined): string {
	const location = failure.headers?.location;
	if (typeof location !== 'string' || !location) return 'an unnamed address';
	try {
		return new URL(location, requestUrl).host || 'an unnamed address';
	} catch {
		return 'an address that is not a URL';
	}
}

/** Builds the NodeApiError users see for a failed exchange; the request itself is never attached. */
export function httpError(
	ctx: { getNode: IExecuteFunctions['getNode'] },
	settings: ProviderSettings,
	failure: HttpFailure,
	itemIndex: number,
	mask: SecretMask,
	options: { timeout?: number; readOnly?: boolean; url?: string; maxResponseBytes?: number } = {},
): NodeApiError {
	const { timeout = DEFAULT_TIMEOUT_MS, readOnly = false } = options;
	let message: string;
	let description: string | undefined;
	let code: string | undefined;
	if (failure.tooLarge !== undefined) {
		code = 'RESPONSE_TOO_LARGE';
		message = `${settings.service}: the answer is larger than ${megabytes(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES)} and was not read${readOnly ? '' : MAY_HAVE_BEEN_DONE} (item ${itemIndex})`;
		description = 'Raise Request Options → "Max Response Size" if answers this large are expected';
	} else if (failure.status === undefined) {
		message = `${settings.service}: ${networkMessage(failure, timeout, readOnly)} (item ${itemIndex})`;
		code = failure.networkCode;
	} else if (failure.status >= 300 && failure.status < 400) {
		code = String(failure.status);
		message = `${settings.service} error ${code}: the service answered with a redirect to ${redirectHost(failure, options.url)}, which is not followed: the credential is only sent to the address configured in it (item ${itemIndex})`;
		description = 'Check the credential’s base URL (the service’s current API address, with https://). A proxy or sign-in page in front of the API also answers this way.';
	} else {
		const described = settings.describeHttpError?.(failure);
		code = described?.code ?? String(failure.status);
		message = `${settings.service} error ${code}: ${described?.message ?? defaultStatusText(failure.status)}`;
		description = described?.description ?? excerpt(failure.body);
	}
	mask.add(...(failure.sentSecrets ?? []));
	const error = new NodeApiError(
		ctx.getNode(),
		// no code in the response object: NodeApiError would take it for the HTTP code, or swap the message
		// for its generic text when it knows the code (ECONNRESET…); the code is in the message and the context
		{ message } as JsonObject,
		{
			message,
			description,
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex,
		},
	);
	if (code !== undefined) error.context.code = code;
	return mask.error(error);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function excerpt(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

