/**
 * Chat&Messenger (CAM) simulator. Every method is a path under the server URL; the token travels in
 * `x-cam-apiToken`. POST bodies are `application/x-www-form-urlencoded` and decoded exactly as a
 * servlet container does (`+` = space, `%XX` = UTF-8 bytes); the JSON sits in `message` (or
 * `messages` for sendMessages). Failures answer `{"errors": [...]}` — with HTTP 200 for a refused
 * request, as the vendor's samples read `response['errors']`; a wrong token answers HTTP
 * `authFailureStatus` (401 unless a test changes it).
 *
 * What the document does not show is not taken from the node:
 *  - createQuickCall, updateChatRoom, getConferenceMaster and getConferenceRoomStatus are documented
 *    only as JavaScript-client calls. How their argument travels over HTTP is `clientMapping`, one of
 *    `CAM_CLIENT_MAPPINGS` (the argument as a named JSON object in `message`, the positional
 *    arguments as a JSON array in `message`, or a JSON body); the tests run each one.
 *  - No document shows the answers of getConferenceRooms, createQuickCall, sendMessage and
 *    sendMessages; the HTTP answers of the four client calls are not shown either (only what the
 *    client returns). `answerShape` picks one of `CAM_ANSWER_SHAPES` for every answer: the key the
 *    vendor's samples read (or, where none is shown, the plain guess), the bare value, the value
 *    wrapped in `data`, another key, plain text, an HTML page with HTTP 200, a redirect to a login
 *    page. The tests run each one.
 */
import { randomBytes } from 'node:crypto';

import { LOGIN_PAGE, Simulator, type SimRequest, type SimResponse } from './base';

/** How a JavaScript-client-only method's argument may travel over HTTP. */
export const CAM_CLIENT_MAPPINGS = ['messageObject', 'messageArgs', 'jsonBody'] as const;
export type CamClientMapping = (typeof CAM_CLIENT_MAPPINGS)[number];

/** How an answer may carry its result (see the file's comment). */
export const CAM_ANSWER_SHAPES = ['keyed', 'bare', 'wrapped', 'otherKey', 'text', 'html200', 'loginRedirect'] as const;
export type CamAnswerShape = (typeof CAM_ANSWER_SHAPES)[number];

/** The positional arguments of the client-only methods, as the document lists them. */
const CLIENT_ARGUMENTS: Record<string, string[]> = {
	createQuickCall: ['expiry', 'password'],
	updateChatRoom: ['chatRoom'],
	getConferenceMaster: [],
	getConferenceRoomStatus: ['yyyyMMdd'],
};

export interface CamMessage {
	via: 'sendMessage' | 'sendMessages';
	/** `messenger` or a chat room name */
	panelName: string;
	message: string;
	isOpened: boolean;
	users: string[];
	/** for sendMessages: which request (1-based) carried it */
	request?: number;
}

export interface CamChatRoom {
	id: string;
	name: string;
	createUserId: string;
	adminUserId?: string;
	isMessageThread: boolean;
	isPublic: boolean;
	memberUids: Record<string, boolean>;
}

export interface CamReservation {
	reservationId: string;
	conferenceRoomId: string;
	/** yyyy-MM-dd HH:mm */
	startTime: string;
	endTime: string;
	title: string;
	userId: string;
}

const err = (...messages: string[]): SimResponse => ({ status: 200, body: { errors: messages.map((message) => ({ message })) } });

export class CamSimulator extends Simulator {
	apiToken = 'cam-test-token-5d1f8e2a';
	/** status of the answer to a missing or wrong token */
	authFailureStatus = 401;
	/** how the client-only methods read their argument */
	clientMapping: CamClientMapping = 'messageObject';
	/** how every successful answer carries its result */
	answerShape: CamAnswerShape = 'keyed';
	readonly users = new Set(['user1@example.com', 'user2@example.com', 'user3@example.com', '山田@example.jp']);
	readonly messages: CamMessage[] = [];
	readonly chatRooms = new Map<string, CamChatRoom>();
	readonly quickCalls: Array<{ id: string; expiry: number; password: string; url: string }> = [];
	readonly conferenceRooms = [
		{ id: 'room-a', name: '会議室A', capacity: 8, location: '3F' },
		{ id: 'room-b', name: 'Board Room', capacity: 20, location: '5F' },
		{ id: 'room-c', name: 'Phone booth', capacity: 1, location: '2F' },
	];
	readonly reservations: CamReservation[] = [];
	private sendMessagesRequests = 0;
	private nextId = 1564831284702237000n;

