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
 * What it runs: `requestDefaults` and an operation's `routing.request` with the keys
 * method, url, baseURL, qs, body, headers, encoding, json, timeout, arrayFormat (the operation's
 * headers, qs and body merged over the defaults' one level deep); an operation's
 * `send.preSend`, `output.postReceive` and `operations.pagination` as a function; a property's
 * `routing.request` (same keys), `send.{type: body|query, property, value, propertyInDotNotation,
 * preSend, paginate}` and `output.{postReceive, maxResults}`, in collections and fixed collections too;
 * `postReceive` functions and `rootProperty` (with `enabled: true|false`). Expressions: `={{$value}}`
 * in a property's routing; `{{$parameter.x}}`, `{{$parameter["x"]}}` and `{{$credentials.x}}` in an
 * operation's request and the request defaults (parameters placed in a URL are URL-encoded). A
 * resource locator is sent and placed as its value, its mode's `extractValue` applied (a plain string,
 * as older workflows hold, is taken as it is).
 *
 * Everything else is refused when the description's first plan is built, naming the property and the
 * feature (`unsupportedFeatures`): other `postReceive` actions (`set`, `setKeyValue`, `filter`,
 * `limit`, `sort`, `binaryData`) and `enabled` expressions, pagination declared on a property or as
 * node-level `requestOperations`, generic and offset pagination, `_cnd`, `@feature` and `@tool`
 * display conditions, other `send.type` values, other request keys, routing on options of a property
 * other than the operation selector, and any other expression.
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
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodePropertyRouting,
	type INodeTypeDescription,
	type IPostReceiveBase,
	type JsonObject,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';

import { defaultStatusText } from './errors';
import { pathSegment } from './pathSegment';
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
export type Declaration = Pick<INodeTypeDescription, 'properties' | 'requestDefaults'> &
	Partial<Pick<INodeTypeDescription, 'requestOperations'>>;

const planCache = new WeakMap<Declaration, Map<string, Plan>>();

/** Request options a declaration may set: the executor passes them on to n8n's request helper. */
const REQUEST_KEYS = new Set(['method', 'url', 'baseURL', 'qs', 'body', 'headers', 'encoding', 'json', 'timeout', 'arrayFormat']);
const SEND_KEYS = new Set(['type', 'property', 'value', 'propertyInDotNotation', 'preSend', 'paginate']);
const OUTPUT_KEYS = new Set(['postReceive', 'maxResults']);
const VALUE_EXPRESSION = /^=\{\{\s*\$value\s*\}\}$/;

/**
 * Every feature of n8n's routing vocabulary that the executor does not run, found in a description:
 * one line per use, naming the property and the feature. Checked once per description, when its
 * first plan is built, so that a declaration never silently does less than n8n's routing node would.
 */
export function unsupportedFeatures(description: Declaration): string[] {
	const problems: string[] = [];
	if (description.requestOperations) problems.push('node: requestOperations (node-level pagination) is not supported');
	checkRequest('requestDefaults', description.requestDefaults, 'template', problems);
	const walk = (property: INodeProperties, path: string, topLevel: boolean) => {
		const where = `property "${path}"`;
		checkDisplayOptions(where, property, topLevel, problems);
		if (property.routing) checkRouting(where, property.routing, problems);
		if (property.routing && property.type === 'resourceLocator' && !topLevel) {
			problems.push(`${where}: a resource locator with routing inside a collection is not supported`);
		}
		for (const option of property.options ?? []) {
			if ('values' in option) {
				for (const child of option.values) walk(child, `${path}.${option.name}.${child.name}`, false);
			} else if ('type' in option) {
				walk(option, `${path}.${option.name}`, false);
			} else if (option.routing) {
				if (property.name !== 'operation' || !topLevel) {
					problems.push(`${where}: routing on option "${String(option.value)}" is only supported on the operation selector`);
				} else {
					checkOperationRouting(`operation "${String(option.value)}"`, option.routing, problems);
				}
			}
		}
	};
	for (const property of description.properties) walk(property, property.name, true);
	return problems;
}

