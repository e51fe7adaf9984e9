/**
 * Screenshots of each node's panel in n8n's editor → docs/screenshots/<node>.png.
 *
 * Starts the pinned n8n with the packed package and the sandbox credentials, creates one workflow per
 * node (Manual Trigger → the node with its default operation and its sandbox credential), then drives
 * headless Chromium over the DevTools protocol: logs in with the REST session, opens
 * /workflow/<id>/<nodeId> (the node's panel) and captures the page.
 *
 * Needs Chromium (`apt-get install -y chromium`) and a global WebSocket (Node ≥ 22), so run it with
 * the Node that n8n is installed with:  bash scripts/screenshots.sh
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSandbox } from '../test/sandbox';
import {
	buildAndPack,
	exampleFiles,
	importCredentials,
	log,
	N8nServer,
	n8nInstall,
	nodeType,
	packStagingDir,
	packageManifest,
	prepareUserFolder,
	REPO,
} from './n8n-lib';
import { freePort, ManagedProcess, sleepMs } from './processes';

const OUT_DIR = path.join(REPO, 'docs', 'screenshots');
const MAX_BYTES = 300 * 1024;
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';

interface Description {
	name: string;
	displayName: string;
	group?: string[];
	credentials?: Array<{ name: string; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

function builtDescription(distFile: string): Description {
	const className = path.basename(distFile).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file, loaded the way n8n loads it
	const mod = require(path.join(packStagingDir(), distFile)) as Record<string, new () => { description: Description }>;
	return new mod[className]().description;
}

/** A minimal DevTools protocol client over one page target. */
class Cdp {
	private id = 0;
	private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
	private constructor(private readonly ws: WebSocket) {
		ws.addEventListener('message', (event) => {
			const msg = JSON.parse(String(event.data)) as { id?: number; method?: string; result?: unknown; error?: { message: string } };
			if (msg.id === undefined) {
				// "leave the page?" when the editor thinks something is unsaved: leave
				if (msg.method === 'Page.javascriptDialogOpening') void this.send('Page.handleJavaScriptDialog', { accept: true });
				return;
			}
			const waiter = this.pending.get(msg.id);
			if (!waiter) return;
			this.pending.delete(msg.id);
			if (msg.error) waiter.reject(new Error(msg.error.message));
			else waiter.resolve(msg.result);
		});
	}

	static async connect(url: string): Promise<Cdp> {
		const ws = new WebSocket(url);
		await new Promise<void>((resolve, reject) => {
			ws.addEventListener('open', () => resolve());
			ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
		});
		return new Cdp(ws);
	}

	async send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
		const id = ++this.id;
		this.ws.send(JSON.stringify({ id, method, params }));
		return await new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
	}

	async evaluate<T = unknown>(expression: string): Promise<T> {
		const result = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
		return result.result?.value as T;
	}

	close() {
		this.ws.close();
	}
}

