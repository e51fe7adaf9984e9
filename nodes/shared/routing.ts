/**
 * n8n's routing vocabulary as the executor (executor.ts) reads it: which features a description
 * uses, each operation's plan, the templates of a request, a property's routing, display conditions
 * and the `postReceive` actions.
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
 */
import {
	type DeclarativeRestApiSettings,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodePropertyRouting,
	type INodeTypeDescription,
	type IPostReceiveBase,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';

type RoutingRequest = DeclarativeRestApiSettings.HttpRequestOptions;
export type Pagination = (
	this: IExecuteSingleFunctions & {
		makeRoutingRequest: (options: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;
	},
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export interface Plan {
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
export function resolveTemplate(
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

export interface RequestData {
	options: IHttpRequestOptions;
	preSend: PreSendAction[];
	postReceive: PostReceiveAction[];
	paginate: boolean;
	maxResults?: number;
}

/** Applies one property's `routing` (and its children's, for collections) to the request. */
export function applyRouting(property: INodeProperties, value: unknown, data: RequestData, shown: (property: INodeProperties) => boolean) {
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
export function isShown(property: INodeProperties, param: (name: string) => unknown, version: number): boolean {
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

export function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	// an object's or a list's values
	return value !== null && typeof value === 'object' && Object.values(value).some(hasExpression);
}

/** Turns an answer into items with the declared `postReceive` actions (functions and `rootProperty`), as n8n's routing node does. */
export async function postProcess(
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
