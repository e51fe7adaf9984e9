/**
 * Every node of the pack in the real n8n editor, used the way a user does it: a new workflow, the
 * nodes panel searched by the node's name and by an alias of its codex (nodes/<Node>/<Node>.node.json,
 * e.g. 紫荆云, 讯众, ズーム); then, for each action node, its action picked, its credential created in
 * the credential dialog against the loopback simulator (a wrong key first: the dialog says it
 * couldn't connect and, under "More details", why; then the right key: the test passes and the
 * dialog closes), the fields filled (a resource locator in "From list" mode where the field is one),
 * "Execute step", and the result read in the output panel; the simulator received the request.
 * The Zoom Meetings Trigger listens after "Execute step" and shows a signed event. Each node's panel
 * after the run is kept as docs/screenshots/<node>.png.
 *
 *   npm run test:browser        (needs Chromium: bash scripts/ensure-system-packages.sh browser)
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';

import { launchChromium, signedInPage } from '../../scripts/browser';
import { buildAndPack, N8nServer, n8nInstall, prepareUserFolder, REPO } from '../../scripts/n8n-lib';
import { startSandbox, ZOOM_WEBHOOK_SECRET, type Sandbox } from '../sandbox';
import type { CamSimulator } from '../simulators/cam';
import type { VisioconferenceSimulator } from '../simulators/visioconference';
import type { YtxSimulator } from '../simulators/ytx';
import type { ZijingSimulator } from '../simulators/zijing';
import type { ZoomSimulator } from '../simulators/zoom';
import { ZoomWebhookSender } from '../simulators/zoomWebhooks';

let server: N8nServer | undefined;
let sandbox: Sandbox | undefined;
let browser: Browser | undefined;
let page: Page;
let userFolder = '';
const SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');

beforeAll(async () => {
	const install = n8nInstall();
	userFolder = prepareUserFolder(buildAndPack());
	sandbox = await startSandbox();
	server = await N8nServer.start({ userFolder, install });
	process.once('exit', () => server?.killNow());
	await server.setupOwner();
	browser = await launchChromium();
	page = await signedInPage(browser, server);
}, 15 * 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await sandbox?.stop();
	if (userFolder && process.env.KEEP_N8N_FOLDER !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
}, 60_000);

/** What a failing step leaves for a reader: the page as it was. */
async function withPage<T>(name: string, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		const file = path.join(userFolder || REPO, `failed-${name.replace(/\W+/g, '-')}.png`);
		await page.screenshot({ path: file }).catch(() => undefined);
		if (error instanceof Error) error.message += `\n(page at failure: ${file}; URL ${page.url()})`;
		throw error;
	}
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * A new workflow's nodes panel, searched for `query`, until it lists `name` (with `description`, which
 * tells a trigger from the action node of the same name); returns the names it lists.
 */
async function searchNodes(query: string, name: string, description?: string): Promise<string[]> {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	const items = page.getByTestId('item-iterator-item');
	let listed = items.filter({ has: page.getByTestId('node-creator-item-name').filter({ hasText: exactly(name) }) });
	if (description) listed = listed.filter({ hasText: description });
	await listed.first().waitFor();
	return await items.getByTestId('node-creator-item-name').allInnerTexts();
}

/** A parameter of the node panel or of the credential dialog, by its internal name. */
const parameter = (scope: Locator, name: string) => scope.getByTestId(`parameter-input-${name}`).first();

/** A resource locator's "From list" entry: what the user types in its search, and the entry picked. */
interface ListPick {
	search: string;
	pick: string;
}

/**
 * Sets a parameter as a user does: a resource locator in its "From list" mode (searching `value`
 * and picking the entry showing it, or a `ListPick`), a drop-down by the option's shown name, a text
 * field by typing.
 */
async function setParameter(scope: Locator, name: string, given: string | ListPick) {
	const { search: typed, pick } = typeof given === 'string' ? { search: given, pick: given } : given;
	const value = typed;
	const field = parameter(scope, name);
	await field.waitFor();
	if ((await field.getByTestId('rlc-mode-selector').count()) > 0) {
		await field.getByTestId('rlc-mode-selector').click();
		await page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: /^From list$/i }).first().click();
		await field.getByTestId('rlc-input').click();
		const search = page.getByTestId('rlc-search');
		if (await search.isVisible()) {
			// the search box is the input itself or wraps it, depending on the editor's version
			const box = (await search.evaluate((element) => element.tagName)) === 'INPUT' ? search : search.locator('input');
			await box.fill(value);
		}
		await page.getByTestId('rlc-item').filter({ hasText: pick }).first().click();
		return;
	}
	if ((await field.locator('.el-select').count()) > 0) {
		await field.locator('.el-select').first().click();
		await page.locator('.el-select-dropdown__item:visible').filter({ hasText: value }).first().click();
		return;
	}
	const input = field.locator('input:not([type="hidden"]), textarea').first();
	await input.fill(value);
	// a date picker takes a typed date-time on Enter
	if ((await field.locator('.el-date-editor').count()) > 0) await input.press('Enter');
}

