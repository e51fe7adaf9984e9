/**
 * Zijing Cloud (紫荆云) simulator: the in-meeting management API of seed 002 — recording, live and
 * recording status, meeting info, and booking ("subscribe") — with the documented envelope
 * `{code, data, message, state}` (`state: 0` = failure, with HTTP 200) and codes 200001–200009.
 *
 * Written from the document. Where it is silent, the simulator does not take the node's side but
 * answers in each plausible way, chosen per test (every choice is a public field below):
 * - the public-cloud key: the document says it is "built from" the API ID and API KEY, not how. The
 *   simulator issues an opaque tenant key (`publicKey`); `acceptApiIdAndKey(form)` also accepts the
 *   key built in one of `KEY_FORMS` (which one the real service uses is unknown);
 * - an unknown key: `wrongKeyShape`, one of the shapes of `WRONG_KEY_SHAPES` (a 401 JSON, a 403 HTML
 *   page, a redirect to a login page, an HTTP-200 envelope, another service's body); the envelope is
 *   one of `REFUSAL_ENVELOPES` (`refusal`); the document shows none of them;
 * - the contact list (`getcontacts`): its sample shows a booking, not a contact; `contactsShape`
 *   answers in one of `CONTACTS_SHAPES` (entries `{id, name}` like a booking's `visitorList`,
 *   other key names, the list wrapped in an object, a bare array, an HTML page, a login redirect);
 * - `delRecordFile`: "the recording's unique ID" may be the ID `openRecord` returned (`cid` of a
 *   file) or a file's `recordId` from `getRecords`: `deleteBy` picks one; `getRecords` takes the ID
 *   `openRecord` returned, as its parameter's description says;
 * - booking times carry no zone: they are wall-clock time in `timeZone` (Asia/Shanghai), and each
 *   booking keeps the instant it was read as (`startsAt`, `endsAt`); passwords have no rule;
 * - a parameter error answers `state: 0` with code "400"; `/meeting/*` answers carry string codes
 *   ("200"), `/subscribe/*` and status answers numeric ones (200), as the samples do;
 * - recording files live on a second server (`storage`, the "third-party storage host" of
 *   `downUrl`), with a signed link; the storage host records, and refuses with 403, any request that
 *   carries an `auth` header (the key must never leave the API host).
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { TestNode } from '../harness/engine';
import { createHash } from 'node:crypto';

import { Simulator, type SimRequest, type SimResponse, type WrongKeyShape } from './base';

/** Ways the public-cloud key could be built from the API ID and API KEY (the document does not say). */
export const KEY_FORMS = ['idColonKey', 'idKeyConcatenated', 'base64IdColonKey', 'md5IdKey'] as const;
export type KeyForm = (typeof KEY_FORMS)[number];

export function buildKey(form: KeyForm, apiId: string, apiKey: string): string {
	switch (form) {
		case 'idColonKey':
			return `${apiId}:${apiKey}`;
		case 'idKeyConcatenated':
			return `${apiId}${apiKey}`;
		case 'base64IdColonKey':
			return Buffer.from(`${apiId}:${apiKey}`).toString('base64');
		case 'md5IdKey':
			return createHash('md5').update(`${apiId}${apiKey}`).digest('hex');
	}
}

/** HTTP-200 refusals of a key the service could give (none is in the document). */
export const REFUSAL_ENVELOPES = {
	code401: { code: '401', data: null, message: 'auth认证失败', state: 0 },
	code403: { code: 403, data: null, message: '认证失败', state: 0 },
	code200001: { code: '200001', data: null, message: '会议号和当前的认证的auth不匹配', state: 0 },
	noCode: { data: null, message: 'auth error', state: 0 },
} as const;
export type RefusalEnvelope = keyof typeof REFUSAL_ENVELOPES;

/** How the contact list could come back (the document's sample of `getcontacts` shows a booking). */
export const CONTACTS_SHAPES = ['idName', 'otherKeys', 'wrapped', 'bareArray', 'html', 'loginRedirect'] as const;
export type ContactsShape = (typeof CONTACTS_SHAPES)[number];

