/**
 * Workflows the queue-mode tests and the benchmark create over REST. Each answers its webhook with
 * the last node's output (so the caller learns the result) and names the process that ran it
 * (`{{ $env.CONFERENCING_WORKER_NAME }}`, readable when the stack exposes it).
 */
import { nodeType, type Workflow } from '../n8n-lib';
import { WORKER_NAME_VAR } from './lib';

export const VISIO_CREDENTIAL = { id: 'sbxVisioconf0001', name: 'Visioconference.me (sandbox)' };

const workerField = (id: string) => ({
	id,
	name: 'worker',
	value: `={{ $env.${WORKER_NAME_VAR} }}`,
	type: 'string',
});

interface Step {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

/**
 * Webhook → one action node → Set (the given fields plus the worker's name). `idPrefix` keeps node
 * and webhook IDs stable per workflow kind.
 */
function webhookWorkflow(
	name: string,
	webhookPath: string,
	idPrefix: string,
	action: Step,
	result: Array<{ id: string; name: string; value: string; type: string }>,
	respond: 'lastNode' | 'onReceived' = 'lastNode',
): Workflow {
	const workerId = `${result[0].id.replace(/\d+$/, '')}${result.length + 1}`;
	return {
		name,
		nodes: [
			{
				id: `${idPrefix}-000000000001`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${idPrefix}-${webhookPath.replace(/[^a-z0-9]/gi, '').slice(0, 12).padEnd(12, '0')}`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: respond, responseData: 'firstEntryJson', options: {} },
			},
			{ id: `${idPrefix}-000000000002`, typeVersion: 1, position: [240, 0], ...action },
			{
				id: `${idPrefix}-000000000003`,
				name: 'Result',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [480, 0],
				parameters: {
					mode: 'manual',
					assignments: { assignments: [...result, workerField(workerId)] },
					includeOtherFields: false,
					options: {},
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: action.name, type: 'main', index: 0 }]] },
			[action.name]: { main: [[{ node: 'Result', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Webhook → Visioconference Room Create (name from the body) → Set {uniqid, name, worker}. */
export function roomWorkflow(name: string, webhookPath: string, options: { respond?: 'lastNode' | 'onReceived' } = {}): Workflow {
	return webhookWorkflow(
		name,
		webhookPath,
		'b9f6c0d2-0001-4a8e-9c11',
		{
			name: 'Create Room',
			type: nodeType('visioconference'),
			parameters: { resource: 'room', operation: 'create', name: '={{ $json.body.name }}', options: {} },
			credentials: { visioconferenceApi: VISIO_CREDENTIAL },
		},
		[
			{ id: 'a1', name: 'uniqid', value: '={{ $json.uniqid }}', type: 'string' },
			{ id: 'a2', name: 'name', value: '={{ $json.room.name }}', type: 'string' },
		],
		options.respond,
	);
}

/** Webhook → Zoom Meetings Meeting Create (instant meeting, topic from the body, OAuth2) → Set {id, topic, worker}. */
export function zoomMeetingWorkflow(name: string, webhookPath: string, credential: { id: string; name: string }): Workflow {
	return webhookWorkflow(
		name,
		webhookPath,
		'c4e1d7a0-0002-4b3c-8d22',
		{
			name: 'Create Meeting',
			type: nodeType('zoomMeetings'),
			parameters: { authentication: 'oAuth2', resource: 'meeting', operation: 'create', userId: 'me', topic: '={{ $json.body.topic }}', type: 1 },
			credentials: { zoomMeetingsOAuth2Api: credential },
		},
		[
			{ id: 'z1', name: 'id', value: '={{ $json.id }}', type: 'number' },
			{ id: 'z2', name: 'topic', value: '={{ $json.topic }}', type: 'string' },
		],
	);
}
