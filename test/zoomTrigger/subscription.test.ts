/**
 * The Zoom Meetings Trigger registering its own webhook: activation and deactivation run the node's
 * webhook methods in n8n-core's HookContext (webhookHost.ts) against the Zoom simulator's
 * event-subscription endpoints; Zoom's url_validation and events then reach the trigger over HTTP.
 */
import type { IDataObject } from 'n8n-workflow';

import { ZoomSimulator } from '../simulators/zoom';
import { startTriggerHost, type HostOptions, type TriggerHost } from './webhookHost';

const PATH = '/v2/marketplace/app/event_subscription';
const onList = (r: { method: string; path: string }) => r.method === 'GET' && r.path === PATH;
const meeting = { id: 85746065432, uuid: '4444AAAiAAAAAiAiAiiAii==', topic: 'Weekly sync', host_id: 'KDcuGIm1QgePTO8WbOqwIQ' };

let sim: ZoomSimulator;
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	sim = new ZoomSimulator();
	await sim.start();
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => sim.reset());

afterEach(async () => {
	for (const host of hosts.splice(0)) await host.stop();
});

function s2sCredential(): IDataObject {
	return {
		accountId: sim.accountId,
		clientId: sim.s2sClientId,
		clientSecret: sim.s2sClientSecret,
		environment: 'custom',
		customOAuthBaseUrl: sim.url,
		customApiBaseUrl: sim.apiBaseUrl,
	};
}

function generalAppCredential(): IDataObject {
	return {
		clientId: sim.clientId,
		clientSecret: sim.clientSecret,
		accountId: sim.accountId,
		environment: 'custom',
		customOAuthBaseUrl: sim.url,
		customApiBaseUrl: sim.apiBaseUrl,
	};
}

async function host(parameters: IDataObject, secretToken = sim.webhookSecretToken, options: HostOptions = {}): Promise<TriggerHost> {
	const started = await startTriggerHost(secretToken, parameters, {
		credentials: { zoomMeetingsServerToServerApi: s2sCredential(), zoomMeetingsClientCredentialsApi: generalAppCredential() },
		...options,
	});
	hosts.push(started);
	return started;
}

const automatic = {
	subscription: 'automatic',
	authentication: 'serverToServer',
	subscribers: 'account',
	events: ['recording.completed', 'meeting.started'],
	output: 'full',
};

describe('automatic mode, Server-to-Server app, whole account', () => {
	it('activation creates the subscription (after Zoom validated the URL) and subscribes the account', async () => {
		const trigger = await host(automatic);
		expect(await trigger.activate()).toEqual({ existed: false });

		const [token] = sim.requests('POST', '/oauth/token');
		expect(token.query).toMatchObject({ grant_type: 'account_credentials', account_id: sim.accountId });
		const [created] = sim.requests('POST', PATH);
		expect(created.json).toEqual({
			events: ['meeting.started', 'recording.completed'],
			event_subscription_name: 'n8n zoom trigger / Zoom Meetings Trigger',
			event_webhook_url: trigger.url,
			subscription_scope: 'account',
			account_id: sim.accountId,
		});
		const [subscription] = [...sim.eventSubscriptions.values()];
		expect(sim.requests('PATCH', `${PATH}/${subscription.event_subscription_id}`).map((r) => r.json)).toEqual([{ account_id: sim.accountId }]);
		expect(subscription).toMatchObject({ event_webhook_url: trigger.url, accountSubscribed: true, app: 's2s' });
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': { eventSubscriptionId: subscription.event_subscription_id } });
		// Zoom's url_validation reached the trigger and was answered, and started nothing
		expect(trigger.results).toEqual([{ webhookResponse: { plainToken: expect.any(String), encryptedToken: expect.any(String) } }]);
		await trigger.settled();
		expect(trigger.executions).toHaveLength(0);
	});

	it('a subscribed event starts one execution; an event not in the subscription is not sent', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const deliveries = await sim.deliverEvent('meeting.started', meeting);
		expect(deliveries.map((d) => [d.request.url, d.status])).toEqual([[trigger.url, 200]]);
		expect(await sim.deliverEvent('meeting.ended', meeting)).toEqual([]);
		await trigger.settled();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].received[0].json).toMatchObject({ event: 'meeting.started', payload: { account_id: sim.accountId, object: meeting } });
	});

	it('checkExists finds the stored subscription: a second activation creates nothing', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		expect(await trigger.activate()).toEqual({ existed: true });
		expect(sim.requests('POST', PATH)).toHaveLength(1);
		expect(sim.eventSubscriptions.size).toBe(1);
	});

	it('deactivation deletes the subscription; Zoom then sends nothing', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [id] = sim.eventSubscriptions.keys();
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.requests('DELETE', `${PATH}/${id}`)).toHaveLength(1);
		expect(sim.eventSubscriptions.size).toBe(0);
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': {} });
		expect(await sim.deliverEvent('meeting.started', meeting)).toEqual([]);
	});

	it('deactivation succeeds when Zoom no longer has the subscription (404 code 1601)', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		sim.eventSubscriptions.clear();
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.requests('DELETE')).toHaveLength(1);
	});

	it('finds the app’s subscription for the same URL and events instead of creating a second one', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		delete (trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId;
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('POST', PATH)).toHaveLength(1);
		expect(sim.requests('PATCH')).toHaveLength(2);
		expect(sim.eventSubscriptions.size).toBe(1);
	});

	it('activation after the events changed creates a subscription with the new events', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		await trigger.deactivate();
		trigger.setParameters({ ...automatic, events: ['meeting.ended'] });
		expect(await trigger.activate()).toEqual({ existed: false });
		expect([...sim.eventSubscriptions.values()].map((s) => s.events)).toEqual([['meeting.ended']]);
	});
});

