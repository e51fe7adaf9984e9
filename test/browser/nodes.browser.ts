/**
 * Every node of the pack in the real n8n editor, as a user finds it: a new workflow, the nodes panel
 * searched by the node's name and by an alias of its codex (nodes/<Node>/<Node>.node.json, e.g.
 * 紫荆云, 讯众, ズーム), and the node listed. The rest of a user's path (credential dialog with
 * "Test", resource and operation, "Execute step", the output panel) is not covered here yet:
 * docs/real-n8n.md, "Browser tests".
 *
 *   npm run test:browser        (needs Chromium: bash scripts/ensure-system-packages.sh browser)
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium, signedInPage } from '../../scripts/browser';
import { buildAndPack, N8nServer, n8nInstall, prepareUserFolder, REPO } from '../../scripts/n8n-lib';
import { startSandbox, type Sandbox } from '../sandbox';

let server: N8nServer | undefined;
let sandbox: Sandbox | undefined;
let browser: Browser | undefined;
let page: Page;
let userFolder = '';

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

/** A new workflow's nodes panel, searched for `query`, until it lists `expected`; returns the names it lists. */
async function searchNodes(query: string, expected: string): Promise<string[]> {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
	const names = page.getByTestId('item-iterator-item').getByTestId('node-creator-item-name');
	await names.filter({ hasText: exactly(expected) }).first().waitFor();
	return await names.allInnerTexts();
}

/** Each node of the pack: its name in the nodes panel and an alias of its codex. */
const CASES = [
	{ displayName: 'Visioconference', alias: 'jitsi' },
	{ displayName: 'Zoom Meetings', alias: 'ズーム' },
	{ displayName: 'Zoom Meetings Trigger', alias: 'meeting started' },
	{ displayName: 'Zijing Cloud', alias: '紫荆云' },
	{ displayName: 'Chat&Messenger', alias: 'CAM' },
	{ displayName: 'YTX Telephony', alias: '讯众' },
];

describe.each(CASES)('$displayName in the nodes panel', (c) => {
	it(`is found by its name and by the alias "${c.alias}"`, async () => {
		await withPage(c.displayName, async () => {
			expect(await searchNodes(c.displayName, c.displayName)).toContain(c.displayName);
			expect(await searchNodes(c.alias, c.displayName)).toContain(c.displayName);
		});
	});
});
