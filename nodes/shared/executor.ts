/**
 * The engine that runs this pack's declared operations.
 *
 * Every operation is declared with n8n's own `routing` vocabulary. n8n's routing node would run those
 * declarations too, but it evaluates every property of the description for every item and fires all
 * items' requests at once; measured in the real n8n 2.40.7 it is slower than the HTTP Request node
 * and it floods rate-limited services (see README, "How operations run"). This executor reads the
 * same declarations, but:
 *  - works out once per description and operation which properties belong to it;
 *  - reads only the parameters that are shown for each item (display conditions on parameters and
 *    on the node's version, `@version`, with plain values);
 *  - keeps at most `concurrency` requests in flight, in item order ("Max Concurrent Requests";
 *    the routing node's "Batching" option is not read), and without continue-on-fail starts no
 *    further item after one failed (the routing node has sent every item's request by then);
 *  - retries a 429 (the service did not process the request) after `Retry-After` (capped) or
 *    1 s, 2 s, 4 s, and never retries anything else;
 *  - never follows a redirect on an API call, reads answers up to "Max Response Size", refuses
 *    empty or dot-only path segments placed from a parameter, and times out after "Timeout"
 *    (default 30 s, not 300 s); a connection lost once a request that changes something was sent
 *    is reported as "may have been done", never as refused;
 *  - turns HTTP failures into a `NodeApiError` through the provider's error mapper, without the
 *    request (headers, signed URL) attached, masks every secret of the run, and pairs every output
 *    item to its input item.
 * Like the routing node, every request carries the credential's domain restriction ("Allowed HTTP
 * Request Domains", checked before sending, the declared base URL's own host joining the list) and the
 * "Proxy" and "Ignore SSL Issues" request options when the node offers them.
 *
 * The parts: `routing.ts` reads the declarations (what runs, each operation's plan, a property's
 * routing, display conditions, `postReceive`); `http.ts` reads an answer (capped, with a deadline)
 * and turns a failed exchange into the error users see; this module runs the items.
 *
 * test/<provider>/routingNode.test.ts runs every declared operation of every node through this
 * executor and through n8n-core's RoutingNode and compares requests and items, naming the
 * differences listed above.
 */
import {
	assertUrlAllowed,
	deepCopy,
	getCredentialAllowedDomains,
	NodeApiError,
	NodeOperationError,
	sleep,
	toHostname,
	type DeclarativeRestApiSettings,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	BodyTimeout,
	CutOff,
	Deadlines,
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_TIMEOUT_MS,
	httpError,
	isStream,
	parseBody,
	readCapped,
	readHttpFailure,
	TooLarge,
	type HttpFailure,
} from './http';
import { pathSegment } from './pathSegment';
import {
	applyRouting,
	getPlan,
	hasExpression,
	isShown,
	postProcess,
	resolveTemplate,
	type Declaration,
	type Plan,
	type RequestData,
} from './routing';
import { SecretMask } from './secrets';

/** What a provider tells the executor about itself. */
export interface ProviderSettings {
	/** The service's name, used in every error message. */
	service: string;
	/** Credential type for this run (a node with several auth methods picks it from a parameter). */
	credentialType: (ctx: IExecuteFunctions) => string;
	/** Credential fields whose values must never appear in an error. */
	secretFields: string[];
	/** Default for "Max Concurrent Requests". */
	defaultConcurrency: number;
	/**
	 * Explains a failed HTTP exchange: the status, the parsed body (when any) and the raw text.
	 * Returns the provider's code and a readable English message.
	 */
	describeHttpError?: (failure: HttpFailure) => { code?: string; message: string; description?: string };
	/**
	 * Whether a request only reads (default: GET and HEAD). Any other request may have been carried
	 * out when the connection breaks after it was sent, and the error says so.
	 */
	readOnly?: (options: IHttpRequestOptions) => boolean;
	/**
	 * Secrets a request carries that are made when it is signed (YTX: `Sign` and `Authorization` from
	 * the time stamp), for every second the request was under way.
	 */
	requestSecrets?: (credentials: ICredentialDataDecryptedObject, sentAt: Date, answeredAt: Date) => string[];
}

export const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

