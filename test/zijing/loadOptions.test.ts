/**
 * Zijing Cloud node: the drop-downs of Booking → Create (bookable rooms, contacts), run in n8n-core's
 * own LoadOptionsContext against the simulator.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { ZijingCloud } from '../../nodes/ZijingCloud/ZijingCloud.node';
import { everyString } from '../harness/runText';
import { ZIJING_NODE_TYPE } from '../simulators/zijing';
import { zijingSuite } from './common';

const { sim, engine } = zijingSuite();
const node = new ZijingCloud();

function context(parameters: IDataObject, path: string) {
	const workflowNode: INode = {
		id: 'n0',
		name: 'Zijing',
		type: ZIJING_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { zijingCloudApi: { id: 'zijing', name: 'zijing' } },
	};
	const workflow = new Workflow({ nodes: [workflowNode], connections: {}, active: false, nodeTypes: engine.nodeTypes });
	const additionalData = { credentialsHelper: engine.helper, currentNodeParameters: parameters } as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, workflowNode, additionalData, path);
}

const create = (account: string) => ({ resource: 'booking', operation: 'create', account, additionalFields: {} });

test('bookable rooms of the account entered in the node', async () => {
	const options = await node.methods.loadOptions.getBookableRooms.call(context(create('admin@miwei.com'), 'additionalFields.roomId'));
	expect(options).toEqual([
		{ name: '大会议室 (2516)', value: '486' },
		{ name: '何宗源的会议室 (100713)', value: '3364' },
	]);
	const [request] = sim.requests('GET', '/subscribe/getmeeting');
	expect(request.query).toEqual({ account: 'admin@miwei.com' });
	expect(request.headers.auth).toBe(sim.publicKey);
	// asks for JSON, as a run does
	expect(request.headers.accept).toBe('application/json');
});

test('contacts, all at once', async () => {
	const options = await node.methods.loadOptions.getContacts.call(context(create('admin@miwei.com'), 'additionalFields.participantIds'));
	expect(options).toHaveLength(250);
	expect(options[1]).toEqual({ name: '联系人1 (9001)', value: '9001' });
	expect(sim.requests('GET', '/subscribe/getcontacts')[0].query).toEqual({ account: 'admin@miwei.com', isAll: 'yes' });
});

test('no account yet: a clear message and no request', async () => {
	await expect(node.methods.loadOptions.getBookableRooms.call(context(create(''), 'additionalFields.roomId'))).rejects.toThrow(
		'Enter the "Account" (name@domain) first to list its bookable rooms',
	);
	expect(sim.log).toHaveLength(0);
});

test('a refusal of the service is shown with its code and meaning', async () => {
	await expect(node.methods.loadOptions.getContacts.call(context(create('nobody@miwei.com'), 'additionalFields.participantIds'))).rejects.toThrow(
		'Zijing Cloud error 400: the request parameters were refused (账号不存在)',
	);
});

test.each([
	['an error page echoing the request (HTTP 500)', { kind: 'echo' as const, status: 500 }],
	['a failure envelope echoing the request', { kind: 'echo' as const, status: 200, wrap: (message: string) => ({ code: '500', data: null, message, state: 0 }) }],
])('%s: the drop-down error holds no key', async (_label, fault) => {
	sim.fail(fault);
	const error = await node.methods.loadOptions.getBookableRooms
		.call(context(create('admin@miwei.com'), 'additionalFields.roomId'))
		.then(() => undefined, (e: unknown) => e as Error & Record<string, unknown>);
	expect(error).toBeInstanceOf(Error);
	expect(error!.message).toMatch(/^Zijing Cloud error/);
	const everything = everyString(error);
	expect(everything).toContain('auth');
	expect(everything).not.toContain(sim.publicKey);
});

describe('entries as the drop-downs show them', () => {
	const answer = (data: unknown) =>
		sim.fail({ kind: 'answer', response: { status: 200, body: { code: 200, data, message: null, state: 1 } } });

	test('a room: its description and short number, else its ID; a room without an ID is left out', async () => {
		answer([{ pid: 1, pDesc: 'A', sipkey: 2 }, { pid: 2 }, { pid: 3, sipkey: 0 }, { pid: null, pDesc: 'no id' }]);
		const options = await node.methods.loadOptions.getBookableRooms.call(context(create(' admin@miwei.com '), 'additionalFields.roomId'));
		expect(options).toEqual([
			{ name: 'A (2)', value: '1' },
			{ name: '2', value: '2' },
			{ name: '3 (0)', value: '3' },
		]);
		expect(sim.requests('GET', '/subscribe/getmeeting').map((r) => r.query)).toEqual([{ account: 'admin@miwei.com' }]);
	});

	test('a contact: its trimmed name and ID, else its ID twice; an entry without a usable ID is left out', async () => {
		answer([
			{ id: ' 7 ', name: ' 张三 ' },
			{ id: 8, name: '  ' },
			{ id: 9 },
			{ id: '  ', name: 'blank' },
			{ id: true, name: 'flag' },
			{ id: null, name: 'none' },
			{ id: 10, name: 42 },
		]);
		const options = await node.methods.loadOptions.getContacts.call(context(create('admin@miwei.com'), 'additionalFields.participantIds'));
		expect(options).toEqual([
			{ name: '张三 (7)', value: '7' },
			{ name: '8 (8)', value: '8' },
			{ name: '9 (9)', value: '9' },
			{ name: '10 (10)', value: '10' },
		]);
	});

	test('a room list whose entries have no "pid" is refused with what arrived, not read as no rooms', async () => {
		answer([{ pDesc: '大会议室', sipkey: 2516 }]);
		const error = await node.methods.loadOptions.getBookableRooms
			.call(context(create('admin@miwei.com'), 'additionalFields.roomId'))
			.then(() => undefined, (e: unknown) => e as Error);
		expect(error?.message).toBe(
			'Zijing Cloud error 200: unexpected answer: "data" is a JSON array of 1 entry, expected a list of entries with "pid"; an entry is a JSON object with the keys "pDesc", "sipkey" (received HTTP 200, application/json, a JSON object with the keys "code", "data", "message", "state")',
		);
	});

	test('a contact list whose entries have no "id" is refused with what arrived, not read as no contacts', async () => {
		answer([{ name: '张三' }]);
		const error = await node.methods.loadOptions.getContacts
			.call(context(create('admin@miwei.com'), 'additionalFields.participantIds'))
			.then(() => undefined, (e: unknown) => e as Error);
		expect(error?.message).toBe(
			'Zijing Cloud error 200: unexpected answer: "data" is a JSON array of 1 entry, expected a list of entries with "id"; an entry is a JSON object with the key "name" (received HTTP 200, application/json, a JSON object with the keys "code", "data", "message", "state")',
		);
	});

	test('a refusal without a message text gives the code and its meaning only', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { code: 400, data: null, message: null, state: 0 } } });
		await expect(node.methods.loadOptions.getBookableRooms.call(context(create('admin@miwei.com'), 'additionalFields.roomId'))).rejects.toThrow(
			/^Zijing Cloud error 400: the request parameters were refused$/,
		);
	});

	test('no Account parameter at all: the clear message, no request', async () => {
		await expect(
			node.methods.loadOptions.getContacts.call(context({ resource: 'booking', operation: 'create', additionalFields: {} }, 'additionalFields.participantIds')),
		).rejects.toThrow('Enter the "Account" (name@domain) first to list its contacts');
		expect(sim.log).toHaveLength(0);
	});

	test.each(['={{ $json.account }}', 'admin', 'a@b@c', 'ad min@x.com', 'admin@mi wei.com', '=admin@miwei.com'])('the account %p is not one to list: a clear message and no request', async (account) => {
		await expect(node.methods.loadOptions.getContacts.call(context(create(account), 'additionalFields.participantIds'))).rejects.toThrow(
			'Enter the "Account" (name@domain) first to list its contacts',
		);
		expect(sim.log).toHaveLength(0);
	});
});
