/**
 * The YTX Telephony node in n8n's real engine against the YTX simulator (production and sandbox
 * instances): every operation, the request YTX receives, the items that come out, every failure code,
 * input checks before any request, and secrets that never leak.
 */
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { YTX_STATUS_CODES } from '../../nodes/YtxTelephony/shared/errors';
import { formatBookTime } from '../../nodes/YtxTelephony/shared/validation';
import { createEngine, type Engine, type TestNode } from '../harness/engine';
import type { SimRequest } from '../simulators/base';
import { parseChinaStamp, YTX_MESSAGES, YtxSimulator } from '../simulators/ytx';

const TYPE = 'n8n-nodes-conferencing.ytxTelephony';

let prod: YtxSimulator;
let sandbox: YtxSimulator;
let engine: Engine;

function credential(id: string, sim: YtxSimulator, overrides: IDataObject = {}) {
	engine.store.add(id, 'ytxTelephonyApi', {
		accountSid: sim.accountSid,
		authToken: sim.authToken,
		appId: sim.appId,
		environment: 'custom',
		customUrl: sim.url,
		...overrides,
	});
}

beforeAll(async () => {
	prod = new YtxSimulator('production');
	sandbox = new YtxSimulator('sandbox');
	await Promise.all([prod.start(), sandbox.start()]);
	engine = createEngine();
	credential('prod', prod);
	credential('sandbox', sandbox);
});

afterAll(async () => {
	await Promise.all([prod.stop(), sandbox.stop()]);
});

beforeEach(() => {
	prod.reset();
	sandbox.reset();
});

const PARTIES = {
	participant: [
		{ name: '张三', phone: '15000000804' },
		{ name: '王五', phone: '010-5388-9900,1234' },
	],
};

function ytx(parameters: IDataObject, options: { name?: string; credential?: string; continueOnFail?: boolean } = {}): TestNode {
	return {
		name: options.name ?? 'YTX',
		type: TYPE,
		parameters: {
			resource: 'conference',
			meetingName: '周会 Weekly',
			creator: '13600007556',
			participants: PARTIES,
			...parameters,
		},
		credentials: { ytxTelephonyApi: { id: options.credential ?? 'prod', name: options.credential ?? 'prod' } },
		continueOnFail: options.continueOnFail,
	};
}

const inTwoDays = () => formatBookTime(Date.now() + 2 * 24 * 3600_000);
const body = (req: SimRequest) => req.json as Record<string, string>;

/** Every derived secret of the exchanges a simulator saw: Sign values and Authorization headers. */
function derivedSecrets(sim: YtxSimulator): string[] {
	const out: string[] = [];
	for (const req of sim.log) {
		if (req.query.Sign) out.push(req.query.Sign, req.query.Sign.toLowerCase());
		if (typeof req.headers.authorization === 'string') out.push(req.headers.authorization);
	}
	return out;
}

function expectNoSecrets(text: string, sim: YtxSimulator) {
	expect(sim.log.length).toBeGreaterThan(0);
	for (const secret of [sim.authToken, ...derivedSecrets(sim)]) expect(text).not.toContain(secret);
}

