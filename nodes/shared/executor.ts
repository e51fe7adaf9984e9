/**
 * The engine that runs this pack's declared operations.
 *
 * Every operation is declared with n8n's own `routing` vocabulary (`request`, `send`, `output`,
 * `operations.pagination`, `preSend`, `postReceive`). n8n's routing node would run those
 * declarations too, but it evaluates every property of the description for every item and fires all
 * items' requests at once; measured in the real n8n 2.40.7 it is slower than the HTTP Request node
 * and it floods rate-limited services (see README, "How operations run"). This executor reads the
 * same declarations, but:
 *  - works out once per run which properties belong to the chosen resource and operation;
 *  - reads only the parameters that are shown for each item;
 *  - keeps at most `concurrency` requests in flight, in item order;
 *  - retries a 429 (the service did not process the request) after `Retry-After` (capped) or
 *    1 s, 2 s, 4 s, and never retries anything else;
 *  - turns HTTP failures into a `NodeApiError` through the provider's error mapper, without the
 *    request (headers, signed URL) attached, and pairs every output item to its input item.
 *
 * Supported vocabulary (anything else is refused when the plan is built, so a declaration can't
 * silently do nothing): `request.{method,url,baseURL,qs,body,headers,encoding,json,returnFullResponse}`,
 * `send.{type,property,value,propertyInDotNotation,preSend,paginate}`,
 * `output.{postReceive,maxResults}`, `operations.pagination` as a function. Expressions are the
 * simple forms `={{$value}}`, `{{$parameter.x}}` / `{{$parameter["x"]}}` and `{{$credentials.x}}`;
 * parameter values placed in a URL are URL-encoded.
 */
import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type DeclarativeRestApiSettings,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeTypeDescription,
	type IPostReceiveBase,
	type JsonObject,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';

import { defaultStatusText } from './errors';
import { redact } from './redact';

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
}

export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	/** network-level failure (timeout, connection dropped, DNS) when there is no status */
	networkCode?: string;
	networkMessage?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

