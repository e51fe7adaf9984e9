/**
 * Visioconference.me simulator: `POST /api/v1/entreprise/visio` with `X-Token`, answering as the
 * seed documents (`code: 201` inside the body, the room under `data`). Rooms live on a meeting host
 * that differs from the API host, as they do for real.
 *
 * The document shows only that success. What the service answers otherwise is picked here from the
 * plausible shapes, and the tests run each one: a refused key as any of `WRONG_KEY_SHAPES`
 * (`wrongKeyShape`), a create without a name as any of `MISSING_NAME_SHAPES` (`missingNameShape`),
 * and the success itself in the documented shape or another one (`answerShape`).
 */
import { randomBytes } from 'node:crypto';

import { LOGIN_PAGE, Simulator, type SimRequest, type SimResponse, type WrongKeyShape } from './base';

/** How a create without a name may be refused: 400 or 422 in the document's envelope, the envelope with HTTP 200, a server error. */
export const MISSING_NAME_SHAPES = ['json400', 'json422', 'envelope200', 'html500'] as const;
export type MissingNameShape = (typeof MISSING_NAME_SHAPES)[number];

/**
 * How a created room may come back: as documented, the `data` alone, without its `room`, its `room`
 * null, an empty moderator token, under another key, a page, a login redirect.
 */
export const ROOM_ANSWER_SHAPES = ['documented', 'bare', 'noRoom', 'nullRoom', 'emptyToken', 'otherKey', 'html200', 'loginRedirect'] as const;
export type RoomAnswerShape = (typeof ROOM_ANSWER_SHAPES)[number];

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const token = (n: number) => Array.from(randomBytes(n), (b) => ALPHABET[b % ALPHABET.length]).join('');

export interface VisioRoom {
	id: string;
	id_team: string;
	id_user: string;
	name: string;
	slot: number;
	uniquename: string;
	template: string;
	moderator_token: string;
	password_token: string;
	createdAt: string;
	updatedAt: string;
}

export class VisioconferenceSimulator extends Simulator {
	readonly rooms = new Map<string, VisioRoom>();
	apiKey = 'visio-test-key-7f3a9c';
	meetingBase = 'https://meet.visio.test/meet/';
	wrongKeyShape: WrongKeyShape = 'json401';
	missingNameShape: MissingNameShape = 'json400';
	answerShape: RoomAnswerShape = 'documented';

	constructor() {
		super('visioconference');
		this.route('POST', '/api/v1/entreprise/visio', (req) => this.createRoom(req));
	}

	get apiBaseUrl() {
		return `${this.url}/api/v1`;
	}

	/** A refused key in the document's envelope (`code` inside the body), as a string, with HTTP 200. */
	protected wrongKeyEnvelope(): SimResponse {
		return { status: 200, body: { code: '401', data: null, message: 'Invalid API token' } };
	}

	reset() {
		super.reset();
		this.rooms.clear();
		this.wrongKeyShape = 'json401';
		this.missingNameShape = 'json400';
		this.answerShape = 'documented';
	}

	private createRoom(req: SimRequest) {
		if (req.headers['x-token'] !== this.apiKey) return this.wrongKeyAnswer(this.wrongKeyShape);
		// no JSON body is a create without a name too
		if (!String(req.headers['content-type'] ?? '').includes('application/json') || req.json === undefined) return this.missingName();
		const body = req.json as { name?: unknown };
		if (typeof body.name !== 'string' || body.name.trim() === '') return this.missingName();
		const uniqid = token(7);
		const now = new Date().toISOString();
		const room: VisioRoom = {
			id: token(22),
			id_team: token(22),
			id_user: token(22),
			name: body.name,
			slot: 100,
			uniquename: uniqid,
			template: 'meet',
			moderator_token: token(8),
			password_token: token(8),
			createdAt: now,
			updatedAt: now,
		};
		this.rooms.set(uniqid, room);
		const url = `${this.meetingBase}${uniqid}`;
		const data = {
			iframe: `<iframe allow='camera; microphone; fullscreen; display-capture' src='${url}' style='height: 100%; width: 100%; border: 0px;'/>`,
			uniqid,
			url,
			room,
		};
		switch (this.answerShape) {
			case 'documented':
				return { status: 201, body: { code: 201, data, message: '' } };
			case 'bare':
				return { status: 201, body: data };
			case 'noRoom':
				return { status: 201, body: { code: 201, data: { iframe: data.iframe, uniqid, url }, message: '' } };
			case 'nullRoom':
				return { status: 201, body: { code: 201, data: { ...data, room: null }, message: '' } };
			case 'emptyToken':
				return { status: 201, body: { code: 201, data: { ...data, room: { ...room, moderator_token: '' } }, message: '' } };
			case 'otherKey':
				return { status: 201, body: { code: 201, result: data, message: '' } };
			case 'html200':
				return { status: 200, raw: `<!doctype html><html><body><a href="${url}">${url}</a></body></html>`, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
			case 'loginRedirect':
				return { status: 302, raw: LOGIN_PAGE, headers: { Location: `${this.url}/login?next=%2F`, 'Content-Type': 'text/html; charset=utf-8' } };
		}
	}

	private missingName(): SimResponse {
		switch (this.missingNameShape) {
			case 'json400':
				return { status: 400, body: { code: 400, data: null, message: 'name is required' } };
			case 'json422':
				return { status: 422, body: { code: 422, data: null, message: 'The name field is required.' } };
			case 'envelope200':
				return { status: 200, body: { code: 400, data: null, message: 'name is required' } };
			case 'html500':
				return { status: 500, raw: '<html><body><h1>Internal Server Error</h1></body></html>', headers: { 'Content-Type': 'text/html' } };
		}
	}
}