/** Opens the credential dialog of the node panel for a new credential. */
async function newCredentialDialog(ndv: Locator): Promise<Locator> {
	const empty = ndv.getByTestId('node-credentials-empty-state');
	const select = ndv.getByTestId('node-credentials-select');
	await empty.or(select).first().waitFor();
	if (await empty.isVisible()) {
		await empty.getByRole('button').first().click();
	} else {
		await select.click();
		await page.getByTestId('node-credentials-select-item-new').click();
	}
	const dialog = page.getByTestId('editCredential-modal');
	await dialog.waitFor();
	return dialog;
}

interface ActionCase {
	file: string;
	displayName: string;
	action: string;
	/** where the node offers several kinds of credential: the one chosen in the dialog */
	credentialMode?: string;
	credential: {
		fields: () => Array<[string, string]>;
		/** the field given a wrong value first */
		secret: string;
		/** what "More details" says about the wrong value */
		rejected: RegExp;
	};
	fields: () => Array<[string, string | ListPick]>;
	/** the service's state before the step runs */
	prepare?: () => void;
	/** fills what setParameter does not (a fixed collection) */
	more?: (ndv: Locator) => Promise<void>;
	/** text the output panel shows */
	output: RegExp;
	/** what the service received */
	received: () => void;
}

const visio = () => sandbox!.get<VisioconferenceSimulator>('visioconference');
const zoom = () => sandbox!.get<ZoomSimulator>('zoom');
const cam = () => sandbox!.get<CamSimulator>('cam');
const zijing = () => sandbox!.get<ZijingSimulator>('zijing');
const ytx = () => sandbox!.get<YtxSimulator>('ytx');

/** The Chat&Messenger credential, used by both of its cases. */
const camCredential: ActionCase['credential'] = {
	fields: () => [
		['serverUrl', cam().url],
		['apiToken', cam().apiToken],
	],
	secret: 'apiToken',
	rejected: /The API token was rejected \(HTTP 401\)/,
};

