/**
 * The base of every provider simulator: a loopback HTTP server on an ephemeral port, a log of every
 * request, routes with path parameters, per-test state (`reset`) and fault switches that make the
 * next matching request(s) misbehave the way real services and proxies do.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	raw: Buffer;
	text: string;
	/** the body parsed as JSON, when it is JSON */
	json?: unknown;
	/** the body parsed as a form, when it is application/x-www-form-urlencoded */
	form?: Record<string, string>;
	params: Record<string, string>;
	at: number;
}

export interface SimResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** send these bytes as they are (binary downloads, broken JSON) */
	raw?: Buffer | string;
}

export type Fault =
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
	| { kind: 'rateLimit'; retryAfter?: number }
	| { kind: 'html'; status?: number }
	| { kind: 'malformed'; status?: number }
	| { kind: 'empty'; status?: number }
	| { kind: 'delay'; ms: number }
	| { kind: 'drop' }
	/** a redirect (as a proxy, a moved API or an attacker in the path would answer) */
	| { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
	/** an answer that echoes the request line, headers and body back, as some error pages do; `wrap` puts the echo into the service's own shape */
	| { kind: 'echo'; status: number; wrap?: (echo: string) => unknown }
	/** the status line and part of the body are sent, then the connection is dropped */
	| { kind: 'dropAfterHeaders'; status?: number }
	/** the status line and part of the body are sent, then nothing more (until the client gives up) */
	| { kind: 'stallAfterHeaders' }
	/** a JSON answer of `bytes` bytes, streamed */
	| { kind: 'oversized'; bytes: number }
	/** a canned answer (e.g. a wrong key coming back in one of `WRONG_KEY_SHAPES`) */
	| { kind: 'answer'; response: SimResponse };

/**
 * How a rejected key can come back, from the service or from what stands in front of it (a gateway,
 * a proxy, a single sign-on page): a 401 JSON, a 403 HTML page, a redirect to a login page, the
 * service's own error envelope with HTTP 200, a JSON body with none of the service's keys.
 */
export const WRONG_KEY_SHAPES = ['json401', 'html403', 'loginRedirect', 'envelope200', 'foreignBody'] as const;
export type WrongKeyShape = (typeof WRONG_KEY_SHAPES)[number];

/** The login page a `loginRedirect` points to (served by every simulator at `GET /login`, HTTP 200). */
export const LOGIN_PAGE = '<!doctype html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form></body></html>';

type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

interface PendingFault {
	fault: Fault;
	times: number;
	match?: (req: SimRequest) => boolean;
}

export class Simulator {
	readonly log: SimRequest[] = [];
	/** requests being handled right now, and the most seen at once since the last reset */
	inFlight = 0;
	/** connections the client closed before the answer was complete */
	closedByClient = 0;
	maxInFlight = 0;
	private readonly routes: Route[] = [];
	private faults: PendingFault[] = [];
	private server?: http.Server;
	private readonly sockets = new Set<import('node:net').Socket>();
	url = '';

	constructor(readonly name: string) {
		this.route('GET', '/login', () => ({ status: 200, raw: LOGIN_PAGE, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
	}

	route(method: string, path: string, handler: Handler): this {
		const keys: string[] = [];
		const pattern = new RegExp(
			'^' +
				path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z_]+)/g, (_m, key: string) => {
					keys.push(key);
					return '([^/]+)';
				}) +
				'$',
		);
		this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
		return this;
	}

	/** The next `times` requests (matching `match`, when given) get this fault instead of an answer. */
	fail(fault: Fault, options: { times?: number; match?: (req: SimRequest) => boolean } = {}): this {
		this.faults.push({ fault, times: options.times ?? 1, match: options.match });
		return this;
	}

	/**
	 * The next request (matching `match`, when given) is answered in this wrong-key shape instead of
	 * being handled. `envelope200` is the service's own refusal, from its document (`wrongKeyEnvelope`).
	 */
	answerWrongKey(shape: WrongKeyShape, options: { match?: (req: SimRequest) => boolean; times?: number } = {}): this {
		return this.fail({ kind: 'answer', response: this.wrongKeyAnswer(shape) }, options);
	}

	/** The service's refusal of a key with HTTP 200, in its own envelope; providers override it. */
	protected wrongKeyEnvelope(): SimResponse {
		throw new Error(`${this.name}: no documented HTTP-200 refusal`);
	}

	protected wrongKeyAnswer(shape: WrongKeyShape): SimResponse {
		switch (shape) {
			case 'json401':
				return { status: 401, body: { message: 'Unauthorized' } };
			case 'html403':
				return {
					status: 403,
					raw: '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Access denied.</p></body></html>',
					headers: { 'Content-Type': 'text/html; charset=utf-8' },
				};
			case 'loginRedirect':
				return {
					status: 302,
					raw: '<html><body>Redirecting to <a href="/login">/login</a></body></html>',
					headers: { Location: `${this.url}/login?next=%2F`, 'Content-Type': 'text/html; charset=utf-8' },
				};
			case 'envelope200':
				return this.wrongKeyEnvelope();
			case 'foreignBody':
				return { status: 200, body: { ok: true, result: 'hello', version: '1.0' } };
		}
	}

	/** Forgets the log and pending faults; providers extend it to clear their state. */
	reset(): void {
		this.log.length = 0;
		this.faults = [];
		this.maxInFlight = 0;
		this.closedByClient = 0;
	}

	requests(method?: string, path?: string | RegExp): SimRequest[] {
		return this.log.filter(
			(r) =>
				(!method || r.method === method.toUpperCase()) &&
				(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
		);
	}

	/** Listens on loopback; `listenPort` 0 (the default) picks a free one, the sandbox (`npm start`) passes fixed ones. */
	async start(listenPort = 0): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 1000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(listenPort, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const s of this.sockets) s.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.on('close', () => {
			this.inFlight--;
			if (!res.writableFinished) this.closedByClient++;
		});
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://sim');
		const text = raw.toString('utf8');
		const request: SimRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: req.headers,
			raw,
			text,
			params: {},
			at: Date.now(),
		};
		const type = String(req.headers['content-type'] ?? '');
		if (type.includes('json') && text) {
			try {
				request.json = JSON.parse(text);
			} catch {
				request.json = undefined;
			}
		}
		if (type.includes('application/x-www-form-urlencoded')) {
			request.form = Object.fromEntries(new URLSearchParams(text).entries());
		}
		this.log.push(request);

		const pending = this.faults.find((f) => f.times > 0 && (!f.match || f.match(request)));
		if (pending) {
			pending.times--;
			const fault = pending.fault;
			if (fault.kind === 'drop') {
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'delay') {
				// the service still handles a request whose client gave up; the timer does not keep a test run alive
				await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
			} else if (fault.kind === 'dropAfterHeaders') {
				res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
				res.write('{"code":200,"data":{"id":');
				setTimeout(() => req.socket.destroy(), 20);
				return;
			} else if (fault.kind === 'stallAfterHeaders') {
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
				res.write('{"code":201,"data":{"url":');
				return;
			} else if (fault.kind === 'oversized') {
				return this.streamOversized(res, fault.bytes);
			} else if (fault.kind === 'echo') {
				const echo = `${request.method} ${req.url ?? ''} ${JSON.stringify(req.headers)} ${text}`;
				const body = fault.wrap ? fault.wrap(echo) : { message: echo };
				return this.send(res, { status: fault.status, body });
			} else {
				return this.send(res, this.faultResponse(fault));
			}
		}

		for (const route of this.routes) {
			if (route.method !== request.method) continue;
			const m = route.pattern.exec(request.path);
			if (!m) continue;
			route.keys.forEach((k, i) => (request.params[k] = decodeURIComponent(m[i + 1])));
			try {
				return this.send(res, await route.handler(request));
			} catch (error) {
				return this.send(res, { status: 500, body: { message: `simulator failure: ${(error as Error).message}` } });
			}
		}
		this.send(res, { status: 404, body: { message: `no route ${request.method} ${request.path}` } });
	}

	/** Streams `{"data":"xxxx…"}` of about `bytes` bytes; stops writing when the client goes away. */
	private streamOversized(res: http.ServerResponse, bytes: number) {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.write('{"code":200,"data":"');
		const chunk = 'x'.repeat(64 * 1024);
		let sent = 0;
		this.oversizedBytesSent = 0;
		const pump = () => {
			while (sent < bytes) {
				if (res.destroyed) return;
				sent += chunk.length;
				this.oversizedBytesSent = sent;
				if (!res.write(chunk)) return void res.once('drain', pump);
			}
			res.end('"}');
		};
		pump();
	}

	/** how much of the last oversized answer was written before the client stopped reading */
	oversizedBytesSent = 0;

	private faultResponse(fault: Extract<Fault, { kind: 'status' | 'rateLimit' | 'html' | 'malformed' | 'empty' | 'redirect' | 'answer' }>): SimResponse {
		switch (fault.kind) {
			case 'redirect':
				return { status: fault.status, headers: { Location: fault.location }, body: { message: 'moved' } };
			case 'status':
				return { status: fault.status, body: fault.body ?? { message: `HTTP ${fault.status}` }, headers: fault.headers };
			case 'rateLimit':
				return {
					status: 429,
					body: { code: 429, message: 'Too many requests' },
					headers: fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {},
				};
			case 'html':
				return {
					status: fault.status ?? 502,
					raw: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
					headers: { 'Content-Type': 'text/html' },
				};
			case 'malformed':
				return { status: fault.status ?? 200, raw: '{"code":200,"data":{"broken"', headers: { 'Content-Type': 'application/json' } };
			case 'empty':
				return { status: fault.status ?? 200, raw: '', headers: { 'Content-Type': 'application/json' } };
			case 'answer':
				return fault.response;
		}
	}

	private send(res: http.ServerResponse, response: SimResponse) {
		const status = response.status ?? 200;
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: Buffer | string;
		if (response.raw !== undefined) {
			payload = response.raw;
		} else if (response.body === undefined) {
			payload = '';
		} else {
			payload = JSON.stringify(response.body);
			headers['Content-Type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(status, headers);
		res.end(payload);
	}
}