	constructor() {
		super('cam');
		const rooms = () => this.shaped('conferenceRooms', 'rooms', this.conferenceRooms);
		this.route('GET', '/getConferenceRooms', (req) => this.guard(req, false, rooms));
		this.route('POST', '/getConferenceRooms', (req) => this.guard(req, false, rooms));
		this.route('POST', '/sendMessage', (req) => this.guard(req, true, () => this.sendMessage(req)));
		this.route('POST', '/sendMessages', (req) => this.guard(req, true, () => this.sendMessagesRoute(req)));
		this.route('POST', '/createQuickCall', (req) => this.guard(req, false, () => this.createQuickCall(req)));
		this.route('POST', '/updateChatRoom', (req) => this.guard(req, false, () => this.updateChatRoom(req)));
		this.route('POST', '/getConferenceMaster', (req) =>
			this.guard(req, false, () => {
				const { problem } = this.clientArgument(req, 'getConferenceMaster');
				return problem ?? rooms();
			}),
		);
		this.route('POST', '/getConferenceRoomStatus', (req) => this.guard(req, false, () => this.roomStatus(req)));
		this.reset();
	}

	/** A refused token as the document's samples read it: `errors`, with HTTP 200. */
	protected wrongKeyEnvelope(): SimResponse {
		return err('Invalid apiToken');
	}

	reset() {
		super.reset();
		this.messages.length = 0;
		this.chatRooms.clear();
		this.quickCalls.length = 0;
		this.reservations.length = 0;
		this.sendMessagesRequests = 0;
		this.authFailureStatus = 401;
		this.clientMapping = 'messageObject';
		this.answerShape = 'keyed';
		this.addChatRoom({ name: 'Sales team', createUserId: 'u-sales', memberUids: { 'u-sales': true, 'u-2': false } });
		this.addChatRoom({ name: '開発チーム', createUserId: 'u-dev', memberUids: { 'u-dev': true } });
		this.reservations.push(
			{ reservationId: 'r1', conferenceRoomId: 'room-a', startTime: '2019-08-01 10:00', endTime: '2019-08-01 11:00', title: '定例会議', userId: 'u-1' },
			{ reservationId: 'r2', conferenceRoomId: 'room-a', startTime: '2019-08-15 14:00', endTime: '2019-08-15 15:00', title: 'Review', userId: 'u-2' },
			{ reservationId: 'r3', conferenceRoomId: 'room-b', startTime: '2019-08-01 09:00', endTime: '2019-08-01 12:00', title: 'Board', userId: 'u-3' },
			{ reservationId: 'r4', conferenceRoomId: 'room-b', startTime: '2019-09-02 09:00', endTime: '2019-09-02 10:00', title: 'Next month', userId: 'u-3' },
		);
	}

	addChatRoom(room: Partial<CamChatRoom> & { name: string; createUserId: string }): CamChatRoom {
		const full: CamChatRoom = {
			id: String(this.nextId++),
			isMessageThread: false,
			isPublic: false,
			memberUids: {},
			...room,
		};
		this.chatRooms.set(full.id, full);
		return full;
	}

	roomByName(name: string) {
		return [...this.chatRooms.values()].find((r) => r.name === name);
	}

	/**
	 * A successful answer carrying `value`, in the current `answerShape`: under `key` (the key the
	 * vendor's samples read, or the guess where none is shown), bare, under `data`, under `otherKey`,
	 * as plain text, as an HTML page, or as a redirect to a login page. `key` undefined: an answer
	 * with no result (sendMessage, sendMessages).
	 */
	private shaped(key: string | undefined, otherKey: string, value: unknown): SimResponse {
		const keyed = key === undefined ? {} : { [key]: value };
		switch (this.answerShape) {
			case 'keyed':
				return { body: keyed };
			case 'bare':
				return { body: key === undefined ? [] : value };
			case 'wrapped':
				return { body: { data: keyed } };
			case 'otherKey':
				return { body: { [otherKey]: key === undefined ? 'ok' : value } };
			case 'text':
				return { raw: key === undefined ? 'OK' : typeof value === 'string' ? value : JSON.stringify(value).slice(1, -1), headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
			case 'html200':
				return { raw: '<!doctype html><html><body><h1>Chat&amp;Messenger</h1><p>Done.</p></body></html>', headers: { 'Content-Type': 'text/html; charset=utf-8' } };
			case 'loginRedirect':
				return { status: 302, raw: LOGIN_PAGE, headers: { Location: `${this.url}/login?next=%2F`, 'Content-Type': 'text/html; charset=utf-8' } };
		}
	}

	/**
	 * The argument of a client-only method, read as `clientMapping` says, as an object of the
	 * document's argument names (`{expiry, password}`, `{chatRoom}`, `{yyyyMMdd}`).
	 */
	private clientArgument(req: SimRequest, method: string): { value?: Record<string, unknown>; problem?: SimResponse } {
		const names = CLIENT_ARGUMENTS[method];
		const type = String(req.headers['content-type'] ?? '');
		if (this.clientMapping === 'jsonBody') {
			if (!type.startsWith('application/json') || req.json === undefined) return { problem: err(`Content-Type must be application/json, got ${type}`) };
			const body = req.json as Record<string, unknown>;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: err('the body must be a JSON object') };
			return { value: method === 'updateChatRoom' ? { chatRoom: body } : body };
		}
		if (!type.startsWith('application/x-www-form-urlencoded')) return { problem: err(`Content-Type must be application/x-www-form-urlencoded, got ${type}`) };
		const { value, problem } = this.field(req, 'message');
		if (problem) return { problem };
		if (this.clientMapping === 'messageArgs') {
			if (!Array.isArray(value)) return { problem: err(`message must be a JSON array of the arguments (${names.join(', ') || 'none'})`) };
			return { value: Object.fromEntries(names.map((name, i) => [name, value[i]])) };
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: err('message must be a JSON object') };
		return { value: method === 'updateChatRoom' ? { chatRoom: value } : (value as Record<string, unknown>) };
	}

