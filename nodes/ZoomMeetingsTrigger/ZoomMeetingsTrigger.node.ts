/* eslint-disable @n8n/community-nodes/webhook-lifecycle-complete -- Zoom event subscriptions are created in the Zoom App Marketplace, not through an API: there is no webhook to create, check or delete from n8n. */
import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { eventOptions, isSelected, selectedEvents, URL_VALIDATION_EVENT } from './shared/events';
import { rememberOnce } from './shared/replayGuard';
import { encryptPlainToken, verifySignedRequest } from './shared/signature';

const CREDENTIAL = 'zoomMeetingsWebhookApi';

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
		credentials: [{ name: 'zoomMeetingsWebhookApi', required: true, testedBy: 'zoomMeetingsWebhookSecretTokenTest' }],
		// answered as soon as the workflow starts, with an empty 200 (Zoom wants a 2xx within 3 seconds)
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'zoom' }],
		properties: [
			{
				displayName:
					'In the Zoom App Marketplace, open your app → Features → Event Subscriptions, paste this node’s Production URL as the Event notification endpoint URL, press Validate (the workflow must be active) and subscribe to the same events as below',
				name: 'setupNotice',
				type: 'notice',
				default: '',
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