/**
 * Reads the parameters of one item. Each parameter is resolved once per item, whoever asks (the
 * declarations, then the preSend and postReceive functions): n8n evaluates an expression again on
 * every getNodeParameter call. A resource locator's value (`extractValue`) is kept apart from the
 * locator itself. A parameter without any expression is the same for every item and is resolved once
 * per run. Every caller gets its own copy of an object.
 */
export function parameterReader(run: RunContext, itemIndex: number) {
	const { ctx } = run;
	const values = new Map<string, unknown>();
	return (name: string, fallback?: unknown, options?: ReaderOptions): unknown => {
		const raw = run.node.parameters[name];
		if (raw === undefined) return ctx.getNodeParameter(name, itemIndex, fallback, options);
		const key = options?.extractValue ? `${name} (value)` : name;
		let value: unknown;
		if (values.has(key)) {
			value = values.get(key);
		} else {
			let fixed = run.fixedParameters.get(key);
			if (!fixed) {
				fixed = hasExpression(raw) ? { item: true } : { item: false, value: ctx.getNodeParameter(name, itemIndex, undefined, options) };
				run.fixedParameters.set(key, fixed);
			}
			value = fixed.item ? ctx.getNodeParameter(name, itemIndex, undefined, options) : fixed.value;
			values.set(key, value);
		}
		return value !== null && typeof value === 'object' ? deepCopy(value) : value;
	};
}

/** The getNodeParameter options the reader keeps per item: none, or a resource locator's value. */
type ReaderOptions = { extractValue?: boolean };
const readerHandles = (options: object | undefined): options is ReaderOptions | undefined =>
	options === undefined || Object.keys(options).every((key) => key === 'extractValue');

/** A single-item view of the execute context: what `preSend`, `postReceive` and pagination functions get as `this`. */
function singleItemContext(run: RunContext, itemIndex: number, read: ReturnType<typeof parameterReader>): IExecuteSingleFunctions {
	const { ctx } = run;
	const view = {
		getNodeParameter: (name: string, fallback?: unknown, options?: object) =>
			readerHandles(options) ? read(name, fallback, options) : ctx.getNodeParameter(name, itemIndex, fallback, options),
		getItemIndex: () => itemIndex,
		getInputData: () => ctx.getInputData()[itemIndex],
		getNode: () => ctx.getNode(),
		getCredentials: async (type: string) =>
			type === run.credentialType && run.credentials ? run.credentials : await ctx.getCredentials(type, itemIndex),
		evaluateExpression: (expression: string) => ctx.evaluateExpression(expression, itemIndex),
		continueOnFail: () => ctx.continueOnFail(),
		getMode: () => ctx.getMode(),
		getTimezone: () => ctx.getTimezone(),
		getWorkflow: () => ctx.getWorkflow(),
		getExecutionId: () => ctx.getExecutionId(),
		getExecutionCancelSignal: () => ctx.getExecutionCancelSignal(),
		logger: ctx.logger,
		helpers: ctx.helpers,
	};
	return view as unknown as IExecuteSingleFunctions;
}

function retryDelayMs(headers: IDataObject | undefined, attempt: number): number {
	// seconds, or an HTTP date; absent or neither: NaN
	const raw = headers?.['retry-after'];
	const seconds = Number(raw);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(raw)) - Date.now();
	if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
	return RETRY_DELAYS_MS[attempt];
}

export interface RunContext {
	ctx: IExecuteFunctions;
	settings: ProviderSettings;
	credentialType: string;
	/** the credential, read once per run (n8n would read and decrypt it again for every request) */
	credentials?: ICredentialDataDecryptedObject;
	/** every secret of the run, for errors and output */
	mask: SecretMask;
	timeout: number;
	maxResponseBytes: number;
	/** the credential's domain restriction ("Allowed Domains"), as n8n's routing node reads it */
	allowedDomains?: string;
	/** "Proxy" and "Ignore SSL Issues" of the node's Request Options, when the node offers them */
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	/** the body deadlines of the run's requests (made with the first) */
	deadlines?: Deadlines;
	/** parameters without an expression, read once per run (see parameterReader) */
	fixedParameters: Map<string, { item: true } | { item: false; value: unknown }>;
	/** the node as the run started: n8n's getNode() copies the whole node, parameters included, at each call */
	node: INode;
}

/** OAuth2 tokens as n8n keeps them in the credential. */
function oauthTokens(credentials: ICredentialDataDecryptedObject | undefined): unknown[] {
	const data = credentials?.oauthTokenData as IDataObject | undefined;
	return [data?.access_token, data?.refresh_token];
}