const ACTIONS: ActionCase[] = [
	{
		file: 'visioconference',
		displayName: 'Visioconference',
		action: 'Create a video room',
		credential: {
			fields: () => [
				['apiKey', visio().apiKey],
				['baseUrl', visio().apiBaseUrl],
			],
			secret: 'apiKey',
			rejected: /The API key was rejected \(HTTP 401\)/,
		},
		fields: () => [['name', 'Browser room']],
		output: /Browser room/,
		received: () => expect(visio().requests('POST', '/api/v1/entreprise/visio').at(-1)?.json).toEqual({ name: 'Browser room' }),
	},
	{
		file: 'zoomMeetings',
		displayName: 'Zoom Meetings',
		action: 'Create a meeting',
		credentialMode: 'Server-to-Server OAuth',
		credential: {
			fields: () => [
				['accountId', zoom().accountId],
				['clientId', zoom().s2sClientId],
				['clientSecret', zoom().s2sClientSecret],
				['environment', 'Custom'],
				['customOAuthBaseUrl', zoom().url],
				['customApiBaseUrl', zoom().apiBaseUrl],
			],
			secret: 'clientSecret',
			rejected: /Zoom refused the credential \(HTTP 401\); check the account ID, client ID and secret/,
		},
		// User is a resource locator: picked "From list" by searching the account's users
		fields: () => [
			['userId', 'Aiko Tanaka'],
			['topic', 'Browser meeting'],
			['startTime', '2030-05-01 10:00:00'],
		],
		output: /Browser meeting/,
		received: () => {
			expect(zoom().requests('POST', '/v2/users/KDcuGIm1QgePTO8WbOqwIQ/meetings').at(-1)?.json).toMatchObject({
				topic: 'Browser meeting',
				start_time: expect.stringMatching(/^2030-05-01T/),
			});
		},
	},
	{
		file: 'zijingCloud',
		displayName: 'Zijing Cloud',
		action: 'Get a meeting',
		credential: {
			fields: () => [
				['apiServer', zijing().url],
				['keyType', 'Tenant Key'],
				['tenantAuthKey', zijing().publicKey],
			],
			secret: 'tenantAuthKey',
			rejected: /The key was rejected/,
		},
		// Conference Number is a resource locator: the account typed in its search lists that account's rooms
		fields: () => [['conferenceKey', { search: 'admin@miwei.com', pick: '大会议室 (2516)' }]],
		prepare: () => {
			const room = zijing().meetings.get('8000000')!;
			zijing().meetings.set('2516', { ...room, conferenceKey: '2516', name: '大会议室' });
		},
		output: /大会议室/,
		received: () => {
			expect(zijing().requests('GET', '/subscribe/getmeeting').at(-1)?.query).toMatchObject({ account: 'admin@miwei.com' });
			expect(zijing().requests('GET', '/api/getmeetinginfo').at(-1)?.query).toEqual({ addr: '2516' });
		},
	},
	{
		file: 'chatMessenger',
		displayName: 'Chat&Messenger',
		action: 'Send a message',
		credential: camCredential,
		fields: () => [
			['recipients', 'user1@example.com'],
			['text', 'Hello from the editor'],
		],
		output: /1 item/,
		received: () =>
			expect(cam().messages.at(-1)).toMatchObject({ panelName: 'messenger', users: ['user1@example.com'], message: 'Hello from the editor' }),
	},
	{
		file: 'chatMessengerReservations',
		displayName: 'Chat&Messenger',
		action: 'Get conference room reservations',
		credential: camCredential,
		// Conference Room is a resource locator: picked from the registered rooms, searched by name
		fields: () => [
			['month', '2019-08'],
			['conferenceRoom', { search: 'Board', pick: 'Board Room (room-b)' }],
		],
		output: /Board Room/,
		received: () => {
			// the list came from the rooms call; the reservations of August 2019 were asked for
			expect(cam().requests(undefined, '/getConferenceRooms').length).toBeGreaterThan(0);
			expect(cam().requests('POST', '/getConferenceRoomStatus').at(-1)?.form?.message).toContain('201908');
		},
	},
	{
		file: 'ytxTelephony',
		displayName: 'YTX Telephony',
		action: 'Book a phone conference',
		credential: {
			fields: () => [
				['accountSid', ytx().accountSid],
				['authToken', ytx().authToken],
				['appId', ytx().appId],
				['environment', 'Custom URL'],
				['customUrl', ytx().url],
			],
			secret: 'authToken',
			rejected: /YTX -203/,
		},
		fields: () => [
			['meetingName', 'Browser conference'],
			['creator', '13800138000'],
			['bookingTime', '2030-05-01 14:30'],
		],
		more: async (ndv) => {
			await ndv.getByRole('button', { name: 'Add Participant' }).click();
			await setParameter(ndv, 'name', '张伟');
			await setParameter(ndv, 'phone', '13900139000');
		},
		output: /1 item/,
		received: () =>
			expect([...ytx().meetings.values()].at(-1)).toMatchObject({ meetingname: 'Browser conference', parties: [{ name: '张伟', phone: '13900139000' }] }),
	},
];

/** Each node of the pack: the name the nodes panel lists it under and an alias of its codex. */
const SEARCHES = [
	...ACTIONS.filter((c, i) => ACTIONS.findIndex((other) => other.displayName === c.displayName) === i).map((c) => ({ displayName: c.displayName, listed: c.displayName, description: undefined as string | undefined, alias: '' })),
	{ displayName: 'Zoom Meetings Trigger', listed: 'Zoom Meetings', description: 'Starts the workflow when Zoom sends', alias: 'ズーム' },
].map((c) => ({ ...c, alias: c.alias || { Visioconference: 'jitsi', 'Zoom Meetings': 'ズーム', 'Zijing Cloud': '紫荆云', 'Chat&Messenger': 'CAM', 'YTX Telephony': '讯众' }[c.displayName]! }));

describe.each(SEARCHES)('$displayName in the nodes panel', (c) => {
	it(`is found by its name and by the alias "${c.alias}"`, async () => {
		await withPage(`${c.displayName}-search`, async () => {
			expect(await searchNodes(c.displayName, c.listed, c.description)).toContain(c.listed);
			expect(await searchNodes(c.alias, c.listed, c.description)).toContain(c.listed);
		});
	});
});

