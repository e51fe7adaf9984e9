/**
 * Every declared YTX Telephony operation, run by the pack's executor and by n8n-core's own
 * RoutingNode from the same simulator state: the same requests and the same items (see
 * test/harness/differential.ts). Below the table, what the executor does differently on purpose.
 */
import { YtxTelephony } from '../../nodes/YtxTelephony/YtxTelephony.node';
import { formatBookTime } from '../../nodes/YtxTelephony/shared/validation';
import { PREFIX } from '../harness/engine';
import { both, differentialSuite, oneCredential, INPUT_ERROR_KEPT, type DiffCase, type DiffTarget } from '../harness/differential';
import { YtxSimulator } from '../simulators/ytx';

const sim = new YtxSimulator();
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());

const node = new YtxTelephony();
const target = (): DiffTarget => ({
	sim,
	node,
	setup: oneCredential('YTX', `${PREFIX}ytxTelephony`, 'ytxTelephonyApi', () => ({
		accountSid: sim.accountSid,
		authToken: sim.authToken,
		appId: sim.appId,
		environment: 'custom',
		customUrl: sim.url,
	})),
	// the signature: `Sign` in the query, `Authorization` from the time stamp
	authHeaders: ['authorization'],
	authQuery: ['Sign'],
	// meeting passwords and request IDs are made by the service
	volatile: (json) => json.replace(/"(meetingPassword|requestId)":"\d+"/g, '"$1":"<made>"'),
});

const bookingTime = formatBookTime(Date.now() + 86_400_000);
const later = formatBookTime(Date.now() + 2 * 86_400_000);
const common = { meetingName: 'Sync', creator: '13600007556', participants: { participant: [{ name: 'A', phone: '15000000804' }] } };
const booked = () =>
	void sim.meetings.set('007', {
		meid: '007',
		mepwd: '123456',
		meetcallerid: sim.defaultCallerId,
		meetingname: 'Sync',
		creator: '13600007556',
		parties: [{ name: 'A', phone: '15000000804' }],
		booktime: bookingTime,
		status: 'booked',
		appid: sim.productionAppId,
		history: ['booked'],
	});
const created = (operation: string, time: string) => ({
	action: 'createMeeting',
	appid: sim.productionAppId,
	meetingname: '周会',
	creator: '13600007556',
	parties: '[{"name":"张三","phone":"15000000804"},{"name":"01053889900,1234","phone":"01053889900,1234"}]',
	bookmeeting: operation === 'start' ? '0' : '1',
	confid: '',
	booktime: time,
	shownumber: '01053189901',
	CustomParm: 'ref-1',
});
const jsonParticipants = {
	meetingName: '={{ $json.topic }}',
	creator: '+86 136 0000 7556',
	participantsInput: 'json',
	participantsJson: '={{ $json.people }}',
	options: { displayNumber: '01053189901', customParameter: 'ref-1' },
};
const people = [{ topic: ' 周会 ', people: [{ name: '张三', phone: '15000000804' }, { phone: '01053889900,1234' }] }];

const cases: DiffCase[] = [
	{
		operation: 'conference.start',
		parameters: jsonParticipants,
		items: people,
		expect(ours) {
			expect(ours.requests).toEqual([
				{
					method: 'POST',
					path: `/201612/sid/${sim.accountSid}/call/TeleMeeting.wx`,
					query: {},
					body: created('start', ''),
					headers: expect.objectContaining({ accept: 'application/json', 'content-type': 'application/json;charset=utf-8' }),
				},
			]);
			expect(ours.items[0].json).toMatchObject({ meetingId: '001', meetingPassword: '<made>', callerId: '01053189901' });
		},
	},
	{
		operation: 'conference.book',
		parameters: { ...jsonParticipants, bookingTime },
		items: people,
		expect(ours) {
			expect(ours.requests[0].body).toEqual(created('book', bookingTime));
			expect(ours.items[0].json).toMatchObject({ meetingId: '001', bookingTime });
		},
	},
	{
		operation: 'conference.book',
		title: 'a booking time in the past, refused before any request',
		parameters: { ...common, bookingTime: '2001-01-01 09:00' },
		differs: INPUT_ERROR_KEPT,
		expect(ours) {
			expect(ours.requests).toEqual([]);
			expect(ours.error?.message).toMatch(/"Booking Time" .*2001-01-01 09:00.*\(item 0\)/);
		},
	},
	{
		operation: 'conference.editBooking',
		parameters: { ...common, meetingId: '={{ $json.id }}', bookingTime: later },
		items: [{ id: '007' }],
		prepare: booked,
		expect(ours) {
			expect(ours.requests[0].body).toMatchObject({ bookmeeting: '1', confid: '007', booktime: later });
			expect(ours.items[0].json).toMatchObject({ meetingId: '007', bookingTime: later });
		},
	},
	{
		operation: 'conference.editBooking',
		title: 'an unknown meeting: the service’s envelope (statusCode −101, HTTP 200)',
		parameters: { ...common, meetingId: '404', bookingTime: later },
		expect(ours) {
			expect(ours.requests).toHaveLength(1);
			expect(ours.error?.message).toMatch(/^YTX error -101: .*会议不存在/);
		},
	},
	{
		operation: 'conference.cancelBooking',
		parameters: { ...common, meetingId: '007' },
		prepare: booked,
		expect(ours) {
			expect(ours.requests[0].body).toMatchObject({ bookmeeting: '2', confid: '007', booktime: '' });
			expect(ours.items[0].json).toMatchObject({ meetingId: '007' });
		},
	},
];

differentialSuite(target, cases);

describe('where the executor differs from n8n’s RoutingNode, on purpose', () => {
	test('size cap: an answer larger than "Max Response Size" fails unread in the executor; RoutingNode reads it whole', async () => {
		const parameters = { resource: 'conference', operation: 'start', ...common, requestOptions: { maxResponseSize: 0.05 } };
		const { ours, n8ns } = await both(target(), parameters, { prepare: () => void sim.fail({ kind: 'oversized', bytes: 256 * 1024 }) });
		expect(n8ns.requests).toEqual(ours.requests);
		expect(ours.error?.message).toMatch(/^YTX: the answer is larger than 0.1 MB and was not read/);
		expect(n8ns.error?.message).not.toMatch(/larger than/);
	});
});
