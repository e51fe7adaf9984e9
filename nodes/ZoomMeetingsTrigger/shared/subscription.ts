/**
 * The trigger's own event subscription, registered through Zoom's event-subscription endpoints
 * (Marketplace API, app-owned: they take the app's client-credentials or Server-to-Server token,
 * never a user's OAuth token):
 * - `POST   /marketplace/app/event_subscription` {events, event_subscription_name, event_webhook_url,
 *   subscription_scope, account_id, user_ids} → 201 {event_subscription_id} (Zoom validates the URL
 *   with an `endpoint.url_validation` request before it answers);
 * - `PATCH  /marketplace/app/event_subscription/{id}` {account_id, user_ids} → 204: subscribes the
 *   account, or the given users (10 at most);
 * - `GET    /marketplace/app/event_subscription?account_id&user_id&subscription_scope` →
 *   {event_subscriptions: [{event_subscription_id, events, event_webhook_url, …}], next_page_token};
 * - `DELETE /marketplace/app/event_subscription/{id}` → 204 (404 with code 1601 once it is gone).
 */
import {
	NodeApiError,
	NodeOperationError,
	type JsonObject,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestMethods,
} from 'n8n-workflow';

import { ALL_EVENTS, selectedEvents } from './events';

export const SUBSCRIPTION_PATH = '/marketplace/app/event_subscription';
export const SERVER_TO_SERVER_CREDENTIAL = 'zoomMeetingsServerToServerApi';
export const CLIENT_CREDENTIALS_CREDENTIAL = 'zoomMeetingsClientCredentialsApi';
/** Zoom takes at most 10 user IDs per create or subscribe request. */
export const MAX_USERS = 10;
const MAX_LIST_PAGES = 20;

interface AppAccess {
	credentialType: string;
	apiBaseUrl: string;
	accountId: string;
}

interface Plan extends AppAccess {
	scope: 'account' | 'user';
	userIds: string[];
	events: string[];
	url: string;
	name: string;
}

interface ZoomSubscription {
	event_subscription_id?: string;
	events?: string[];
	event_webhook_url?: string;
}

interface ZoomAnswer {
	status: number;
	body: IDataObject;
}

function fail(this: IHookFunctions, message: string, description?: string): never {
	throw new NodeOperationError(this.getNode(), message, description ? { description } : {});
}

/** The app credential the node uses, and what it holds. */
async function appAccess(this: IHookFunctions): Promise<AppAccess> {
	const authentication = this.getNodeParameter('authentication', 'serverToServer') as string;
	const credentialType = authentication === 'clientCredentials' ? CLIENT_CREDENTIALS_CREDENTIAL : SERVER_TO_SERVER_CREDENTIAL;
	const credentials = await this.getCredentials(credentialType);
	// the credential's computed field: trailing slashes already dropped
	const apiBaseUrl = String(credentials.apiBaseUrl ?? '');
	if (!/^https?:\/\/[^/]/.test(apiBaseUrl)) fail.call(this, 'The Zoom app credential has no valid API Base URL');
	const accountId = String(credentials.accountId ?? '').trim();
	if (!accountId) fail.call(this, 'The Zoom app credential has no Account ID');
	return { credentialType, apiBaseUrl, accountId };
}

/** What to register, read from the node's parameters and the app credential; checked before any request. */
export async function subscriptionPlan(this: IHookFunctions): Promise<Plan> {
	const access = await appAccess.call(this);

	const subscribers = this.getNodeParameter('subscribers', 'account') as string;
	const userIds =
		subscribers === 'users'
			? [...new Set(String(this.getNodeParameter('userIds', '')).split(',').map((id) => id.trim()).filter(Boolean))]
			: [];
	if (subscribers === 'users' && (userIds.length === 0 || userIds.length > MAX_USERS)) {
		fail.call(this, `"User IDs" must list 1 to ${MAX_USERS} Zoom user IDs, comma-separated (it lists ${userIds.length})`);
	}

	const options = this.getNodeParameter('options', {}) as { additionalEvents?: string };
	const events = [...selectedEvents(this.getNodeParameter('events', []) as string[], options.additionalEvents ?? '')].sort();
	if (events.includes(ALL_EVENTS)) {
		fail.call(
			this,
			'"All Events" cannot be registered with Zoom automatically',
			'Pick the events in "Events" (or type them in "Additional Event Names"), or set "Subscription" to the manual setup in the Zoom App Marketplace',
		);
	}
	if (events.length === 0) fail.call(this, '"Events" is empty: pick the events to register with Zoom');

	const url = this.getNodeWebhookUrl('default') ?? fail.call(this, 'n8n gave no webhook URL for this node');
	const workflow = this.getWorkflow();
	const name = `n8n ${workflow.name ?? workflow.id ?? ''} / ${this.getNode().name}`.slice(0, 100);
	return { ...access, scope: subscribers === 'users' ? 'user' : 'account', userIds, events, url, name };
}

/** Zoom's answer to a request (status and body), including refusals; a refreshed token is used on 401. */
async function zoomRequest(
	this: IHookFunctions,
	plan: AppAccess,
	method: IHttpRequestMethods,
	path: string,
	request: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<ZoomAnswer> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, plan.credentialType, {
			method,
			url: `${plan.apiBaseUrl}${path}`,
			qs: request.qs,
			body: request.body,
			json: true,
			returnFullResponse: true,
			// the app's token goes with this request: never to the address of a redirect
			disableFollowRedirect: true,
		})) as { statusCode: number; body?: unknown };
		const body = response.body !== null && typeof response.body === 'object' ? (response.body as IDataObject) : {};
		return { status: response.statusCode, body };
	} catch (error) {
		const cause = (error as { cause?: { response?: { status?: number; data?: unknown } } }).cause;
		const status = Number(cause?.response?.status ?? (error as { httpCode?: string }).httpCode);
		if (!Number.isInteger(status) || status < 400) throw new NodeApiError(this.getNode(), error as JsonObject);
		const data = cause?.response?.data;
		return { status, body: data !== null && typeof data === 'object' ? (data as IDataObject) : {} };
	}
}

