/**
 * Visioconference.me simulator: `POST /api/v1/entreprise/visio` with `X-Token`, answering as the
 * seed documents (`code: 201` inside the body, the room under `data`). Rooms live on a meeting host
 * that differs from the API host, as they do for real.
 */
import { randomBytes } from 'node:crypto';

import { Simulator, type SimRequest, type SimResponse } from './base';

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
	}

	private createRoom(req: SimRequest) {
		if (req.headers['x-token'] !== this.apiKey) {
			return { status: 401, body: { code: 401, data: null, message: 'Invalid API token' } };
		}
		if (!String(req.headers['content-type'] ?? '').includes('application/json') || req.json === undefined) {
			return { status: 400, body: { code: 400, data: null, message: 'Body must be JSON' } };
		}
		const body = req.json as { name?: unknown };
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			return { status: 400, body: { code: 400, data: null, message: 'name is required' } };
		}
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
		return {
			status: 201,
			body: {
				code: 201,
				data: {
					iframe: `<iframe allow='camera; microphone; fullscreen; display-capture' src='${url}' style='height: 100%; width: 100%; border: 0px;'/>`,
					uniqid,
					url,
					room,
				},
				message: '',
			},
		};
	}
}
