import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { eventOptions, isSelected, selectedEvents, URL_VALIDATION_EVENT } from './shared/events';
import { rememberOnce } from './shared/replayGuard';
import { encryptPlainToken, MAX_BODY_BYTES, MAX_PLAIN_TOKEN_LENGTH, verifySignedRequest } from './shared/signature';
import {
	CLIENT_CREDENTIALS_CREDENTIAL,
	createSubscription,
	deleteSubscription,
	SERVER_TO_SERVER_CREDENTIAL,
	subscriptionExists,
} from './shared/subscription';

const CREDENTIAL = 'zoomMeetingsWebhookApi';

/** Whether this node registers its own subscription through Zoom's API. */
function isAutomatic(this: IHookFunctions): boolean {
	return this.getNodeParameter('subscription', 'manual') === 'automatic';
}

const automatic = { subscription: ['automatic'] };

/** Answers the request itself with a short JSON reason; no workflow run starts. */
function refuse(this: IWebhookFunctions, status: number, code: string, message: string): IWebhookResponseData {
	const response = this.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ code, message }));
	this.logger.warn(`Zoom Meetings Trigger refused a request (${status} ${code}): ${message}`, {
		workflowId: this.getWorkflow().id,
		node: this.getNode().name,
	});
	return { noWebhookResponse: true };
}

/** The bytes Zoom signed: the raw body n8n keeps on the request (a re-serialised body only when it is missing). */
function rawBodyOf(this: IWebhookFunctions): Buffer {
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.from(JSON.stringify(this.getBodyData()), 'utf8');
}