async function main() {
	if (typeof WebSocket === 'undefined') throw new Error('run with Node ≥ 22 (bash scripts/screenshots.sh does)');
	const install = n8nInstall();
	const tarball = buildAndPack();
	const userFolder = prepareUserFolder(tarball);
	const sandbox = await startSandbox();
	await importCredentials(userFolder, sandbox.credentials, install);
	const server = await N8nServer.start({ userFolder, install });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-conferencing-chromium-'));
	let browser: ManagedProcess | undefined;
	const cleanup = async () => {
		await browser?.stop(5_000, 'SIGKILL');
		await server.stop();
		await sandbox.stop();
		fs.rmSync(profile, { recursive: true, force: true });
		fs.rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		await server.setupOwner();
		const targets: Array<{ file: string; workflowId: string; nodeId: string }> = [];
		const exampleNodes = new Map<string, { parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }>();
		for (const file of exampleFiles()) {
			const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Array<{ type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }> };
			for (const node of workflow.nodes) if (!exampleNodes.has(node.type)) exampleNodes.set(node.type, node);
		}
		for (const distFile of packageManifest().nodes) {
			const description = builtDescription(distFile);
			// the node as an example workflow configures it, when there is one; else its defaults
			const fromExample = exampleNodes.get(nodeType(description.name));
			const parameters: Record<string, unknown> = { ...(fromExample?.parameters ?? {}) };
			const credentials: Record<string, { id: string; name: string }> = { ...(fromExample?.credentials ?? {}) };
			for (const wanted of fromExample ? [] : (description.credentials ?? [])) {
				const sandboxCredential = sandbox.credentials.find((c) => c.type === wanted.name);
				if (!sandboxCredential || Object.keys(credentials).length) continue;
				credentials[wanted.name] = { id: sandboxCredential.id, name: sandboxCredential.name };
				const auth = wanted.displayOptions?.show?.authentication;
				if (Array.isArray(auth) && auth.length) parameters.authentication = auth[0];
			}
			const isTrigger = description.group?.includes('trigger');
			const nodeId = 'a0000000-0000-4000-8000-000000000002';
			const nodes: Array<Record<string, unknown>> = [
				{
					id: nodeId,
					name: description.displayName,
					type: nodeType(description.name),
					typeVersion: 1,
					position: [260, 0],
					parameters,
					credentials,
					...(isTrigger ? { webhookId: 'a0000000-0000-4000-8000-0000000000aa' } : {}),
				},
			];
			if (!isTrigger) {
				nodes.unshift({
					id: 'a0000000-0000-4000-8000-000000000001',
					name: 'When clicking ‘Execute workflow’',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				});
			}
			const created = await server.createWorkflow({
				name: description.displayName,
				nodes,
				connections: isTrigger
					? {}
					: { 'When clicking ‘Execute workflow’': { main: [[{ node: description.displayName, type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			targets.push({ file: description.name, workflowId: created.id, nodeId });
		}

		const debugPort = await freePort();
		browser = ManagedProcess.spawn(
			'chromium',
			CHROMIUM,
			[
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--hide-scrollbars',
				`--user-data-dir=${profile}`,
				`--remote-debugging-port=${debugPort}`,
				'--window-size=1400,900',
				'about:blank',
			],
			{ logFile: path.join(profile, 'chromium.log') },
		);
		let pageUrl: string | undefined;
		for (let i = 0; i < 100 && !pageUrl; i++) {
			await sleepMs(200);
			try {
				const list = (await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl: string }>;
				pageUrl = list.find((t) => t.type === 'page')?.webSocketDebuggerUrl;
			} catch {
				// not up yet
			}
		}
		if (!pageUrl) throw new Error('Chromium did not open its DevTools port');
		const cdp = await Cdp.connect(pageUrl);
		await cdp.send('Page.enable');
		await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 900, deviceScaleFactor: 1, mobile: false });
		// the session: the editor sends its browser id from localStorage; give it the REST session's
		await cdp.send('Page.navigate', { url: `${server.editorUrl}/signin` });
		await sleepMs(3000);
		await cdp.evaluate(`localStorage.setItem('n8n-browserId', ${JSON.stringify(server.browserId)}); true`);
		const [name, value] = server.cookie.split('=');
		await cdp.send('Network.enable');
		await cdp.send('Network.setCookie', { name, value, url: server.editorUrl, httpOnly: true });

		fs.mkdirSync(OUT_DIR, { recursive: true });
		for (const target of targets) {
			await cdp.send('Page.navigate', { url: 'about:blank' });
			await sleepMs(500);
			await cdp.send('Page.navigate', { url: `${server.editorUrl}/workflow/${target.workflowId}` });
			// open the node's panel: double-click the node on the canvas (once it is drawn)
			let center: [number, number] | null = null;
			for (let i = 0; i < 60 && !center; i++) {
				await sleepMs(500);
				center = await cdp.evaluate<[number, number] | null>(`(() => {
					const el = document.querySelector('.vue-flow__node[data-id="${target.nodeId}"]');
					if (!el) return null;
					const r = el.getBoundingClientRect();
					return r.width > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null;
				})()`);
			}
			if (!center) {
				const shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
				const debug = path.join(os.tmpdir(), `screenshot-failed-${target.file}.png`);
				fs.writeFileSync(debug, Buffer.from(shot.data, 'base64'));
				throw new Error(`node ${target.file} not found on the canvas (page: ${debug})`);
			}
			await sleepMs(1000);
			const [x, y] = center;
			await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
			for (const clickCount of [1, 2]) {
				await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount });
				await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount });
			}
			await sleepMs(3000);
			let shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
			let file = path.join(OUT_DIR, `${target.file}.png`);
			let bytes = Buffer.from(shot.data, 'base64');
			if (bytes.length > MAX_BYTES) {
				shot = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'jpeg', quality: 70 });
				bytes = Buffer.from(shot.data, 'base64');
				file = path.join(OUT_DIR, `${target.file}.jpg`);
			}
			fs.writeFileSync(file, bytes);
			log(`${path.relative(REPO, file)} (${Math.round(bytes.length / 1024)} KB)`);
		}
		cdp.close();
	} finally {
		await cleanup();
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
