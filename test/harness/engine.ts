/**
 * Runs real workflows through n8n's own execution engine (n8n-core's WorkflowExecute, the real
 * routing node for declarative nodes, the real OAuth2 refresh path), in-process.
 *
 * The credentials helper mirrors the n8n server's `CredentialsHelper`: generic `authenticate`
 * expressions are resolved against `$credentials` by the workflow's expression engine, function
 * `authenticate` is called, `preAuthentication` runs when the hidden `expirable` field is empty or the
 * token was rejected, defaults of the credential type (and its parents) are filled in, and updates
 * (rotated OAuth2 tokens, pre-authentication results) are written back to the store.
 */
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialsExpressionResolveValues,
	type ICredentialType,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { packageCredentialTypes, packageNodeTypes } from './package';

/** The one start node of every test workflow: emits the items the test gives it. */
class TestItems implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = typeof raw === 'string' ? (JSON.parse(raw) as IDataObject[]) : raw;
		return [items.map((json, i) => ({ json, pairedItem: { item: i === 0 ? 0 : 0 } }))];
	}
}

/** n8n's base OAuth2 credential type (its fields; the logic lives in n8n-core). */
const oAuth2Api: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'options', options: [], default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [], default: 'header' },
	],
};

export class CredentialTypes {
	readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const t of [oAuth2Api, ...types]) this.types.set(t.name, t);
	}

	get(name: string): ICredentialType {
		const t = this.types.get(name);
		if (!t) throw new Error(`Unknown credential type ${name}`);
		return t;
	}

	parents(name: string): string[] {
		const out: string[] = [];
		for (const parent of this.get(name).extends ?? []) out.push(parent, ...this.parents(parent));
		return out;
	}

	/** Own and inherited properties, own first (as n8n's CredentialTypes does). */
	properties(name: string): INodeProperties[] {
		const own = this.get(name).properties;
		const seen = new Set(own.map((p) => p.name));
		const inherited = (this.get(name).extends ?? []).flatMap((p) => this.properties(p)).filter((p) => !seen.has(p.name));
		return [...own, ...inherited];
	}
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** An in-memory credential store with a log of what n8n wrote back into it. */
export class CredentialStore {
	readonly entries = new Map<string, StoredCredential>();
	readonly updates: Array<{ id: string; type: string; data: ICredentialDataDecryptedObject }> = [];

	add(id: string, type: string, data: ICredentialDataDecryptedObject, name = id) {
		this.entries.set(id, { id, name, type, data: JSON.parse(JSON.stringify(data)) });
		return { id, name };
	}

	get(id: string): StoredCredential {
		const e = this.entries.get(id);
		if (!e) throw new Error(`No credential ${id}`);
		return e;
	}