	/** Token check, form decoding and JSON parsing, as the server does before any method runs. */
	private guard(req: SimRequest, needsForm: boolean, handler: () => SimResponse): SimResponse {
		const token = req.headers['x-cam-apitoken'];
		if (token !== this.apiToken) {
			return { status: this.authFailureStatus, body: { errors: [{ code: 'invalidApiToken', message: 'Invalid apiToken' }] } };
		}
		if (needsForm && !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
			return err(`Content-Type must be application/x-www-form-urlencoded, got ${String(req.headers['content-type'])}`);
		}
		return handler();
	}

	/** The JSON in a form field; undefined (and an errors answer in `problem`) when absent or not JSON. */
	private field(req: SimRequest, name: string): { value?: unknown; problem?: SimResponse } {
		const form = req.form ?? {};
		const extra = Object.keys(form).filter((k) => k !== name);
		if (extra.length) return { problem: err(`unknown parameter(s): ${extra.join(', ')}`) };
		if (!(name in form)) return { problem: err(`parameter ${name} is required`) };
		try {
			return { value: JSON.parse(form[name]) };
		} catch {
			return { problem: err(`parameter ${name} is not valid JSON`) };
		}
	}

	private checkUsers(list: unknown): { users?: string[]; problem?: SimResponse } {
		if (typeof list !== 'string') return { problem: err('users must be a comma separated string') };
		const users = list.split(',').filter((u) => u !== '');
		const unknown = users.filter((u) => !this.users.has(u));
		if (unknown.length) return { problem: err(`user not found: ${unknown.join(',')}`) };
		return { users };
	}

	private sendMessage(req: SimRequest): SimResponse {
		const { value, problem } = this.field(req, 'message');
		if (problem) return problem;
		const m = value as Record<string, unknown>;
		if (!m || typeof m !== 'object' || Array.isArray(m)) return err('message must be a JSON object');
		if (typeof m.panelName !== 'string' || m.panelName === '') return err('panelName is required');
		if (typeof m.message !== 'string' || m.message === '') return err('message is required');
		if (m.isOpened !== undefined && typeof m.isOpened !== 'boolean') return err('isOpened must be true or false');
		const purposes = (m.generalPurposes ?? {}) as Record<string, unknown>;
		const checked = this.checkUsers(purposes.users ?? '');
		if (checked.problem) return checked.problem;
		const users = checked.users!;
		if (m.panelName === 'messenger') {
			if (users.length === 0) return err('users is required for messenger');
		} else if (!this.roomByName(m.panelName)) {
			return err(`chat room not found: ${m.panelName}`);
		}
		this.messages.push({ via: 'sendMessage', panelName: m.panelName, message: m.message, isOpened: m.isOpened === true, users });
		return this.shaped(undefined, 'result', undefined);
	}