describe('Conference → Start Now', () => {
	it('sends a signed createMeeting with bookmeeting 0 and outputs the meeting', async () => {
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.error('YTX')).toBeUndefined();

		expect(prod.log).toHaveLength(1);
		const req = prod.log[0];
		expect(req.method).toBe('POST');
		expect(req.path).toBe(`/201612/sid/${prod.accountSid}/call/TeleMeeting.wx`);
		expect(req.headers.accept).toBe('application/json');
		expect(req.headers['content-type']).toBe('application/json;charset=utf-8');
		// the stamp is China Standard Time (a UTC stamp would be 8 hours off) and the same in both places
		const [sid, stamp] = Buffer.from(String(req.headers.authorization), 'base64').toString().split('|');
		expect(sid).toBe(prod.accountSid);
		expect(Math.abs((parseChinaStamp(stamp) as number) - req.at)).toBeLessThan(5_000);
		expect(req.query.Sign).toBe(createHash('md5').update(prod.accountSid + prod.authToken + stamp).digest('hex').toUpperCase());

		expect(body(req)).toEqual({
			action: 'createMeeting',
			appid: prod.productionAppId,
			meetingname: '周会 Weekly',
			creator: '13600007556',
			parties: '[{"name":"张三","phone":"15000000804"},{"name":"王五","phone":"01053889900,1234"}]',
			bookmeeting: '0',
			confid: '',
			booktime: '',
		});
		expect(typeof body(req).parties).toBe('string');

		const meeting = prod.meetings.get('001');
		expect(meeting?.status).toBe('started');
		expect(result.output('YTX')).toEqual([
			{
				json: { meetingId: '001', meetingPassword: meeting?.mepwd, callerId: '01053189900', requestId: expect.stringMatching(/^\d{16}$/) },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends Display Number and Custom Parameter when given', async () => {
		const result = await engine.run([
			ytx({ operation: 'start', options: { displayNumber: '010-5318-9901', customParameter: 'order-42' } }),
		]);
		expect(result.error('YTX')).toBeUndefined();
		expect(body(prod.log[0])).toMatchObject({ shownumber: '01053189901', CustomParm: 'order-42' });
		expect(result.output('YTX')[0].json.callerId).toBe('01053189901');
	});

	it('takes meeting fields from expressions, one request per item, outputs paired in order', async () => {
		const items = [
			{ topic: 'A', people: [{ name: 'Ann', phone: '13800138001' }] },
			{ topic: 'B', people: [{ name: 'Bob', phone: '13800138002' }, { phone: '0755-8888-6666,8' }] },
			{ topic: 'C', people: '[{"name": "Cai", "phone": "+86 138 0013 8003"}]' },
		];
		const result = await engine.run(
			[ytx({ operation: 'start', meetingName: '={{ $json.topic }}', participantsInput: 'json', participantsJson: '={{ $json.people }}' })],
			items,
		);
		expect(result.error('YTX')).toBeUndefined();
		const sent = prod.log.map((r) => body(r)).sort((a, b) => a.meetingname.localeCompare(b.meetingname));
		expect(sent.map((b) => [b.meetingname, JSON.parse(b.parties)])).toEqual([
			['A', [{ name: 'Ann', phone: '13800138001' }]],
			['B', [{ name: 'Bob', phone: '13800138002' }, { name: '075588886666,8', phone: '075588886666,8' }]],
			['C', [{ name: 'Cai', phone: '13800138003' }]],
		]);
		const out = result.output('YTX');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const byId = (id: unknown) => prod.meetings.get(String(id))?.meetingname;
		expect(out.map((i) => byId(i.json.meetingId))).toEqual(['A', 'B', 'C']);
	});

	it('accepts a JSON text typed into the participants field', async () => {
		const result = await engine.run([
			ytx({ operation: 'start', participantsInput: 'json', participantsJson: '[{"name":"李四","phone":"13600007556"}]' }),
		]);
		expect(result.error('YTX')).toBeUndefined();
		expect(JSON.parse(body(prod.log[0]).parties)).toEqual([{ name: '李四', phone: '13600007556' }]);
	});

	it('outputs the whole answer when asked', async () => {
		const result = await engine.run([ytx({ operation: 'start', options: { fullResponse: true } })]);
		expect(result.output('YTX')[0].json).toEqual({
			statusCode: '0',
			statusMsg: { meid: '001', mepwd: prod.meetings.get('001')?.mepwd, meetcallerid: '01053189900' },
			requestId: expect.any(String),
		});
	});

	it('accepts statusMsg as a JSON string and a missing requestId', async () => {
		prod.statusMsgShape = 'jsonString';
		prod.omitRequestId = true;
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.output('YTX')[0].json).toEqual({
			meetingId: '001',
			meetingPassword: prod.meetings.get('001')?.mepwd,
			callerId: '01053189900',
			requestId: null,
		});
	});

	it('keeps at most 2 requests in flight by default, and as many as the user sets', async () => {
		prod.holdMs = 40;
		const items = Array.from({ length: 6 }, (_, i) => ({ i }));
		const result = await engine.run([ytx({ operation: 'start' })], items);
		expect(result.output('YTX')).toHaveLength(6);
		expect(prod.maxInFlight).toBe(2);

		prod.reset();
		prod.holdMs = 40;
		await engine.run([ytx({ operation: 'start', requestOptions: { concurrency: 1 } })], items);
		expect(prod.log).toHaveLength(6);
		expect(prod.maxInFlight).toBe(1);
	});
});

describe('Conference → Book, Edit Booking, Cancel Booking', () => {
	it('books with bookmeeting 1 and a China-time booking time', async () => {
		const when = inTwoDays();
		const result = await engine.run([ytx({ operation: 'book', bookingTime: when })]);
		expect(result.error('YTX')).toBeUndefined();
		expect(body(prod.log[0])).toMatchObject({ action: 'createMeeting', bookmeeting: '1', confid: '', booktime: when });
		expect(prod.meetings.get('001')).toMatchObject({ status: 'booked', booktime: when });
		expect(result.output('YTX')[0].json).toMatchObject({ meetingId: '001', bookingTime: when });
	});

	it('converts an ISO time with an offset to China time', async () => {
		const result = await engine.run([ytx({ operation: 'book', bookingTime: '2099-03-01T06:30:00Z' })]);
		expect(result.error('YTX')).toBeUndefined();
		expect(body(prod.log[0]).booktime).toBe('2099-03-01 14:30');
	});

	it('accepts a Luxon date from an expression ($now), converted to China time', async () => {
		const before = Date.now();
		const result = await engine.run([ytx({ operation: 'book', bookingTime: "={{ $now.plus(1, 'day') }}" })]);
		expect(result.error('YTX')).toBeUndefined();
		const sent = body(prod.log[0]).booktime;
		const expected = [formatBookTime(before + 86_400_000), formatBookTime(Date.now() + 86_400_000)];
		expect(expected).toContain(sent);
	});

	it('edits a booking: bookmeeting 1 with confid, the booking changes', async () => {
		const later = formatBookTime(Date.now() + 3 * 24 * 3600_000);
		const result = await engine.run([
			ytx({ operation: 'book', bookingTime: inTwoDays() }, { name: 'Book' }),
			ytx(
				{
					operation: 'editBooking',
					meetingId: '={{ $json.meetingId }}',
					meetingName: 'Moved',
					bookingTime: later,
					participants: { participant: [{ name: 'Solo', phone: '13800138000' }] },
				},
				{ name: 'Edit' },
			),
		]);
		expect(result.error('Edit')).toBeUndefined();
		expect(body(prod.log[1])).toMatchObject({ bookmeeting: '1', confid: '001', booktime: later, meetingname: 'Moved' });
		expect(prod.meetings.size).toBe(1);
		expect(prod.meetings.get('001')).toMatchObject({
			status: 'booked',
			booktime: later,
			meetingname: 'Moved',
			parties: [{ name: 'Solo', phone: '13800138000' }],
			history: ['booked', 'edited'],
		});
		expect(result.output('Edit')[0].json).toMatchObject({ meetingId: '001', bookingTime: later });
	});

	it('cancels a booking: bookmeeting 2 with confid; cancelling it again is refused (-101)', async () => {
		const result = await engine.run([
			ytx({ operation: 'book', bookingTime: inTwoDays() }, { name: 'Book' }),
			ytx({ operation: 'cancelBooking', meetingId: '={{ $json.meetingId }}' }, { name: 'Cancel' }),
		]);
		expect(result.error('Cancel')).toBeUndefined();
		expect(body(prod.log[1])).toMatchObject({ bookmeeting: '2', confid: '001', booktime: '' });
		expect(prod.meetings.get('001')?.status).toBe('cancelled');
		expect(result.output('Cancel')).toEqual([{ json: expect.objectContaining({ meetingId: '001', cancelled: true }), pairedItem: { item: 0 } }]);

		const again = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001' })]);
		expect(again.error('YTX')?.message).toBe('YTX error -101: invalid parameter (会议不存在)');
	});

	it('Cancel Booking with a booking time of spaces or null (from an expression) sends it empty', async () => {
		for (const bookingTime of ['   ', '={{ null }}']) {
			prod.reset();
			await engine.run([ytx({ operation: 'book', bookingTime: inTwoDays() })]);
			const cancel = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001', bookingTime })]);
			expect(cancel.error('YTX')).toBeUndefined();
			expect(body(prod.log[1])).toMatchObject({ bookmeeting: '2', confid: '001', booktime: '' });
		}
	});

	it('editing an unknown meeting ID fails with the service code', async () => {
		const result = await engine.run([ytx({ operation: 'editBooking', meetingId: '999', bookingTime: inTwoDays() })]);
		expect(result.error('YTX')?.message).toContain('YTX error -101');
		expect(prod.log).toHaveLength(1);
	});
});

describe('input is checked before any request', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['an empty meeting name', { operation: 'start', meetingName: '  ' }, /^"Meeting Name" is empty \(item 0\)$/],
		['a creator that is not a phone', { operation: 'start', creator: '12345' }, /^"Creator Phone" is not a phone number: "12345" \(item 0\)$/],
		[
			'a participant with a bad phone',
			{ operation: 'start', participants: { participant: [{ name: 'A', phone: '13800138000' }, { name: 'B', phone: '555-12' }] } },
			/^"Participants" entry 2: phone "555-12" is not a phone number; expected .* \(item 0\)$/,
		],
		['a mobile with an extension', { operation: 'start', participants: { participant: [{ name: 'A', phone: '13800138000,12' }] } }, /entry 1: phone "13800138000,12" is a mobile number/],
		['no participant', { operation: 'start', participants: {} }, /^"Participants" is empty: add at least one participant \(item 0\)$/],
		['the untouched participants JSON template', { operation: 'start', participantsInput: 'json' }, /^"Participants \(JSON\)" entry 1: phone "" is empty; expected .*: "\[/],
		['participants JSON that is not JSON', { operation: 'start', participantsInput: 'json', participantsJson: '[{"name":' }, /^"Participants \(JSON\)" is not valid JSON .*: "\[\{"name":" \(item 0\)$/],
		['a booking time in the past', { operation: 'book', bookingTime: '2020-01-01 10:00' }, /^"Booking Time" is not in the future .*: "2020-01-01 10:00" \(item 0\)$/],
		['a booking time in another format', { operation: 'book', bookingTime: '01/12/2099 10:00' }, /^"Booking Time" is not in the format yyyy-MM-dd HH:mm .*: "01\/12\/2099 10:00" \(item 0\)$/],
		['a booking time that resolves empty', { operation: 'book', bookingTime: '={{ "" }}' }, /^"Booking Time" is empty \(item 0\)$/],
		['a meeting ID that resolves empty', { operation: 'editBooking', meetingId: '={{ $json.missing ?? "" }}', bookingTime: '2099-01-01 10:00' }, /^"Meeting ID" is empty \(item 0\)$/],
		['a display number with letters', { operation: 'start', options: { displayNumber: 'abc' } }, /^"Display Number" is not a phone number \(digits only\): "abc" \(item 0\)$/],
		// the package's own limits (no document gives any) and types
		[
			'more than 100 participants',
			{ operation: 'start', participants: { participant: Array.from({ length: 101 }, (_, i) => ({ name: `P${i}`, phone: `138${String(i).padStart(8, '0')}` })) } },
			/^"Participants" lists 101 participants, more than the 100 this node sends in one conference \(item 0\)$/,
		],
		[
			'a participant name over 50 characters',
			{ operation: 'start', participants: { participant: [{ name: '张'.repeat(51), phone: '13800138000' }] } },
			/^"Participants" entry 1: name "张{20}…" is 51 characters long, more than 50 \(item 0\)$/,
		],
		[
			'the same phone twice',
			{ operation: 'start', participants: { participant: [{ name: 'A', phone: '13800138000' }, { name: 'B', phone: '138 0013 8000' }] } },
			/^"Participants" entry 2: phone "13800138000" is already entry 1 \(item 0\)$/,
		],
		[
			'a participant name that is an object',
			{ operation: 'start', participantsInput: 'json', participantsJson: '={{ [{ name: { first: "Zhang" }, phone: "13800138000" }] }}' },
			/^"Participants \(JSON\)" entry 1: name is not text but an object: /,
		],
		['a meeting name that is an object', { operation: 'start', meetingName: '={{ { topic: "x" } }}' }, /^"Meeting Name" must be text, got an object \(item 0\)$/],
		['a custom parameter that is an object', { operation: 'start', options: { customParameter: '={{ { order: 42 } }}' } }, /^"Custom Parameter" must be text, got an object \(item 0\)$/],
		['a meeting ID that is a list', { operation: 'cancelBooking', meetingId: '={{ ["001"] }}' }, /^"Meeting ID" must be text, got a list \(item 0\)$/],
		['a Cancel Booking time that is a number', { operation: 'cancelBooking', meetingId: '001', bookingTime: '={{ 202601011000 }}' }, /^"Booking Time" must be a date and time as text: "202601011000" \(item 0\)$/],
	];

	it.each(cases)('refuses %s', async (_label, parameters, message) => {
		const result = await engine.run([ytx(parameters)]);
		const error = result.error('YTX');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(prod.log).toHaveLength(0);
	});

	it('refuses a bad custom URL in the credential before sending', async () => {
		credential('badUrl', prod, { customUrl: 'ftp://nowhere' });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'badUrl' })]);
		expect(result.error('YTX')?.message).toBe('The credential\'s "Custom URL" is not an http(s) URL: "ftp://nowhere" (item 0)');
	});

	it('with continue-on-fail only the bad item fails, named by its index, and the others are sent', async () => {
		const items = [{ phone: '13800138001' }, { phone: '99' }, { phone: '13800138003' }];
		const result = await engine.run(
			[ytx({ operation: 'start', creator: '={{ $json.phone }}' }, { continueOnFail: true })],
			items,
		);
		const out = result.output('YTX');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toBe('"Creator Phone" is not a phone number: "99" (item 1)');
		// each sent item comes out with the meeting the simulator created for its own creator
		const creatorOf = (id: unknown) => prod.meetings.get(String(id))?.creator;
		expect([out[0].json.meetingId, out[2].json.meetingId].sort()).toEqual(['001', '002']);
		expect(creatorOf(out[0].json.meetingId)).toBe('13800138001');
		expect(creatorOf(out[2].json.meetingId)).toBe('13800138003');
		expect(prod.log.map((r) => body(r).creator).sort()).toEqual(['13800138001', '13800138003']);
	});
});

