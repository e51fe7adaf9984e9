/**
 * The browser the project drives: Debian's Chromium (`/usr/bin/chromium`, installed by
 * `scripts/ensure-system-packages.sh browser`) under playwright-core. Used by the browser tests
 * (test/browser), whose screenshots are docs/screenshots (scripts/screenshots.sh).
 */
import fs from 'node:fs';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { DEFAULT_OWNER, type N8nServer, type Owner } from './n8n-lib';

// n8n's editor marks its elements with data-test-id
selectors.setTestIdAttribute('data-test-id');

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts headless Chromium; a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install it with  bash scripts/ensure-system-packages.sh browser`);
	}
	return await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
	});
}

/** A page of the editor, signed in through n8n's sign-in form. */
export async function signedInPage(browser: Browser, server: N8nServer, owner: Owner = DEFAULT_OWNER): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: server.editorUrl, locale: 'en-US' });
	// a busy 2-core machine: the editor's first canvas can take a while
	context.setDefaultTimeout(60_000);
	const page = await context.newPage();
	// "leave the page?" when the editor thinks something is unsaved: leave
	page.on('dialog', (dialog) => void dialog.accept());
	await page.goto('/signin');
	await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(owner.email);
	await page.locator('input[name="password"]').fill(owner.password);
	await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/signin')), page.keyboard.press('Enter')]);
	return page;
}
