/**
 * The operation families of every node, as the fault matrix drives them: how to start the service's
 * simulator, which credential to store, which parameters make one request per item, what counts as
 * an HTTP-200 failure envelope, and which bad inputs must be refused before any request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Fault, Simulator } from '../simulators/base';
import { CamSimulator } from '../simulators/cam';
import { VisioconferenceSimulator } from '../simulators/visioconference';
import { ZijingSimulator } from '../simulators/zijing';
import { ytxFamily } from '../ytx/family';
import { zoomFamily, zoomOAuth2Family } from '../zoom/family';

export interface BadInput {
	label: string;
	item: IDataObject;
	/** the error names the field (and the item index is checked separately) */
	message: RegExp;
}

export interface Family {
	/** e.g. "Visioconference: Room → Create" */
	label: string;
	service: string;
	nodeType: string;
	simulator: () => Simulator;
	credential: (sim: Simulator) => { type: string; data: IDataObject };
	/** node parameters; item fields are read with expressions like `={{ $json.name }}` */
	parameters: IDataObject;
	/** a good item */
	item: IDataObject;
	/** the requests the family's operation sends, to count side effects */
	isSideEffect: (method: string, path: string) => boolean;
	/** the service's own "failed" answer with HTTP 200, if it has one */
	envelopeFailure?: Fault;
	/** the same failure envelope carrying a given message (to echo the request back in it) */
	envelopeWith?: (message: string) => unknown;
	/** what the 401 answer looks like at this service */
	unauthorized?: Fault;
	badInputs: BadInput[];
	/** strings that must never appear in output, errors or logs */
	secrets: (sim: Simulator) => string[];
}