describe('the credential and every field, exactly as refused or sent', () => {
	it.each<[string, IDataObject, string]>([
		['an Account SID with a space', { accountSid: 'abc def' }, 'The credential\'s "Account SID" must be letters and digits only (item 0)'],
		['an empty Account SID', { accountSid: '' }, 'The credential\'s "Account SID" must be letters and digits only (item 0)'],
		['an empty Auth Token', { authToken: '' }, 'The credential\'s "Auth Token" is empty or has leading or trailing spaces (item 0)'],
		['an Auth Token with a leading space', { authToken: ' abc' }, 'The credential\'s "Auth Token" is empty or has leading or trailing spaces (item 0)'],
		['an Auth Token with a trailing space', { authToken: 'abc ' }, 'The credential\'s "Auth Token" is empty or has leading or trailing spaces (item 0)'],
		['an App ID with a space inside', { appId: 'app id' }, 'The credential\'s "App ID" must be letters and digits only (item 0)'],
		['an empty App ID', { appId: '  ' }, 'The credential\'s "App ID" must be letters and digits only (item 0)'],
		['a custom URL with a space in its host', { customUrl: 'https://ytx example.com' }, 'The credential\'s "Custom URL" is not an http(s) URL: "https://ytx example.com" (item 0)'],
		['a custom URL with a query', { customUrl: 'https://ytx.example.com/api?x=1' }, 'The credential\'s "Custom URL" is not an http(s) URL: "https://ytx.example.com/api?x=1" (item 0)'],
		['a custom URL without a host', { customUrl: 'http:///ytx' }, 'The credential\'s "Custom URL" is not an http(s) URL: "http:///ytx" (item 0)'],
		['a custom URL after other text', { customUrl: 'see https://ytx.example.com' }, 'The credential\'s "Custom URL" is not an http(s) URL: "see https://ytx.example.com" (item 0)'],
		['no Account SID at all', { accountSid: undefined }, 'The credential\'s "Account SID" must be letters and digits only (item 0)'],
		['no Auth Token at all', { authToken: undefined }, 'The credential\'s "Auth Token" is empty or has leading or trailing spaces (item 0)'],
		['no App ID at all', { appId: undefined }, 'The credential\'s "App ID" must be letters and digits only (item 0)'],
	])('refuses %s before any request', async (_label, overrides, message) => {
		credential('bad', prod, overrides);
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'bad' })]);
		expect(result.error('YTX')?.message).toBe(message);
		expect(prod.log).toHaveLength(0);
	});

	it('names what to do about an Account SID with a space', async () => {
		credential('bad', prod, { accountSid: ` ${prod.accountSid}` });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'bad' })]);
		expect(result.error('YTX')?.description).toBe('Copy the ACCOUNT SID from the YTX console without spaces');
	});

	it('sends the App ID trimmed, and takes one with "_" and "-"', async () => {
		credential('spaced', prod, { appId: `  ${prod.appId}  ` });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'spaced' })]);
		expect(result.error('YTX')).toBeUndefined();
		expect(body(prod.log[0]).appid).toBe(prod.appId);

		credential('dashed', prod, { appId: 'app_id-1' });
		await engine.run([ytx({ operation: 'start' }, { credential: 'dashed' })]);
		expect(body(prod.log[1]).appid).toBe('app_id-1');
	});

	it('sends to a custom URL with a path', async () => {
		credential('path', prod, { customUrl: `${prod.url}/proxy/` });
		await engine.run([ytx({ operation: 'start' }, { credential: 'path' })]);
		expect(prod.log[0].path).toBe(`/proxy/201612/sid/${prod.accountSid}/call/TeleMeeting.wx`);
	});

	it.each<[string, IDataObject, string]>([
		['a meeting name that resolves empty', { operation: 'start', meetingName: '={{ "" }}' }, '"Meeting Name" is empty (item 0)'],
		['a meeting name that resolves to null', { operation: 'start', meetingName: '={{ null }}' }, '"Meeting Name" is empty (item 0)'],
		['a meeting name of 256 characters', { operation: 'start', meetingName: 'm'.repeat(256) }, `"Meeting Name" is longer than 255 characters (256): "${'m'.repeat(40)}…" (item 0)`],
		['a meeting ID with a space', { operation: 'cancelBooking', meetingId: '0 01' }, '"Meeting ID" is not a meeting ID (letters and digits): "0 01" (item 0)'],
		['a meeting ID of 65 characters', { operation: 'cancelBooking', meetingId: '1'.repeat(65) }, `"Meeting ID" is not a meeting ID (letters and digits): "${'1'.repeat(65)}" (item 0)`],
		['a display number of 2 digits', { operation: 'start', options: { displayNumber: '12' } }, '"Display Number" is not a phone number (digits only): "12" (item 0)'],
		['a display number of 21 digits', { operation: 'start', options: { displayNumber: '1'.repeat(21) } }, `"Display Number" is not a phone number (digits only): "${'1'.repeat(21)}" (item 0)`],
		['a custom parameter of 256 characters', { operation: 'start', options: { customParameter: 'p'.repeat(256) } }, `"Custom Parameter" is longer than 255 characters (256): "${'p'.repeat(40)}…" (item 0)`],
		['a display number that is a list', { operation: 'start', options: { displayNumber: '={{ ["010"] }}' } }, '"Display Number" must be text, got a list (item 0)'],
		['a booking time to cancel that is a number', { operation: 'cancelBooking', meetingId: '001', bookingTime: '={{ 202612011430 }}' }, '"Booking Time" must be a date and time as text: "202612011430" (item 0)'],
		['a booking time that is a list', { operation: 'book', bookingTime: '={{ ["2099-01-01 10:00"] }}' }, '"Booking Time" must be a date and time as text: "["2099-01-01 10:00"]" (item 0)'],
		['a booking time to cancel that is not a time', { operation: 'cancelBooking', meetingId: '001', bookingTime: 'tomorrow' }, '"Booking Time" is not in the format yyyy-MM-dd HH:mm (China Standard Time, e.g. 2026-12-01 14:30) nor an ISO 8601 time with an offset (e.g. 2026-12-01T06:30:00Z): "tomorrow" (item 0)'],
	])('refuses %s with its exact text', async (_label, parameters, message) => {
		const result = await engine.run([ytx(parameters)]);
		expect(result.error('YTX')?.message).toBe(message);
		expect(prod.log).toHaveLength(0);
	});

	it('the hints: a meeting name, the meeting ID returned at booking, a phone number, a participant', async () => {
		const hints: Array<[IDataObject, string]> = [
			[{ operation: 'start', meetingName: ' ' }, 'Give the conference a name, e.g. "Weekly sync"'],
			[{ operation: 'cancelBooking', meetingId: ' ' }, 'Use the meetingId returned when the conference was booked'],
			[{ operation: 'start', creator: '1' }, expect.stringMatching(/^Expected a mobile number \(11 digits/) as unknown as string],
			[{ operation: 'start', participants: {} }, 'Each participant needs a phone number; the name is shown in the conference'],
		];
		for (const [parameters, hint] of hints) {
			const result = await engine.run([ytx(parameters)]);
			expect(result.error('YTX')?.description).toEqual(hint);
		}
	});

	it('sends the longest values allowed, trimmed: 255-character name and parameter, 64-character meeting ID, 3 and 20 digits', async () => {
		const name = 'n'.repeat(255);
		const parameter = 'p'.repeat(255);
		await engine.run([ytx({ operation: 'start', meetingName: `  ${name}  `, options: { displayNumber: ' 010 5318-9901 ', customParameter: parameter } })]);
		expect(body(prod.log[0])).toMatchObject({ meetingname: name, shownumber: '01053189901', CustomParm: parameter });

		await engine.run([ytx({ operation: 'start', options: { displayNumber: '123' } })]);
		expect(body(prod.log[1]).shownumber).toBe('123');
		await engine.run([ytx({ operation: 'start', options: { displayNumber: '1'.repeat(20) } })]);
		expect(body(prod.log[2]).shownumber).toBe('1'.repeat(20));

		const id = 'A'.repeat(64);
		await engine.run([ytx({ operation: 'cancelBooking', meetingId: `  ${id}  ` })]);
		expect(body(prod.log[3]).confid).toBe(id);
	});

	it('sends a number typed by an expression as text: meeting name, meeting ID, display number', async () => {
		await engine.run([ytx({ operation: 'cancelBooking', meetingName: '={{ 42 }}', meetingId: '={{ 7 }}', options: { displayNumber: '={{ 12345 }}' } })]);
		expect(body(prod.log[0])).toMatchObject({ meetingname: '42', confid: '7', shownumber: '12345' });
	});

	it('sends the Custom Parameter as given, spaces included (YTX hands it back in its callbacks)', async () => {
		await engine.run([ytx({ operation: 'start', options: { customParameter: '  order-42 ' } })]);
		await engine.run([ytx({ operation: 'start', options: { customParameter: '   ' } })]);
		expect(prod.log.map((request) => body(request).CustomParm)).toEqual(['  order-42 ', '   ']);
	});

	it('leaves out an empty Display Number and Custom Parameter', async () => {
		await engine.run([ytx({ operation: 'start', options: { displayNumber: '  ', customParameter: '' } })]);
		expect(body(prod.log[0])).not.toHaveProperty('shownumber');
		expect(body(prod.log[0])).not.toHaveProperty('CustomParm');
	});

	it('Cancel Booking sends its booking time when one is given, China time', async () => {
		await engine.run([ytx({ operation: 'book', bookingTime: '2099-03-01 14:30' })]);
		const cancel = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001', bookingTime: '2099-03-01T06:30:00Z' })]);
		expect(body(prod.log[1])).toMatchObject({ bookmeeting: '2', confid: '001', booktime: '2099-03-01 14:30' });
		// the item says what was cancelled, not when
		expect(Object.keys(cancel.output('YTX')[0].json).sort()).toEqual(['callerId', 'cancelled', 'meetingId', 'meetingPassword', 'requestId']);
	});
});

