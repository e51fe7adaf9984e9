/**
 * Zoom simulator: the OAuth token endpoint (authorization-code refresh with refresh-token rotation,
 * Server-to-Server `account_credentials`, Basic client authentication, 1-hour tokens) and the REST
 * API under `/v2` for meetings, registrants, cloud recordings and users, with state and real
 * `next_page_token` pagination. It answers as Zoom does: `{code, message}` errors, 401 with code 124
 * for a missing, unknown or expired token, 204 without a body for updates and deletes, meeting IDs
 * above 2^31, start times in UTC, one month at most per recording list request (what happens to a
 * longer range is undocumented: `recordingRangeOverflow`), trash listings not filtered by date,
 * meeting UUIDs that must be double-encoded in paths, and recording downloads on hosts of their own
 * (`web`, `cdn`): the download URL needs the bearer token and redirects to the signed file.
 *
 * Event subscriptions (Marketplace API, `/v2/marketplace/app/event_subscription`): create (Zoom
 * first sends a signed `endpoint.url_validation` to the URL and refuses the subscription when the
 * answer is wrong: 404 code 1701), subscribe the account or up to 10 users (PATCH), list (GET, with
 * the required `account_id` and `user_id`), delete (404 code 1601 once gone). They are app-owned: a
 * user's OAuth token (authorization code) is refused with 403, the app's own token
 * (`client_credentials` for the OAuth app, `account_credentials` for Server-to-Server) is taken;
 * an event needs its scope among the app's scopes (400 code 1602), an unknown event is 404 code 1601.
 * `deliverEvent` then sends an event to every subscription that includes it and was subscribed, the
 * way Zoom does (signed with the app's Secret Token).
 */
import { randomBytes } from 'node:crypto';

import { Simulator, type SimRequest, type SimResponse } from './base';
import { ZoomWebhookSender, type Delivery } from './zoomWebhooks';

const hex = (n: number) => randomBytes(n).toString('hex');

export interface ZoomUser {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	type: number;
	status: 'active' | 'inactive' | 'pending';
	timezone: string;
	role_id: string;
	account_id: string;
	created_at: string;
}

export interface ZoomMeeting {
	uuid: string;
	id: number;
	host_id: string;
	host_email: string;
	topic: string;
	type: number;
	status: string;
	start_time?: string;
	duration?: number;
	timezone?: string;
	agenda?: string;
	created_at: string;
	start_url: string;
	join_url: string;
	password?: string;
	pre_schedule: boolean;
	settings: Record<string, unknown>;
	recurrence?: Record<string, unknown>;
	registration_url?: string;
}

export interface ZoomRegistrant {
	id: string;
	email: string;
	first_name: string;
	last_name?: string;
	status: 'approved' | 'pending' | 'denied';
	create_time: string;
	join_url: string;
	[key: string]: unknown;
}

export interface ZoomRecordingFile {
	id: string;
	meeting_id: string;
	recording_start: string;
	recording_end: string;
	file_type: string;
	file_extension: string;
	file_size: number;
	play_url: string;
	download_url: string;
	status: string;
	recording_type: string;
}

export interface ZoomRecording {
	uuid: string;
	id: number;
	account_id: string;
	host_id: string;
	topic: string;
	type: number;
	start_time: string;
	timezone: string;
	duration: number;
	total_size: number;
	recording_count: number;
	share_url: string;
	recording_files: ZoomRecordingFile[];
	trashed?: boolean;
}

interface AccessToken {
	expiresAt: number;
	app: 'oauth' | 's2s';
	/** the app's own token (client or account credentials), not a user's */
	appOwned: boolean;
}

export interface ZoomEventSubscription {
	event_subscription_id: string;
	events: string[];
	event_subscription_name?: string;
	event_webhook_url: string;
	subscription_scope: 'user' | 'account' | 'master_account';
	created_source: 'openapi';
	account_id: string;
	app: 'oauth' | 's2s';
	/** subscribed with PATCH: the whole account, and/or these users */
	accountSubscribed: boolean;
	userIds: Set<string>;
}

/** The scope an event needs among the app's scopes; undefined: Zoom has no such event. */
function eventScope(event: string): string | undefined {
	if (/^meeting\.[a-z_]+$/.test(event)) return 'meeting:read:admin';
	if (/^webinar\.[a-z_]+$/.test(event)) return 'webinar:read:admin';
	if (/^recording\.[a-z_]+$/.test(event)) return 'cloud_recording:read:admin';
	return undefined;
}

/**
 * The request fields of Create (`POST /users/{userId}/meetings`) and Update (`PATCH /meetings/{meetingId}`)
 * in Zoom's own SDK types (`zoom/rivet-javascript`, npm `@zoom/rivet` 0.4.0, `meetings/meetings.d.ts`:
 * `MeetingsCreateMeetingRequestBody`, `MeetingsUpdateMeetingRequestBody`). Zoom ignores any other field
 * silently (e.g. the answer-only `settings.show_join_info`), and so does the simulator.
 */