type RoutingRequest = DeclarativeRestApiSettings.HttpRequestOptions;
type Pagination = (
	this: IExecuteSingleFunctions & {
		makeRoutingRequest: (options: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;
	},
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

interface Plan {
	request: RoutingRequest;
	preSend: PreSendAction[];
	postReceive: PostReceiveAction[];
	pagination?: Pagination;
	properties: INodeProperties[];
}

/** What the executor reads of a node: its properties (with their routing) and request defaults. */
export type Declaration = Pick<INodeTypeDescription, 'properties' | 'requestDefaults'>;

const planCache = new WeakMap<Declaration, Map<string, Plan>>();

function showsFor(property: INodeProperties, key: string, value: string): boolean {
	const show = property.displayOptions?.show?.[key];
	const hide = property.displayOptions?.hide?.[key];
	if (show && !show.includes(value)) return false;
	if (hide && hide.includes(value)) return false;
	return true;
}

/** The operation's declaration and the properties that belong to it, worked out once per description. */
export function getPlan(description: Declaration, resource: string, operation: string): Plan {
	let plans = planCache.get(description);
	if (!plans) {
		plans = new Map();
		planCache.set(description, plans);
	}
	const key = `${resource}\u0000${operation}`;
	const cached = plans.get(key);
	if (cached) return cached;

	const operationProperty = description.properties.find(
		(p) => p.name === 'operation' && showsFor(p, 'resource', resource),
	);
	const option = (operationProperty?.options as INodePropertyOptions[] | undefined)?.find(
		(o) => o.value === operation,
	);
	if (!option) {
		throw new Error(`Unknown operation "${operation}" of resource "${resource}"`);
	}
	const routing = option.routing ?? {};
	const pagination = routing.operations?.pagination;
	if (pagination !== undefined && typeof pagination !== 'function') {
		throw new Error(`Operation "${resource}:${operation}": only function pagination is supported`);
	}
	const plan: Plan = {
		request: { ...(description.requestDefaults ?? {}), ...(routing.request ?? {}) } as RoutingRequest,
		preSend: [...(routing.send?.preSend ?? [])],
		postReceive: [...(routing.output?.postReceive ?? [])],
		pagination: pagination as Pagination | undefined,
		properties: description.properties.filter(
			(p) =>
				p.name !== 'operation' &&
				p.name !== 'resource' &&
				showsFor(p, 'resource', resource) &&
				showsFor(p, 'operation', operation),
		),
	};
	plans.set(key, plan);
	return plan;
}

const SIMPLE_EXPRESSION = /\{\{\s*\$(parameter|credentials)(?:\.([A-Za-z0-9_]+)|\[\s*["']([^"']+)["']\s*\])\s*\}\}/g;

/** Resolves the simple `{{$parameter.x}}` / `{{$credentials.x}}` forms used in URLs and defaults. */
function resolveTemplate(
	template: unknown,
	parameter: (name: string) => unknown,
	credentials: ICredentialDataDecryptedObject | undefined,
	encode: boolean,
): unknown {
	if (typeof template !== 'string' || !template.startsWith('=')) return template;
	const body = template.slice(1);
	const whole = /^\{\{\s*\$(parameter|credentials)(?:\.([A-Za-z0-9_]+)|\[\s*["']([^"']+)["']\s*\])\s*\}\}$/.exec(body);
	const lookup = (source: string, name: string) =>
		source === 'parameter' ? parameter(name) : credentials?.[name];
	if (whole) return lookup(whole[1], whole[2] ?? whole[3]);
	const resolved = body.replace(SIMPLE_EXPRESSION, (_m, source: string, a?: string, b?: string) => {
		const value = lookup(source, (a ?? b) as string);
		const text = value === undefined || value === null ? '' : String(value);
		return encode && source === 'parameter' ? encodeURIComponent(text) : text;
	});
	if (resolved.includes('{{')) {
		throw new Error(`Unsupported expression in operation declaration: ${template}`);
	}
	return resolved;
}

function resolveValueExpression(template: unknown, value: unknown): unknown {
	if (typeof template !== 'string' || !template.startsWith('=')) return template;
	if (/^=\{\{\s*\$value\s*\}\}$/.test(template)) return value;
	throw new Error(`Unsupported expression in operation declaration: ${template}`);
}

function setPath(target: IDataObject, path: string, value: unknown, dotted: boolean) {
	const keys = dotted ? path.split('.') : [path];
	let cursor = target;
	for (const k of keys.slice(0, -1)) {
		if (typeof cursor[k] !== 'object' || cursor[k] === null) cursor[k] = {};
		cursor = cursor[k] as IDataObject;
	}
	cursor[keys[keys.length - 1]] = value as IDataObject[string];
}

interface RequestData {
	options: IHttpRequestOptions;
	preSend: PreSendAction[];
	postReceive: PostReceiveAction[];
	paginate: boolean;
	maxResults?: number;
}

/** Applies one property's `routing` (and its children's, for collections) to the request. */
function applyRouting(property: INodeProperties, value: unknown, data: RequestData) {
	const routing = property.routing;
	if (routing) {
		const send = routing.send;
		if (send) {
			if (send.property !== undefined && send.type) {
				const sent = send.value !== undefined ? resolveValueExpression(send.value, value) : value;
				const target = send.type === 'query' ? (data.options.qs ??= {}) : ((data.options.body ??= {}) as IDataObject);
				setPath(target, send.property, sent, send.propertyInDotNotation !== false);
			}
			if (send.preSend) data.preSend.push(...send.preSend);
			if (send.paginate !== undefined) data.paginate = Boolean(resolveValueExpression(send.paginate, value));
		}
		if (routing.request) {
			for (const [key, part] of Object.entries(routing.request)) {
				if (part && typeof part === 'object' && !Array.isArray(part)) {
					const target = ((data.options as unknown as IDataObject)[key] ??= {}) as IDataObject;
					for (const [k, v] of Object.entries(part as IDataObject)) target[k] = resolveValueExpression(v, value) as IDataObject[string];
				} else {
					(data.options as unknown as IDataObject)[key] = resolveValueExpression(part, value) as IDataObject[string];
				}
			}
		}
		if (routing.output?.postReceive) data.postReceive.push(...routing.output.postReceive);
		if (routing.output?.maxResults !== undefined) {
			data.maxResults = Number(resolveValueExpression(routing.output.maxResults, value));
		}
	}
	if (value === null || typeof value !== 'object') return;
	if (property.type === 'collection') {
		for (const child of (property.options ?? []) as INodeProperties[]) {
			if (child.name in (value as IDataObject)) applyRouting(child, (value as IDataObject)[child.name], data);
		}
	} else if (property.type === 'fixedCollection') {
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const groupValue = (value as IDataObject)[group.name];
			if (groupValue === undefined) continue;
			for (const entry of Array.isArray(groupValue) ? groupValue : [groupValue]) {
				for (const child of group.values) {
					if (child.name in (entry as IDataObject)) applyRouting(child, (entry as IDataObject)[child.name], data);
				}
			}
		}
	}
}

function isShown(property: INodeProperties, param: (name: string) => unknown): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [name, allowed] of Object.entries(show ?? {})) {
		if (name === 'resource' || name === 'operation' || name.startsWith('@')) continue;
		if (!(allowed as unknown[]).includes(param(name))) return false;
	}
	for (const [name, refused] of Object.entries(hide ?? {})) {
		if (name === 'resource' || name === 'operation' || name.startsWith('@')) continue;
		if ((refused as unknown[]).includes(param(name))) return false;
	}
	return true;
}