function checkDisplayOptions(where: string, property: INodeProperties, topLevel: boolean, problems: string[]) {
	const { show, hide, ...rest } = property.displayOptions ?? {};
	for (const key of Object.keys(rest)) {
		if (key !== 'showOnDeployment' && key !== 'hideOnCloud') problems.push(`${where}: displayOptions.${key} is not supported`);
	}
	for (const [kind, conditions] of [['show', show], ['hide', hide]] as const) {
		for (const [name, values] of Object.entries(conditions ?? {})) {
			if (name.startsWith('@') && name !== '@version') problems.push(`${where}: displayOptions.${kind}["${name}"] is not supported`);
			if (name === '@version' && (property.name === 'resource' || property.name === 'operation') && topLevel) {
				problems.push(`${where}: displayOptions.${kind}["@version"] on the resource or operation selector is not supported`);
			}
			if ((values as unknown[]).some((v) => typeof v === 'object' && v !== null)) {
				problems.push(`${where}: displayOptions.${kind}.${name} uses a _cnd condition, which is not supported`);
			}
		}
	}
}

/** An operation's routing: a request with parameter/credential templates, preSend, postReceive, pagination as a function. */
function checkOperationRouting(where: string, routing: INodePropertyRouting, problems: string[]) {
	const { operations, ...rest } = routing;
	for (const key of Object.keys(routing.send ?? {})) {
		if (key !== 'preSend') problems.push(`${where}: routing.send.${key} on an operation is not supported (only preSend)`);
	}
	for (const key of Object.keys(routing.output ?? {})) {
		if (key !== 'postReceive') problems.push(`${where}: routing.output.${key} on an operation is not supported (only postReceive)`);
	}
	for (const key of Object.keys(operations ?? {})) {
		if (key !== 'pagination') problems.push(`${where}: routing.operations.${key} is not supported`);
	}
	if (operations?.pagination !== undefined && typeof operations.pagination !== 'function') {
		problems.push(`${where}: routing.operations.pagination of type "${(operations.pagination as { type?: string }).type}" is not supported (only a function)`);
	}
	checkRouting(where, rest, problems, 'template');
}

/** A property's routing (or an operation's, less its pagination). */
function checkRouting(where: string, routing: INodePropertyRouting, problems: string[], expressions: 'value' | 'template' = 'value') {
	for (const key of Object.keys(routing)) {
		if (key === 'operations') problems.push(`${where}: routing.operations (pagination declared on a property) is not supported`);
		else if (!['request', 'send', 'output'].includes(key)) problems.push(`${where}: routing.${key} is not supported`);
	}
	checkRequest(`${where}: routing.request`, routing.request, expressions, problems);
	const { send, output } = routing;
	for (const key of Object.keys(send ?? {})) if (!SEND_KEYS.has(key)) problems.push(`${where}: routing.send.${key} is not supported`);
	if (send?.type !== undefined && send.type !== 'body' && send.type !== 'query') {
		problems.push(`${where}: routing.send.type "${String(send.type)}" is not supported (only body and query)`);
	}
	if (typeof send?.property === 'string' && send.property.startsWith('=')) {
		problems.push(`${where}: routing.send.property as an expression is not supported`);
	}
	checkExpression(`${where}: routing.send.value`, send?.value, 'value', problems);
	checkExpression(`${where}: routing.send.paginate`, send?.paginate, 'value', problems);
	for (const key of Object.keys(output ?? {})) if (!OUTPUT_KEYS.has(key)) problems.push(`${where}: routing.output.${key} is not supported`);
	checkExpression(`${where}: routing.output.maxResults`, output?.maxResults, 'value', problems);
	for (const action of output?.postReceive ?? []) {
		if (typeof action === 'function') continue;
		const { type, enabled, properties } = action as IPostReceiveBase;
		if (type !== 'rootProperty') {
			problems.push(`${where}: routing.output.postReceive action "${type}" is not supported (only functions and rootProperty)`);
		} else if (typeof properties?.property !== 'string' || properties.property.startsWith('=')) {
			problems.push(`${where}: routing.output.postReceive rootProperty needs a plain property path`);
		}
		if (enabled !== undefined && typeof enabled !== 'boolean') {
			problems.push(`${where}: routing.output.postReceive "${type}" with enabled as an expression is not supported`);
		}
	}
}

