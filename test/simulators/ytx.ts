/**
 * YTX (讯众) telephony conference simulator: `POST /201612/sid/{accountSID}/call/TeleMeeting.wx?Sign=…`
 * with `Authorization: base64(accountSID|stamp)`, answering HTTP 200 envelopes as the seed documents.
 *
 * Checked in this order (the first failure answers):
 *  1. account: unknown SID in the path → -200; suspended account → -201;
 *  2. Authorization: missing, not base64 of `sid|yyyyMMddHHmmss`, another SID, an impossible stamp,
 *     or a stamp more than 5 minutes from China Standard Time (a UTC stamp is 8 h off) → -202;
 *  3. Sign: missing or ≠ MD5(sid + token + the Authorization's stamp), either case → -203;
 *  4. body: not JSON → -4; no `action` → -2; not `createMeeting` → -3;
 *  5. app: no `appid` → -2; an app ID of the other environment or unknown → -205;
 *  6. balance exhausted → -204;
 *  7. meeting fields: missing `meetingname`/`creator`/`parties`/`bookmeeting` → -2; `parties` not a
 *     string holding a JSON array of {name, phone}, `bookmeeting` not 0/1/2, a booking time not
 *     `yyyy-MM-dd HH:mm` → -101; a phone that is not what the document describes (digits; a
 *     participant's landline may carry `,extension`) → -102; a display number that is not
 *     configured → -1; booking without `booktime` or edit/cancel without `confid` → -2; an unknown
 *     or cancelled `confid` → -101 ("会议不存在").
 * `answerCode(code)` makes the next request(s) answer a given code (e.g. -104 rate too high, -100).
 *
 * The document is silent on which numbers are valid beyond that, on what a booking time in the past
 * gets (`pastBooking`: booked as sent, or -101), and its table types `statusMsg` a string while its
 * sample shows an object (`statusMsgShape`: the sample's object, the same as JSON text, a plain
 * text, or absent); the tests run each choice.
 */
import { createHash, randomInt } from 'node:crypto';

import { Simulator, type SimRequest, type SimResponse } from './base';

export type YtxEnvironment = 'production' | 'sandbox';

export const YTX_MESSAGES: Record<string, string> = {
	'-1': '号码无效',
	'-2': '缺少必要参数',
	'-3': '无效的action',
	'-4': '无效的JSON',
	'-100': '服务器异常',
	'-101': '参数无效',
	'-102': '电话号码无效',
	'-104': '请求频率过高',
	'-200': '用户不存在',
	'-201': '用户状态无效',
	'-202': '包头验证信息错误',
	'-203': '鉴权失败',
	'-204': '余额不足',
	'-205': '应用验证失败',
};

export interface YtxMeeting {
	meid: string;
	mepwd: string;
	meetcallerid: string;
	meetingname: string;
	creator: string;
	parties: Array<{ name: string; phone: string }>;
	booktime: string;
	status: 'started' | 'booked' | 'cancelled';
	appid: string;
	CustomParm?: string;
	history: string[];
}

const MAX_SKEW_MS = 5 * 60 * 1000;
const CST_MS = 8 * 60 * 60 * 1000;

/** `yyyyMMddHHmmss` → the instant it names in China Standard Time, or undefined when impossible. */
export function parseChinaStamp(stamp: string): number | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const instant = Date.UTC(y, mo - 1, d, h, mi, s) - CST_MS;
	const back = new Date(instant + CST_MS);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) {
		return undefined;
	}
	return instant;
}

function bookTimeInstant(text: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
	return m ? parseChinaStamp(`${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}00`) : undefined;
}

/** The document: a phone number (digits); a participant's landline may carry an extension after a comma. */
const CREATOR_PHONE = /^\d+$/;
const PARTY_PHONE = /^\d+(,\d+)?$/;

export const YTX_STATUS_MSG_SHAPES = ['object', 'jsonString', 'plainText', 'absent'] as const;
export type YtxStatusMsgShape = (typeof YTX_STATUS_MSG_SHAPES)[number];