/** What a user reads for each statusCode, written out here: the test does not take the node's own table. */
const MEANINGS: Record<string, string> = {
	'-1': 'invalid number (for example a display number that is not configured for the account)',
	'-2': 'a required parameter is missing',
	'-3': 'invalid action',
	'-4': 'the request body is not valid JSON',
	'-100': 'server exception at YTX',
	'-101': 'invalid parameter',
	'-102': 'invalid phone number',
	'-104': 'request rate too high: the request was not processed; lower "Max Concurrent Requests" or run the item again later',
	'-200': 'no such user: check the Account SID of the credential',
	'-201': 'the account status is invalid (suspended or not activated)',
	'-202': 'header authorization error: the Authorization header or its timestamp was refused (check the server clock)',
	'-203': 'authToken check failed: check the Auth Token of the credential',
	'-204': 'insufficient balance',
	'-205':
		'application check failed: the app ID does not match the environment (sandbox app IDs only work on sandbox.ytx.net, your own apps only on api.ytx.net once online), the server IP is not on the app’s whitelist, or the app lacks the conference feature',
};

describe('YTX failures', () => {
	it('every statusCode of the documents and the public client has its English meaning', () => {
		expect(Object.keys(YTX_STATUS_CODES).sort()).toEqual(Object.keys(MEANINGS).sort());
	});

	it.each(Object.keys(MEANINGS))('statusCode %s becomes a NodeApiError with the English meaning and the original text', async (code) => {
		prod.answerCode(code);
		const result = await engine.run([ytx({ operation: 'start' })]);
		const error = result.error('YTX');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`YTX error ${code}: ${MEANINGS[code]} (${YTX_MESSAGES[code]})`);
		expect(prod.log).toHaveLength(1); // never retried, -104 included
	});

	it('a wrong auth token is refused by the Sign check (-203)', async () => {
		credential('wrongToken', prod, { authToken: 'ffffffffffffffffffffffffffffffff' });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'wrongToken' })]);
		expect(result.error('YTX')?.message).toBe('YTX error -203: authToken check failed: check the Auth Token of the credential (鉴权失败)');
		expect(prod.meetings.size).toBe(0);
	});

	it('a stamp the service finds stale is a bad header (-202): e.g. a clock 10 minutes off', async () => {
		prod.clockSkewMs = 10 * 60_000;
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.error('YTX')?.message).toMatch(/^YTX error -202: header authorization error: .*\(包头验证信息错误\)$/);
	});

	it('a sandbox app ID against production is refused (-205); the same credential works on the sandbox', async () => {
		credential('sandboxAppOnProd', prod, { appId: prod.sandboxAppId });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'sandboxAppOnProd' })]);
		expect(result.error('YTX')?.message).toMatch(/^YTX error -205: application check failed: the app ID does not match the environment .*\(应用验证失败\)$/);
		expect(body(prod.log[0]).appid).toBe(prod.sandboxAppId);

		const onSandbox = await engine.run([ytx({ operation: 'start' }, { credential: 'sandbox' })]);
		expect(onSandbox.error('YTX')).toBeUndefined();
		expect(body(sandbox.log[0]).appid).toBe(sandbox.sandboxAppId);
		expect(onSandbox.output('YTX')[0].json.meetingId).toBe('001');
	});

	it('an unknown account SID is refused (-200)', async () => {
		credential('otherSid', prod, { accountSid: 'b'.repeat(32) });
		const result = await engine.run([ytx({ operation: 'start' }, { credential: 'otherSid' })]);
		expect(result.error('YTX')?.message).toBe('YTX error -200: no such user: check the Account SID of the credential (用户不存在)');
	});

	it('real refusals from the simulator: a bad display number (-1) and a booking the service finds invalid', async () => {
		const result = await engine.run([ytx({ operation: 'start', options: { displayNumber: '02100000000' } })]);
		expect(result.error('YTX')?.message).toBe(`YTX error -1: ${MEANINGS['-1']} (号码无效)`);
	});

	it('with continue-on-fail a refused item yields its error, paired, and the others go on', async () => {
		prod.answerCode('-102');
		prod.holdMs = 0;
		const result = await engine.run([ytx({ operation: 'start', requestOptions: { concurrency: 1 } }, { continueOnFail: true })], [{}, {}]);
		const out = result.output('YTX');
		expect(out).toHaveLength(2);
		expect(out[0]).toMatchObject({ json: { error: 'YTX error -102: invalid phone number (电话号码无效)' }, pairedItem: { item: 0 } });
		expect(out[1]).toMatchObject({ json: { meetingId: '001' }, pairedItem: { item: 1 } });
	});

	it('an HTTP 429 was not processed and is retried (Retry-After 0); the retry is signed again', async () => {
		prod.fail({ kind: 'rateLimit', retryAfter: 0 });
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.error('YTX')).toBeUndefined();
		expect(prod.log).toHaveLength(2);
		for (const req of prod.log) {
			const stamp = Buffer.from(String(req.headers.authorization), 'base64').toString().split('|')[1];
			expect(req.query.Sign).toBe(createHash('md5').update(prod.accountSid + prod.authToken + stamp).digest('hex').toUpperCase());
		}
		expect(prod.meetings.size).toBe(1);
	});

	it.each([
		['an HTTP 500 page', () => prod.fail({ kind: 'html', status: 500 }), /^YTX error 500: the server failed \(HTTP 500\)$/],
		['an HTTP 500 with an envelope', () => prod.fail({ kind: 'status', status: 500, body: { statusCode: '-100', statusMsg: '服务器异常' } }), /^YTX error -100: server exception at YTX \(服务器异常\)$/],
		['a dropped connection', () => prod.fail({ kind: 'drop' }), /^YTX: the connection was dropped/],
		['malformed JSON', () => prod.fail({ kind: 'malformed' }), /^YTX error 200: the answer was not a YTX response \(HTTP 200, application\/json, broken JSON of 28 characters\); the meeting may or may not have been created$/],
		['an empty answer', () => prod.fail({ kind: 'empty' }), /^YTX error 200: the answer was empty \(HTTP 200, application\/json, an empty body\); the meeting may or may not have been created$/],
	])('%s fails the item once, never retried', async (_label, arrange, message) => {
		arrange();
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.error('YTX')?.message).toMatch(message);
		expect(prod.log).toHaveLength(1);
	});
});