/** The instant of a wall-clock time in `timeZone` (independent of the node's code). */
export function instantOf(wall: string, timeZone: string): number {
	const [date, time] = wall.split(' ');
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const guess = Date.UTC(y, mo - 1, d, h, mi);
	const offsetAt = (instant: number) => {
		const f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
		const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
		return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - instant;
	};
	const first = guess - offsetAt(guess);
	return guess - offsetAt(first);
}

export interface ZijingMeeting {
	conferenceKey: string;
	entId: number;
	name: string;
	hostpwd: string;
	guestpwd: string;
	locked: boolean;
	started: boolean;
	participants: number;
	recordAllowed: boolean;
	liveAllowed: boolean;
	live: boolean;
	rtmpUrl: string;
	/** the running recording's ID, '' when not recording */
	recordId: string;
	recordStartedAt?: Date;
	failedReason?: string;
}

export interface ZijingFile {
	recordId: string;
	cid: string;
	conferenceKey: string;
	entId: number;
	startTime: string;
	stopTime: string;
	fileSize: number;
	downUrl: string;
	sign: string;
	path: string;
	content: Buffer;
}

export interface ZijingRoom {
	pid: number;
	entId: number;
	sipkey: number;
	pDesc: string;
	hostPin: string;
	guestPin: string;
	alias: string;
	type: number;
	maxSquare: string;
	isPublicVmr: string;
	isDispark: string;
	hostView: string;
	guestView: string;
	livePwd: string;
}

export interface ZijingAccount {
	account: string;
	uid: number;
	name: string;
	entId: number;
	rooms: number[];
}

export interface ZijingContact {
	id: number;
	name: string;
	entId: number;
}

