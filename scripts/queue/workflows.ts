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

/** Webhook → Visioconference Room Create (name from the body) → Set {uniqid, name, worker}. */
export function roomWorkflow(name: string, webhookPath: string, options: { respond?: 'lastNode' | 'onReceived' } = {}): Workflow {
	return {
		name,
		nodes: [
			{
				id: 'b9f6c0d2-0001-4a8e-9c11-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `b9f6c0d2-0001-4a8e-9c11-${webhookPath.replace(/[^a-z0-9]/gi, '').slice(0, 12).padEnd(12, '0')}`,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: options.respond ?? 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				id: 'b9f6c0d2-0001-4a8e-9c11-000000000002',
				name: 'Create Room',
				type: nodeType('visioconference'),
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'room', operation: 'create', name: '={{ $json.body.name }}', options: {} },
				credentials: { visioconferenceApi: VISIO_CREDENTIAL },
			},
			{
				id: 'b9f6c0d2-0001-4a8e-9c11-000000000003',
				name: 'Result',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [480, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: 'a1', name: 'uniqid', value: '={{ $json.uniqid }}', type: 'string' },
							{ id: 'a2', name: 'name', value: '={{ $json.room.name }}', type: 'string' },
							workerField('a3'),
						],
					},
					includeOtherFields: false,
					options: {},
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Room', type: 'main', index: 0 }]] },
			'Create Room': { main: [[{ node: 'Result', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Webhook → Zoom Meetings Meeting Create (instant meeting, topic from the body, OAuth2) → Set {id, topic, worker}. */
export function zoomMeetingWorkflow(name: string, webhookPath: string, credential: { id: string; name: string }): Workflow {
	return {
		name,
		nodes: [
			{
				id: 'c4e1d7a0-0002-4b3c-8d22-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `c4e1d7a0-0002-4b3c-8d22-${webhookPath.replace(/[^a-z0-9]/gi, '').slice(0, 12).padEnd(12, '0')}`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			{
				id: 'c4e1d7a0-0002-4b3c-8d22-000000000002',
				name: 'Create Meeting',
				type: nodeType('zoomMeetings'),
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					authentication: 'oAuth2',
					resource: 'meeting',
					operation: 'create',
					userId: 'me',
					topic: '={{ $json.body.topic }}',
					type: 1,
				},
				credentials: { zoomMeetingsOAuth2Api: credential },
			},
			{
				id: 'c4e1d7a0-0002-4b3c-8d22-000000000003',
				name: 'Result',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [480, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: 'z1', name: 'id', value: '={{ $json.id }}', type: 'number' },
							{ id: 'z2', name: 'topic', value: '={{ $json.topic }}', type: 'string' },
							workerField('z3'),
						],
					},
					includeOtherFields: false,
					options: {},
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Meeting', type: 'main', index: 0 }]] },
			'Create Meeting': { main: [[{ node: 'Result', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