	write(id: string, type: string, data: ICredentialDataDecryptedObject) {
		const entry = this.get(id);
		entry.data = JSON.parse(JSON.stringify(data));
		this.updates.push({ id, type, data: entry.data });
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: CredentialTypes,
		readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.parents(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/** As n8n's server: function authenticate is called; generic expressions resolve against $credentials. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const type = this.types.get(typeName);
		const authenticate = type.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (authenticate && authenticate.type === 'generic') {
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as IDataObject)) {
					const k = this.resolve(key, credentials, workflow, node);
					const v = this.resolve(value as string, credentials, workflow, node);
					const target = ((requestOptions as unknown as IDataObject)[outerKey] ??= {}) as IDataObject;
					target[k] = v;
				}
			}
		}
		return requestOptions;
	}

	private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode): string {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		if (!workflow || !node) throw new Error('generic authenticate needs the workflow to resolve expressions');
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) await this.updateCredentials(details, typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const entry = this.store.get(nodeCredentials.id as string);
		return { id: entry.id, name: entry.name, type, getData: () => entry.data } as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		_raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = await this.getDecryptedUnresolved(nodeCredentials, type);
		return this.resolveSelf(data, expressionResolveValues);
	}

	/**
	 * As n8n's server: expressions in the credential's fields (e.g. a hidden URL computed from
	 * `$self["environment"]`) are resolved, with `$self` = the credential's own data.
	 */
	private resolveSelf(data: ICredentialDataDecryptedObject, values?: ICredentialsExpressionResolveValues): ICredentialDataDecryptedObject {
		if (!Object.values(data).some((v) => typeof v === 'string' && v.startsWith('='))) return data;
		if (!values) {
			// no run around the call (a trigger's webhook methods): n8n resolves against a mock workflow
			const node = { id: 'mock', name: 'mock', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
			const mockType = { description: { properties: [] } };
			const nodeTypes = { getByName: () => mockType, getByNameAndVersion: () => mockType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			return workflow.expression.getComplexParameterValue(node, data as never, 'internal', {}, undefined, undefined, data) as ICredentialDataDecryptedObject;
		}
		return values.workflow.expression.getParameterValue(
			data as never,
			values.runExecutionData,
			values.runIndex,
			values.itemIndex,
			values.node.name,
			values.connectionInputData,
			'internal',
			{},
			undefined,
			false,
			data,
		) as ICredentialDataDecryptedObject;
	}

	private async getDecryptedUnresolved(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const entry = this.store.get(nodeCredentials.id as string);
		if (entry.type !== type) throw new Error(`Credential ${entry.id} is a ${entry.type}, not a ${type}`);
		const properties = this.types.properties(type);
		const withDefaults = NodeHelpers.getNodeParameters(properties, entry.data as never, true, false, null, null) as IDataObject;
		// hidden fields keep their declared value, as n8n's applyDefaultsAndOverwrites does
		const data = { ...entry.data, ...withDefaults } as ICredentialDataDecryptedObject;
		for (const p of properties) {
			if (p.type === 'hidden' && data[p.name] === undefined) data[p.name] = p.default as never;
			if (data[p.name] === undefined && entry.data[p.name] === undefined && p.default !== undefined) data[p.name] = p.default as never;
		}
		if (entry.data.oauthTokenData) data.oauthTokenData = JSON.parse(JSON.stringify(entry.data.oauthTokenData));
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store.write(nodeCredentials.id as string, type, data);
	}

	async updateCredentialsOauthTokenData(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		const entry = this.store.get(nodeCredentials.id as string);
		this.store.write(entry.id, type, { ...entry.data, oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.properties(type);
	}
}

export class TestNodeTypes implements INodeTypes {
	readonly types = new Map<string, INodeType>();

	constructor(types: Record<string, INodeType>) {
		for (const [name, t] of Object.entries(types)) this.types.set(name, t);
	}

	getByName(name: string): INodeType {
		const t = this.types.get(name);
		if (!t) throw new Error(`Unknown node type ${name}`);
		return t;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}

	getKnownTypes() {
		return {};
	}
}

export interface TestNode {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, { id: string; name: string }>;
	continueOnFail?: boolean;
	disabled?: boolean;
}

export interface RunResult {
	run: IRun;
	/** The items a node put out on its first output (empty when it failed). */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	error(nodeName: string): (Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;
}


function buildAdditionalData(helper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		hooks,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => undefined,
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** The value at a lodash path (`a.b`, `a[0].b`), as n8n's tester reads a `responseSuccessBody` key. */
function valueAt(json: unknown, key: string): unknown {
	return key
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as IDataObject)[k]), json);
}

/** What n8n 2.40's REST answer (`POST /rest/credentials/test`) says when the test passed. */
export const CREDENTIAL_TEST_OK = 'Connection successful!';

/**
 * A credential's `test`, run the way n8n 2.40's CredentialsTester (`runRequestTest`) runs it: the
 * test request becomes the routing of a temporary node executed by n8n-core's RoutingNode (no
 * postReceive, so the first item is the answer body as it came); a thrown answer fails with the first
 * matching `responseCode` rule or its status text; otherwise the `responseSuccessBody` rules are
 * checked in order on that body.
 */
async function testCredential(helper: TestCredentialsHelper, types: CredentialTypes, id: string): Promise<CredentialTestResult> {
	const entry = helper.store.get(id);
	const test = types.get(entry.type).test;
	if (!test) throw new Error(`${entry.type} has no test`);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'test.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [entry.type]: { id: entry.id, name: entry.name } },
	};
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'test.credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: entry.type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as unknown as INodeType;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes({ 'test.credentialTest': nodeType }) });
	// as n8n's applyDefaultsAndOverwrites without an execution: defaults, then `$self` expressions resolved
	const unresolved = await helper.getDecrypted({} as IWorkflowExecuteAdditionalData, { id: entry.id, name: entry.name }, entry.type);
	const data = workflow.expression.getComplexParameterValue(node, unresolved as never, 'internal', {}, undefined, undefined, unresolved) as ICredentialDataDecryptedObject;
	const context = new ExecuteContext(
		workflow,
		node,
		buildAdditionalData(helper),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: entry.id, name: entry.name, type: entry.type, data });
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			// as n8n: `response[0][0].json`, which throws when the answer was an empty JSON array
			const json = response![0][0].json;
			if (valueAt(json, rule.properties.key) === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: CREDENTIAL_TEST_OK };
}

export const PREFIX = 'n8n-nodes-conferencing.';

export interface Engine {
	store: CredentialStore;
	helper: TestCredentialsHelper;
	nodeTypes: TestNodeTypes;
	/** `onStart` gets the execution's cancel (what n8n's "Stop execution" calls). */
	run(nodes: TestNode[], items?: IDataObject[], mode?: WorkflowExecuteMode, onStart?: (cancel: () => void) => void): Promise<RunResult>;
	/** Runs the stored credential's `test` as n8n's credential tester does. */
	testCredential(id: string): Promise<CredentialTestResult>;
}

/** An engine over this package's nodes and credentials (plus extra node types a test adds). */
export function createEngine(extraNodeTypes: Record<string, INodeType> = {}): Engine {
	const credentialTypes = new CredentialTypes(packageCredentialTypes());
	const store = new CredentialStore();
	const helper = new TestCredentialsHelper(credentialTypes, store);
	const nodeTypes = new TestNodeTypes({ 'test.items': new TestItems(), ...packageNodeTypes(PREFIX), ...extraNodeTypes });

	async function run(
		nodes: TestNode[],
		items: IDataObject[] = [{}],
		mode: WorkflowExecuteMode = 'manual',
		onStart?: (cancel: () => void) => void,
	): Promise<RunResult> {
		const start: INode = {
			id: 'start',
			name: 'Start',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(items) },
		};
		const all: INode[] = [
			start,
			...nodes.map((n, i) => ({
				id: `n${i}`,
				name: n.name,
				type: n.type,
				typeVersion: 1,
				position: [200 * (i + 1), 0] as [number, number],
				parameters: n.parameters as INode['parameters'],
				credentials: n.credentials,
				continueOnFail: n.continueOnFail,
				onError: n.continueOnFail ? ('continueRegularOutput' as const) : undefined,
				disabled: n.disabled,
			})),
		];
		const connections: IDataObject = {};
		for (let i = 0; i < all.length - 1; i++) {
			connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
		}
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'test',
			nodes: all,
			connections: connections as never,
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
			id: 'test-workflow',
			name: 'test',
			nodes: all,
			connections: connections as never,
			active: false,
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
			isArchived: false,
			activeVersionId: null,
		} as never);
		const additionalData = buildAdditionalData(helper, hooks);
		const executor = new WorkflowExecute(additionalData, mode, createRunExecutionData());
		const running = executor.run({ workflow, startNode: start, destinationNode: undefined } as never);
		onStart?.(() => running.cancel());
		const result = await running;
		const runData = result.data.resultData.runData;
		return {
			run: result,
			output(nodeName) {
				const task = runData[nodeName]?.[0];
				return (task?.data?.main?.[0] ?? []) as INodeExecutionData[];
			},
			error(nodeName) {
				const task = runData[nodeName]?.[0];
				return (task?.error ?? undefined) as never;
			},
		};
	}

	return { store, helper, nodeTypes, run, testCredential: async (id) => await testCredential(helper, credentialTypes, id) };
}

export type { IExecuteData };