const REQUEST_FIELDS = {
	create: ['agenda', 'default_password', 'duration', 'password', 'pre_schedule', 'recurrence', 'schedule_for', 'settings', 'start_time', 'template_id', 'timezone', 'topic', 'tracking_fields', 'type'],
	update: ['agenda', 'duration', 'password', 'pre_schedule', 'schedule_for', 'recurrence', 'settings', 'start_time', 'template_id', 'timezone', 'topic', 'tracking_fields', 'type'],
};
const SHARED_SETTINGS = [
	'allow_multiple_devices', 'alternative_hosts', 'alternative_hosts_email_notification', 'alternative_host_update_polls', 'alternative_host_manage_meeting_summary',
	'alternative_host_manage_cloud_recording', 'approval_type', 'approved_or_denied_countries_or_regions', 'audio', 'audio_conference_info', 'authentication_domains',
	'authentication_exception', 'authentication_option', 'auto_recording', 'auto_add_recording_to_video_management', 'breakout_room', 'calendar_type', 'close_registration',
	'cn_meeting', 'contact_email', 'contact_name', 'email_notification', 'encryption_type', 'focus_mode', 'global_dial_in_countries', 'host_video', 'in_meeting', 'jbh_time',
	'join_before_host', 'question_and_answer', 'language_interpretation', 'sign_language_interpretation', 'meeting_authentication', 'meeting_invitees', 'mute_upon_entry',
	'participant_video', 'private_meeting', 'registrants_confirmation_email', 'registrants_email_notification', 'registration_type', 'show_share_button', 'use_pmi',
	'waiting_room', 'waiting_room_options', 'watermark', 'host_save_video_order', 'internal_meeting', 'continuous_meeting_chat', 'participant_focused_meeting',
	'push_change_to_calendar', 'resources', 'auto_start_meeting_summary', 'who_will_receive_summary', 'auto_start_ai_companion_questions', 'who_can_ask_questions',
	'summary_template_id', 'device_testing', 'allow_host_control_participant_mute_state', 'disable_participant_video', 'email_in_attendee_report',
];
const REQUEST_SETTINGS = {
	create: new Set([...SHARED_SETTINGS, 'additional_data_center_regions']),
	update: new Set([...SHARED_SETTINGS, 'authentication_name', 'custom_keys', 'enforce_login', 'enforce_login_domains', 'global_dial_in_numbers']),
};

const BOOLEAN_SETTINGS = [
	'host_video',
	'participant_video',
	'join_before_host',
	'mute_upon_entry',
	'waiting_room',
	'allow_multiple_devices',
	'registrants_confirmation_email',
	'meeting_authentication',
	'private_meeting',
	'host_save_video_order',
	'email_in_attendee_report',
	'watermark',
];

/** What a new meeting gets when the request does not say (several are `true`, so a `false` that is dropped shows). */
const DEFAULT_SETTINGS: Record<string, unknown> = {
	host_video: true,
	participant_video: true,
	join_before_host: true,
	mute_upon_entry: true,
	waiting_room: true,
	allow_multiple_devices: true,
	registrants_confirmation_email: true,
	meeting_authentication: true,
	show_join_info: true,
	private_meeting: true,
	host_save_video_order: true,
	email_in_attendee_report: true,
	watermark: true,
	approval_type: 2,
	registration_type: 1,
	audio: 'voip',
	auto_recording: 'cloud',
	alternative_hosts: 'alt@example.com',
	encryption_type: 'enhanced_encryption',
	sign_language_interpretation: { enable: true },
};

const invalid = (message = 'Invalid field.'): SimResponse => ({ status: 400, body: { code: 300, message } });

function validZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Offset of a zone at an instant, in minutes, from Intl's "GMT+09:00" form (independent of the node's code). */
function offsetMinutes(zone: string, at: number): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
		.formatToParts(new Date(at))
		.find((p) => p.type === 'timeZoneName')?.value;
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
	return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Zoom's reading of `start_time`: `…Z` is UTC, a local time is in `timezone`. Returns UTC `…Z`. */