export const families: Family[] = [
	{
		label: 'Visioconference: Room → Create',
		service: 'Visioconference.me',
		nodeType: 'n8n-nodes-conferencing.visioconference',
		simulator: () => new VisioconferenceSimulator(),
		credential: (sim) => ({
			type: 'visioconferenceApi',
			data: { apiKey: (sim as VisioconferenceSimulator).apiKey, baseUrl: (sim as VisioconferenceSimulator).apiBaseUrl },
		}),
		parameters: { resource: 'room', operation: 'create', name: '={{ $json.name }}' },
		item: { name: 'Weekly sync' },
		isSideEffect: (method, path) => method === 'POST' && path.endsWith('/entreprise/visio'),
		envelopeFailure: { kind: 'status', status: 200, body: { code: 500, data: null, message: 'room quota reached' } },
		envelopeWith: (message) => ({ code: 500, data: null, message }),
		// the document shows no refusal: the generic 401 of the matrix (test/visioconference/answerShapes.test.ts runs every shape)
		badInputs: [
			{ label: 'empty', item: { name: '' }, message: /"Room Name" is empty/ },
			{ label: 'blank', item: { name: ' \t ' }, message: /"Room Name" is empty/ },
			{ label: 'overlong', item: { name: 'x'.repeat(300) }, message: /"Room Name" is longer than 255 characters/ },
		],
		secrets: (sim) => [(sim as VisioconferenceSimulator).apiKey],
	},
	{
		label: 'Zijing Cloud: Booking → Create',
		service: 'Zijing Cloud',
		nodeType: 'n8n-nodes-conferencing.zijingCloud',
		simulator: () => new ZijingSimulator(),
		credential: (sim) => ({
			type: 'zijingCloudApi',
			data: { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: (sim as ZijingSimulator).publicKey },
		}),
		parameters: {
			resource: 'booking',
			operation: 'create',
			account: 'admin@miwei.com',
			theme: '={{ $json.theme }}',
			// one day per item, so that two good items never ask for the same slot
			startDate: '={{ $json.start ?? "2026-12-0" + ($itemIndex + 1) + " 09:00" }}',
			endDate: '={{ $json.end ?? "2026-12-0" + ($itemIndex + 1) + " 10:00" }}',
		},
		item: { theme: '季度评审' },
		isSideEffect: (method, path) => method === 'POST' && path === '/subscribe/createmeet',
		envelopeFailure: { kind: 'status', status: 200, body: { code: '200009', data: null, message: '该时间段已被预约', state: 0 } },
		envelopeWith: (message) => ({ code: '200009', data: null, message, state: 0 }),
		// the document shows no refusal of a key: a plain 401 (the simulator's other refusal shapes run in test/zijing)
		unauthorized: { kind: 'status', status: 401, body: { message: 'Unauthorized' } },
		badInputs: [
			{ label: 'empty theme', item: { theme: '' }, message: /"Theme" is empty/ },
			{ label: 'wrong date format', item: { theme: 't', start: '01/12/2026 9am' }, message: /"Start" is not a valid date and time/ },
			{ label: 'end before start', item: { theme: 't', start: '2026-12-05 10:00', end: '2026-12-05 09:00' }, message: /"End" .* must be after "Start"/ },
			{ label: 'injection-like theme', item: { theme: '\'; DROP TABLE meetings; --', start: 'now(); --' }, message: /"Start" is not a valid date and time/ },
		],
		secrets: (sim) => [(sim as ZijingSimulator).publicKey],
	},
	ytxFamily,
	{
		label: 'Chat&Messenger: Message → Send',
		service: 'Chat&Messenger',
		nodeType: 'n8n-nodes-conferencing.chatMessenger',
		simulator: () => new CamSimulator(),
		credential: (sim) => ({ type: 'chatMessengerApi', data: { serverUrl: sim.url, apiToken: (sim as CamSimulator).apiToken } }),
		parameters: { resource: 'message', operation: 'send', sendTo: 'messenger', text: '={{ $json.text }}', recipients: '={{ $json.to }}' },
		item: { text: 'Hello & 🎉', to: 'user1@example.com' },
		isSideEffect: (method, path) => method === 'POST' && path === '/sendMessage',
		envelopeFailure: { kind: 'status', status: 200, body: { errors: [{ code: 'E100', message: 'panel not found' }] } },
		envelopeWith: (message) => ({ errors: [{ code: 'E100', message }] }),
		unauthorized: { kind: 'status', status: 401, body: { errors: [{ code: 'invalidApiToken', message: 'Invalid apiToken' }] } },
		badInputs: [
			{ label: 'empty text', item: { text: '', to: 'user1@example.com' }, message: /"Text" is empty/ },
			{ label: 'no recipients', item: { text: 'x', to: ' , ' }, message: /"Recipients" is empty/ },
		],
		secrets: (sim) => [(sim as CamSimulator).apiToken],
	},
	{
		label: 'Chat&Messenger: Message → Send Many',
		service: 'Chat&Messenger',
		nodeType: 'n8n-nodes-conferencing.chatMessenger',
		simulator: () => new CamSimulator(),
		credential: (sim) => ({ type: 'chatMessengerApi', data: { serverUrl: sim.url, apiToken: (sim as CamSimulator).apiToken } }),
		parameters: { resource: 'message', operation: 'sendMany', sendTo: 'messenger', text: '={{ $json.text }}', recipients: '={{ $json.to }}', batching: { batchSize: 1, batchesInFlight: 1 } },
		item: { text: 'Hello & 🎉', to: 'user1@example.com' },
		isSideEffect: (method, path) => method === 'POST' && path === '/sendMessages',
		envelopeFailure: { kind: 'status', status: 200, body: { errors: [{ code: 'E100', message: 'user not found' }] } },
		envelopeWith: (message) => ({ errors: [{ code: 'E100', message }] }),
		unauthorized: { kind: 'status', status: 401, body: { errors: [{ code: 'invalidApiToken', message: 'Invalid apiToken' }] } },
		badInputs: [{ label: 'empty text', item: { text: '', to: 'user1@example.com' }, message: /"Text" is empty/ }],
		secrets: (sim) => [(sim as CamSimulator).apiToken],
	},
	zoomFamily,
	zoomOAuth2Family,
];