/**
 * Reads the node's credential once for the whole run and starts its secret mask, and works out the
 * credential's domain restriction as n8n's routing node does. `endpoint` is the base URL of the
 * node's declaration resolved without any parameter: when it has a host, the node (not the user)
 * decides the address, so "None" does not block it and its host joins a list of allowed domains;
 * a base URL that depends on a parameter is held to the restriction as written. Custom operations
 * (no `endpoint`) belong to the node too, but the addresses they call are held to the list as written.
 */
export async function startRun(
	ctx: IExecuteFunctions,
	settings: ProviderSettings,
	withCredentials = true,
	endpoint?: (credentials: ICredentialDataDecryptedObject) => unknown,
): Promise<RunContext> {
	const { timeout, maxResponseBytes, proxy, skipSslCertificateValidation } = readRequestOptions(ctx, settings);
	const credentialType = settings.credentialType(ctx);
	const credentials = withCredentials ? await ctx.getCredentials(credentialType, 0) : undefined;
	const node = ctx.getNode();
	// fields are read again each time the mask is used: a Server-to-Server token fetched during the run is in them
	const mask = new SecretMask().watch(credentials, settings.secretFields).add(...oauthTokens(credentials), proxy?.auth?.password);
	const endpointUrl = endpoint && credentials ? String(endpoint(credentials) ?? '') : undefined;
	// n8n versions before the domain restriction have neither the setting nor this function
	const allowedDomains =
		credentials && typeof getCredentialAllowedDomains === 'function'
			? getCredentialAllowedDomains({
					node,
					credentialData: credentials,
					credentialOwnedSurface: endpointUrl === undefined || toHostname(endpointUrl) !== undefined,
					nodeEndpointUrl: endpointUrl,
				})
			: undefined;
	return {
		ctx,
		settings,
		credentialType,
		credentials,
		mask,
		timeout,
		maxResponseBytes,
		allowedDomains,
		proxy,
		skipSslCertificateValidation,
		fixedParameters: new Map(),
		node,
	};
}

/** The address a request goes to, as axios combines `baseURL` and `url`. */
const requestUrl = (options: IHttpRequestOptions) =>
	/^[a-z][a-z\d+.-]*:\/\//i.test(options.url) || !options.baseURL ? options.url : `${options.baseURL}${options.url}`;

const isReadOnly = (settings: ProviderSettings, options: IHttpRequestOptions) =>
	settings.readOnly ? settings.readOnly(options) : options.method === undefined || options.method === 'GET' || options.method === 'HEAD';

/**
 * Sends one request with authentication and returns the full response, retrying a 429 as the service
 * allows. API calls never follow a redirect (the credential stays with the configured address) and
 * their answers are read up to "Max Response Size" before being parsed. `download` returns the body
 * as a stream, following redirects without sending the credential to another origin.
 */