function parseEvent(raw: Buffer): IDataObject | undefined {
	try {
		const parsed = JSON.parse(raw.toString('utf8')) as unknown;
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

export class ZoomMeetingsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Meetings Trigger',
		name: 'zoomMeetingsTrigger',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Zoom sends a signed meeting, participant or recording event',
		defaults: { name: 'Zoom Meetings Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'zoomMeetingsWebhookApi', required: true, testedBy: 'zoomMeetingsWebhookSecretTokenTest' },
			{
				name: SERVER_TO_SERVER_CREDENTIAL,
				required: true,
				displayOptions: { show: { ...automatic, authentication: ['serverToServer'] } },
			},
			{
				name: CLIENT_CREDENTIALS_CREDENTIAL,
				required: true,
				displayOptions: { show: { ...automatic, authentication: ['clientCredentials'] } },
			},
		],
		// answered as soon as the workflow starts, with an empty 200 (Zoom wants a 2xx within 3 seconds)
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'zoom' }],
		properties: [
			{
				displayName: 'Subscription',
				name: 'subscription',
				type: 'options',
				options: [
					{
						name: 'Register Automatically',
						value: 'automatic',
						description:
							'On activation the node creates the app’s event subscription for the events below, pointing at this workflow, and deletes it on deactivation',
					},
					{
						name: 'Set Up in the Zoom App Marketplace',
						value: 'manual',
						description: 'You paste this node’s Production URL into the app’s event subscription yourself',
					},
				],
				default: 'manual',
			},
			{
				displayName:
					'In the Zoom App Marketplace, open your app → Features → Access → Event Subscriptions, paste this node’s Production URL as the Event notification endpoint URL, press Validate (the workflow must be active) and subscribe to the same events as below. Nothing is created or deleted from n8n in this mode.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { subscription: ['manual'] } },
			},
			{
				displayName:
					'The app needs the scopes of the chosen events (selected in its build flow); Zoom validates the URL when the workflow is activated, so n8n must be reachable from Zoom over HTTPS',
				name: 'automaticNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: automatic },
			},
			{
				displayName: 'App Type',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Server-to-Server OAuth App', value: 'serverToServer' },
					{ name: 'General App (Client Credentials)', value: 'clientCredentials' },
				],
				default: 'serverToServer',
				description: 'Event subscriptions belong to the app: Zoom takes only the app’s own token for them, never a user’s OAuth token',
				displayOptions: { show: automatic },
			},
			{
				displayName: 'Subscribers',
				name: 'subscribers',
				type: 'options',
				options: [
					{ name: 'Whole Account', value: 'account', description: 'Events of every user in the credential’s account' },
					{ name: 'Chosen Users', value: 'users', description: 'Events of up to 10 users of the account' },
				],
				default: 'account',
				displayOptions: { show: automatic },
			},
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. KDcuGIm1QgePTO8WbOqwIQ, x1yCzABCDEfg23HiJKl4mN',
				description: 'Comma-separated Zoom user IDs (10 at most) whose events start the workflow',
				displayOptions: { show: { ...automatic, subscribers: ['users'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: eventOptions,
				default: [],
				description:
					'The events that start the workflow. Other events Zoom sends are acknowledged (HTTP 200) without starting it.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Full Event',
						value: 'full',
						description: 'The whole notification: event, event_ts and payload (account_id, object…)',
					},
					{
						name: 'Payload Object Only',
						value: 'payloadObject',
						description: 'Only payload.object: the meeting, participant or recording the event is about',
					},
				],
				default: 'full',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Additional Event Names',
						name: 'additionalEvents',
						type: 'string',
						default: '',
						placeholder: 'e.g. meeting.participant_put_in_waiting_room, phone.callee_ended',
						description:
							'Comma-separated Zoom event names that are not in the Events list and should also start the workflow',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** Automatic: Zoom still lists the stored subscription. Manual: the subscription lives in the app, so it exists. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isAutomatic.call(this) ? await subscriptionExists.call(this) : true;
			},
			/** Automatic: finds or creates the subscription and subscribes the account or users. Manual: nothing to create. */
			async create(this: IHookFunctions): Promise<boolean> {
				return isAutomatic.call(this) ? await createSubscription.call(this) : true;
			},
			/** Automatic: deletes the stored subscription. Manual: nothing to delete (it stays in the app). */
			async delete(this: IHookFunctions): Promise<boolean> {
				return isAutomatic.call(this) ? await deleteSubscription.call(this) : true;
			},
		},
	};

	methods = {
		credentialTest: {
			/** Checks the token locally: Zoom has no API call that verifies a webhook Secret Token. */
			async zoomMeetingsWebhookSecretTokenTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const token = String(credential.data?.secretToken ?? '').trim();
				if (!token) return { status: 'Error', message: 'The Secret Token is empty' };
				if (!/^[\x21-\x7e]+$/.test(token)) {
					return { status: 'Error', message: 'The Secret Token contains spaces or characters Zoom does not use; copy it again from the app’s Features page' };
				}
				if (token.length < 16) {
					return { status: 'Error', message: `The Secret Token is ${token.length} characters long; Zoom’s are 22. Copy it again from the app’s Features page` };
				}
				return {
					status: 'OK',
					message: 'The Secret Token has Zoom’s format. Zoom checks it itself when you press Validate on the event subscription.',
				};
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials<{ secretToken?: string }>(CREDENTIAL);
		const secretToken = String(credentials.secretToken ?? '').trim();
		if (!secretToken) {
			return refuse.call(this, 500, 'not_configured', 'The trigger’s credential has no Secret Token');
		}

		const raw = rawBodyOf.call(this);
		if (raw.length > MAX_BODY_BYTES) {
			return refuse.call(this, 413, 'body_too_large', `The body is ${raw.length} bytes; Zoom events are at most ${MAX_BODY_BYTES} bytes here`);
		}
		const now = Date.now();
		const verdict = verifySignedRequest(secretToken, this.getHeaderData(), raw, now);
		if (verdict.ok === false) return refuse.call(this, verdict.status, verdict.code, verdict.message);

		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().id ?? this.getNode().name}`;
		if (!rememberOnce(scope, verdict.replayKey, verdict.timestampMs, now)) {
			return refuse.call(this, 401, 'replayed_request', 'This signed request was already received');
		}

		const body = parseEvent(raw);
		const event = body?.event;
		if (!body || typeof event !== 'string' || !event) {
			return refuse.call(this, 400, 'not_an_event', 'The body is not a Zoom event (no "event" name)');
		}

		if (event === URL_VALIDATION_EVENT) {
			const plainToken = (body.payload as IDataObject | undefined)?.plainToken;
			if (typeof plainToken !== 'string' || !plainToken) {
				return refuse.call(this, 400, 'missing_plain_token', 'The url_validation event has no payload.plainToken');
			}
			if (plainToken.length > MAX_PLAIN_TOKEN_LENGTH) {
				return refuse.call(
					this,
					400,
					'plain_token_too_long',
					`payload.plainToken is ${plainToken.length} characters long; Zoom's are short, at most ${MAX_PLAIN_TOKEN_LENGTH} are answered`,
				);
			}
			return { webhookResponse: { plainToken, encryptedToken: encryptPlainToken(secretToken, plainToken) } };
		}

		const picked = this.getNodeParameter('events', []) as string[];
		const options = this.getNodeParameter('options', {}) as { additionalEvents?: string };
		if (!isSelected(selectedEvents(picked, options.additionalEvents ?? ''), event)) {
			return { webhookResponse: { message: `Event ${event} received; it does not start this workflow` } };
		}

		let json: IDataObject = body;
		if (this.getNodeParameter('output', 'full') === 'payloadObject') {
			const payload = body.payload as IDataObject | undefined;
			const object = payload?.object;
			json = object !== null && typeof object === 'object' && !Array.isArray(object) ? (object as IDataObject) : (payload ?? {});
		}
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
