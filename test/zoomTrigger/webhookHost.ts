/**
 * A stand-in for n8n's webhook server, for one workflow "Zoom Meetings Trigger → Received":
 * it listens on `/webhook/<webhookId>/zoom` (the production URL n8n gives a node with a
 * `webhookId` and the path `zoom`), reads the raw body into `req.rawBody` and parses JSON into
 * `req.body` as n8n's body parser does, runs the node's `webhook()` inside n8n-core's real
 * `WebhookContext`, and then does what n8n's `executeWebhook` does with the result:
 * - `noWebhookResponse`: the node answered itself; nothing more is sent;
 * - no `workflowData`: answer 200 with `webhookResponse` (or n8n's default message);
 * - `workflowData` (response mode "onReceived"): answer 200 with what the webhook description's
 *   `responseData` selects (n8n evaluates it with the default "firstEntryJson"; "noData" = empty
 *   body), and run the workflow with n8n-core's `WorkflowExecute` from the trigger's output, as
 *   n8n's workflow runner does.
 * `activate()` and `deactivate()` run the node's webhook methods in n8n-core's real `HookContext`,
 * in the order n8n's active-workflow manager does (checkExists, then create when it answered false;
 * delete), with the workflow's static data kept between calls as n8n keeps it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { createEngine, PREFIX, type Engine } from '../harness/engine';

/** The node after the trigger: passes its items on, so a test sees what the workflow received. */
class Received implements INodeType {
	description = {
		displayName: 'Received',
		name: 'received',
		group: ['transform'],
		version: 1,
		description: 'Passes items on',
		defaults: { name: 'Received' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export interface Execution {
	run: IRun;
	/** the items the trigger put out */
	trigger: INodeExecutionData[];
	/** the items the next node received */
	received: INodeExecutionData[];
}

export interface TriggerHost {
	engine: Engine;
	/** the production webhook URL of the trigger */
	url: string;
	/** the workflow runs the webhook calls started */
	executions: Execution[];
	/** what the node's webhook() returned, per call */
	results: IWebhookResponseData[];
	/** waits for every started run to finish */
	settled(): Promise<void>;
	setParameters(parameters: IDataObject): void;
	/** the workflow's static data (what the node stored at activation) */
	staticData: IDataObject;
	/** what n8n does when the workflow is activated: checkExists, then create if it answered false */
	activate(): Promise<{ existed: boolean }>;
	/** what n8n does when the workflow is deactivated: delete */
	deactivate(): Promise<boolean>;
	stop(): Promise<void>;
}

export interface HostOptions {
	/** more credentials for the trigger: type → data (stored and set on the node) */
	credentials?: Record<string, IDataObject>;
	/** the workflow's name ("zoom trigger" unless given; `null`: a workflow without a name) */
	workflowName?: string | null;
}

const TRIGGER_TYPE = `${PREFIX}zoomMeetingsTrigger`;
let hostCount = 0;

export async function startTriggerHost(secretToken: string, parameters: IDataObject, options: HostOptions = {}): Promise<TriggerHost> {
	hostCount += 1;
	const engine = createEngine({ 'test.received': new Received() });
	engine.store.add('zoom-webhook', 'zoomMeetingsWebhookApi', { secretToken }, 'Zoom webhook');
	const nodeCredentials: INode['credentials'] = { zoomMeetingsWebhookApi: { id: 'zoom-webhook', name: 'Zoom webhook' } };
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		engine.store.add(`cred-${type}`, type, data as never, type);
		nodeCredentials[type] = { id: `cred-${type}`, name: type };
	}
	const staticData: IDataObject = {};
	let baseUrl = 'http://127.0.0.1:5678';
	const workflowId = `zoom-trigger-workflow-${hostCount}`;
	const webhookId = `0d1c5a52-7f3e-4a8e-9f2b-${String(hostCount).padStart(12, '0')}`;
	const path = `/webhook/${webhookId}/zoom`;
	let nodeParameters = parameters;
	const executions: Execution[] = [];
	const results: IWebhookResponseData[] = [];
	const pending: Array<Promise<unknown>> = [];

	function buildWorkflow(): { workflow: Workflow; trigger: INode } {
		const trigger: INode = {
			id: 'zoom-trigger-node',
			name: 'Zoom Meetings Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: nodeParameters as INode['parameters'],
			credentials: nodeCredentials,
		};
		const received: INode = { id: 'received', name: 'Received', type: 'test.received', typeVersion: 1, position: [200, 0], parameters: {} };
		const workflow = new Workflow({
			id: workflowId,
			name: options.workflowName === undefined ? 'zoom trigger' : (options.workflowName ?? undefined),
			nodes: [trigger, received],
			connections: { [trigger.name]: { main: [[{ node: received.name, type: 'main', index: 0 }]] } } as never,
			active: true,
			nodeTypes: engine.nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
		return { workflow, trigger };
	}

	function additionalData(workflow: Workflow, req?: http.IncomingMessage, res?: http.ServerResponse): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('webhook', 'zoom-execution', {
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: true,
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
			isArchived: false,
			activeVersionId: null,
		} as never);
		return {
			credentialsHelper: engine.helper,
			hooks,
			executionId: 'zoom-execution',
			currentNodeExecutionIndex: 0,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: `${baseUrl}/`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			variables: {},
			userId: 'test-user',
			httpRequest: req,
			httpResponse: res,
			logAiEvent: () => undefined,
			getRunExecutionData: async () => undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	async function runWorkflow(workflow: Workflow, trigger: INode, workflowData: INodeExecutionData[][]): Promise<void> {
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: trigger, data: { main: workflowData }, source: null }] },
		});
		const executor = new WorkflowExecute(additionalData(workflow), 'webhook', runExecutionData);
		const run = await executor.processRunExecutionData(workflow);
		const runData = run.data.resultData.runData;
		executions.push({
			run,
			trigger: (runData[trigger.name]?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[],
			received: (runData.Received?.[0]?.data?.main?.[0] ?? []) as INodeExecutionData[],
		});
	}

	function sendJson(res: http.ServerResponse, status: number, data: unknown) {
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(data));
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://host');
		if (req.method !== 'POST' || url.pathname !== path) {
			return sendJson(res, 404, { code: 404, message: `The requested webhook "${req.method} ${url.pathname}" is not registered.` });
		}
		// what n8n's rawBodyReader + parseBody leave on the request
		const request = req as http.IncomingMessage & { body?: unknown; query?: unknown; params?: unknown };
		request.rawBody = Buffer.concat(chunks);
		request.contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		request.encoding = 'utf-8';
		request.query = Object.fromEntries(url.searchParams.entries());
		request.params = {};
		request.body = {};
		if (request.contentType === 'application/json' && request.rawBody.length) {
			try {
				request.body = JSON.parse(request.rawBody.toString('utf8'));
			} catch (error) {
				return sendJson(res, 422, { code: 422, message: 'Failed to parse request body', hint: (error as Error).message });
			}
		}

		const { workflow, trigger } = buildWorkflow();
		const nodeType = engine.nodeTypes.getByName(TRIGGER_TYPE);
		const description = nodeType.description.webhooks![0];
		const data = additionalData(workflow, req, res);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: trigger.name,
			path: `${webhookId}/zoom`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: data,
			webhookId,
		};
		let result: IWebhookResponseData;
		try {
			const context = new WebhookContext(workflow, trigger, data, 'webhook', webhookData, [], null);
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			// n8n answers 500 "Workflow Webhook Error: Workflow could not be started!"
			return sendJson(res, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!', cause: (error as Error).message });
		}
		results.push(result);
		if (result.noWebhookResponse === true) return;
		if (result.workflowData === undefined) {
			return sendJson(res, 200, result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' });
		}
		pending.push(runWorkflow(workflow, trigger, result.workflowData));
		// n8n 2.40's extractWebhookOnReceivedResponse
		const responseData = description.responseData ?? 'firstEntryJson';
		if (responseData === 'noData') {
			res.writeHead(200);
			res.end();
		} else if (responseData) {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(String(responseData));
		} else {
			sendJson(res, 200, result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Workflow was started' });
		}
	}

	const server = http.createServer((req, res) => void handle(req, res));
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${port}`;

	function hookContext(): { context: HookContext; nodeType: INodeType } {
		const { workflow, trigger } = buildWorkflow();
		const nodeType = engine.nodeTypes.getByName(TRIGGER_TYPE);
		const data = additionalData(workflow);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: trigger.name,
			path: `${webhookId}/zoom`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: data,
			webhookId,
		};
		return { context: new HookContext(workflow, trigger, data, 'trigger', 'activate', webhookData), nodeType };
	}

	return {
		engine,
		url: `http://127.0.0.1:${port}${path}`,
		executions,
		results,
		async settled() {
			await Promise.all(pending);
		},
		setParameters(parameters) {
			nodeParameters = parameters;
		},
		staticData,
		async activate() {
			const { context, nodeType } = hookContext();
			const methods = nodeType.webhookMethods!.default!;
			const existed = await methods.checkExists.call(context);
			if (!existed) await methods.create.call(context);
			return { existed };
		},
		async deactivate() {
			const { context, nodeType } = hookContext();
			return await nodeType.webhookMethods!.default!.delete.call(context);
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
