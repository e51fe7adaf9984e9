/**
 * The YTX simulator is strict the way the service is, so the node tests mean something: raw requests
 * with a UTC stamp, a colon in the Authorization, a Sign over another stamp, a body that is not JSON…
 */
import { ytxAuthorization, ytxSign, ytxStamp } from '../../nodes/YtxTelephony/shared/signing';
import { formatBookTime } from '../../nodes/YtxTelephony/shared/validation';
import { YtxSimulator } from '../simulators/ytx';

const sim = new YtxSimulator('production');
beforeAll(async () => await sim.start());
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

const utcStamp = (d = new Date()) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);

interface Raw {
	stamp?: string;
	signStamp?: string;
	sign?: string | null;
	authorization?: string | null;
	body?: unknown;
	text?: string;
	contentType?: string;
	sid?: string;
}

async function send(raw: Raw = {}) {
	const stamp = raw.stamp ?? ytxStamp();
	const sid = raw.sid ?? sim.accountSid;
	const sign = raw.sign === undefined ? ytxSign(sid, sim.authToken, raw.signStamp ?? stamp) : raw.sign;
	const authorization = raw.authorization === undefined ? ytxAuthorization(sid, stamp) : raw.authorization;
	const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': raw.contentType ?? 'application/json;charset=utf-8' };
	if (authorization !== null) headers.Authorization = authorization;
	const query = sign === null ? '' : `?Sign=${sign}`;
	const response = await fetch(`${sim.url}/201612/sid/${sid}/call/TeleMeeting.wx${query}`, {
		method: 'POST',
		headers,
		body: raw.text ?? JSON.stringify(raw.body ?? meeting()),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { statusCode: string; statusMsg: unknown; requestId?: string };
}

function meeting(overrides: Record<string, unknown> = {}) {
	return {
		action: 'createMeeting',
		appid: sim.productionAppId,
		meetingname: '123cs',
		creator: '13600007556',
		parties: JSON.stringify([{ name: '张三', phone: '15000000804' }, { name: '王五', phone: '01053889900,1234' }]),
		bookmeeting: '0',
		confid: '',
		booktime: '',
		...overrides,
	};
}

it('accepts a correctly signed request (upper- or lower-case Sign) and answers the documented envelope', async () => {
	const answer = await send();
	expect(answer).toEqual({ statusCode: '0', statusMsg: { meid: '001', mepwd: expect.stringMatching(/^\d{6}$/), meetcallerid: '01053189900' }, requestId: expect.any(String) });
	const stamp = ytxStamp();
	expect((await send({ stamp, sign: ytxSign(sim.accountSid, sim.authToken, stamp).toLowerCase() })).statusCode).toBe('0');
});

it.each<[string, () => Raw, string]>([
	['a UTC stamp (8 hours off China time)', () => ({ stamp: utcStamp() }), '-202'],
	['a stamp 10 minutes old', () => ({ stamp: ytxStamp(new Date(Date.now() - 10 * 60_000)) }), '-202'],
	['an impossible stamp', () => ({ stamp: '20261341250000' }), '-202'],
	['no Authorization header', () => ({ authorization: null }), '-202'],
	['an Authorization with a colon instead of |', () => ({ authorization: Buffer.from(`${sim.accountSid}:${ytxStamp()}`).toString('base64') }), '-202'],
	['an Authorization that is not base64', () => ({ authorization: 'not base64!' }), '-202'],
	['an Authorization for another SID', () => ({ authorization: ytxAuthorization('d'.repeat(32), ytxStamp()) }), '-202'],
	['a Sign over another stamp than the Authorization’s', () => ({ signStamp: ytxStamp(new Date(Date.now() - 1000)) }), '-203'],
	['no Sign', () => ({ sign: null }), '-203'],
	['a Sign made with another token', () => ({ sign: ytxSign(sim.accountSid, 'x', ytxStamp()) }), '-203'],
	['an unknown account', () => ({ sid: 'e'.repeat(32) }), '-200'],
	['a body that is not JSON', () => ({ text: '{"action":"createMeeting",' }), '-4'],
	['a form body', () => ({ text: 'action=createMeeting', contentType: 'application/x-www-form-urlencoded' }), '-4'],
	['no action', () => ({ body: { appid: sim.productionAppId } }), '-2'],
	['another action', () => ({ body: meeting({ action: 'CreateMeeting' }) }), '-3'],
	['no app ID', () => ({ body: meeting({ appid: '' }) }), '-2'],
	['a sandbox app ID on production', () => ({ body: meeting({ appid: sim.sandboxAppId }) }), '-205'],
	['no meeting name', () => ({ body: meeting({ meetingname: undefined }) }), '-2'],
	['parties as an array instead of a JSON string', () => ({ body: meeting({ parties: [{ name: 'a', phone: '13800138000' }] }) }), '-2'],
	['parties as a JSON string of an empty list', () => ({ body: meeting({ parties: '[]' }) }), '-101'],
	['a participant phone that is not digits', () => ({ body: meeting({ parties: JSON.stringify([{ name: 'a', phone: '138-0013-8000' }]) }) }), '-102'],
	['a bad creator phone', () => ({ body: meeting({ creator: '13800138000,1' }) }), '-102'],
	['bookmeeting 3', () => ({ body: meeting({ bookmeeting: '3' }) }), '-101'],
	['a booking without a time', () => ({ body: meeting({ bookmeeting: '1' }) }), '-2'],
	['a booking time with seconds', () => ({ body: meeting({ bookmeeting: '1', booktime: '2099-01-01 10:00:00' }) }), '-101'],
	['a cancel without confid', () => ({ body: meeting({ bookmeeting: '2' }) }), '-2'],
	['a cancel of an unknown booking', () => ({ body: meeting({ bookmeeting: '2', confid: '404' }) }), '-101'],
	['a display number that is not configured', () => ({ body: meeting({ shownumber: '02100000000' }) }), '-1'],
])('refuses %s', async (_label, raw, code) => {
	const answer = await send(raw());
	expect(answer.statusCode).toBe(code);
	expect(answer.requestId).toBe('');
	expect(sim.meetings.size).toBe(0);
});

it('a booking time in the past: the document is silent, so it is booked as sent or refused (-101), as set', async () => {
	const past = meeting({ bookmeeting: '1', booktime: '2020-01-01 10:00' });
	expect((await send({ body: past })).statusCode).toBe('0');
	sim.pastBooking = '-101';
	expect((await send({ body: past })).statusCode).toBe('-101');
	expect(sim.meetings.size).toBe(1);
});

it('keeps bookings: edit changes one, cancel closes it, a started meeting cannot be edited', async () => {
	const when = formatBookTime(Date.now() + 86_400_000);
	const booked = await send({ body: meeting({ bookmeeting: '1', booktime: when }) });
	const meid = (booked.statusMsg as { meid: string }).meid;
	const later = formatBookTime(Date.now() + 2 * 86_400_000);
	expect((await send({ body: meeting({ bookmeeting: '1', confid: meid, booktime: later, meetingname: 'moved' }) })).statusMsg).toMatchObject({ meid });
	expect(sim.meetings.get(meid)).toMatchObject({ booktime: later, meetingname: 'moved', status: 'booked' });
	expect((await send({ body: meeting({ bookmeeting: '2', confid: meid }) })).statusCode).toBe('0');
	expect(sim.meetings.get(meid)?.status).toBe('cancelled');
	expect((await send({ body: meeting({ bookmeeting: '1', confid: meid, booktime: later }) })).statusCode).toBe('-101');

	const started = await send();
	const startedId = (started.statusMsg as { meid: string }).meid;
	expect((await send({ body: meeting({ bookmeeting: '2', confid: startedId }) })).statusMsg).toBe('会议不存在');
});

it('can be told to answer a code (e.g. -104) without processing the request', async () => {
	sim.answerCode('-104');
	expect(await send()).toEqual({ statusCode: '-104', statusMsg: '请求频率过高', requestId: '' });
	expect(sim.meetings.size).toBe(0);
	expect((await send()).statusCode).toBe('0');
});