export function zoomUtc(start: string, zone: string): string {
	if (start.endsWith('Z')) return start;
	const asUtc = Date.parse(`${start}Z`);
	let instant = asUtc - offsetMinutes(zone, asUtc) * 60_000;
	instant = asUtc - offsetMinutes(zone, instant) * 60_000;
	return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function subtractOneMonth(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const last = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
	return new Date(Date.UTC(y, m - 2, Math.min(d, last))).toISOString().slice(0, 10);
}

function addOneMonth(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

export class ZoomSimulator extends Simulator {
	/** a Zoom OAuth (general) app */
	clientId = 'zoomOAuthClientId7Q2w';
	clientSecret = 'zoomOAuthSecret-9c2e7a51f0';
	/** a Server-to-Server OAuth app */
	accountId = 'zoomAccount-Zx81Lm';
	s2sClientId = 'zoomS2SClientId4Hk9';
	s2sClientSecret = 'zoomS2SSecret-51d0be77aa';

	readonly accessTokens = new Map<string, AccessToken>();
	readonly refreshTokens = new Set<string>();
	/** every refresh token that was used (and so invalidated) */
	readonly usedRefreshTokens = new Set<string>();
	readonly users: ZoomUser[] = [];
	readonly meetings = new Map<number, ZoomMeeting>();
	readonly registrants = new Map<number, ZoomRegistrant[]>();
	readonly recordings: ZoomRecording[] = [];
	readonly fileContents = new Map<string, { bytes: Buffer; mimeType: string; fileName?: string }>();
	readonly eventSubscriptions = new Map<string, ZoomEventSubscription>();
	/**
	 * Where recording files are served from, as with Zoom: not the API host. `download_url` points to
	 * the web host (like `us06web.zoom.us/rec/download/…`, which needs the bearer token) and that
	 * redirects to a signed address on a storage host (like `ssrweb.zoom.us`), which needs no token.
	 */
	readonly web = new Simulator('zoom-web');
	readonly cdn = new Simulator('zoom-cdn');
	/** the scopes chosen in each app's build flow */
	readonly appScopes: Record<'oauth' | 's2s', Set<string>> = { oauth: new Set(), s2s: new Set() };
	/** the Secret Token Zoom signs each app's webhook requests with */
	webhookSecretToken = 'QTMTsKHtS_mBSrKaFpxt1w';
	/**
	 * What a recording list does with a range longer than a month, which Zoom's reference leaves open
	 * ("the maximum range can be a month"): `keepTo` answers the last month up to `to`, as a public
	 * report shows (github.com/zoom/api issue 36: `from` moved to a month before `to`), `keepFrom` the
	 * first month from `from`, `error` refuses with 400.
	 */
	recordingRangeOverflow: 'keepTo' | 'keepFrom' | 'error' = 'keepTo';
	private readonly pages = new Map<string, { scope: string; offset: number }>();
	private nextMeetingId = 86220627999;
	/** seconds added to the clock (to let tokens expire) */
	private skewMs = 0;

	constructor() {
		super('zoom');
		this.route('POST', '/oauth/token', (req) => this.token(req));
		this.route('GET', '/v2/users/:userId', (req) => this.authed(req, () => this.getUser(req)));
		this.route('GET', '/v2/users', (req) => this.authed(req, () => this.listUsers(req)));
		this.route('POST', '/v2/users/:userId/meetings', (req) => this.authed(req, () => this.createMeeting(req)));
		this.route('GET', '/v2/users/:userId/meetings', (req) => this.authed(req, () => this.listMeetings(req)));
		this.route('GET', '/v2/meetings/:meetingId', (req) => this.authed(req, () => this.getMeeting(req)));
		this.route('PATCH', '/v2/meetings/:meetingId', (req) => this.authed(req, () => this.updateMeeting(req)));
		this.route('DELETE', '/v2/meetings/:meetingId', (req) => this.authed(req, () => this.deleteMeeting(req)));
		this.route('PUT', '/v2/meetings/:meetingId/status', (req) => this.authed(req, () => this.meetingStatus(req)));
		this.route('POST', '/v2/meetings/:meetingId/registrants', (req) => this.authed(req, () => this.addRegistrant(req)));
		this.route('GET', '/v2/meetings/:meetingId/registrants', (req) => this.authed(req, () => this.listRegistrants(req)));
		this.route('GET', '/v2/meetings/:meetingId/recordings', (req) => this.authed(req, () => this.getRecordings(req)));
		this.route('DELETE', '/v2/meetings/:meetingId/recordings', (req) => this.authed(req, () => this.deleteRecordings(req)));
		this.route('GET', '/v2/users/:userId/recordings', (req) => this.authed(req, () => this.listRecordings(req)));
		this.route('POST', '/v2/marketplace/app/event_subscription', (req) => this.appOwned(req, (app) => this.createSubscription(req, app)));
		this.route('GET', '/v2/marketplace/app/event_subscription', (req) => this.appOwned(req, (app) => this.listSubscriptions(req, app)));
		this.route('PATCH', '/v2/marketplace/app/event_subscription/:id', (req) => this.appOwned(req, (app) => this.subscribe(req, app)));
		this.route('DELETE', '/v2/marketplace/app/event_subscription/:id', (req) => this.appOwned(req, (app) => this.deleteSubscription(req, app)));
		this.web.route('GET', '/rec/download/:fileId', (req) => this.download(req));
		this.cdn.route('GET', '/rec/file/:fileId', (req) => this.serveFile(req));
		this.reset();
	}

	get apiBaseUrl() {
		return `${this.url}/v2`;
	}

	/** Starts the API host and, on their own ports, the hosts recording files are served from. */
	async start(listenPort = 0): Promise<string> {
		await this.web.start();
		await this.cdn.start();
		return await super.start(listenPort);
	}

	async stop(): Promise<void> {
		await Promise.all([super.stop(), this.web.stop(), this.cdn.stop()]);
	}

	get owner(): ZoomUser {
		return this.users[0];
	}

	/** Zoom's error body for a rejected token (`{code, message}`, code 124), with HTTP 200. */
	protected wrongKeyEnvelope(): SimResponse {
		return { status: 200, body: { code: 124, message: 'Invalid access token.' } };
	}

	reset() {
		super.reset();
		this.web.reset();
		this.cdn.reset();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.usedRefreshTokens.clear();
		this.users.length = 0;
		this.meetings.clear();
		this.registrants.clear();
		this.recordings.length = 0;
		this.fileContents.clear();
		this.eventSubscriptions.clear();
		this.appScopes.oauth = new Set(['meeting:read:admin', 'user:read:admin', 'cloud_recording:read:admin']);
		this.appScopes.s2s = new Set(['meeting:read:admin', 'meeting:write:admin', 'user:read:admin', 'cloud_recording:read:admin', 'webinar:read:admin']);
		this.webhookSecretToken = 'QTMTsKHtS_mBSrKaFpxt1w';
		this.recordingRangeOverflow = 'keepTo';
		this.pages.clear();
		this.skewMs = 0;
		this.nextMeetingId = 86220627999;
		this.users.push({
			id: 'KDcuGIm1QgePTO8WbOqwIQ',
			email: 'myhost@example.com',
			first_name: 'Aiko',
			last_name: 'Tanaka',
			type: 2,
			status: 'active',
			timezone: 'Asia/Tokyo',
			role_id: '0',
			account_id: this.accountId,
			created_at: '2024-01-10T00:00:00Z',
		});
	}

	now() {
		return Date.now() + this.skewMs;
	}

	/** Moves the clock on (e.g. past the one-hour token lifetime). */
	advance(seconds: number) {
		this.skewMs += seconds * 1000;
	}

	/** Tokens as the OAuth consent would have given them (for the credential's oauthTokenData). */
	issueOAuthTokens(expiresIn = 3600) {
		const access = `zat_${hex(16)}`;
		const refresh = `zrt_${hex(16)}`;
		this.accessTokens.set(access, { expiresAt: this.now() + expiresIn * 1000, app: 'oauth', appOwned: false });
		this.refreshTokens.add(refresh);
		return { access_token: access, refresh_token: refresh, token_type: 'bearer', expires_in: expiresIn, scope: 'meeting:write user:read' };
	}

	addUser(partial: Partial<ZoomUser> = {}): ZoomUser {
		const n = this.users.length;
		const user: ZoomUser = {
			id: `user${String(n).padStart(4, '0')}${hex(4)}`,
			email: `user${n}@example.com`,
			first_name: `User${n}`,
			last_name: 'Example',
			type: 1,
			status: 'active',
			timezone: 'UTC',
			role_id: '2',
			account_id: this.accountId,
			created_at: '2024-02-01T00:00:00Z',
			...partial,
		};
		this.users.push(user);
		return user;
	}

	/** A meeting as if created earlier (for list and recording tests). */
	seedMeeting(partial: Partial<ZoomMeeting> = {}): ZoomMeeting {
		const id = this.nextMeetingId;
		this.nextMeetingId += 7919;
		const meeting: ZoomMeeting = {
			uuid: `${randomBytes(16).toString('base64')}`,
			id,
			host_id: this.owner.id,
			host_email: this.owner.email,
			topic: `Meeting ${id}`,
			type: 2,
			status: 'waiting',
			start_time: '2030-01-01T00:00:00Z',
			duration: 30,
			timezone: 'Asia/Tokyo',
			created_at: new Date(this.now()).toISOString().slice(0, 19) + 'Z',
			start_url: `https://us06web.zoom.us/s/${id}?zak=${hex(24)}`,
			join_url: `https://us06web.zoom.us/j/${id}?pwd=${hex(8)}`,
			pre_schedule: false,
			settings: { ...DEFAULT_SETTINGS, sign_language_interpretation: { enable: true } },
			...partial,
		};
		this.meetings.set(id, meeting);
		return meeting;
	}

	/** A cloud recording of a meeting, with its files' bytes. */
	addRecording(options: {
		uuid?: string;
		meetingId?: number;
		hostId?: string;
		topic?: string;
		startTime: string;
		files?: Array<{ type: string; bytes?: Buffer; recordingType?: string; fileName?: string }>;
	}): ZoomRecording {
		const uuid = options.uuid ?? randomBytes(16).toString('base64');
		const id = options.meetingId ?? this.seedMeeting().id;
		const files = (options.files ?? [{ type: 'MP4' }]).map((f, i) => {
			const fileId = `${hex(4)}-${hex(2)}-${hex(2)}-${i}`;
			const bytes = f.bytes ?? Buffer.from(`${f.type} bytes of ${uuid} #${i}`);
			const mimeType = f.type === 'MP4' ? 'video/mp4' : f.type === 'M4A' ? 'audio/mp4' : f.type === 'TRANSCRIPT' ? 'text/vtt' : 'text/plain';
			this.fileContents.set(fileId, { bytes, mimeType, fileName: f.fileName });
			const file: ZoomRecordingFile = {
				id: fileId,
				meeting_id: uuid,
				recording_start: options.startTime,
				recording_end: options.startTime,
				file_type: f.type,
				file_extension: f.type === 'TRANSCRIPT' ? 'VTT' : f.type,
				file_size: bytes.length,
				play_url: `${this.web.url}/rec/play/${fileId}`,
				download_url: `${this.web.url}/rec/download/${fileId}`,
				status: 'completed',
				recording_type: f.recordingType ?? (f.type === 'M4A' ? 'audio_only' : f.type === 'TRANSCRIPT' ? 'audio_transcript' : 'shared_screen_with_speaker_view'),
			};
			return file;
		});
		const recording: ZoomRecording = {
			uuid,
			id,
			account_id: this.accountId,
			host_id: options.hostId ?? this.owner.id,
			topic: options.topic ?? `Recorded ${id}`,
			type: 2,
			start_time: options.startTime,
			timezone: 'Asia/Tokyo',
			duration: 30,
			total_size: files.reduce((s, f) => s + f.file_size, 0),
			recording_count: files.length,
			share_url: `https://us06web.zoom.us/rec/share/${hex(12)}`,
			recording_files: files,
		};
		this.recordings.push(recording);
		return recording;
	}

	// ---- OAuth ---------------------------------------------------------------------------------

	private basicClient(req: SimRequest): 'oauth' | 's2s' | undefined {
		const header = String(req.headers.authorization ?? '');
		const m = /^Basic\s+(.+)$/i.exec(header);
		if (!m) return undefined;
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		if (decoded === `${this.clientId}:${this.clientSecret}`) return 'oauth';
		if (decoded === `${this.s2sClientId}:${this.s2sClientSecret}`) return 's2s';
		return undefined;
	}

	private token(req: SimRequest): SimResponse {
		const app = this.basicClient(req);
		if (!app) return { status: 401, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } };
		const form = req.form ?? {};
		const grant = req.query.grant_type ?? form.grant_type;
		if (grant === 'refresh_token') {
			if (app !== 'oauth') return { status: 400, body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' } };
			const refresh = form.refresh_token ?? req.query.refresh_token;
			if (!refresh || !this.refreshTokens.has(refresh)) {
				return { status: 400, body: { reason: 'Invalid Token!', error: 'invalid_request' } };
			}
			// rotation: the old refresh token stops working
			this.refreshTokens.delete(refresh);
			this.usedRefreshTokens.add(refresh);
			return { status: 200, body: this.issueOAuthTokens() };
		}
		if (grant === 'account_credentials') {
			if (app !== 's2s') return { status: 400, body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' } };
			const account = req.query.account_id ?? form.account_id;
			if (account !== this.accountId) return { status: 400, body: { reason: 'Invalid account_id', error: 'invalid_request' } };
			const access = `zs2s_${hex(16)}`;
			this.accessTokens.set(access, { expiresAt: this.now() + 3600_000, app: 's2s', appOwned: true });
			return {
				status: 200,
				body: { access_token: access, token_type: 'bearer', expires_in: 3600, scope: 'meeting:read:admin meeting:write:admin user:read:admin', api_url: 'https://api.zoom.us' },
			};
		}
		if (grant === 'client_credentials') {
			if (app !== 'oauth') return { status: 400, body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' } };
			const access = `zcc_${hex(16)}`;
			this.accessTokens.set(access, { expiresAt: this.now() + 3600_000, app: 'oauth', appOwned: true });
			return { status: 200, body: { access_token: access, token_type: 'bearer', expires_in: 3600, scope: [...this.appScopes.oauth].join(' ') } };
		}
		return { status: 400, body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' } };
	}

	private bearer(req: SimRequest): SimResponse | undefined {
		const header = String(req.headers.authorization ?? '');
		const m = /^Bearer\s+(\S+)$/.exec(header);
		const token = m ? this.accessTokens.get(m[1]) : undefined;
		if (!token) return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
		if (token.expiresAt <= this.now()) return { status: 401, body: { code: 124, message: 'Access token is expired.' } };
		return undefined;
	}

	private authed(req: SimRequest, handler: () => SimResponse): SimResponse {
		return this.bearer(req) ?? handler();
	}

	// ---- pagination ----------------------------------------------------------------------------

	private page<T>(req: SimRequest, scope: string, all: T[], key: string): SimResponse {
		const sizeText = req.query.page_size ?? '30';
		const size = Number(sizeText);
		if (!/^\d+$/.test(sizeText) || size < 1 || size > 300) return invalid('Invalid field: page_size (1 to 300).');
		let offset = 0;
		const token = req.query.next_page_token;
		if (token) {
			const known = this.pages.get(token);
			if (!known || known.scope !== scope) return invalid('Invalid next_page_token.');
			offset = known.offset;
		}
		const slice = all.slice(offset, offset + size);
		let next = '';
		if (offset + size < all.length) {
			next = hex(12);
			this.pages.set(next, { scope, offset: offset + size });
		}
		return {
			status: 200,
			body: { page_size: size, total_records: all.length, next_page_token: next, [key]: slice },
		};
	}

	// ---- event subscriptions (app-owned) --------------------------------------------------------

	private appOwned(req: SimRequest, handler: (app: 'oauth' | 's2s') => SimResponse | Promise<SimResponse>): SimResponse | Promise<SimResponse> {
		const denied = this.bearer(req);
		if (denied) return denied;
		const token = this.accessTokens.get(String(req.headers.authorization).replace(/^Bearer\s+/, ''))!;
		if (!token.appOwned) {
			return { status: 403, body: { code: 403, message: 'Event subscriptions are app-owned: use a client credentials or Server-to-Server OAuth token.' } };
		}
		return handler(token.app);
	}

	private subscriptionOf(id: string, app: 'oauth' | 's2s'): ZoomEventSubscription | undefined {
		const found = this.eventSubscriptions.get(id);
		return found && found.app === app ? found : undefined;
	}

	private unknownUser(ids: unknown): SimResponse | undefined {
		if (ids === undefined) return undefined;
		if (!Array.isArray(ids) || ids.length > 10 || ids.some((id) => typeof id !== 'string')) return invalid('Invalid field: user_ids (10 at most).');
		const missing = ids.find((id) => !this.users.some((u) => u.id === id));
		return missing ? { status: 404, body: { code: 1001, message: `User does not exist or does not belong to this account: ${missing}.` } } : undefined;
	}

	private async createSubscription(req: SimRequest, app: 'oauth' | 's2s'): Promise<SimResponse> {
		const body = this.jsonBody(req);
		if (!body) return invalid('Request Body should be a valid JSON object.');
		if (!Array.isArray(body.events) || body.events.length === 0) return { status: 400, body: { code: 1500, message: 'The events list is empty.' } };
		if (typeof body.event_webhook_url !== 'string' || !body.event_webhook_url) return { status: 400, body: { code: 1500, message: 'The event webhook url is empty.' } };
		if (!['user', 'account', 'master_account'].includes(body.subscription_scope)) return { status: 400, body: { code: 1500, message: 'The subscription scope is invalid.' } };
		if (body.account_id !== undefined && body.account_id !== this.accountId) return { status: 404, body: { code: 1001, message: `Account does not exist: ${String(body.account_id)}.` } };
		const userError = this.unknownUser(body.user_ids);
		if (userError) return userError;
		for (const event of body.events as unknown[]) {
			const scope = typeof event === 'string' ? eventScope(event) : undefined;
			if (!scope) return { status: 404, body: { code: 1601, message: `App event not exists: ${String(event)}` } };
			if (!this.appScopes[app].has(scope)) return { status: 400, body: { code: 1602, message: `The event is not allowed for the app: ${String(event)}` } };
		}
		// Zoom validates the endpoint before it keeps the subscription
		const sender = new ZoomWebhookSender(this.webhookSecretToken, body.event_webhook_url, this.accountId);
		let valid = false;
		try {
			valid = sender.checkValidation(await sender.validate()).valid;
		} catch {
			valid = false;
		}
		if (!valid) return { status: 404, body: { code: 1701, message: `The event webhook url validate failed: ${body.event_webhook_url}.` } };
		const id = randomBytes(16).toString('base64url').slice(0, 22);
		this.eventSubscriptions.set(id, {
			event_subscription_id: id,
			events: [...(body.events as string[])],
			event_subscription_name: typeof body.event_subscription_name === 'string' ? body.event_subscription_name : undefined,
			event_webhook_url: body.event_webhook_url,
			subscription_scope: body.subscription_scope,
			created_source: 'openapi',
			account_id: this.accountId,
			app,
			accountSubscribed: false,
			userIds: new Set(),
		});
		return { status: 201, body: { event_subscription_id: id } };
	}

	private subscribe(req: SimRequest, app: 'oauth' | 's2s'): SimResponse {
		const subscription = this.subscriptionOf(req.params.id, app);
		if (!subscription) return { status: 404, body: { code: 1601, message: `App event subscription is invalid: ${req.params.id}` } };
		const body = this.jsonBody(req);
		if (!body || typeof body.account_id !== 'string') return invalid('Invalid field: account_id.');
		if (body.account_id !== this.accountId) return { status: 404, body: { code: 1001, message: `User does not exist or does not belong to this account: ${body.account_id}.` } };
		const userError = this.unknownUser(body.user_ids);
		if (userError) return userError;
		const userIds = (body.user_ids as string[] | undefined) ?? [];
		if (userIds.length) for (const id of userIds) subscription.userIds.add(id);
		else subscription.accountSubscribed = true;
		return { status: 204 };
	}

	private listSubscriptions(req: SimRequest, app: 'oauth' | 's2s'): SimResponse {
		if (!req.query.account_id) return invalid('Invalid field: account_id.');
		if (!req.query.user_id) return invalid('Invalid field: user_id.');
		const scope = req.query.subscription_scope;
		if (scope !== undefined && !['user', 'account', 'master_account'].includes(scope)) return { status: 400, body: { code: 1500, message: 'The subscription scope is invalid.' } };
		if (req.query.account_id !== this.accountId) return { status: 404, body: { code: 1001, message: 'User does not exist or does not belong to this account.' } };
		const user = this.findUser(req.query.user_id);
		if (!user) return { status: 404, body: { code: 1001, message: 'User does not exist or does not belong to this account.' } };
		const list = [...this.eventSubscriptions.values()]
			.filter((s) => s.app === app && (!scope || s.subscription_scope === scope))
			.filter((s) => s.subscription_scope !== 'user' || s.userIds.has(user.id))
			.map(({ app: _app, accountSubscribed: _account, userIds: _users, account_id: _accountId, ...visible }) => visible);
		const answer = this.page(req, `subscriptions:${app}:${user.id}:${scope ?? ''}`, list, 'event_subscriptions');
		if (answer.status !== 200) return answer;
		const { total_records: _total, ...rest } = answer.body as Record<string, unknown>;
		return { ...answer, body: rest };
	}

	private deleteSubscription(req: SimRequest, app: 'oauth' | 's2s'): SimResponse {
		if (!this.subscriptionOf(req.params.id, app)) return { status: 404, body: { code: 1601, message: `App event subscription is invalid: ${req.params.id}` } };
		this.eventSubscriptions.delete(req.params.id);
		return { status: 204 };
	}

	/**
	 * Something happened in the account: Zoom sends the event to every subscription that includes it
	 * and that the account (or the user the event is about) is subscribed to.
	 */
	async deliverEvent(event: string, object: Record<string, unknown>, userId = this.owner.id): Promise<Delivery[]> {
		const deliveries: Delivery[] = [];
		for (const subscription of this.eventSubscriptions.values()) {
			if (!subscription.events.includes(event)) continue;
			if (!subscription.accountSubscribed && !subscription.userIds.has(userId)) continue;
			const sender = new ZoomWebhookSender(this.webhookSecretToken, subscription.event_webhook_url, this.accountId);
			deliveries.push(await sender.sendEvent(event, object));
		}
		return deliveries;
	}

	// ---- users ---------------------------------------------------------------------------------

	private findUser(idOrEmail: string): ZoomUser | undefined {
		if (idOrEmail === 'me') return this.owner;
		const lower = idOrEmail.toLowerCase();
		return this.users.find((u) => u.id === idOrEmail || u.email.toLowerCase() === lower);
	}

	private noUser(id: string): SimResponse {
		return { status: 404, body: { code: 1001, message: `User does not exist: ${id}.` } };
	}

	private getUser(req: SimRequest): SimResponse {
		const user = this.findUser(req.params.userId);
		return user ? { status: 200, body: user } : this.noUser(req.params.userId);
	}

	private listUsers(req: SimRequest): SimResponse {
		const status = req.query.status ?? 'active';
		if (!['active', 'inactive', 'pending'].includes(status)) return invalid('Invalid field: status.');
		const list = this.users.filter((u) => u.status === status && (!req.query.role_id || u.role_id === req.query.role_id));
		return this.page(req, `users:${status}:${req.query.role_id ?? ''}`, list, 'users');
	}

	// ---- meetings ------------------------------------------------------------------------------

	/** Zoom's validation of a meeting body; returns an error answer or undefined. */
	private checkMeetingBody(body: Record<string, any>): SimResponse | undefined {
		if (body.topic !== undefined && (typeof body.topic !== 'string' || body.topic.length > 200)) return invalid('Invalid field: topic.');
		if (body.type !== undefined && ![1, 2, 3, 8].includes(body.type)) return invalid('Invalid field: type.');
		if (body.start_time !== undefined && (typeof body.start_time !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/.test(body.start_time))) {
			return invalid(`Invalid field: start_time ${JSON.stringify(body.start_time)}.`);
		}
		if (body.timezone !== undefined && (typeof body.timezone !== 'string' || !validZone(body.timezone))) return invalid('Invalid field: timezone.');
		if (body.duration !== undefined && !Number.isInteger(body.duration)) return invalid('Invalid field: duration.');
		if (body.password !== undefined && (typeof body.password !== 'string' || !/^[A-Za-z0-9@_*-]{1,10}$/.test(body.password))) {
			return invalid('Invalid password.');
		}
		if (body.agenda !== undefined && (typeof body.agenda !== 'string' || body.agenda.length > 2000)) return invalid('Invalid field: agenda.');
		if (body.pre_schedule !== undefined && typeof body.pre_schedule !== 'boolean') return invalid('Invalid field: pre_schedule.');
		const s = body.settings;
		if (s !== undefined) {
			if (typeof s !== 'object' || s === null) return invalid('Invalid field: settings.');
			for (const key of BOOLEAN_SETTINGS) {
				if (s[key] !== undefined && typeof s[key] !== 'boolean') return invalid(`Invalid field: settings.${key}.`);
			}
			if (s.approval_type !== undefined && ![0, 1, 2].includes(s.approval_type)) return invalid('Invalid field: settings.approval_type.');
			if (s.registration_type !== undefined && ![1, 2, 3].includes(s.registration_type)) return invalid('Invalid field: settings.registration_type.');
			if (s.audio !== undefined && !['voip', 'telephony', 'both', 'thirdParty'].includes(s.audio)) return invalid('Invalid field: settings.audio.');
			if (s.auto_recording !== undefined && !['none', 'local', 'cloud'].includes(s.auto_recording)) return invalid('Invalid field: settings.auto_recording.');
			if (s.encryption_type !== undefined && !['enhanced_encryption', 'e2ee'].includes(s.encryption_type)) return invalid('Invalid field: settings.encryption_type.');
			if (s.alternative_hosts !== undefined && typeof s.alternative_hosts !== 'string') return invalid('Invalid field: settings.alternative_hosts.');
			const sli = s.sign_language_interpretation;
			if (sli !== undefined && (typeof sli !== 'object' || typeof sli.enable !== 'boolean')) return invalid('Invalid field: settings.sign_language_interpretation.');
		}
		const r = body.recurrence;
		if (r !== undefined) {
			if (typeof r !== 'object' || r === null || ![1, 2, 3].includes(r.type)) return invalid('Invalid field: recurrence.type.');
			if (r.weekly_days !== undefined && (typeof r.weekly_days !== 'string' || !/^[1-7](,[1-7])*$/.test(r.weekly_days))) return invalid('Invalid field: recurrence.weekly_days.');
			if (r.end_date_time !== undefined && (typeof r.end_date_time !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.end_date_time))) {
				return invalid('Invalid field: recurrence.end_date_time.');
			}
		}
		return undefined;
	}

	private jsonBody(req: SimRequest): Record<string, any> | undefined {
		if (!String(req.headers['content-type'] ?? '').includes('application/json')) return undefined;
		return req.json && typeof req.json === 'object' && !Array.isArray(req.json) ? (req.json as Record<string, any>) : undefined;
	}

	private applyMeetingBody(meeting: ZoomMeeting, request: Record<string, any>, hostZone: string, operation: 'create' | 'update') {
		// fields that are not request fields of this operation are ignored, as Zoom does
		const body = Object.fromEntries(Object.entries(request).filter(([key]) => REQUEST_FIELDS[operation].includes(key)));
		for (const key of ['topic', 'type', 'duration', 'timezone', 'agenda', 'password', 'pre_schedule'] as const) {
			if (body[key] !== undefined) (meeting as unknown as Record<string, unknown>)[key] = body[key];
		}
		if (body.start_time !== undefined) meeting.start_time = zoomUtc(body.start_time, body.timezone ?? meeting.timezone ?? hostZone);
		if (body.settings) {
			const taken = Object.entries(body.settings as Record<string, unknown>).filter(([key]) => REQUEST_SETTINGS[operation].has(key));
			const { sign_language_interpretation: sli, ...rest } = Object.fromEntries(taken);
			meeting.settings = { ...meeting.settings, ...rest };
			if (sli) meeting.settings.sign_language_interpretation = { ...(meeting.settings.sign_language_interpretation as object), ...(sli as object) };
		}
		if (body.recurrence) meeting.recurrence = { ...(meeting.recurrence ?? {}), ...body.recurrence };
		meeting.registration_url = [0, 1].includes(meeting.settings.approval_type as number)
			? `https://us06web.zoom.us/meeting/register/${hex(8)}`
			: undefined;
	}

	private createMeeting(req: SimRequest): SimResponse {
		const host = this.findUser(req.params.userId);
		if (!host) return this.noUser(req.params.userId);
		const body = this.jsonBody(req);
		if (!body) return invalid('Request Body should be a valid JSON object.');
		const error = this.checkMeetingBody(body);
		if (error) return error;
		const meeting = this.seedMeeting({
			host_id: host.id,
			host_email: host.email,
			topic: 'Zoom Meeting',
			type: 2,
			start_time: undefined,
			duration: undefined,
			timezone: host.timezone,
			settings: { ...DEFAULT_SETTINGS, sign_language_interpretation: { enable: true } },
		});
		if (body.start_time === undefined && (body.type ?? 2) !== 1) meeting.start_time = `${new Date(this.now()).toISOString().slice(0, 19)}Z`;
		this.applyMeetingBody(meeting, body, host.timezone, 'create');
		if (meeting.type === 1 || meeting.type === 3) delete meeting.start_time;
		return { status: 201, body: meeting };
	}

	private meetingFromPath(req: SimRequest): ZoomMeeting | SimResponse {
		const raw = req.params.meetingId;
		if (!/^\d+$/.test(raw)) return { status: 404, body: { code: 3001, message: `Meeting does not exist: ${raw}.` } };
		const meeting = this.meetings.get(Number(raw));
		return meeting ?? { status: 404, body: { code: 3001, message: `Meeting does not exist: ${raw}.` } };
	}

	private getMeeting(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		return { status: 200, body: meeting };
	}

	private updateMeeting(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		const body = this.jsonBody(req);
		if (!body) return invalid('Request Body should be a valid JSON object.');
		const error = this.checkMeetingBody(body);
		if (error) return error;
		const host = this.findUser(meeting.host_id);
		this.applyMeetingBody(meeting, body, host?.timezone ?? 'UTC', 'update');
		return { status: 204 };
	}

	private deleteMeeting(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		this.meetings.delete(meeting.id);
		return { status: 204 };
	}

	private meetingStatus(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		const body = this.jsonBody(req);
		if (!body || !['end', 'recover'].includes(body.action)) return invalid('Invalid field: action.');
		if (body.action === 'end') meeting.status = 'finished';
		return { status: 204 };
	}

	private listMeetings(req: SimRequest): SimResponse {
		const host = this.findUser(req.params.userId);
		if (!host) return this.noUser(req.params.userId);
		const type = req.query.type ?? 'scheduled';
		const now = new Date(this.now()).toISOString();
		const filters: Record<string, (m: ZoomMeeting) => boolean> = {
			scheduled: (m) => m.type !== 1,
			live: (m) => m.status === 'started',
			upcoming: (m) => m.status === 'started' || (m.start_time ?? '') >= now,
			upcoming_meetings: (m) => (m.start_time ?? '') >= now,
			previous_meetings: (m) => (m.start_time ?? '9') < now,
		};
		if (!filters[type]) return invalid('Invalid field: type.');
		const list = [...this.meetings.values()]
			.filter((m) => m.host_id === host.id && filters[type](m))
			.map(({ uuid, id, host_id, topic, type: t, start_time, duration, timezone, agenda, created_at, join_url }) => ({
				uuid, id, host_id, topic, type: t, start_time, duration, timezone, agenda, created_at, join_url,
			}));
		return this.page(req, `meetings:${host.id}:${type}`, list, 'meetings');
	}

	// ---- registrants ---------------------------------------------------------------------------

	private addRegistrant(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		const body = this.jsonBody(req);
		if (!body) return invalid('Request Body should be a valid JSON object.');
		if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) return invalid('Invalid field: email.');
		if (typeof body.first_name !== 'string' || body.first_name.trim() === '') return invalid('Invalid field: first_name.');
		const list = this.registrants.get(meeting.id) ?? [];
		this.registrants.set(meeting.id, list);
		let registrant = list.find((r) => r.email.toLowerCase() === body.email.toLowerCase());
		if (!registrant) {
			registrant = {
				...body,
				id: hex(8),
				email: body.email,
				first_name: body.first_name,
				status: meeting.settings.approval_type === 1 ? 'pending' : 'approved',
				create_time: new Date(this.now()).toISOString().slice(0, 19) + 'Z',
				join_url: `https://us06web.zoom.us/w/${meeting.id}?tk=${hex(10)}`,
			};
			list.push(registrant);
		}
		return {
			status: 201,
			body: {
				id: meeting.id,
				join_url: registrant.join_url,
				registrant_id: registrant.id,
				start_time: meeting.start_time,
				topic: meeting.topic,
				occurrences: [],
			},
		};
	}

	private listRegistrants(req: SimRequest): SimResponse {
		const meeting = this.meetingFromPath(req);
		if (!('uuid' in meeting)) return meeting;
		const status = req.query.status ?? 'approved';
		if (!['approved', 'pending', 'denied'].includes(status)) return invalid('Invalid field: status.');
		const list = (this.registrants.get(meeting.id) ?? []).filter((r) => r.status === status);
		return this.page(req, `registrants:${meeting.id}:${status}`, list, 'registrants');
	}

	// ---- cloud recordings ----------------------------------------------------------------------

	/** The meeting ID or UUID of a recordings path, as Zoom reads it (UUIDs with "/" must arrive double-encoded). */
	private recordingFromPath(req: SimRequest): ZoomRecording | SimResponse {
		const rawSegment = req.path.split('/')[3] ?? '';
		const notFound: SimResponse = { status: 404, body: { code: 3301, message: 'This recording does not exist.' } };
		// a "/" encoded only once is decoded by Zoom's router before routing: the request misses
		if (/%2F/i.test(rawSegment)) return notFound;
		let id = req.params.meetingId;
		if (/%[0-9A-F]{2}/i.test(id)) id = decodeURIComponent(id);
		const live = this.recordings.filter((r) => !r.trashed);
		const found = /^\d+$/.test(id)
			? live.filter((r) => r.id === Number(id)).sort((a, b) => b.start_time.localeCompare(a.start_time))[0]
			: live.find((r) => r.uuid === id);
		return found ?? notFound;
	}

	private getRecordings(req: SimRequest): SimResponse {
		const recording = this.recordingFromPath(req);
		if (!('uuid' in recording)) return recording;
		const { trashed: _trashed, ...visible } = recording;
		return { status: 200, body: visible };
	}

	private deleteRecordings(req: SimRequest): SimResponse {
		const recording = this.recordingFromPath(req);
		if (!('uuid' in recording)) return recording;
		const action = req.query.action ?? 'trash';
		if (!['trash', 'delete'].includes(action)) return invalid('Invalid field: action.');
		if (action === 'trash') recording.trashed = true;
		else this.recordings.splice(this.recordings.indexOf(recording), 1);
		return { status: 204 };
	}

	/**
	 * `GET /users/{userId}/recordings`, as Zoom's API reference (List all recordings) describes it:
	 * `from` and `to` are `yyyy-mm-dd` (UTC) dates; without `from` the range is today to tomorrow;
	 * "the maximum range can be a month"; trash files cannot be filtered by date range, so a trash
	 * listing ignores `from` and `to`. What Zoom does with a longer range is not documented: see
	 * `recordingRangeOverflow`. The answer carries the range it covered.
	 */
	private listRecordings(req: SimRequest): SimResponse {
		const host = this.findUser(req.params.userId);
		if (!host) return this.noUser(req.params.userId);
		const date = /^\d{4}-\d{2}-\d{2}$/;
		const today = new Date(this.now()).toISOString().slice(0, 10);
		let from = req.query.from ?? today;
		if (!date.test(from)) return invalid('Invalid field: from.');
		let to = req.query.to ?? addDays(from, 1);
		if (!date.test(to)) return invalid('Invalid field: to.');
		const trash = req.query.trash === 'true';
		if (!trash && to > addOneMonth(from)) {
			if (this.recordingRangeOverflow === 'error') return invalid('The maximum date range is one month.');
			if (this.recordingRangeOverflow === 'keepTo') from = subtractOneMonth(to);
			else to = addOneMonth(from);
		}
		const list = this.recordings
			.filter((r) => r.host_id === host.id && Boolean(r.trashed) === trash)
			.filter((r) => trash || (r.start_time.slice(0, 10) >= from && r.start_time.slice(0, 10) <= to))
			.sort((a, b) => b.start_time.localeCompare(a.start_time))
			.map(({ trashed: _trashed, ...visible }) => visible);
		const answer = this.page(req, `recordings:${host.id}:${from}:${to}:${trash}`, list, 'meetings');
		return answer.status === 200 ? { ...answer, body: { from, to, ...(answer.body as object) } } : answer;
	}

	private download(req: SimRequest): SimResponse {
		const denied = this.bearer(req);
		if (denied) return denied;
		const file = this.fileContents.get(req.params.fileId);
		if (!file) return { status: 404, body: { code: 3301, message: 'This recording does not exist.' } };
		return { status: 302, headers: { Location: `${this.cdn.url}/rec/file/${req.params.fileId}?sig=${hex(8)}` } };
	}

	private serveFile(req: SimRequest): SimResponse {
		const file = this.fileContents.get(req.params.fileId);
		if (!file || !req.query.sig) return { status: 403, raw: 'AccessDenied', headers: { 'Content-Type': 'text/plain' } };
		return {
			status: 200,
			raw: file.bytes,
			headers: {
				'Content-Type': file.mimeType,
				'Content-Length': String(file.bytes.length),
				...(file.fileName ? { 'Content-Disposition': `attachment; filename="${file.fileName}"` } : {}),
			},
		};
	}
}