export async function sendWithRetry(
	run: RunContext,
	options: IHttpRequestOptions,
	itemIndex: number,
	{ download = false }: { download?: boolean } = {},
): Promise<IN8nHttpFullResponse> {
	const { settings, credentials, allowedDomains, proxy, skipSslCertificateValidation } = run;
	const readOnly = isReadOnly(settings, options);
	const timeout = options.timeout ?? run.timeout;
	if (allowedDomains) {
		try {
			assertUrlAllowed({ url: requestUrl(options), allowedDomains, node: run.ctx.getNode() });
		} catch (error) {
			throw new NodeOperationError(run.ctx.getNode(), `${settings.service}: ${(error as Error).message} (nothing was sent) (item ${itemIndex})`, { itemIndex });
		}
	}
	const request: IHttpRequestOptions = {
		...options,
		headers: { ...(options.headers ?? {}) },
		returnFullResponse: true,
		timeout,
		encoding: options.encoding ?? 'stream',
		...(download ? { sendCredentialsOnCrossOriginRedirect: false } : { disableFollowRedirect: true }),
		// n8n checks every redirect of a download against the allowed domains too
		...(allowedDomains ? { allowedDomains } : {}),
		...(proxy ? { proxy } : {}),
		...(skipSslCertificateValidation ? { skipSslCertificateValidation } : {}),
	};
	for (let attempt = 0; ; attempt++) {
		const sentAt = new Date();
		// n8n gives every request the execution's cancel signal; this one can also close a connection
		// whose answer is abandoned (too large, or still arriving at the timeout)
		const connection = new AbortController();
		const cancel = run.ctx.getExecutionCancelSignal?.();
		const onCancel = () => connection.abort(cancel?.reason);
		if (cancel?.aborted) onCancel();
		else cancel?.addEventListener('abort', onCancel);
		const requester = Object.create(run.ctx, { getExecutionCancelSignal: { value: () => connection.signal } }) as IExecuteFunctions;
		try {
			try {
				const response = (await run.ctx.helpers.httpRequestWithAuthentication.call(
					requester,
					run.credentialType,
					{ ...request, headers: { ...request.headers } },
					// the credential read for this run: n8n authenticates with it instead of reading it again
					// (OAuth2 credentials ignore it and keep n8n's own token handling)
					credentials ? { credentialsDecrypted: { ...credentialDetails(run), data: credentials } } : undefined,
				)) as IN8nHttpFullResponse;
				if (!download && options.encoding === undefined && isStream(response.body)) {
					const at = sentAt.getTime() + timeout;
					const raw = await readCapped(response.body, run.maxResponseBytes, false, { at, deadlines: (run.deadlines ??= new Deadlines()) }, () =>
						connection.abort(),
					).catch((error: unknown) => {
						throw error instanceof TooLarge || error instanceof BodyTimeout ? error : new CutOff(response.statusCode);
					});
					response.body = parseBody(raw) as IN8nHttpFullResponse['body'];
				}
				return response;
			} finally {
				cancel?.removeEventListener('abort', onCancel);
				if (credentials && settings.requestSecrets) run.mask.add(...settings.requestSecrets(credentials, sentAt, new Date()));
			}
		} catch (error) {
			const failure = await readHttpFailure(error, request);
			if (failure.status === 429 && attempt < RETRY_DELAYS_MS.length) {
				await sleep(retryDelayMs(failure.headers, attempt));
				continue;
			}
			throw httpError(run.ctx, settings, failure, itemIndex, run.mask, {
				timeout,
				readOnly,
				url: requestUrl(request),
				maxResponseBytes: run.maxResponseBytes,
			});
		}
	}
}

/** The credential as n8n names it in `credentialsDecrypted`. */
function credentialDetails(run: RunContext) {
	const details = run.node.credentials?.[run.credentialType];
	return { id: details?.id ?? '', name: details?.name ?? '', type: run.credentialType };
}

/** One item's request, built from the declarations and the item's parameters, checked, not sent yet. */
interface PreparedItem {
	data: RequestData;
	single: IExecuteSingleFunctions;
}

/** Builds one item's request from the declarations: its parameters read, routed and checked by the preSend actions. */
async function prepareItem(run: RunContext, plan: Plan, itemIndex: number): Promise<PreparedItem> {
	const { ctx, credentials } = run;
	const param = parameterReader(run, itemIndex);
	// a resource locator placed by `{{$parameter.x}}` gives its value (the mode's extractValue applied), as in n8n
	const locators = new Set(plan.properties.filter((p) => p.type === 'resourceLocator').map((p) => p.name));
	const placed = (name: string) => param(name, undefined, locators.has(name) ? { extractValue: true } : undefined);
	// a parameter placed in the URL path: refused when empty or dots only, encoded otherwise
	const segment = (name: string, value: unknown) =>
		pathSegment(ctx, value, plan.properties.find((p) => p.name === name)?.displayName ?? name, itemIndex);
	const data: RequestData = {
		options: { url: '', qs: {}, body: {}, headers: {} } as IHttpRequestOptions,
		preSend: [],
		postReceive: [],
		paginate: false,
	};
	for (const [key, value] of Object.entries(plan.request)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const target = ((data.options as unknown as IDataObject)[key] ??= {}) as IDataObject;
			for (const [k, v] of Object.entries(value as IDataObject)) target[k] = resolveTemplate(v, placed, credentials) as IDataObject[string];
		} else {
			(data.options as unknown as IDataObject)[key] = resolveTemplate(value, placed, credentials, key === 'url' ? segment : undefined) as IDataObject[string];
		}
	}
	data.options.method = (data.options.method ?? 'GET') as IHttpRequestMethods;
	if (typeof data.options.baseURL === 'string') data.options.baseURL = data.options.baseURL.replace(/\/+$/, '');
	const version = run.node.typeVersion;
	const shown = (property: INodeProperties) => isShown(property, param, version);
	for (const property of plan.properties) {
		if (!property.routing && property.type !== 'collection' && property.type !== 'fixedCollection') continue;
		if (!shown(property)) continue;
		// a resource locator is sent as its value (the ID), as n8n's routing node does
		const value = param(property.name, undefined, property.type === 'resourceLocator' ? { extractValue: true } : undefined);
		applyRouting(property, value, data, shown);
	}
	data.preSend.push(...plan.preSend);
	data.postReceive.push(...plan.postReceive);

	const single = singleItemContext(run, itemIndex, param);
	for (const preSend of data.preSend) {
		data.options = await preSend.call(single, data.options);
	}
	if (data.options.body && typeof data.options.body === 'object' && Object.keys(data.options.body).length === 0 && !Buffer.isBuffer(data.options.body)) {
		if (data.options.method === 'GET' || data.options.method === 'DELETE') delete data.options.body;
	}
	return { data, single };
}