describe('what a failure says: message and description', () => {
	const failed = async (operation = 'start', extra: IDataObject = {}) => {
		const result = await engine.run([ytx({ operation, meetingId: '001', bookingTime: inTwoDays(), ...extra })]);
		const error = result.error('YTX');
		return { message: error?.message, description: error?.description, code: (error as { context?: IDataObject } | undefined)?.context?.code };
	};

	it.each<[number, string]>([
		[400, 'the request was refused (HTTP 400)'],
		[401, "the request was refused (HTTP 401); check the credential and the app's IP whitelist"],
		[403, "the request was refused (HTTP 403); check the credential and the app's IP whitelist"],
		[404, 'not found (HTTP 404); check the credential’s environment or custom URL'],
		[499, 'the request was refused (HTTP 499)'],
		[500, 'the server failed (HTTP 500)'],
		[503, 'the server failed (HTTP 503)'],
	])('HTTP %i without an envelope', async (status, text) => {
		// n8n sends a request refused with 401 once more, signed afresh
		prod.fail({ kind: 'status', status, body: { error: 'refused', detail: 'x' } }, { times: status === 401 ? 2 : 1 });
		expect(await failed()).toEqual({ message: `YTX error ${status}: ${text}`, description: '{"error":"refused","detail":"x"}', code: String(status) });
		expect(prod.log).toHaveLength(status === 401 ? 2 : 1);
	});

	it('HTTP 429 until the retries are spent', async () => {
		prod.fail({ kind: 'rateLimit', retryAfter: 0 }, { times: 4 });
		expect((await failed()).message).toBe('YTX error 429: too many requests (HTTP 429); lower "Max Concurrent Requests" or try again later');
	});

	it('a web page: its text, without the markup, cut at 300 characters', async () => {
		const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
		prod.fail({ kind: 'answer', response: { status: 502, raw: `  <html><body><h1>Bad   Gateway</h1><p>${words}</p></body></html>`, headers: { 'Content-Type': 'text/html' } } });
		const { message, description } = await failed();
		expect(message).toBe('YTX error 502: the server failed (HTTP 502)');
		expect(description).toBe(`The service answered with a page instead of JSON: ${`Bad Gateway ${words}`.slice(0, 300)}…`);
	});

	it('a text that is not a page is quoted as it is; an empty one is not quoted', async () => {
		prod.fail({ kind: 'answer', response: { status: 400, raw: 'bad request', headers: { 'Content-Type': 'text/plain' } } });
		expect(await failed()).toMatchObject({ message: 'YTX error 400: the request was refused (HTTP 400)', description: 'bad request' });
		prod.fail({ kind: 'answer', response: { status: 400, raw: '', headers: { 'Content-Type': 'text/plain' } } });
		expect((await failed()).description ?? '').toBe('');
	});

	it('a text of 300 characters is quoted whole, one of 301 is cut', async () => {
		prod.fail({ kind: 'answer', response: { status: 400, raw: 'e'.repeat(300), headers: { 'Content-Type': 'text/plain' } } });
		expect((await failed()).description).toBe('e'.repeat(300));
		prod.fail({ kind: 'answer', response: { status: 400, raw: 'e'.repeat(301), headers: { 'Content-Type': 'text/plain' } } });
		expect((await failed()).description).toBe(`${'e'.repeat(300)}…`);
	});

	it('an envelope with an HTTP error: the statusCode in English, the status in the description', async () => {
		prod.fail({ kind: 'status', status: 502, body: { statusCode: '-100', statusMsg: { reason: '忙' } } });
		expect(await failed()).toEqual({ message: 'YTX error -100: server exception at YTX ({"reason":"忙"})', description: 'HTTP 502', code: '-100' });
		prod.fail({ kind: 'status', status: 400, body: { statusCode: '-999' } });
		expect(await failed()).toEqual({ message: 'YTX error -999: unknown error code', description: 'HTTP 400', code: '-999' });
	});

	it('a refusing envelope (HTTP 200): statusCode, statusMsg and requestId in the description', async () => {
		prod.fail({ kind: 'status', status: 200, body: { statusCode: '-102', statusMsg: '电话号码无效', requestId: '2016010000000042' } });
		expect(await failed()).toMatchObject({
			message: 'YTX error -102: invalid phone number (电话号码无效)',
			description: 'YTX statusCode -102, statusMsg "电话号码无效", requestId 2016010000000042',
		});
		prod.fail({ kind: 'status', status: 200, body: { statusCode: -999, statusMsg: { detail: 'x' } } });
		expect(await failed()).toMatchObject({ message: 'YTX error -999: unknown error code ({"detail":"x"})', description: 'YTX statusCode -999, statusMsg "{"detail":"x"}"' });
		prod.fail({ kind: 'status', status: 200, body: { statusCode: '-104', statusMsg: null, requestId: '' } });
		expect(await failed()).toMatchObject({ message: `YTX error -104: ${MEANINGS['-104']}`, description: 'YTX statusCode -104' });
	});

	it('an answer that is not an envelope says what each operation may have done', async () => {
		const notEnvelope = () => prod.fail({ kind: 'status', status: 200, body: { ok: true } });
		const expected: Array<[string, string]> = [
			['start', 'the meeting may or may not have been created'],
			['book', 'the meeting may or may not have been created'],
			['editBooking', 'the booking may or may not have been changed'],
			['cancelBooking', 'the booking may or may not have been cancelled'],
		];
		for (const [operation, done] of expected) {
			notEnvelope();
			const { message, description } = await failed(operation);
			expect(message).toBe(`YTX error 200: the answer was not a YTX response (HTTP 200, application/json, a JSON object with the key "ok"); ${done}`);
			expect(description).toBe('{"ok":true}');
		}
	});

	it('the Auth Token and a lower-case Sign quoted back by the service, in an envelope or an error page, are masked', async () => {
		// YTX never receives the token (it gets an MD5 Sign); a service or proxy that knows it and quotes it still must not show it
		prod.fail({ kind: 'status', status: 200, body: { statusCode: '-203', statusMsg: `鉴权失败 ${prod.authToken}` } });
		const envelope = await engine.run([ytx({ operation: 'start' })]);
		expect(envelope.error('YTX')?.message).toBe(`YTX error -203: ${MEANINGS['-203']} (鉴权失败 ***)`);
		prod.fail({ kind: 'answer', response: { status: 500, raw: `<html><body>token ${prod.authToken} refused</body></html>`, headers: { 'Content-Type': 'text/html' } } });
		const page = await engine.run([ytx({ operation: 'start' })]);
		expect(page.error('YTX')?.description).toBe('The service answered with a page instead of JSON: token *** refused');
		// the Sign (upper-case hex) quoted alone and in lower case is masked in that spelling too
		prod.fail({ kind: 'echo', status: 200, wrap: (echo) => ({ statusCode: '-100', statusMsg: `bad signature ${/Sign=([0-9A-F]{32})/.exec(echo)?.[1].toLowerCase()}` }) });
		const lowered = await engine.run([ytx({ operation: 'start' })]);
		expect(lowered.error('YTX')?.message).toBe('YTX error -100: server exception at YTX (bad signature ***)');
		expectNoSecrets(JSON.stringify([envelope.run.data.resultData, page.run.data.resultData, lowered.run.data.resultData]), prod);
	});

	it('a JSON null is not a YTX response, and is not quoted', async () => {
		prod.fail({ kind: 'answer', response: { status: 200, raw: 'null', headers: { 'Content-Type': 'application/json' } } });
		const { message, description } = await failed();
		expect(message).toMatch(/^YTX error 200: the answer was not a YTX response \(HTTP 200, application\/json, .*\); the meeting may or may not have been created$/);
		expect(description).toBe('the answer was not a YTX response');
	});

	it('an answer of spaces is empty', async () => {
		prod.fail({ kind: 'answer', response: { status: 200, raw: '  \n ', headers: { 'Content-Type': 'application/json' } } });
		const { message, description } = await failed();
		expect(message).toMatch(/^YTX error 200: the answer was empty \(HTTP 200, application\/json, /);
		expect(description).toBe('the answer was empty');
	});
});

describe('what each success gives', () => {
	it('Edit and Cancel with a plain-text statusMsg: the meeting ID given, the booking time, the service\'s text', async () => {
		await engine.run([ytx({ operation: 'book', bookingTime: '2099-03-01 14:30' })]);
		prod.statusMsgShape = 'plainText';
		const edit = await engine.run([ytx({ operation: 'editBooking', meetingId: ' 001 ', bookingTime: '2099-03-02T06:30:00Z' })]);
		expect(edit.output('YTX')[0].json).toEqual({
			meetingId: '001',
			meetingPassword: null,
			callerId: null,
			requestId: expect.stringMatching(/^\d{16}$/),
			message: '成功',
			bookingTime: '2099-03-02 14:30',
		});
		const cancel = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001' })]);
		expect(cancel.output('YTX')[0].json).toEqual({
			meetingId: '001',
			meetingPassword: null,
			callerId: null,
			requestId: expect.stringMatching(/^\d{16}$/),
			message: '成功',
			cancelled: true,
		});
	});

	it('Start Now gives no booking time and no "cancelled"; Book gives its booking time', async () => {
		const start = await engine.run([ytx({ operation: 'start', bookingTime: '2099-03-01 14:30' })]);
		expect(Object.keys(start.output('YTX')[0].json).sort()).toEqual(['callerId', 'meetingId', 'meetingPassword', 'requestId']);
		const book = await engine.run([ytx({ operation: 'book', bookingTime: '2099-03-01 14:30' })]);
		expect(book.output('YTX')[0].json).toEqual({
			meetingId: '002',
			meetingPassword: prod.meetings.get('002')?.mepwd,
			callerId: '01053189900',
			requestId: expect.stringMatching(/^\d{16}$/),
			bookingTime: '2099-03-01 14:30',
		});
	});

	it.each<[string, unknown, string]>([
		['an object without "meid"', { mepwd: '1' }, 'an object without "meid"'],
		['a text in braces that is not JSON', '{meid: 001}', 'the text "{meid: 001}"'],
		['a JSON list', '[{"meid":"001"}]', 'the text "[{"meid":"001"}]"'],
		['a long text, cut at 60 characters', 'x'.repeat(70), `the text "${'x'.repeat(60)}"`],
	])('Start Now and Book refuse a success whose statusMsg is %s', async (_label, statusMsg, said) => {
		for (const operation of ['start', 'book']) {
			prod.fail({ kind: 'status', status: 200, body: { statusCode: '0', statusMsg, requestId: '1' } });
			const result = await engine.run([ytx({ operation, bookingTime: inTwoDays() })]);
			const description = result.error('YTX')?.description ?? '';
			expect(description).toContain(`statusMsg was ${said}. YTX answered`);
			expect(description).toContain(`the conference may have been ${operation === 'book' ? 'booked' : 'started'}; check in the YTX console`);
		}
	});

	it.each<[string, unknown, IDataObject]>([
		['JSON text that is not an object', '[1]', { message: '[1]' }],
		['a number', 5, {}],
	])('Cancel Booking with a statusMsg that is %s: the text only is kept as the message', async (_label, statusMsg, extra) => {
		prod.fail({ kind: 'status', status: 200, body: { statusCode: '0', statusMsg, requestId: '1' } });
		const result = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001' })]);
		expect(result.output('YTX')[0].json).toEqual({ meetingId: '001', meetingPassword: null, callerId: null, requestId: '1', ...extra, cancelled: true });
	});

	it('a null field comes out as null, not as the text "null"', async () => {
		prod.fail({ kind: 'status', status: 200, body: { statusCode: '0', statusMsg: { meid: '9', mepwd: null, meetcallerid: null }, requestId: null } });
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.output('YTX')[0].json).toEqual({ meetingId: '9', meetingPassword: null, callerId: null, requestId: null });
	});

	it('reads the meeting from statusMsg given as JSON text with spaces before it, numbers made text', async () => {
		prod.fail({ kind: 'status', status: 200, body: { statusCode: 0, statusMsg: '  {"meid": 7, "mepwd": 123456, "meetcallerid": ""}', requestId: 99 } });
		const result = await engine.run([ytx({ operation: 'start' })]);
		expect(result.output('YTX')[0].json).toEqual({ meetingId: '7', meetingPassword: '123456', callerId: null, requestId: '99' });
	});
});