describe('automatic mode, General app (client credentials), chosen users', () => {
	it('subscribes only the chosen users, with the app’s client-credentials token', async () => {
		const other = sim.addUser();
		const trigger = await host({ ...automatic, authentication: 'clientCredentials', subscribers: 'users', userIds: ` ${sim.owner.id} ` });
		await trigger.activate();

		const [token] = sim.requests('POST', '/oauth/token');
		expect(token.query).toEqual({ grant_type: 'client_credentials' });
		expect(sim.requests('POST', PATH)[0].json).toMatchObject({ subscription_scope: 'user', user_ids: [sim.owner.id], account_id: sim.accountId });
		expect(sim.requests('PATCH')[0].json).toEqual({ account_id: sim.accountId, user_ids: [sim.owner.id] });
		expect(sim.requests('GET', PATH)[0].query).toMatchObject({ account_id: sim.accountId, user_id: sim.owner.id, subscription_scope: 'user' });

		expect(await sim.deliverEvent('recording.completed', meeting, other.id)).toEqual([]);
		expect((await sim.deliverEvent('recording.completed', meeting, sim.owner.id)).map((d) => d.status)).toEqual([200]);
		await trigger.settled();
		expect(trigger.executions.map((e) => e.trigger[0].json.event)).toEqual(['recording.completed']);

		expect(await trigger.deactivate()).toBe(true);
		expect(sim.eventSubscriptions.size).toBe(0);
	});
});

describe('automatic mode refusals', () => {
	it('an event outside the app’s scopes: Zoom’s reason is in the error', async () => {
		const trigger = await host({ ...automatic, authentication: 'clientCredentials', events: ['webinar.started'] });
		await expect(trigger.activate()).rejects.toThrow(
			'Zoom refused to create the event subscription (HTTP 400 1602: The event is not allowed for the app: webinar.started)',
		);
		expect(sim.eventSubscriptions.size).toBe(0);
	});

	it('a wrong Secret Token: Zoom’s URL validation fails and nothing is created', async () => {
		const trigger = await host(automatic, 'not-the-apps-secret-token');
		await expect(trigger.activate()).rejects.toThrow(
			`Zoom refused to create the event subscription (HTTP 404 1701: The event webhook url validate failed: ${trigger.url}.)`,
		);
		expect(sim.eventSubscriptions.size).toBe(0);
		expect(trigger.staticData['node:Zoom Meetings Trigger']).toEqual({});
	});

	it('"All Events" says what to do instead', async () => {
		const trigger = await host({ ...automatic, events: ['meeting.started', '*'] });
		await expect(trigger.activate()).rejects.toMatchObject({
			message: '"All Events" cannot be registered with Zoom automatically',
			description:
				'Pick the events in "Events" (or type them in "Additional Event Names"), or set "Subscription" to the manual setup in the Zoom App Marketplace',
		});
	});

	// plain test names: the mutation test runner picks tests by name
	it.each([
		['All Events', { events: ['*'] }, '"All Events" cannot be registered with Zoom automatically'],
		['no events', { events: [] }, '"Events" is empty: pick the events to register with Zoom'],
		['blank user IDs', { subscribers: 'users', userIds: ' , ' }, '"User IDs" must list 1 to 10 Zoom user IDs, comma-separated (it lists 0)'],
		['11 user IDs', { subscribers: 'users', userIds: Array.from({ length: 11 }, (_, i) => `user${i}`).join(',') }, '"User IDs" must list 1 to 10 Zoom user IDs, comma-separated (it lists 11)'],
	])('%s is refused before any request', async (_label, change, message) => {
		const trigger = await host({ ...automatic, ...change });
		await expect(trigger.activate()).rejects.toThrow(message);
		expect(sim.log).toHaveLength(0);
	});
});