/** Sends one prepared item's request (paging when asked) and post-processes the answer into items. */
async function sendItem(run: RunContext, plan: Plan, { data, single }: PreparedItem, itemIndex: number) {
	const makeRoutingRequest = async (request: DeclarativeRestApiSettings.ResultOptions) =>
		await postProcess(single, data.postReceive, await sendWithRetry(run, request.options as IHttpRequestOptions, itemIndex));

	let items: INodeExecutionData[];
	if (data.paginate && plan.pagination) {
		const pagingContext = Object.assign(Object.create(single as object), { makeRoutingRequest });
		items = await plan.pagination.call(pagingContext, {
			options: data.options,
			preSend: data.preSend,
			postReceive: [],
			paginate: true,
			maxResults: data.maxResults,
		} as DeclarativeRestApiSettings.ResultOptions);
	} else {
		items = await makeRoutingRequest({ options: data.options, preSend: [], postReceive: [] } as DeclarativeRestApiSettings.ResultOptions);
	}
	if (Number.isFinite(data.maxResults)) items = items.slice(0, data.maxResults);
	return items;
}

/** What one item's work gave: its value, or the error it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `worker` for every index in order with at most `limit` running at once. Stops starting new
 * ones after a failure when `stopOnError` is set (the failure is rethrown by the caller in item order).
 */
export async function runPool<T>(
	count: number,
	limit: number,
	worker: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<Outcome<T> | undefined>> {
	const results: Array<Outcome<T> | undefined> = new Array(count);
	let next = 0;
	let failed = false;
	const lane = async () => {
		while (next < count && !(stopOnError && failed)) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await worker(index) };
			} catch (error) {
				results[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
	return results;
}

/**
 * Reads "Max Concurrent Requests", "Timeout" and "Max Response Size" from the node's Request Options,
 * and "Proxy" / "Ignore SSL Issues" (`proxy`, `allowUnauthorizedCerts`) when the node offers them, as
 * n8n's routing node reads them.
 */
export function readRequestOptions(ctx: IExecuteFunctions, settings: ProviderSettings) {
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const concurrency = Number(options.concurrency ?? settings.defaultConcurrency);
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_MS);
	const maxResponseMb = Number(options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) {
		throw new NodeOperationError(ctx.getNode(), `"Max Concurrent Requests" must be a whole number from 1 to 50, got ${String(options.concurrency)}`);
	}
	if (!Number.isFinite(timeout) || timeout < 1) {
		throw new NodeOperationError(ctx.getNode(), `"Timeout" must be a positive number of milliseconds, got ${String(options.timeout)}`);
	}
	if (!Number.isFinite(maxResponseMb) || maxResponseMb <= 0) {
		throw new NodeOperationError(ctx.getNode(), `"Max Response Size" must be a positive number of megabytes, got ${String(options.maxResponseSize)}`);
	}
	return {
		concurrency,
		timeout,
		maxResponseBytes: Math.round(maxResponseMb * 1024 * 1024),
		proxy: options.proxy ? parseProxy(ctx, String(options.proxy)) : undefined,
		skipSslCertificateValidation: options.allowUnauthorizedCerts === true,
	};
}

/** "Proxy" as n8n's routing node takes it: a URL with host and port, and optional user:password. */
function parseProxy(ctx: IExecuteFunctions, value: string): IHttpRequestOptions['proxy'] {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		// not a URL: named below
	}
	if (!url?.hostname || !url.port) {
		throw new NodeOperationError(ctx.getNode(), 'The proxy is not valid', {
			description: `The proxy URL does not contain a valid value for "${url?.hostname ? 'port' : 'host'}"`,
		});
	}
	return {
		host: url.hostname,
		port: Number(url.port),
		protocol: url.protocol.slice(0, -1),
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}

/** Wraps any error into one that names the item, keeps the provider's message and holds no secret. */
export function itemError(run: RunContext, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		(error as { context: IDataObject }).context = { ...(error.context ?? {}), itemIndex };
		return run.mask.error(error);
	}
	return run.mask.error(new NodeOperationError(run.ctx.getNode(), (error as Error)?.message ?? String(error), { itemIndex }));
}