describe('secrets never leak', () => {
	const scenarios: Array<[string, () => void, RegExp]> = [
		['a network failure', () => prod.fail({ kind: 'drop' }), /^YTX: the connection was dropped/],
		['an HTTP 500 page echoing the request', () => (prod.echoOnError = 1), /^YTX error 500: the server failed \(HTTP 500\)$/],
		['an HTTP 500 JSON envelope echoing the request', () => ((prod.echoOnError = 1), (prod.echoAs = 'json500')), /^YTX error -100: server exception at YTX \(服务器异常: POST /],
		['an HTTP 200 failure envelope echoing the request', () => ((prod.echoOnError = 1), (prod.echoAs = 'envelope200')), /^YTX error -100: server exception at YTX \(服务器异常: POST /],
		['a wrong token (-203)', () => credential('prod', prod, { authToken: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' }), /^YTX error -203: authToken check failed: check the Auth Token of the credential \(鉴权失败\)$/],
		['a -205 refusal', () => prod.answerCode('-205'), /^YTX error -205: application check failed: .*\(应用验证失败\)$/],
	];

	afterEach(() => credential('prod', prod));

	it.each(scenarios)('%s: not in the error, its description, its JSON, the continue-on-fail item, nor the log', async (_label, arrange, message) => {
		const logged: string[] = [];
		const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
		);
		arrange();
		const stopped = await engine.run([ytx({ operation: 'start' })]);
		const error = stopped.error('YTX');
		expect(error?.message).toMatch(message);
		const whole = JSON.stringify({ error, message: error?.message, description: error?.description, stack: error?.stack, cause: (error as { cause?: unknown })?.cause });
		arrange();
		const continued = await engine.run([ytx({ operation: 'start' }, { continueOnFail: true })]);
		const item = continued.output('YTX')[0];
		const itemText = JSON.stringify({ json: item.json, error: item.error, message: item.error?.message, description: item.error?.description });
		expect(item.json.error).toBe(error?.message);
		if (_label.includes('echoing')) {
			// the answer really carried them, so the check below can fail
			expect(error?.message + String(error?.description)).toContain('***');
		}
		for (const spy of spies) spy.mockRestore();
		expectNoSecrets(whole + itemText + logged.join('\n'), prod);
		expect(JSON.stringify(stopped.run.data.resultData)).not.toContain(prod.authToken);
		for (const secret of derivedSecrets(prod)) expect(JSON.stringify(stopped.run.data.resultData)).not.toContain(secret);
	});

	it('a successful run outputs none of them', async () => {
		const result = await engine.run([ytx({ operation: 'start', options: { fullResponse: true } })]);
		expectNoSecrets(JSON.stringify(result.run.data.resultData), prod);
	});
});

describe('answers the document does not show: read as documented or a clear error, never an empty success', () => {
	const shapes = ['object', 'jsonString', 'plainText', 'absent'] as const;
	it.each(shapes)('a success whose statusMsg is %s: Start Now and Book need the meeting ID; Edit and Cancel know theirs', async (shape) => {
		const booked = await engine.run([ytx({ operation: 'book', bookingTime: inTwoDays() })]);
		expect(booked.error('YTX')).toBeUndefined();
		prod.statusMsgShape = shape;
		for (const operation of ['start', 'book'] as const) {
			const result = await engine.run([ytx({ operation, bookingTime: inTwoDays() })]);
			if (shape === 'object' || shape === 'jsonString') {
				expect(result.output('YTX')[0].json.meetingId).toMatch(/^\d{3}$/);
				continue;
			}
			const error = result.error('YTX');
			expect(error?.message).toMatch(
				new RegExp(`^YTX error 200: the answer to ${operation === 'book' ? 'Book' : 'Start Now'} is not in the expected shape \\(HTTP 200, application/json, a JSON object with the keys "statusCode", ${shape === 'absent' ? '' : '"statusMsg", '}"requestId"\\)$`),
			);
			expect(error?.description).toMatch(/statusMsg was (the text "成功"|absent).*the conference may have been (started|booked); check in the YTX console/);
			expect(result.output('YTX')).toHaveLength(0);
		}
		const edit = await engine.run([ytx({ operation: 'editBooking', meetingId: '001', bookingTime: inTwoDays() })]);
		expect(edit.error('YTX')).toBeUndefined();
		expect(edit.output('YTX')[0].json.meetingId).toBe('001');
		const cancel = await engine.run([ytx({ operation: 'cancelBooking', meetingId: '001' })]);
		expect(cancel.output('YTX')[0].json).toMatchObject({ meetingId: '001', cancelled: true });
	});

	it.each<[string, () => void, RegExp]>([
		['a bare JSON list', () => prod.fail({ kind: 'status', status: 200, body: [{ statusCode: '0' }] }), /\(HTTP 200, application\/json, a JSON array of 1 entry\)/],
		['another envelope', () => prod.fail({ kind: 'status', status: 200, body: { code: 0, msg: 'ok', data: { meid: '001' } } }), /\(HTTP 200, application\/json, a JSON object with the keys "code", "msg", "data"\)/],
		[
			'an HTML page with HTTP 200',
			() => prod.fail({ kind: 'answer', response: { status: 200, raw: '<html><body>维护中</body></html>', headers: { 'Content-Type': 'text/html; charset=utf-8' } } }),
			/\(HTTP 200, text\/html, a web page\)/,
		],
	])('%s: the item fails naming what arrived', async (_label, arrange, arrived) => {
		for (const operation of ['start', 'cancelBooking'] as const) {
			arrange();
			const result = await engine.run([ytx({ operation, meetingId: '001' })]);
			const message = result.error('YTX')?.message ?? '';
			expect(message).toMatch(/^YTX error 200: the answer was (not a YTX response|empty) /);
			expect(message).toMatch(arrived);
			expect(message).toMatch(operation === 'start' ? /the meeting may or may not have been created$/ : /the booking may or may not have been cancelled$/);
			expect(result.output('YTX')).toHaveLength(0);
		}
	});

	it.each(['accepted', '-101'] as const)('a booking time in the past never reaches YTX (the service answering %s)', async (answer) => {
		prod.pastBooking = answer;
		const result = await engine.run([ytx({ operation: 'book', bookingTime: formatBookTime(Date.now() - 60_000) })]);
		expect(result.error('YTX')?.message).toMatch(/^"Booking Time" is not in the future/);
		expect(prod.log).toHaveLength(0);
	});
});