function checkRequest(where: string, request: object | undefined, expressions: 'value' | 'template', problems: string[]) {
	for (const [key, value] of Object.entries(request ?? {})) {
		if (!REQUEST_KEYS.has(key)) {
			problems.push(`${where}.${key} is not supported (the executor does not pass it on)`);
			continue;
		}
		const values = value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value) ? Object.entries(value) : [['', value]];
		for (const [k, v] of values) checkExpression(`${where}.${key}${k ? `.${k}` : ''}`, v, expressions, problems);
	}
}

/**
 * The expressions the executor resolves itself: `={{$value}}` in a property's routing, and
 * `{{$parameter.x}}` / `{{$parameter["x"]}}` / `{{$credentials.x}}` placed in an operation's
 * request or the request defaults. Anything else is refused.
 */
function checkExpression(where: string, value: unknown, expressions: 'value' | 'template', problems: string[]) {
	if (typeof value !== 'string' || !value.startsWith('=')) return;
	const supported = expressions === 'value' ? VALUE_EXPRESSION.test(value) : !value.replace(SIMPLE_EXPRESSION, '').includes('{{');
	if (!supported) {
		const forms = expressions === 'value' ? '={{$value}}' : '{{$parameter.x}}, {{$parameter["x"]}} and {{$credentials.x}}';
		problems.push(`${where}: the expression ${value} is not supported (only ${forms})`);
	}
}

const checkedDeclarations = new WeakSet<Declaration>();

function checkDeclaration(description: Declaration) {
	if (checkedDeclarations.has(description)) return;
	const problems = unsupportedFeatures(description);
	if (problems.length) throw new Error(`The node's declaration uses what this executor does not run:\n${problems.join('\n')}`);
	checkedDeclarations.add(description);
}

const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

function showsFor(property: INodeProperties, key: string, value: string): boolean {
	const show = property.displayOptions?.show?.[key];
	const hide = property.displayOptions?.hide?.[key];
	if (show && !show.includes(value)) return false;
	if (hide && hide.includes(value)) return false;
	return true;
}