/**
 * Shapes the output of every item: paired to its input, or `{ error }` when continue-on-fail is on;
 * every secret of the run masked in errors and output.
 */
export async function collectResults(
	run: RunContext,
	results: Array<Outcome<INodeExecutionData[]> | undefined>,
): Promise<INodeExecutionData[][]> {
	const { ctx } = run;
	if (run.credentials?.oauthTokenData) {
		// n8n may have refreshed the OAuth2 token during the run: the new one is a secret too
		run.mask.add(...oauthTokens(await ctx.getCredentials<ICredentialDataDecryptedObject>(run.credentialType, 0)));
	}
	const out: INodeExecutionData[] = [];
	for (const [i, result] of results.entries()) {
		// never started: only after a failure, which has thrown first without Continue On Fail
		if (!result) continue;
		if (result.ok) {
			for (const item of run.mask.items(result.value)) out.push({ ...item, pairedItem: { item: i } });
			continue;
		}
		const error = itemError(run, result.error, i);
		if (!ctx.continueOnFail()) throw error;
		out.push({ json: { error: error.message, ...(error.description ? { description: error.description } : {}) }, error, pairedItem: { item: i } });
	}
	return [out];
}

/** `execute` of every declarative node in this pack. */
export async function executeDeclared(
	this: IExecuteFunctions,
	description: Declaration,
	settings: ProviderSettings,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const plan = getPlan(description, resource, operation);
	const { concurrency } = readRequestOptions(this, settings);
	// the base URL without any parameter: what the node, not the user, decides (as n8n's routing node)
	const run = await startRun(this, settings, true, (credentials) => resolveTemplate(plan.request.baseURL, () => undefined, credentials));
	const stopOnError = !this.continueOnFail();
	// every item's request is built before the first is sent: a refused input stops the run before
	// any request (without Continue On Fail), and the parameters are read in one pass, as n8n's HTTP
	// Request node reads them, instead of between answers
	const prepared: Array<Outcome<PreparedItem>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: true, value: await prepareItem(run, plan, i) });
		} catch (error) {
			if (stopOnError) throw itemError(run, error, i);
			prepared.push({ ok: false, error });
		}
	}
	const results = await runPool(
		items.length,
		concurrency,
		async (i) => {
			const item = prepared[i];
			if (!item.ok) throw item.error;
			return await sendItem(run, plan, item.value, i);
		},
		stopOnError,
	);
	return await collectResults(run, results);
}

/**
 * A custom operation (n8n's `customOperations[resource][operation]`) whose work is per item and
 * sends no request of its own, or only through `sendWithRetry`: same pool, pairing, error wrapping,
 * masking and continue-on-fail as the declared operations.
 */
export function perItemOperation(
	settings: ProviderSettings,
	work: (this: IExecuteFunctions, itemIndex: number, run: RunContext) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>,
	{ usesCredentials = true }: { usesCredentials?: boolean } = {},
) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { concurrency } = readRequestOptions(this, settings);
		const run = await startRun(this, settings, usesCredentials);
		const results = await runPool(
			items.length,
			concurrency,
			async (i) => {
				const value = await work.call(this, i, run);
				return (Array.isArray(value) ? value : [value]).map((entry) =>
					'json' in entry && typeof entry.json === 'object' ? (entry as INodeExecutionData) : { json: entry as IDataObject },
				);
			},
			!this.continueOnFail(),
		);
		return await collectResults(run, results);
	};
}