/** A single-item view of the execute context: what `preSend`, `postReceive` and pagination functions get as `this`. */
function singleItemContext(run: RunContext, itemIndex: number): IExecuteSingleFunctions {
	const { ctx } = run;
	const view = {
		getNodeParameter: (name: string, fallback?: unknown, options?: object) =>
			ctx.getNodeParameter(name, itemIndex, fallback, options),
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
	const raw = headers?.['retry-after'];
	if (raw !== undefined) {
		const seconds = Number(raw);
		const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(raw)) - Date.now();
		if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
	}
	return RETRY_DELAYS_MS[attempt] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];
}

/** Reads what an httpRequest failure carries, without keeping the request (it holds the secrets). */
export function readHttpFailure(error: unknown): HttpFailure {
	// httpRequestWithAuthentication wraps the transport error in a NodeApiError (as `cause`)
	const cause = (error as { cause?: { response?: unknown; code?: unknown } })?.cause;
	const original = cause && typeof cause === 'object' && ('response' in cause || 'code' in cause) ? cause : error;
	const e = original as {
		response?: { status?: number; data?: unknown; body?: unknown; headers?: IDataObject };
		httpCode?: string;
		code?: string;
		message?: string;
	};
	if (e?.response?.status) {
		let body = e.response.data ?? e.response.body;
		if (Buffer.isBuffer(body)) body = body.toString('utf8');
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body);
			} catch {
				// keep the text: an HTML error page or a truncated answer
			}
		}
		return { status: e.response.status, body, headers: e.response.headers };
	}
	return { networkCode: e?.code, networkMessage: e?.message };
}

function networkMessage(failure: HttpFailure, timeout: number): string {
	const code = failure.networkCode ?? '';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(failure.networkMessage ?? '')) {
		return `no answer within ${timeout < 1000 ? `${timeout} ms` : `${Math.round(timeout / 100) / 10} s`} (request timed out)`;
	}
	if (code === 'ECONNRESET' || /socket hang up/i.test(failure.networkMessage ?? '')) {
		return 'the connection was dropped before an answer arrived';
	}
	if (code === 'ECONNREFUSED') return 'the server refused the connection';
	if (code === 'ENOTFOUND') return 'the server name could not be resolved';
	return failure.networkMessage ?? 'the request failed';
}

/** Builds the NodeApiError users see for a failed exchange; the request itself is never attached. */
export function httpError(
	ctx: { getNode: IExecuteFunctions['getNode'] },
	settings: ProviderSettings,
	failure: HttpFailure,
	itemIndex: number,
	secrets: string[],
	timeout = DEFAULT_TIMEOUT_MS,
): NodeApiError {
	let message: string;
	let description: string | undefined;
	let code: string | undefined;
	if (failure.status === undefined) {
		message = `${settings.service}: ${networkMessage(failure, timeout)}`;
		code = failure.networkCode;
	} else {
		const described = settings.describeHttpError?.(failure);
		code = described?.code ?? String(failure.status);
		message = `${settings.service} error ${code}: ${described?.message ?? defaultStatusText(failure.status)}`;
		description = described?.description ?? excerpt(failure.body);
	}
	const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, secrets));
	const error = new NodeApiError(
		ctx.getNode(),
		// no code in the response object: NodeApiError would take it for the HTTP code, or swap the message
		// for its generic text when it knows the code (ECONNRESET…); the code is in the message and the context
		{ message: clean(message) ?? '' } as JsonObject,
		{
			message: clean(message),
			description: clean(description),
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex,
		},
	);
	if (code !== undefined) error.context.code = code;
	return error;
}