describe('what is registered', () => {
	it('user IDs and event names given twice are sent once; additional event names join the picked ones, sorted', async () => {
		const trigger = await host({
			...automatic,
			subscribers: 'users',
			userIds: `${sim.owner.id},${sim.owner.id} `,
			events: ['meeting.started', ' meeting.started', ' '],
			options: { additionalEvents: 'recording.completed, meeting.ended, ,,meeting.started' },
		});
		await trigger.activate();
		expect(sim.requests('POST', PATH)[0].json).toMatchObject({ events: ['meeting.ended', 'meeting.started', 'recording.completed'], user_ids: [sim.owner.id] });
		expect(sim.requests('PATCH')[0].json).toEqual({ account_id: sim.accountId, user_ids: [sim.owner.id] });
	});

	it('10 user IDs, the most Zoom takes, are subscribed', async () => {
		const ids = [sim.owner.id, ...Array.from({ length: 9 }, () => sim.addUser().id)];
		const trigger = await host({ ...automatic, subscribers: 'users', userIds: ids.join(', ') });
		await trigger.activate();
		expect(sim.requests('PATCH')[0].json).toEqual({ account_id: sim.accountId, user_ids: ids });
	});

	it('the subscription is named after the workflow (its ID when it has no name), at most 100 characters', async () => {
		const long = await host(automatic, undefined, { workflowName: 'W'.repeat(120) });
		await long.activate();
		expect(sim.requests('POST', PATH)[0].json).toMatchObject({ event_subscription_name: `n8n ${'W'.repeat(96)}` });
		sim.reset();
		const unnamed = await host(automatic, undefined, { workflowName: null });
		await unnamed.activate();
		expect(sim.requests('POST', PATH)[0].json).toMatchObject({ event_subscription_name: expect.stringMatching(/^n8n zoom-trigger-workflow-\d+ \/ Zoom Meetings Trigger$/) });
	});

	it('Zoom’s list is asked for the whole account as the app’s owner ("me"), 300 at a time, page after page', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [ours] = sim.eventSubscriptions.values();
		// 300 other subscriptions of the app listed before ours: ours is on the second page
		const others = Array.from({ length: 300 }, (_, i) => [`other${i}`, { ...ours, event_subscription_id: `other${i}`, event_webhook_url: `https://elsewhere.example.com/${i}` }] as const);
		const all = new Map([...others, [ours.event_subscription_id, ours]]);
		sim.eventSubscriptions.clear();
		for (const [id, s] of all) sim.eventSubscriptions.set(id, s);
		sim.log.length = 0;

		expect(await trigger.activate()).toEqual({ existed: true });
		const lists = sim.requests('GET', PATH);
		expect(lists.map((r) => r.query)).toEqual([
			{ account_id: sim.accountId, user_id: 'me', subscription_scope: 'account', page_size: '300' },
			{ account_id: sim.accountId, user_id: 'me', subscription_scope: 'account', page_size: '300', next_page_token: expect.any(String) },
		]);
		expect(sim.requests('POST', PATH)).toHaveLength(0);
	});

	it('a subscription whose events changed in Zoom is replaced: the stored ID is dropped and a new one made', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [first] = sim.eventSubscriptions.values();
		first.events = ['meeting.started', 'recording.stopped'];
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('POST', PATH)).toHaveLength(2);
		const stored = (trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId;
		expect(stored).not.toBe(first.event_subscription_id);
		expect(sim.eventSubscriptions.get(stored as string)?.events).toEqual(['meeting.started', 'recording.completed']);
	});

	it('events Zoom lists twice or in another order count as the same events', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [first] = sim.eventSubscriptions.values();
		first.events = ['recording.completed', 'meeting.started', 'recording.completed'];
		expect(await trigger.activate()).toEqual({ existed: true });
		delete (trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId;
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('POST', PATH)).toHaveLength(1);
		expect((trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId).toBe(first.event_subscription_id);
	});

	it('Zoom answering 200 instead of 201 or 204 is taken as done', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { event_subscription_id: 'sub-200' } } }, { match: (r) => r.method === 'POST' && r.path === PATH });
		sim.fail({ kind: 'answer', response: { status: 200, body: {} } }, { match: (r) => r.method === 'PATCH' });
		sim.fail({ kind: 'answer', response: { status: 200, body: {} } }, { match: (r) => r.method === 'DELETE' });
		const trigger = await host(automatic);
		await trigger.activate();
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': { eventSubscriptionId: 'sub-200' } });
		expect(sim.requests('PATCH').map((r) => r.path)).toEqual([`${PATH}/sub-200`]);
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.requests('DELETE').map((r) => r.path)).toEqual([`${PATH}/sub-200`]);
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': {} });
	});

	it('Zoom listing fewer events than picked, or the subscription for another URL, is not taken for it', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [first] = sim.eventSubscriptions.values();
		first.events = ['meeting.started'];
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('POST', PATH)).toHaveLength(2);

		const second = [...sim.eventSubscriptions.values()].find((s) => s !== first)!;
		second.event_webhook_url = 'https://old-n8n.example.com/webhook/zoom';
		sim.fail({ kind: 'status', status: 400, body: { code: 1602, message: 'Not allowed.' } }, { match: (r) => r.method === 'POST' && r.path === PATH });
		await expect(trigger.activate()).rejects.toThrow('Zoom refused to create the event subscription (HTTP 400 1602: Not allowed.)');
		// the stored ID no longer stands for this workflow's subscription
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': {} });
	});

	it('JSON null from Zoom reads as an empty answer: an empty list, a refusal without code or message', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, raw: 'null', headers: { 'Content-Type': 'application/json' } } }, { match: onList });
		const trigger = await host(automatic);
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.eventSubscriptions.size).toBe(1);
		sim.fail({ kind: 'answer', response: { status: 500, raw: 'null', headers: { 'Content-Type': 'application/json' } } }, { match: (r) => r.method === 'DELETE' });
		await expect(trigger.deactivate()).rejects.toThrow(/^Zoom refused to delete the event subscription \(HTTP 500\)$/);
	});

	it('a listed entry without an ID is passed over for the one that has it', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [ours] = sim.eventSubscriptions.values();
		const entries = [...sim.eventSubscriptions.entries()];
		sim.eventSubscriptions.clear();
		sim.eventSubscriptions.set('no-id', { ...ours, event_subscription_id: '' });
		for (const [id, s] of entries) sim.eventSubscriptions.set(id, s);
		delete (trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId;
		await trigger.activate();
		expect(sim.requests('POST', PATH)).toHaveLength(1);
		expect((trigger.staticData['node:Zoom Meetings Trigger'] as IDataObject).eventSubscriptionId).toBe(ours.event_subscription_id);
	});

	it('a next_page_token that is not text ends the list', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { event_subscriptions: [], next_page_token: 12 } } }, { match: onList });
		const trigger = await host(automatic);
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('GET', PATH)).toHaveLength(1);
		expect(sim.eventSubscriptions.size).toBe(1);
	});

	it('a list that never ends is read for 20 pages at most', async () => {
		sim.fail({ kind: 'answer', response: { status: 200, body: { next_page_token: 'more' } } }, { match: onList, times: 25 });
		const trigger = await host(automatic);
		expect(await trigger.activate()).toEqual({ existed: false });
		expect(sim.requests('GET', PATH)).toHaveLength(20);
		expect(sim.requests('GET', PATH)[19].query.next_page_token).toBe('more');
		expect(sim.eventSubscriptions.size).toBe(1);
	});

	it('an API base URL ending in slashes is used without them', async () => {
		const started = await startTriggerHost(sim.webhookSecretToken, automatic, {
			credentials: { zoomMeetingsServerToServerApi: { ...s2sCredential(), customApiBaseUrl: `${sim.apiBaseUrl}//` } },
		});
		hosts.push(started);
		await started.activate();
		const { eventSubscriptionId } = started.staticData['node:Zoom Meetings Trigger'] as IDataObject;
		expect(sim.log.filter((r) => r.path.startsWith('/v2/')).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${PATH}`, `POST ${PATH}`, `PATCH ${PATH}/${eventSubscriptionId}`]);
	});

	it('deactivation without a stored subscription sends nothing', async () => {
		const trigger = await host(automatic);
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.log).toHaveLength(0);
	});
});

describe('what Zoom refuses, and the app credential', () => {

	it.each([
		['an empty API base URL', { customApiBaseUrl: '' }, 'The Zoom app credential has no valid API Base URL'],
		['a base URL that is not http(s)', { customApiBaseUrl: 'ftp-https://zoom.example.com/v2' }, 'The Zoom app credential has no valid API Base URL'],
		['a blank Account ID', { accountId: '  ' }, 'The Zoom app credential has no Account ID'],
	])('a credential with %s is refused before any request', async (_label, change, message) => {
		const started = await startTriggerHost(sim.webhookSecretToken, automatic, { credentials: { zoomMeetingsServerToServerApi: { ...s2sCredential(), ...change } } });
		hosts.push(started);
		await expect(started.activate()).rejects.toThrow(message);
		expect(sim.log).toHaveLength(0);
	});

	it.each([401, 403])('a token refused with %i says that event subscriptions need the app’s token', async (status) => {
		// n8n asks for a new token once after a 401: both answers are refusals
		sim.fail({ kind: 'status', status, body: { code: status, message: 'Forbidden' } }, { match: onList, times: 2 });
		const trigger = await host(automatic);
		await expect(trigger.activate()).rejects.toMatchObject({
			message: `Zoom refused to list the app’s event subscriptions (HTTP ${status} ${status}: Forbidden)`,
			description: 'Event subscriptions belong to the app: use the app’s Server-to-Server or client-credentials token, not a user’s OAuth token',
		});
	});

	it('another refusal has no such hint; a refusal without code or message is said without them', async () => {
		sim.fail({ kind: 'status', status: 400, body: { code: 300, message: 'Invalid field.' } }, { match: onList });
		const trigger = await host(automatic);
		const refused = await trigger.activate().catch((error: unknown) => error);
		expect(refused).toMatchObject({ message: 'Zoom refused to list the app’s event subscriptions (HTTP 400 300: Invalid field.)' });
		expect((refused as { description?: unknown }).description).toBeFalsy();
		sim.fail({ kind: 'status', status: 500, body: { error: 'down' } }, { match: onList });
		await expect(trigger.activate()).rejects.toThrow(/^Zoom refused to list the app’s event subscriptions \(HTTP 500\)$/);
		sim.fail({ kind: 'html', status: 502 }, { match: onList });
		await expect(trigger.activate()).rejects.toThrow(/^Zoom refused to list the app’s event subscriptions \(HTTP 502\)$/);
	});

	it('a list answered with another success status is refused', async () => {
		sim.fail({ kind: 'answer', response: { status: 202, body: { event_subscriptions: [] } } }, { match: onList });
		const trigger = await host(automatic);
		await expect(trigger.activate()).rejects.toThrow('Zoom refused to list the app’s event subscriptions (HTTP 202)');
		expect(sim.requests('POST', PATH)).toHaveLength(0);
	});

	it('subscribing the account or the users refused: the error says which', async () => {
		sim.fail({ kind: 'status', status: 400, body: { code: 300, message: 'Invalid field: account_id.' } }, { match: (r) => r.method === 'PATCH' });
		const account = await host(automatic);
		await expect(account.activate()).rejects.toThrow('Zoom refused to subscribe the account to the event subscription (HTTP 400 300: Invalid field: account_id.)');
		expect(account.staticData).toEqual({ 'node:Zoom Meetings Trigger': {} });
		sim.reset();
		sim.fail({ kind: 'status', status: 404, body: { code: 1001, message: 'User does not exist.' } }, { match: (r) => r.method === 'PATCH' });
		const users = await host({ ...automatic, subscribers: 'users', userIds: sim.owner.id });
		await expect(users.activate()).rejects.toThrow('Zoom refused to subscribe the users to the event subscription (HTTP 404 1001: User does not exist.)');
	});

	it.each([
		['empty', ''],
		['a number', 12345],
	])('a created subscription whose ID in the answer is %s is an error, and nothing is stored', async (_label, id) => {
		sim.fail({ kind: 'answer', response: { status: 201, body: { event_subscription_id: id } } }, { match: (r) => r.method === 'POST' && r.path === PATH });
		const trigger = await host(automatic);
		await expect(trigger.activate()).rejects.toThrow('Zoom created the event subscription but returned no event_subscription_id');
		expect(sim.requests('PATCH')).toHaveLength(0);
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': {} });
	});

	it('a deletion refused (other than "already gone") is an error and the ID stays stored', async () => {
		const trigger = await host(automatic);
		await trigger.activate();
		const [id] = sim.eventSubscriptions.keys();
		sim.fail({ kind: 'status', status: 404, body: { code: 1001, message: 'Account does not exist.' } }, { match: (r) => r.method === 'DELETE' });
		await expect(trigger.deactivate()).rejects.toThrow('Zoom refused to delete the event subscription (HTTP 404 1001: Account does not exist.)');
		sim.fail({ kind: 'status', status: 500, body: { code: 1601, message: 'Internal error.' } }, { match: (r) => r.method === 'DELETE' });
		await expect(trigger.deactivate()).rejects.toThrow('Zoom refused to delete the event subscription (HTTP 500 1601: Internal error.)');
		expect(trigger.staticData).toEqual({ 'node:Zoom Meetings Trigger': { eventSubscriptionId: id } });
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.eventSubscriptions.size).toBe(0);
	});

	it('a redirect is not followed: the app’s token goes nowhere else', async () => {
		const elsewhere = new ZoomSimulator();
		await elsewhere.start();
		try {
			sim.fail({ kind: 'redirect', status: 307, location: `${elsewhere.apiBaseUrl}/marketplace/app/event_subscription` }, { match: onList });
			const trigger = await host(automatic);
			await expect(trigger.activate()).rejects.toMatchObject({ httpCode: '307', message: 'Request failed with status code 307' });
			expect(elsewhere.log).toHaveLength(0);
			expect(sim.requests('POST', PATH)).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});

	it('Zoom not answering at all is an error, not a refusal', async () => {
		sim.fail({ kind: 'drop' }, { match: onList });
		const trigger = await host(automatic);
		await expect(trigger.activate()).rejects.toMatchObject({
			httpCode: 'ECONNRESET',
			message: expect.stringMatching(/^The connection to the server was closed unexpectedly/),
		});
		expect(sim.requests('POST', PATH)).toHaveLength(0);
	});
});

describe('manual mode', () => {
	it('activation and deactivation send nothing to Zoom: the subscription lives in the app', async () => {
		const trigger = await host({ events: ['meeting.started'], output: 'full' });
		expect(await trigger.activate()).toEqual({ existed: true });
		expect(await trigger.deactivate()).toBe(true);
		expect(sim.log).toHaveLength(0);
		expect(trigger.staticData).toEqual({});
	});
});

describe('the simulator’s app-owned rule', () => {
	it('refuses a user’s OAuth token on the event-subscription endpoints', async () => {
		const { access_token } = sim.issueOAuthTokens();
		const response = await fetch(`${sim.apiBaseUrl}/marketplace/app/event_subscription?account_id=${sim.accountId}&user_id=me`, {
			headers: { Authorization: `Bearer ${access_token}` },
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({
			code: 403,
			message: 'Event subscriptions are app-owned: use a client credentials or Server-to-Server OAuth token.',
		});
	});
});