/** The operation's declaration and the properties that belong to it, worked out once per description. */
export function getPlan(description: Declaration, resource: string, operation: string): Plan {
	checkDeclaration(description);
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
	const request: IDataObject = { ...(description.requestDefaults ?? {}), ...(routing.request ?? {}) };
	for (const part of ['headers', 'qs', 'body'] as const) {
		// merged with the defaults, as n8n's routing node merges them (one level deep)
		const defaults = description.requestDefaults?.[part];
		const own = routing.request?.[part];
		if (isPlainObject(defaults) && isPlainObject(own)) request[part] = { ...defaults, ...own };
	}
	const plan: Plan = {
		request: request as RoutingRequest,
		preSend: [...(routing.send?.preSend ?? [])],
		postReceive: [...(routing.output?.postReceive ?? [])],
		pagination: routing.operations?.pagination as Pagination | undefined,
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
/** A template that is one expression and nothing else: its value is placed as it is (a number stays a number). */
const WHOLE_EXPRESSION = new RegExp(`^${SIMPLE_EXPRESSION.source}$`);

/** Resolves the simple `{{$parameter.x}}` / `{{$credentials.x}}` forms used in URLs and defaults. */
function resolveTemplate(
	template: unknown,
	parameter: (name: string) => unknown,
	credentials: ICredentialDataDecryptedObject | undefined,
	/** for a URL: turns a parameter's value into a checked, encoded path segment */
	segment?: (name: string, value: unknown) => string,
): unknown {
	if (typeof template !== 'string' || !template.startsWith('=')) return template;
	const body = template.slice(1);
	const whole = WHOLE_EXPRESSION.exec(body);
	const lookup = (source: string, name: string) =>
		source === 'parameter' ? parameter(name) : credentials?.[name];
	if (whole) return lookup(whole[1], whole[2] ?? whole[3]);
	// no other expression is left: checkDeclaration refused the declaration otherwise
	return body.replace(SIMPLE_EXPRESSION, (_m, source: string, a?: string, b?: string) => {
		const name = (a ?? b) as string;
		const value = lookup(source, name);
		if (segment && source === 'parameter') return segment(name, value);
		return value === undefined || value === null ? '' : String(value);
	});
}

/** `={{$value}}`, the one expression a property's routing may hold (checkDeclaration refused any other), gives the value. */
const resolveValueExpression = (template: unknown, value: unknown): unknown =>
	typeof template === 'string' && template.startsWith('=') ? value : template;

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
function applyRouting(property: INodeProperties, value: unknown, data: RequestData, shown: (property: INodeProperties) => boolean) {
	const routing = property.routing;
	if (routing) {
		const send = routing.send;
		if (send) {
			if (send.property !== undefined) {
				const sent = send.value !== undefined ? resolveValueExpression(send.value, value) : value;
				// as n8n's routing node: anything not sent in the body goes to the query
				const target = send.type === 'body' ? ((data.options.body ??= {}) as IDataObject) : (data.options.qs ??= {});
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
			if (child.name in (value as IDataObject) && shown(child)) applyRouting(child, (value as IDataObject)[child.name], data, shown);
		}
	} else if (property.type === 'fixedCollection') {
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const groupValue = (value as IDataObject)[group.name];
			if (groupValue === undefined) continue;
			for (const entry of Array.isArray(groupValue) ? groupValue : [groupValue]) {
				for (const child of group.values) {
					if (child.name in (entry as IDataObject) && shown(child)) applyRouting(child, (entry as IDataObject)[child.name], data, shown);
				}
			}
		}
	}
}

/** A property's display conditions on the node's parameters (resource and operation too, as n8n's routing node reads them for a collection's options) and on its version (`@version`). */
function isShown(property: INodeProperties, param: (name: string) => unknown, version: number): boolean {
	const { show, hide } = property.displayOptions ?? {};
	// names are the node's parameters: "/name" (from inside a collection) is the same as "name"
	const value = (name: string) => (name === '@version' ? version : param(name.replace(/^\//, '')));
	for (const [name, allowed] of Object.entries(show ?? {})) {
		if (!(allowed as unknown[]).includes(value(name))) return false;
	}
	for (const [name, refused] of Object.entries(hide ?? {})) {
		if ((refused as unknown[]).includes(value(name))) return false;
	}
	return true;
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	// an object's or a list's values
	return value !== null && typeof value === 'object' && Object.values(value).some(hasExpression);
}

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

/** A response body in stream mode (kept structural: the package ships without stream imports). */
type ByteStream = AsyncIterable<Buffer | string> & { destroy?: (error?: Error) => void };

const isStream = (body: unknown): body is ByteStream =>
	typeof body === 'object' && body !== null && typeof (body as { pipe?: unknown }).pipe === 'function';

class TooLarge extends Error {
	constructor(readonly bytes: number) {
		super('response too large');
	}
}

/** The connection broke while a 2xx answer's body was arriving. */
class CutOff extends Error {
	constructor(readonly status: number, cause: unknown) {
		super((cause as Error)?.message ?? 'aborted');
	}
}

/** The body did not arrive within the request's timeout. */
class BodyTimeout extends Error {
	code = 'ETIMEDOUT';

	constructor() {
		super('timeout while reading the answer');
	}
}

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
		signal.addEventListener('abort', () => this.fire(signal), { once: true });
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
async function readCapped(
	stream: ByteStream,
	cap: number,
	cut = false,
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
			stream.destroy?.();
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
				stream.destroy?.();
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
function parseBody(raw: Buffer): unknown {
	const text = raw.toString('utf8');
	if (!text) return text;
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
	if (!c || typeof c !== 'object') return [];
	const headers = (c.headers && typeof (c.headers as { toJSON?: unknown }).toJSON === 'function'
		? (c.headers as { toJSON: () => IDataObject }).toJSON()
		: c.headers) as IDataObject | undefined;
	const ours = new Set(Object.keys(sent?.headers ?? {}).map((h) => h.toLowerCase()));
	const oursQs = new Set(Object.keys((sent?.qs as IDataObject | undefined) ?? {}));
	const values: string[] = [];
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (typeof value !== 'string' || PLAIN_HEADERS.has(name.toLowerCase()) || ours.has(name.toLowerCase())) continue;
		values.push(value, value.replace(/^(Bearer|Basic)\s+/i, ''));
	}
	for (const [name, value] of Object.entries((c.params as IDataObject | undefined) ?? {})) {
		if (!oursQs.has(name) && typeof value === 'string') values.push(value);
	}
	if (typeof c.auth?.password === 'string') values.push(c.auth.password);
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
	if (e instanceof BodyTimeout) return { networkCode: e.code, networkMessage: e.message, sent: true };
	if (e instanceof CutOff) return { networkCode: 'ECONNRESET', networkMessage: e.message, cutOffAfter: e.status, sent: true };
	if (e?.response?.status) {
		let body = e.response.data ?? e.response.body;
		if (isStream(body)) {
			try {
				body = await readCapped(body, ERROR_BODY_BYTES, true);
			} catch {
				body = '';
			}
		}
		if (Buffer.isBuffer(body)) body = body.toString('utf8');
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body);
			} catch {
				// keep the text: an HTML error page or a truncated answer
			}
		}
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
	return failure.networkCode === 'ECONNABORTED' || failure.networkCode === 'ETIMEDOUT' || /timeout/i.test(failure.networkMessage ?? '');
}

function networkMessage(failure: HttpFailure, timeout: number, readOnly: boolean): string {
	const code = failure.networkCode ?? '';
	const mayHave = readOnly ? '' : MAY_HAVE_BEEN_DONE;
	if (code === 'ECONNREFUSED') return 'the server refused the connection (nothing was sent)';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the server name could not be resolved (nothing was sent)';
	if (timedOut(failure)) {
		return `no answer within ${duration(timeout)} (request timed out)${mayHave}`;
	}
	if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || /socket hang up|aborted|premature/i.test(failure.networkMessage ?? '')) {
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
	// n8n versions before the domain restriction have neither the setting nor this function
	const allowedDomains =
		credentials && typeof getCredentialAllowedDomains === 'function'
			? getCredentialAllowedDomains({
					node,
					credentialData: credentials,
					credentialOwnedSurface: !endpoint || toHostname(String(endpoint(credentials) ?? '')) !== undefined,
					nodeEndpointUrl: endpoint ? String(endpoint(credentials) ?? '') : undefined,
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
		else cancel?.addEventListener('abort', onCancel, { once: true });
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
						throw error instanceof TooLarge || error instanceof BodyTimeout ? error : new CutOff(response.statusCode, error);
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

async function postProcess(
	single: IExecuteSingleFunctions,
	declared: PostReceiveAction[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	// as n8n's routing node: a disabled action is left out (and none left means the default output)
	const actions = declared.filter((action) => (action as { enabled?: unknown }).enabled !== false);
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
		} else {
			// rootProperty: checkDeclaration refused every other action
			const property = (action as IPostReceiveBase).properties.property as string;
			items = items.flatMap((item) => {
				const inner = property.split('.').reduce<unknown>((o, k) => (o as IDataObject)?.[k], item.json);
				return (Array.isArray(inner) ? inner : [inner]).map((json) => ({ json: json as IDataObject }));
			});
		}
	}
	return items;
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
	if (data.maxResults !== undefined && Number.isFinite(data.maxResults)) items = items.slice(0, data.maxResults);
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
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
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
		return await collectResults(run, results);
	};
}