function excerpt(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

export interface RunContext {
	ctx: IExecuteFunctions;
	settings: ProviderSettings;
	credentialType: string;
	/** the credential, read once per run (n8n would read and decrypt it again for every request) */
	credentials?: ICredentialDataDecryptedObject;
	secrets: string[];
	timeout: number;
}

/** Reads the node's credential once for the whole run. */
export async function startRun(ctx: IExecuteFunctions, settings: ProviderSettings, withCredentials: boolean): Promise<RunContext> {
	const { timeout } = readRequestOptions(ctx, settings);
	const credentialType = settings.credentialType(ctx);
	const credentials = withCredentials ? await ctx.getCredentials(credentialType, 0) : undefined;
	return { ctx, settings, credentialType, credentials, secrets: secretValues(credentials, settings.secretFields), timeout };
}

/** Sends one request with authentication, retrying a 429 as the service allows. */
export async function sendWithRetry(run: RunContext, options: IHttpRequestOptions, itemIndex: number): Promise<IN8nHttpFullResponse> {
	for (let attempt = 0; ; attempt++) {
		try {
			return (await run.ctx.helpers.httpRequestWithAuthentication.call(
				run.ctx,
				run.credentialType,
				{
					...options,
					headers: { ...(options.headers ?? {}) },
					returnFullResponse: true,
					timeout: options.timeout ?? run.timeout,
				},
				// the credential read for this run: n8n authenticates with it instead of reading it again
				// (OAuth2 credentials ignore it and keep n8n's own token handling)
				run.credentials ? { credentialsDecrypted: { ...credentialDetails(run), data: run.credentials } } : undefined,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = readHttpFailure(error);
			if (failure.status === 429 && attempt < RETRY_DELAYS_MS.length) {
				await sleep(retryDelayMs(failure.headers, attempt));
				continue;
			}
			throw httpError(run.ctx, run.settings, failure, itemIndex, run.secrets, run.timeout);
		}
	}
}

async function postProcess(
	single: IExecuteSingleFunctions,
	actions: PostReceiveAction[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[];
	if (actions.length === 0) {
		return Array.isArray(response.body)
			? (response.body as IDataObject[]).map((json) => ({ json }))
			: [{ json: (response.body ?? {}) as IDataObject }];
	}
	items = [{ json: (response.body ?? {}) as IDataObject }];
	for (const action of actions) {
		if (typeof action === 'function') {
			items = await action.call(single, items, response);
		} else if (action.type === 'rootProperty') {
			const property = (action as IPostReceiveBase).properties.property as string;
			items = items.flatMap((item) => {
				const inner = property.split('.').reduce<unknown>((o, k) => (o as IDataObject)?.[k], item.json);
				return (Array.isArray(inner) ? inner : [inner]).map((json) => ({ json: json as IDataObject }));
			});
		} else {
			throw new Error(`Unsupported postReceive action "${action.type}"`);
		}
	}
	return items;
}

/** Runs one item: builds its request from the declarations, sends it (paging when asked), post-processes. */
function credentialDetails(run: RunContext) {
	const details = run.ctx.getNode().credentials?.[run.credentialType];
	return { id: details?.id ?? '', name: details?.name ?? '', type: run.credentialType };
}

async function runItem(run: RunContext, plan: Plan, itemIndex: number) {
	const { ctx, credentials } = run;
	const params = new Map<string, unknown>();
	const param = (name: string) => {
		if (!params.has(name)) params.set(name, ctx.getNodeParameter(name, itemIndex, undefined));
		return params.get(name);
	};
	const data: RequestData = {
		options: { url: '', qs: {}, body: {}, headers: {} } as IHttpRequestOptions,
		preSend: [],
		postReceive: [],
		paginate: false,
	};
	for (const [key, value] of Object.entries(plan.request)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const target = ((data.options as unknown as IDataObject)[key] ??= {}) as IDataObject;
			for (const [k, v] of Object.entries(value as IDataObject)) target[k] = resolveTemplate(v, param, credentials, false) as IDataObject[string];
		} else {
			(data.options as unknown as IDataObject)[key] = resolveTemplate(value, param, credentials, key === 'url') as IDataObject[string];
		}
	}
	data.options.method = (data.options.method ?? 'GET') as IHttpRequestMethods;
	if (typeof data.options.baseURL === 'string') data.options.baseURL = data.options.baseURL.replace(/\/+$/, '');
	for (const property of plan.properties) {
		if (!property.routing && property.type !== 'collection' && property.type !== 'fixedCollection') continue;
		if (!isShown(property, param)) continue;
		applyRouting(property, param(property.name), data);
	}
	data.preSend.push(...plan.preSend);
	data.postReceive.push(...plan.postReceive);

	const single = singleItemContext(run, itemIndex);
	for (const preSend of data.preSend) {
		data.options = await preSend.call(single, data.options);
	}
	if (data.options.body && typeof data.options.body === 'object' && Object.keys(data.options.body).length === 0 && !Buffer.isBuffer(data.options.body)) {
		if (data.options.method === 'GET' || data.options.method === 'DELETE') delete data.options.body;
	}

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
	if (data.maxResults !== undefined && Number.isFinite(data.maxResults)) items = items.slice(0, data.maxResults);
	return items;
}

/**
 * Runs `worker` for every index in order with at most `limit` running at once. Stops starting new
 * ones after a failure when `stopOnError` is set (the failure is rethrown by the caller in item order).
 */
export async function runPool<T>(
	count: number,
	limit: number,
	worker: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<{ ok: true; value: T } | { ok: false; error: unknown } | undefined>> {
	const results: Array<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> = new Array(count);
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

/** Reads "Max Concurrent Requests" and "Timeout" from the node's Request Options. */
export function readRequestOptions(ctx: IExecuteFunctions, settings: ProviderSettings) {
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const concurrency = Number(options.concurrency ?? settings.defaultConcurrency);
	const timeout = Number(options.timeout ?? DEFAULT_TIMEOUT_MS);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) {
		throw new NodeOperationError(ctx.getNode(), `"Max Concurrent Requests" must be a whole number from 1 to 50, got ${String(options.concurrency)}`);
	}
	if (!Number.isFinite(timeout) || timeout < 1) {
		throw new NodeOperationError(ctx.getNode(), `"Timeout" must be a positive number of milliseconds, got ${String(options.timeout)}`);
	}
	return { concurrency, timeout };
}

/** Collects the credential's secret values once, for redaction. */
export function secretValues(credentials: ICredentialDataDecryptedObject | undefined, fields: string[]): string[] {
	if (!credentials) return [];
	return fields.map((f) => credentials[f]).filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** Wraps any error into one that names the item, keeps the provider's message and holds no secret. */
export function itemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, secrets: string[]): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = redact(error.message, secrets);
		if (error.description) error.description = redact(error.description, secrets);
		(error as { context: IDataObject }).context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	const message = redact((error as Error)?.message ?? String(error), secrets);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** Shapes the output of every item: paired to its input, or `{ error }` when continue-on-fail is on. */
export function collectResults(
	ctx: IExecuteFunctions,
	results: Array<{ ok: true; value: INodeExecutionData[] } | { ok: false; error: unknown } | undefined>,
	secrets: string[],
): INodeExecutionData[][] {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		if (!result) continue;
		if (result.ok) {
			for (const item of result.value) out.push({ ...item, pairedItem: { item: i } });
			continue;
		}
		const error = itemError(ctx, result.error, i, secrets);
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
	const run = await startRun(this, settings, true);
	const results = await runPool(items.length, concurrency, async (i) => await runItem(run, plan, i), !this.continueOnFail());
	return collectResults(this, results, run.secrets);
}

/**
 * A custom operation (n8n's `customOperations[resource][operation]`) whose work is per item and
 * sends no request of its own, or only through `sendWithRetry`: same pool, pairing, error wrapping
 * and continue-on-fail as the declared operations.
 */
export function perItemOperation(
	settings: ProviderSettings,
	work: (this: IExecuteFunctions, itemIndex: number, run: RunContext) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>,
	options: { usesCredentials: boolean } = { usesCredentials: true },
) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { concurrency } = readRequestOptions(this, settings);
		const run = await startRun(this, settings, options.usesCredentials);
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
		return collectResults(this, results, run.secrets);
	};
}