export class YtxSimulator extends Simulator {
	readonly meetings = new Map<string, YtxMeeting>();
	accountSid = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
	authToken = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
	/** app IDs valid on this instance's environment, and those of the other one (→ -205) */
	productionAppId = 'prod0a1b2c3d4e5f60718293a4b5c6d7e8';
	sandboxAppId = 'sbox9f8e7d6c5b4a39281706f5e4d3c2b1';
	displayNumbers = ['01053189900', '01053189901'];
	defaultCallerId = '01053189900';
	suspended = false;
	balanceExhausted = false;
	/** how a success carries the meeting in `statusMsg` */
	statusMsgShape: YtxStatusMsgShape = 'object';
	/** what a booking time in the past gets: booked as sent, or -101 */
	pastBooking: 'accepted' | '-101' = 'accepted';
	omitRequestId = false;
	private nextMeid = 1;

	constructor(readonly environment: YtxEnvironment = 'production') {
		super(`ytx-${environment}`);
		this.route('POST', '/201612/sid/:sid/call/TeleMeeting.wx', async (req) => {
			if (this.holdMs > 0) await new Promise((resolve) => setTimeout(resolve, this.holdMs));
			return this.teleMeeting(req);
		});
	}

	get appId() {
		return this.environment === 'production' ? this.productionAppId : this.sandboxAppId;
	}

	/** A refused signature in the document's envelope: `statusCode` -203, with HTTP 200. */
	protected wrongKeyEnvelope(): SimResponse {
		return this.envelope('-203');
	}

	reset() {
		super.reset();
		this.meetings.clear();
		this.suspended = false;
		this.balanceExhausted = false;
		this.statusMsgShape = 'object';
		this.pastBooking = 'accepted';
		this.omitRequestId = false;
		this.echoOnError = 0;
		this.echoAs = 'html';
		this.clockSkewMs = 0;
		this.holdMs = 0;
		this.nextMeid = 1;
	}

	/** The next `times` requests answer this statusCode (HTTP 200) without being processed. */
	answerCode(code: string, times = 1): this {
		return this.fail({ kind: 'status', status: 200, body: { statusCode: code, statusMsg: YTX_MESSAGES[code] ?? '错误', requestId: '' } }, { times });
	}

	/** The next `echoOnError` requests get an error that echoes the request (Sign, Authorization) back, as some proxies do. */
	echoOnError = 0;
	echoAs: 'html' | 'json500' | 'envelope200' = 'html';
	/** The service's clock, shifted (a host clock that is off makes every stamp stale). */
	clockSkewMs = 0;
	/** Hold every answer this long (to observe how many requests are in flight, `maxInFlight`). */
	holdMs = 0;

	private envelope(code: string, statusMsg: unknown = YTX_MESSAGES[code]): SimResponse {
		const body: Record<string, unknown> = { statusCode: code, statusMsg };
		if (!this.omitRequestId || code !== '0') body.requestId = code === '0' ? String(2016010000000000 + randomInt(1, 999999)) : '';
		return { status: 200, body };
	}

	private teleMeeting(req: SimRequest): SimResponse {
		if (this.echoOnError > 0) {
			this.echoOnError--;
			const query = new URLSearchParams(req.query).toString();
			const echo = `POST ${req.path}?${query}\nAuthorization: ${String(req.headers.authorization ?? '')}\n${req.text}`;
			if (this.echoAs === 'html') {
				return { status: 500, raw: `<html><body><h1>500 Internal Server Error</h1><pre>${echo}</pre></body></html>`, headers: { 'Content-Type': 'text/html' } };
			}
			return { status: this.echoAs === 'json500' ? 500 : 200, body: { statusCode: '-100', statusMsg: `服务器异常: ${echo}`, requestId: '' } };
		}
		// 1. account
		if (req.params.sid !== this.accountSid) return this.envelope('-200');
		if (this.suspended) return this.envelope('-201');
		// 2. Authorization header
		const authorization = req.headers.authorization;
		if (typeof authorization !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(authorization)) return this.envelope('-202');
		const decoded = Buffer.from(authorization, 'base64').toString('utf8');
		const parts = /^([^|]+)\|(\d{14})$/.exec(decoded);
		if (!parts || parts[1] !== this.accountSid) return this.envelope('-202');
		const stamp = parts[2];
		const instant = parseChinaStamp(stamp);
		if (instant === undefined || Math.abs(instant - (Date.now() + this.clockSkewMs)) > MAX_SKEW_MS) return this.envelope('-202');
		// 3. Sign
		const expected = createHash('md5').update(`${this.accountSid}${this.authToken}${stamp}`).digest('hex');
		if (typeof req.query.Sign !== 'string' || req.query.Sign.toLowerCase() !== expected) return this.envelope('-203');
		// 4. body
		if (!String(req.headers['content-type'] ?? '').includes('application/json') || req.json === undefined || typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
			return this.envelope('-4');
		}
		const body = req.json as Record<string, unknown>;
		if (body.action === undefined || body.action === '') return this.envelope('-2');
		if (body.action !== 'createMeeting') return this.envelope('-3');
		// 5. app
		if (typeof body.appid !== 'string' || body.appid === '') return this.envelope('-2');
		if (body.appid !== this.appId) return this.envelope('-205');
		if (this.balanceExhausted) return this.envelope('-204');
		return this.createMeeting(body);
	}