	private sendMessagesRoute(req: SimRequest): SimResponse {
		const { value, problem } = this.field(req, 'messages');
		if (problem) return problem;
		if (!Array.isArray(value) || value.length === 0) return err('messages must be a non-empty JSON array');
		const accepted: CamMessage[] = [];
		const request = ++this.sendMessagesRequests;
		for (const [i, entry] of (value as Array<Record<string, unknown>>).entries()) {
			if (!entry || typeof entry !== 'object') return err(`messages[${i}] must be an object`);
			if (typeof entry.message !== 'string' || entry.message === '') return err(`messages[${i}].message is required`);
			if (entry.send !== undefined) {
				if (typeof entry.send !== 'string' || !this.roomByName(entry.send)) return err(`messages[${i}]: chat room not found: ${String(entry.send)}`);
				accepted.push({ via: 'sendMessages', panelName: entry.send, message: entry.message, isOpened: false, users: [], request });
				continue;
			}
			const property = entry.property as Record<string, unknown> | undefined;
			const checked = this.checkUsers(property?.users);
			if (checked.problem) return { status: 200, body: { errors: [{ message: `messages[${i}]: ${JSON.stringify((checked.problem.body as { errors: unknown[] }).errors[0])}` }] } };
			if (checked.users!.length === 0) return err(`messages[${i}].property.users is required`);
			accepted.push({ via: 'sendMessages', panelName: 'messenger', message: entry.message, isOpened: false, users: checked.users!, request });
		}
		this.messages.push(...accepted);
		return this.shaped(undefined, 'result', undefined);
	}

	private createQuickCall(req: SimRequest): SimResponse {
		const { value, problem } = this.clientArgument(req, 'createQuickCall');
		if (problem) return problem;
		const v = value as { expiry?: unknown; password?: unknown };
		if (typeof v?.expiry !== 'number' || !Number.isInteger(v.expiry)) return err('expiry must be unix time in milliseconds');
		if (v.expiry <= Date.now()) return err('expiry is in the past');
		if (v.password !== undefined && typeof v.password !== 'string') return err('password must be a string');
		const id = randomBytes(6).toString('hex');
		const call = { id, expiry: v.expiry, password: v.password ?? '', url: `${this.url}/quickcall/${id}` };
		this.quickCalls.push(call);
		return this.shaped('url', 'quickCallUrl', call.url);
	}

	private updateChatRoom(req: SimRequest): SimResponse {
		const { value, problem } = this.clientArgument(req, 'updateChatRoom');
		if (problem) return problem;
		const room = value?.chatRoom as Partial<CamChatRoom> & Record<string, unknown>;
		if (!room || typeof room !== 'object' || Array.isArray(room)) return err('chatRoom must be a JSON object');
		const known = ['id', 'name', 'createUserId', 'adminUserId', 'isMessageThread', 'isPublic', 'memberUids'];
		const unknown = Object.keys(room).filter((k) => !known.includes(k));
		if (unknown.length) return err(`unknown chatRoom field(s): ${unknown.join(', ')}`);
		for (const key of ['isMessageThread', 'isPublic'] as const) {
			if (room[key] !== undefined && typeof room[key] !== 'boolean') return err(`${key} must be true or false`);
		}
		if (room.memberUids !== undefined) {
			if (!room.memberUids || typeof room.memberUids !== 'object' || Array.isArray(room.memberUids)) return err('memberUids must be an object');
			if (Object.values(room.memberUids).some((v) => typeof v !== 'boolean')) return err('memberUids values must be true or false');
		}
		if (room.id === undefined) {
			if (typeof room.name !== 'string' || room.name === '') return err('name is required');
			if (typeof room.createUserId !== 'string' || room.createUserId === '') return err('createUserId is required');
			const created = this.addChatRoom(room as CamChatRoom);
			return this.shaped('chatRoom', 'room', created);
		}
		const existing = this.chatRooms.get(String(room.id));
		if (!existing) return err(`chat room not found: ${String(room.id)}`);
		Object.assign(existing, room);
		return this.shaped('chatRoom', 'room', existing);
	}

	private roomStatus(req: SimRequest): SimResponse {
		const { value, problem } = this.clientArgument(req, 'getConferenceRoomStatus');
		if (problem) return problem;
		const date = (value as { yyyyMMdd?: unknown })?.yyyyMMdd;
		if (typeof date !== 'string' || !/^\d{6}(\d{2})?$/.test(date)) return err('yyyyMMdd must be yyyyMM or yyyyMMdd');
		const prefix = date.length === 6 ? `${date.slice(0, 4)}-${date.slice(4, 6)}` : `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
		// the document: the answer's conferenceRoomStatus; the reservations in conferenceRooms.reservedSchedules
		return this.shaped('conferenceRoomStatus', 'status', {
			conferenceRooms: this.conferenceRooms.map((room) => ({
				...room,
				reservedSchedules: this.reservations.filter((r) => r.conferenceRoomId === room.id && r.startTime.startsWith(prefix)),
			})),
		});
	}
}