export interface ZijingBooking {
	id: number;
	entId: number;
	account: string;
	theme: string;
	introduction: string;
	randomHostPwd: string;
	randomVisitorPwd: string;
	sipkey: string;
	isAutoOpen: string;
	startDate: string;
	endDate: string;
	createSubscriber: { id: number; name: string };
	createTime: string;
	shortAddress: string;
	bizProductId: number;
	visitorList: Array<{ id: string; name: string }>;
	/** the instants the wall-clock times were read as, in the simulator's `timeZone` */
	startsAt: number;
	endsAt: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const formatSeconds = (d: Date) =>
	`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

const BOOKING_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
function validBookingTime(text: unknown): text is string {
	if (typeof text !== 'string') return false;
	const m = BOOKING_TIME.exec(text);
	if (!m) return false;
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
	return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const MESSAGES: Record<string, string> = {
	'400': '请求的参数异常',
	'200001': '会议号和当前的认证的auth不匹配',
	'200002': '该会议已开启直播',
	'200003': '该会议已开启录制',
	'200004': '该会议不允许录制',
	'200005': '该会议不允许直播',
	'200006': '该会议还未开启',
	'200007': '该会议未开启录制',
	'200008': '该会议不存在',
	'200009': '当前时间段，此会议室已被预约',
};

type Style = 'string' | 'number';

export class ZijingSimulator extends Simulator {
	/** the storage host that serves `downUrl` */
	readonly storage = new Simulator('zijing-storage');
	/** storage requests that arrived with an `auth` header (must stay empty) */
	readonly authLeaks: SimRequest[] = [];

	readonly apiId = 'zj-api-id-52';
	readonly apiKey = 'zj-api-key-3f9a1c7e5d';
	/** the public-cloud tenant's key as the service issues it: opaque (how it relates to API ID and API KEY is not documented) */
	readonly publicKey = 'zjk-52-6b1f0e9d4c2a8e7f';
	/** a dedicated-cloud tenant key, sent as it is */
	readonly privateKey = '800';

	/** how an unknown key is answered, and which HTTP-200 refusal `envelope200` is */
	wrongKeyShape: WrongKeyShape = 'envelope200';
	refusal: RefusalEnvelope = 'code401';
	/** how the contact list comes back */
	contactsShape: ContactsShape = 'idName';
	/** which ID delRecordFile takes: the file's recordId (from getRecords) or the recording's (from openRecord) */
	deleteBy: 'file' | 'recording' = 'file';
	/** the zone of the deployment's clock: booking times are wall-clock time in it */
	timeZone = 'Asia/Shanghai';

	/** Accepts, for tenant 52, the key built from API ID and API KEY in this form as well. */
	acceptApiIdAndKey(form: KeyForm): string {
		const key = buildKey(form, this.apiId, this.apiKey);
		this.tenants.set(key, 52);
		return key;
	}

	readonly tenants = new Map<string, number>();
	readonly meetings = new Map<string, ZijingMeeting>();
	readonly files = new Map<string, ZijingFile>();
	readonly rooms = new Map<number, ZijingRoom>();
	readonly accounts = new Map<string, ZijingAccount>();
	readonly contacts: ZijingContact[] = [];
	readonly bookings = new Map<number, ZijingBooking>();
	private nextBookingId = 1430;

	constructor() {
		super('zijing');
		this.route('POST', '/meeting/openRecord', (req) => this.meetingCall(req, (m) => this.openRecord(m)));
		this.route('POST', '/meeting/closeRecord', (req) => this.meetingCall(req, (m) => this.closeRecord(m)));
		this.route('POST', '/meeting/getLiveRecStatus', (req) => this.meetingCall(req, (m) => this.status(m)));
		this.route('POST', '/meeting/getRecords', (req) => this.getRecords(req));
		this.route('POST', '/meeting/delRecordFile', (req) => this.delRecordFile(req));
		this.route('GET', '/api/getmeetinginfo', (req) => this.meetingInfo(req));
		this.route('GET', '/subscribe/getmeeting', (req) => this.bookableRooms(req));
		this.route('GET', '/subscribe/getcontacts', (req) => this.getContacts(req));
		this.route('GET', '/subscribe/getsubmeetings', (req) => this.bookedMeetings(req));
		this.route('POST', '/subscribe/createmeet', (req) => this.createBooking(req));
		this.route('POST', '/subscribe/cancelmeet', (req) => this.cancelBooking(req));
		this.storage.route('GET', '/:date/:file', (req) => this.download(req));
		this.seed();
	}

	/** Starts the storage host (on a free port) and the API host (on `listenPort`, 0 = a free one). */
	async start(listenPort = 0): Promise<string> {
		await this.storage.start();
		return await super.start(listenPort);
	}

	async stop(): Promise<void> {
		await this.storage.stop();
		await super.stop();
	}

	/** A refused key in the document's envelope (`state: 0`), its code a string, with HTTP 200. */
	protected wrongKeyEnvelope(): SimResponse {
		return { status: 200, body: { ...REFUSAL_ENVELOPES[this.refusal] } };
	}

	reset(): void {
		super.reset();
		this.wrongKeyShape = 'envelope200';
		this.refusal = 'code401';
		this.contactsShape = 'idName';
		this.deleteBy = 'file';
		this.timeZone = 'Asia/Shanghai';
		this.storage.reset();
		this.authLeaks.length = 0;
		this.seed();
	}

	/** Known state: tenant 52 (public key) and tenant 800 (private key), their meetings, rooms and 250 contacts. */
	seed(): void {
		this.tenants.clear();
		this.meetings.clear();
		this.files.clear();
		this.rooms.clear();
		this.accounts.clear();
		this.contacts.length = 0;
		this.bookings.clear();
		this.nextBookingId = 1430;
		this.tenants.set(this.publicKey, 52);
		this.tenants.set(this.privateKey, 800);
		const meeting = (conferenceKey: string, entId: number, more: Partial<ZijingMeeting> = {}) =>
			this.meetings.set(conferenceKey, {
				conferenceKey,
				entId,
				name: `会议室 ${conferenceKey}`,
				hostpwd: '0000',
				guestpwd: '1234',
				locked: false,
				started: true,
				participants: 3,
				recordAllowed: true,
				liveAllowed: true,
				live: false,
				rtmpUrl: '',
				recordId: '',
				...more,
			});
		meeting('8000000', 52, { name: '产品评审会议室' });
		meeting('8000001', 52, { recordAllowed: false, live: true, rtmpUrl: 'rtmp://live.zijing.test/app/8000001' });
		meeting('1866', 52, { started: false, participants: 0 });
		meeting('9000000', 800);
		const room = (pid: number, entId: number, sipkey: number, pDesc: string) =>
			this.rooms.set(pid, {
				pid,
				entId,
				sipkey,
				pDesc,
				hostPin: '123456',
				guestPin: '1234567',
				alias: `${sipkey}meet@myvmr.test`,
				type: 1,
				maxSquare: '100',
				isPublicVmr: 'yes',
				isDispark: 'no',
				hostView: '1:7',
				guestView: '1:7',
				livePwd: '',
			});
		room(486, 52, 2516, '大会议室');
		room(3364, 52, 100713, '何宗源的会议室');
		room(900, 800, 9000000, '专属云会议室');
		this.accounts.set('admin@miwei.com', { account: 'admin@miwei.com', uid: 2756, name: '蓝天', entId: 52, rooms: [486, 3364] });
		this.accounts.set('guest@miwei.com', { account: 'guest@miwei.com', uid: 2757, name: '白云', entId: 52, rooms: [] });
		this.accounts.set('user@private.cn', { account: 'user@private.cn', uid: 80, name: '专属', entId: 800, rooms: [900] });
		for (let i = 0; i < 250; i++) this.contacts.push({ id: 9000 + i, name: `联系人${i}`, entId: 52 });
		this.contacts.push({ id: 80001, name: '专属联系人', entId: 800 });
	}

	/** Adds a finished recording file (as closeRecord does) and returns it. */
	addFile(conferenceKey: string, cid: string, options: { content?: Buffer; entId?: number } = {}): ZijingFile {
		const meeting = this.meetings.get(conferenceKey);
		const stop = new Date();
		const start = new Date(stop.getTime() - 60_000);
		const content = options.content ?? randomBytes(256 * 1024);
		const recordId = randomBytes(16).toString('hex');
		const date = `${stop.getFullYear()}-${pad(stop.getMonth() + 1)}-${pad(stop.getDate())}`;
		const path = `/${date}/${conferenceKey}_${pad(stop.getHours())}${pad(stop.getMinutes())}${pad(stop.getSeconds())}_${recordId.slice(0, 6)}.mp4`;
		const sign = randomBytes(24).toString('base64');
		const file: ZijingFile = {
			recordId,
			cid,
			conferenceKey,
			entId: options.entId ?? meeting?.entId ?? 52,
			startTime: formatSeconds(start),
			stopTime: formatSeconds(stop),
			fileSize: content.length,
			downUrl: `${this.storage.url}${path}?sign=${encodeURIComponent(sign)}`,
			sign,
			path,
			content,
		};
		this.files.set(recordId, file);
		return file;
	}

	// ---- envelope ----------------------------------------------------------------------------------

	private ok(data: unknown, style: Style, message: string | null = null): SimResponse {
		return { status: 200, body: { code: style === 'string' ? '200' : 200, data, message, state: 1 } };
	}

	private refuse(code: string, style: Style, message = MESSAGES[code]): SimResponse {
		return { status: 200, body: { code: style === 'string' ? code : Number(code), data: null, message, state: 0 } };
	}

	/** The answer to a missing or unknown key, in the shape chosen for this test. */
	private unknownKey(): SimResponse {
		return this.wrongKeyAnswer(this.wrongKeyShape);
	}

	/** The tenant of the request's `auth` key, or undefined. */
	private tenant(req: SimRequest): number | undefined {
		const key = req.headers.auth;
		if (typeof key !== 'string' || key.length === 0 || key.length > 60) return undefined;
		return this.tenants.get(key);
	}

	private jsonBody(req: SimRequest): Record<string, unknown> | undefined {
		if (!String(req.headers['content-type'] ?? '').includes('application/json')) return undefined;
		const body = req.json;
		return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
	}

	private static text(value: unknown, max: number): string | undefined {
		if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
		if (typeof value !== 'string' || value.trim() === '' || value.length > max) return undefined;
		return value;
	}

	// ---- meeting (recording / live) ------------------------------------------------------------------

	private meetingCall(req: SimRequest, action: (meeting: ZijingMeeting) => SimResponse): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const body = this.jsonBody(req);
		const conferenceKey = ZijingSimulator.text(body?.conferenceKey, 50);
		if (!body || conferenceKey === undefined) return this.refuse('400', 'string');
		const meeting = this.meetings.get(conferenceKey);
		if (!meeting) return this.refuse('200008', 'string');
		if (meeting.entId !== entId) return this.refuse('200001', 'string');
		return action(meeting);
	}

	private openRecord(meeting: ZijingMeeting): SimResponse {
		if (!meeting.started) return this.refuse('200006', 'string');
		if (!meeting.recordAllowed) return this.refuse('200004', 'string');
		if (meeting.recordId) return this.refuse('200003', 'string');
		meeting.recordId = randomUUID();
		meeting.recordStartedAt = new Date();
		return this.ok({ recordId: meeting.recordId }, 'string');
	}

	private closeRecord(meeting: ZijingMeeting): SimResponse {
		if (!meeting.recordId) return this.refuse('200007', 'string');
		const recordId = meeting.recordId;
		meeting.recordId = '';
		this.addFile(meeting.conferenceKey, recordId);
		return this.ok({ recordId }, 'string');
	}

	private status(meeting: ZijingMeeting): SimResponse {
		return this.ok(
			{
				conferenceKey: meeting.conferenceKey,
				live: meeting.live,
				rtmpUrl: meeting.live ? meeting.rtmpUrl : '',
				record: meeting.recordId !== '',
				recordId: meeting.recordId,
				...(meeting.failedReason ? { failedReason: meeting.failedReason } : {}),
			},
			'number',
		);
	}

	private getRecords(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const body = this.jsonBody(req);
		const recordId = ZijingSimulator.text(body?.recordId, 50);
		if (!body || recordId === undefined) return this.refuse('400', 'string');
		if (body.origin !== undefined && ZijingSimulator.text(body.origin, 128) === undefined) return this.refuse('400', 'string');
		// the ID openRecord returned ("the unique ID the recording produced")
		const files = [...this.files.values()].filter((f) => f.entId === entId && f.cid === recordId);
		return this.ok(
			files.map((f) => ({
				recordId: f.recordId,
				conferenceKey: f.conferenceKey,
				entId: f.entId,
				cid: f.cid,
				startTime: f.startTime,
				fileSize: f.fileSize,
				stopTime: f.stopTime,
				downUrl: f.downUrl,
			})),
			'string',
		);
	}

	private delRecordFile(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const body = this.jsonBody(req);
		const recordId = ZijingSimulator.text(body?.recordId, 50);
		if (!body || recordId === undefined) return this.refuse('400', 'string');
		const files = [...this.files.values()].filter((f) => f.entId === entId && (this.deleteBy === 'file' ? f.recordId : f.cid) === recordId);
		if (files.length === 0) return this.refuse('400', 'string', '录制文件不存在');
		for (const f of files) this.files.delete(f.recordId);
		return this.ok({ recordId }, 'string');
	}

	private meetingInfo(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const addr = ZijingSimulator.text(req.query.addr, 50);
		if (addr === undefined) return { status: 200, body: { code: 400, msg: MESSAGES['400'] } };
		const meeting = this.meetings.get(addr);
		if (!meeting) return { status: 200, body: { code: 200008, msg: MESSAGES['200008'] } };
		if (meeting.entId !== entId) return { status: 200, body: { code: 200001, msg: MESSAGES['200001'] } };
		return {
			status: 200,
			body: {
				code: 200,
				msg: 'success',
				name: meeting.name,
				alias: meeting.conferenceKey,
				hostpwd: meeting.hostpwd,
				guestpwd: meeting.guestpwd,
				locked: meeting.locked,
				started: meeting.started,
				participants: meeting.participants,
			},
		};
	}

	// ---- booking ("subscribe") -----------------------------------------------------------------------

	private accountOf(value: unknown, entId: number): ZijingAccount | undefined {
		const account = ZijingSimulator.text(value, 50);
		if (!account || !/^[^@\s]+@[^@\s]+$/.test(account)) return undefined;
		const found = this.accounts.get(account);
		return found && found.entId === entId ? found : undefined;
	}

	private bookableRooms(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const account = this.accountOf(req.query.account, entId);
		if (!account) return this.refuse('400', 'number', '账号不存在');
		return this.ok(
			account.rooms.map((pid) => {
				const { entId: _e, ...room } = this.rooms.get(pid)!;
				return room;
			}),
			'number',
		);
	}

	private getContacts(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		if (!this.accountOf(req.query.account, entId)) return this.refuse('400', 'number', '账号不存在');
		const isAll = req.query.isAll ?? 'no';
		if (isAll !== 'yes' && isAll !== 'no') return this.refuse('400', 'number');
		const all = this.contacts.filter((c) => c.entId === entId);
		let page = all;
		if (isAll !== 'yes') {
			const intParam = (v: string | undefined, fallback: number) => (v === undefined ? fallback : /^\d+$/.test(v) ? Number(v) : NaN);
			const pageIndex = intParam(req.query.pageIndex, 1);
			const pageSize = intParam(req.query.pageSize, 10);
			if (!(pageIndex >= 1) || !(pageSize >= 1)) return this.refuse('400', 'number');
			page = all.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
		}
		return this.contactsAnswer(page, all.length);
	}

	private contactsAnswer(page: ZijingContact[], total: number): SimResponse {
		switch (this.contactsShape) {
			case 'idName':
				return this.ok(page.map(({ id, name }) => ({ id, name })), 'number');
			case 'otherKeys':
				return this.ok(page.map(({ id, name }) => ({ uid: id, userName: name, account: `u${id}@miwei.com` })), 'number');
			case 'wrapped':
				return this.ok({ list: page.map(({ id, name }) => ({ id, name })), total }, 'number');
			case 'bareArray':
				return { status: 200, body: page.map(({ id, name }) => ({ id, name })) };
			case 'html':
				return { status: 200, raw: '<html><body><h1>系统繁忙</h1></body></html>', headers: { 'Content-Type': 'text/html; charset=utf-8' } };
			case 'loginRedirect':
				return this.wrongKeyAnswer('loginRedirect');
		}
	}

	private bookedMeetings(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const account = this.accountOf(req.query.account, entId);
		if (!account) return this.refuse('400', 'number', '账号不存在');
		return this.ok(
			[...this.bookings.values()].filter((b) => b.account === account.account).map((b) => this.publicBooking(b)),
			'number',
		);
	}

	private publicBooking(b: ZijingBooking) {
		const { entId: _e, account: _a, startsAt: _s, endsAt: _t, ...rest } = b;
		return rest;
	}

	private createBooking(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const body = this.jsonBody(req);
		if (!body) return this.refuse('400', 'number');
		const account = this.accountOf(body.account, entId);
		if (!account) return this.refuse('400', 'number', '账号不存在');
		if (ZijingSimulator.text(body.theme, 200) === undefined) return this.refuse('400', 'number', '预约主题不能为空');
		if (!validBookingTime(body.startDate) || !validBookingTime(body.endDate)) return this.refuse('400', 'number', '时间格式错误');
		const startDate = body.startDate;
		const endDate = body.endDate;
		const startsAt = instantOf(startDate, this.timeZone);
		const endsAt = instantOf(endDate, this.timeZone);
		if (endDate <= startDate) return this.refuse('400', 'number', '结束时间必须晚于开始时间');
		const isAutoOpen = body.isAutoOpen ?? 'no';
		if (isAutoOpen !== 'yes' && isAutoOpen !== 'no') return this.refuse('400', 'number');
		for (const key of ['introduction', 'visitor_ids', 'shostPwd', 'svisitorPwd']) {
			if (body[key] !== undefined && typeof body[key] !== 'string') return this.refuse('400', 'number');
		}
		const visitorIds = String(body.visitor_ids ?? '').split(',').filter((v) => v !== '');
		const visitors: Array<{ id: string; name: string }> = [];
		for (const id of visitorIds) {
			const contact = this.contacts.find((c) => c.entId === entId && String(c.id) === id);
			if (!contact) return this.refuse('400', 'number', `参会者不存在: ${id}`);
			visitors.push({ id, name: contact.name });
		}
		const overlaps = (pid: number) =>
			[...this.bookings.values()].some((b) => b.bizProductId === pid && b.startDate < endDate && startDate < b.endDate);
		let pid: number;
		if (body.pid === '' || body.pid === undefined || body.pid === null) {
			const free = account.rooms.find((p) => !overlaps(p));
			if (free === undefined) return this.refuse('200009', 'number');
			pid = free;
		} else {
			pid = Number(body.pid);
			if (!Number.isInteger(pid) || !account.rooms.includes(pid)) return this.refuse('400', 'number', '会议室不存在');
			if (overlaps(pid)) return this.refuse('200009', 'number');
		}
		const room = this.rooms.get(pid)!;
		const booking: ZijingBooking = {
			id: this.nextBookingId++,
			entId,
			account: account.account,
			theme: String(body.theme),
			introduction: String(body.introduction ?? ''),
			randomHostPwd: (body.shostPwd as string) || String(10000 + Math.floor(Math.random() * 89999)),
			randomVisitorPwd: String(body.svisitorPwd ?? ''),
			sipkey: String(room.sipkey),
			isAutoOpen,
			startDate,
			endDate,
			createSubscriber: { id: account.uid, name: account.name },
			createTime: formatSeconds(new Date()),
			shortAddress: `https://share.zijing.test/meet/share/${randomBytes(3).toString('hex').toUpperCase()}`,
			bizProductId: pid,
			visitorList: visitors,
			startsAt,
			endsAt,
		};
		this.bookings.set(booking.id, booking);
		return this.ok([this.publicBooking(booking)], 'number');
	}

	private cancelBooking(req: SimRequest): SimResponse {
		const entId = this.tenant(req);
		if (entId === undefined) return this.unknownKey();
		const body = this.jsonBody(req);
		const id = ZijingSimulator.text(body?.st_id, 50);
		if (!body || id === undefined) return this.refuse('400', 'number');
		const booking = this.bookings.get(Number(id));
		if (!booking || booking.entId !== entId) return this.refuse('400', 'number', '预约不存在');
		this.bookings.delete(booking.id);
		return this.ok(null, 'number', '操作成功');
	}

	// ---- storage host ------------------------------------------------------------------------------------

	private download(req: SimRequest): SimResponse {
		if (req.headers.auth !== undefined) {
			this.authLeaks.push(req);
			return { status: 403, raw: '<Error><Code>AccessDenied</Code><Message>unexpected auth header</Message></Error>', headers: { 'Content-Type': 'application/xml' } };
		}
		const file = [...this.files.values()].find((f) => f.path === req.path);
		if (!file) return { status: 404, raw: '<Error><Code>NoSuchKey</Code></Error>', headers: { 'Content-Type': 'application/xml' } };
		if (req.query.sign !== file.sign) {
			return { status: 403, raw: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', headers: { 'Content-Type': 'application/xml' } };
		}
		return { status: 200, raw: file.content, headers: { 'Content-Type': 'video/mp4', 'Content-Length': String(file.content.length) } };
	}
}

/** The Zijing Cloud node as a test workflow step. */
export const ZIJING_NODE_TYPE = 'n8n-nodes-conferencing.zijingCloud';

export function zijingNode(
	parameters: IDataObject,
	options: { name?: string; credentialId?: string; continueOnFail?: boolean } = {},
): TestNode {
	const credentialId = options.credentialId ?? 'zijing';
	return {
		name: options.name ?? 'Zijing',
		type: ZIJING_NODE_TYPE,
		parameters,
		credentials: { zijingCloudApi: { id: credentialId, name: credentialId } },
		continueOnFail: options.continueOnFail,
	};
}