	private createMeeting(body: Record<string, unknown>): SimResponse {
		for (const field of ['meetingname', 'creator', 'parties', 'bookmeeting']) {
			if (typeof body[field] !== 'string' || body[field] === '') return this.envelope('-2');
		}
		for (const field of ['confid', 'booktime', 'shownumber', 'CustomParm']) {
			if (body[field] !== undefined && typeof body[field] !== 'string') return this.envelope('-101');
		}
		const bookmeeting = body.bookmeeting as string;
		if (!['0', '1', '2'].includes(bookmeeting)) return this.envelope('-101');
		let parties: unknown;
		try {
			parties = JSON.parse(body.parties as string);
		} catch {
			return this.envelope('-101');
		}
		if (!Array.isArray(parties) || parties.length === 0) return this.envelope('-101');
		for (const p of parties as Array<Record<string, unknown>>) {
			if (!p || typeof p !== 'object' || typeof p.name !== 'string' || p.name === '' || typeof p.phone !== 'string') return this.envelope('-101');
			if (!PARTY_PHONE.test(p.phone)) return this.envelope('-102');
		}
		if (!CREATOR_PHONE.test(body.creator as string)) return this.envelope('-102');
		const shownumber = body.shownumber as string | undefined;
		if (shownumber !== undefined && shownumber !== '' && !this.displayNumbers.includes(shownumber)) return this.envelope('-1');
		const confid = (body.confid as string | undefined) ?? '';
		const booktime = (body.booktime as string | undefined) ?? '';
		if (bookmeeting === '1') {
			if (!booktime) return this.envelope('-2');
			const at = bookTimeInstant(booktime);
			if (at === undefined || (at <= Date.now() && this.pastBooking === '-101')) return this.envelope('-101');
		} else if (booktime !== '' && bookTimeInstant(booktime) === undefined) {
			return this.envelope('-101');
		}
		if (bookmeeting === '2' && !confid) return this.envelope('-2');
		const fields = {
			meetingname: body.meetingname as string,
			creator: body.creator as string,
			parties: parties as Array<{ name: string; phone: string }>,
			appid: body.appid as string,
			...(body.CustomParm !== undefined ? { CustomParm: body.CustomParm as string } : {}),
		};
		let meeting: YtxMeeting;
		if (confid && bookmeeting !== '0') {
			const existing = this.meetings.get(confid);
			if (!existing || existing.status !== 'booked') return this.envelope('-101', '会议不存在');
			meeting = existing;
			if (bookmeeting === '1') {
				Object.assign(meeting, fields, { booktime, meetcallerid: shownumber || meeting.meetcallerid });
				meeting.history.push('edited');
			} else {
				meeting.status = 'cancelled';
				meeting.history.push('cancelled');
			}
		} else {
			const meid = String(this.nextMeid++).padStart(3, '0');
			meeting = {
				meid,
				mepwd: String(randomInt(100000, 999999)),
				meetcallerid: shownumber || this.defaultCallerId,
				booktime: bookmeeting === '1' ? booktime : '',
				status: bookmeeting === '1' ? 'booked' : 'started',
				history: [bookmeeting === '1' ? 'booked' : 'started'],
				...fields,
			};
			this.meetings.set(meid, meeting);
		}
		const info = { meid: meeting.meid, mepwd: meeting.mepwd, meetcallerid: meeting.meetcallerid };
		switch (this.statusMsgShape) {
			case 'object':
				return this.envelope('0', info);
			case 'jsonString':
				return this.envelope('0', JSON.stringify(info));
			case 'plainText':
				return this.envelope('0', '成功');
			case 'absent': {
				const answer = this.envelope('0', null);
				delete (answer.body as Record<string, unknown>).statusMsg;
				return answer;
			}
		}
	}
}