describe.each(ACTIONS)('$displayName: $action in the editor', (c) => {
	it('credential dialog (wrong key, then the right one), fields, "Execute step", output panel', async () => {
		await withPage(`${c.file}-run`, async () => {
			await searchNodes(c.displayName, c.displayName);
			await page.getByTestId('node-creator-item-name').filter({ hasText: exactly(c.displayName) }).first().click();
			// the node's panel lists its actions; with triggers of the same name (Zoom) they are folded under "Actions"
			const action = page.getByTestId('node-creator-item-name').filter({ hasText: exactly(c.action) }).first();
			const actions = page.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ });
			await action.or(actions).first().waitFor();
			if (!(await action.isVisible())) await actions.click();
			await action.click();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();

			const dialog = await newCredentialDialog(ndv);
			if (c.credentialMode) {
				await dialog.getByTestId('credential-mode-dropdown-trigger').click();
				await page.locator('[role="menuitem"]:visible, .el-dropdown-menu__item:visible').filter({ hasText: c.credentialMode }).first().click();
			}
			const fields = c.credential.fields();
			for (const [name, value] of fields) await setParameter(dialog, name, name === c.credential.secret ? 'wrong-value-0000' : value);
			await dialog.getByTestId('credential-save-button').click();
			await dialog.getByText('Couldn’t connect with these settings').waitFor();
			// a long reason is folded under "More details"
			const more = dialog.getByText('More details');
			if (await more.isVisible()) await more.click();
			await dialog.getByText(c.credential.rejected).first().waitFor();
			await setParameter(dialog, c.credential.secret, fields.find(([name]) => name === c.credential.secret)![1]);
			await dialog.getByTestId('credential-save-button').click();
			// the test passed: n8n closes the dialog and the node uses the new credential
			await dialog.waitFor({ state: 'hidden' });
			await ndv.getByTestId('node-credentials-select').waitFor();

			for (const [name, value] of c.fields()) await setParameter(ndv, name, value);
			c.prepare?.();
			await c.more?.(ndv);
			await ndv.getByTestId('node-execute-button').click();
			await ndv.getByTestId('output-panel').getByText(c.output).first().waitFor();
			c.received();
			fs.mkdirSync(SCREENSHOTS, { recursive: true });
			await page.screenshot({ path: path.join(SCREENSHOTS, `${c.file}.png`) });
		});
	});
});

describe('Zoom Meetings Trigger: On meeting started in the editor', () => {
	it('credential dialog, "Execute step" listens; a forged event is refused, a signed one shows in the output panel', async () => {
		await withPage('zoomMeetingsTrigger-run', async () => {
			await searchNodes('Zoom Meetings Trigger', 'Zoom Meetings', 'Starts the workflow when Zoom sends');
			await page.getByTestId('node-creator-item-name').filter({ hasText: exactly('Zoom Meetings') }).first().click();
			await page.getByTestId('node-creator-item-name').filter({ hasText: exactly('On meeting started') }).first().click();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();
			// the Secret Token signs events; Zoom offers nothing to test it against, so saving closes the dialog
			const dialog = await newCredentialDialog(ndv);
			await setParameter(dialog, 'secretToken', ZOOM_WEBHOOK_SECRET);
			await dialog.getByTestId('credential-save-button').click();
			await dialog.waitFor({ state: 'hidden' });

			await ndv.getByText('Webhook URLs').click();
			const testUrl = ndv.getByText(/\/webhook-test\/[0-9a-f-]+\/zoom/).first();
			await testUrl.waitFor();
			const url = /http\S+\/webhook-test\/[0-9a-f-]+\/zoom/.exec(await testUrl.innerText())![0];
			await ndv.getByTestId('node-execute-button').click();

			// listening: n8n answered the run request, the test webhook is registered
			await ndv.getByTestId('output-panel').getByText('Stop Listening').waitFor();
			const sender = new ZoomWebhookSender(ZOOM_WEBHOOK_SECRET, url);
			const meeting = { id: 85746065432, uuid: '4444AAAiAAAAAiAiAiiAii==', topic: 'Browser trigger', host_id: 'z8yAAAAA8bbbQ' };
			const forged = await sender.send(sender.event('meeting.started', meeting), { secret: 'another-secret-000000' });
			expect(forged.status).toBe(401);
			const signed = await sender.send(sender.event('meeting.started', meeting));
			expect(signed.status).toBe(200);
			await ndv.getByTestId('output-panel').getByText('Browser trigger').first().waitFor();
			fs.mkdirSync(SCREENSHOTS, { recursive: true });
			await page.screenshot({ path: path.join(SCREENSHOTS, 'zoomMeetingsTrigger.png') });
		});
	});
});