function zoomRefused(this: IHookFunctions, what: string, answer: ZoomAnswer): never {
	const code = answer.body.code !== undefined ? ` ${String(answer.body.code)}` : '';
	const reason = typeof answer.body.message === 'string' ? `: ${answer.body.message}` : '';
	const hint =
		answer.status === 401 || answer.status === 403
			? 'Event subscriptions belong to the app: use the app’s Server-to-Server or client-credentials token, not a user’s OAuth token'
			: undefined;
	throw new NodeOperationError(this.getNode(), `Zoom refused to ${what} (HTTP ${answer.status}${code}${reason})`, hint ? { description: hint } : {});
}

/** The app's event subscriptions Zoom lists for the account (or the first chosen user). */
async function listSubscriptions(this: IHookFunctions, plan: Plan): Promise<ZoomSubscription[]> {
	const found: ZoomSubscription[] = [];
	let nextPageToken = '';
	for (let page = 0; page < MAX_LIST_PAGES; page++) {
		const qs: IDataObject = {
			account_id: plan.accountId,
			// required by Zoom; for an account-wide subscription its reference does not say which user: `me`
			user_id: plan.userIds[0] ?? 'me',
			subscription_scope: plan.scope,
			page_size: 300,
		};
		if (nextPageToken) qs.next_page_token = nextPageToken;
		const answer = await zoomRequest.call(this, plan, 'GET', SUBSCRIPTION_PATH, { qs });
		if (answer.status !== 200) zoomRefused.call(this, 'list the app’s event subscriptions', answer);
		const list = answer.body.event_subscriptions;
		if (Array.isArray(list)) found.push(...(list as ZoomSubscription[]));
		nextPageToken = typeof answer.body.next_page_token === 'string' ? answer.body.next_page_token : '';
		if (!nextPageToken) break;
	}
	return found;
}

function sameEvents(subscription: ZoomSubscription, events: string[]): boolean {
	const theirs = [...new Set(subscription.events ?? [])].sort();
	return theirs.length === events.length && theirs.every((event, i) => event === events[i]);
}

async function subscribe(this: IHookFunctions, plan: Plan, id: string): Promise<void> {
	const body: IDataObject = { account_id: plan.accountId };
	if (plan.scope === 'user') body.user_ids = plan.userIds;
	const answer = await zoomRequest.call(this, plan, 'PATCH', `${SUBSCRIPTION_PATH}/${encodeURIComponent(id)}`, { body });
	if (answer.status !== 204 && answer.status !== 200) zoomRefused.call(this, `subscribe ${plan.scope === 'user' ? 'the users' : 'the account'} to the event subscription`, answer);
}

/** checkExists: the subscription stored at activation is still listed by Zoom for this URL and these events. */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const id = staticData.eventSubscriptionId;
	if (typeof id !== 'string' || !id) return false;
	const plan = await subscriptionPlan.call(this);
	const listed = (await listSubscriptions.call(this, plan)).find((s) => s.event_subscription_id === id);
	if (listed && listed.event_webhook_url === plan.url && sameEvents(listed, plan.events)) return true;
	delete staticData.eventSubscriptionId;
	return false;
}

/**
 * create: finds the app's subscription for this URL and these events, or creates it (Zoom then
 * validates the URL), subscribes the account or the chosen users, and stores its ID.
 */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const plan = await subscriptionPlan.call(this);
	const sameUrl = (await listSubscriptions.call(this, plan)).filter((s) => s.event_webhook_url === plan.url && s.event_subscription_id);
	let id = sameUrl.find((s) => sameEvents(s, plan.events))?.event_subscription_id;
	if (!id) {
		const body: IDataObject = {
			events: plan.events,
			event_subscription_name: plan.name,
			event_webhook_url: plan.url,
			subscription_scope: plan.scope,
			account_id: plan.accountId,
		};
		if (plan.scope === 'user') body.user_ids = plan.userIds;
		const answer = await zoomRequest.call(this, plan, 'POST', SUBSCRIPTION_PATH, { body });
		if (answer.status !== 201 && answer.status !== 200) zoomRefused.call(this, 'create the event subscription', answer);
		id =
			typeof answer.body.event_subscription_id === 'string' && answer.body.event_subscription_id
				? answer.body.event_subscription_id
				: fail.call(this, 'Zoom created the event subscription but returned no event_subscription_id');
	}
	await subscribe.call(this, plan, id);
	this.getWorkflowStaticData('node').eventSubscriptionId = id;
	return true;
}

/** delete: removes the stored subscription (one Zoom no longer knows counts as removed). */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const id = staticData.eventSubscriptionId;
	if (typeof id !== 'string' || !id) return true;
	const access = await appAccess.call(this);
	const answer = await zoomRequest.call(this, access, 'DELETE', `${SUBSCRIPTION_PATH}/${encodeURIComponent(id)}`);
	if (answer.status !== 204 && answer.status !== 200 && !(answer.status === 404 && Number(answer.body.code) === 1601)) {
		zoomRefused.call(this, 'delete the event subscription', answer);
	}
	delete staticData.eventSubscriptionId;
	return true;
}
