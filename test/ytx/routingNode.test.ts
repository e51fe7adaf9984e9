/**
 * The YTX operations are declared with n8n's routing vocabulary: the same description without
 * `execute`, run by n8n-core's own RoutingNode, sends the same request and outputs the same item as
 * the pack's executor.
 */
import type { INodeType } from 'n8n-workflow';

import { YtxTelephony } from '../../nodes/YtxTelephony/YtxTelephony.node';
import { formatBookTime } from '../../nodes/YtxTelephony/shared/validation';
import { createEngine } from '../harness/engine';
import { YtxSimulator } from '../simulators/ytx';

const sim = new YtxSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

function declarativeVariant(): INodeType {
	const node = new YtxTelephony();
	return { description: { ...node.description, properties: node.description.properties.filter((p) => p.name !== 'requestOptions') } };
}

test.each(['start', 'book'])('%s: n8n routing node and the pack executor send the same request and output the same item', async (operation) => {
	const engine = createEngine({ 'test.ytxDeclarative': declarativeVariant() });
	const credential = engine.store.add('ytx', 'ytxTelephonyApi', {
		accountSid: sim.accountSid,
		authToken: sim.authToken,
		appId: sim.appId,
		environment: 'custom',
		customUrl: sim.url,
	});
	const bookingTime = formatBookTime(Date.now() + 86_400_000);
	const parameters = {
		resource: 'conference',
		operation,
		meetingName: '={{ $json.topic }}',
		creator: '+86 136 0000 7556',
		bookingTime,
		participantsInput: 'json',
		participantsJson: '={{ $json.people }}',
		options: { displayNumber: '01053189901', customParameter: 'ref-1' },
	};
	const run = async (type: string) => {
		sim.reset();
		const result = await engine.run([{ name: 'YTX', type, parameters, credentials: { ytxTelephonyApi: credential } }], [
			{ topic: ' 周会 ', people: [{ name: '张三', phone: '15000000804' }, { phone: '01053889900,1234' }] },
		]);
		expect(result.error('YTX')).toBeUndefined();
		const [request] = sim.log;
		const [item] = result.output('YTX');
		return {
			request: {
				method: request.method,
				path: request.path,
				query: Object.keys(request.query),
				body: request.json,
				type: request.headers['content-type'],
				accept: request.headers.accept,
			},
			item: { ...item.json, meetingPassword: 0, requestId: 0 },
			pairedItem: item.pairedItem,
		};
	};
	const ours = await run('n8n-nodes-conferencing.ytxTelephony');
	const n8ns = await run('test.ytxDeclarative');
	expect(ours.request).toEqual({
		method: 'POST',
		path: `/201612/sid/${sim.accountSid}/call/TeleMeeting.wx`,
		query: ['Sign'],
		body: {
			action: 'createMeeting',
			appid: sim.productionAppId,
			meetingname: '周会',
			creator: '13600007556',
			parties: '[{"name":"张三","phone":"15000000804"},{"name":"01053889900,1234","phone":"01053889900,1234"}]',
			bookmeeting: operation === 'start' ? '0' : '1',
			confid: '',
			booktime: operation === 'start' ? '' : bookingTime,
			shownumber: '01053189901',
			CustomParm: 'ref-1',
		},
		type: 'application/json;charset=utf-8',
		accept: 'application/json',
	});
	expect(n8ns).toEqual(ours);
});

test.each(['editBooking', 'cancelBooking'])('%s: n8n routing node and the pack executor send the same request', async (operation) => {
	const engine = createEngine({ 'test.ytxDeclarative': declarativeVariant() });
	const credential = engine.store.add('ytx', 'ytxTelephonyApi', {
		accountSid: sim.accountSid,
		authToken: sim.authToken,
		appId: sim.appId,
		environment: 'custom',
		customUrl: sim.url,
	});
	const first = formatBookTime(Date.now() + 86_400_000);
	const later = formatBookTime(Date.now() + 2 * 86_400_000);
	const common = { resource: 'conference', meetingName: 'Sync', creator: '13600007556', participants: { participant: [{ name: 'A', phone: '15000000804' }] } };
	const run = async (type: string) => {
		sim.reset();
		const result = await engine.run([
			{ name: 'Book', type: 'n8n-nodes-conferencing.ytxTelephony', parameters: { ...common, operation: 'book', bookingTime: first }, credentials: { ytxTelephonyApi: credential } },
			{
				name: 'Change',
				type,
				parameters: { ...common, operation, meetingId: '={{ $json.meetingId }}', bookingTime: operation === 'editBooking' ? later : '' },
				credentials: { ytxTelephonyApi: credential },
			},
		]);
		expect(result.error('Change')).toBeUndefined();
		return { body: sim.log[1].json, item: { ...result.output('Change')[0].json, meetingPassword: 0, requestId: 0 }, status: sim.meetings.get('001')?.status };
	};
	const ours = await run('n8n-nodes-conferencing.ytxTelephony');
	const n8ns = await run('test.ytxDeclarative');
	expect(ours.body).toMatchObject(
		operation === 'editBooking' ? { bookmeeting: '1', confid: '001', booktime: later } : { bookmeeting: '2', confid: '001', booktime: '' },
	);
	expect(ours.status).toBe(operation === 'editBooking' ? 'booked' : 'cancelled');
	expect(n8ns).toEqual(ours);
});
