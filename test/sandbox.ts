/**
 * The local sandbox: every provider simulator in `test/simulators/*.ts`, started on fixed loopback
 * ports, plus n8n credentials that point at them. `npm start` runs it next to n8n; the end-to-end
 * tests run it on free ports. Standalone: `npx tsx test/sandbox.ts` (Ctrl-C stops it).
 *
 * Adding a provider: write `test/simulators/<provider>.ts` exporting a `Simulator` subclass whose
 * constructor takes no argument, then add an entry to PROVIDERS below (port + the credentials n8n
 * needs to reach it). A simulator without an entry is still started on a port from 5790 up, but has
 * no sandbox credential.
 */
import fs from 'node:fs';
import path from 'node:path';

import { Simulator } from './simulators/base';

export interface SandboxCredential {
	/** fixed id, so example workflows can reference it */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface SandboxProvider {
	/** file in test/simulators, without `.ts` */
	file: string;
	/** the exported Simulator subclass */
	className: string;
	/** loopback port in the sandbox (npm start) */
	port: number;
	/** credentials pointing at the running simulator */
	credentials: (sim: any) => SandboxCredential[];
}

export const PROVIDERS: SandboxProvider[] = [
	{
		file: 'visioconference',
		className: 'VisioconferenceSimulator',
		port: 5701,
		credentials: (sim) => [
			{
				id: 'sbxVisioconf0001',
				name: 'Visioconference.me (sandbox)',
				type: 'visioconferenceApi',
				data: { apiKey: sim.apiKey, baseUrl: sim.apiBaseUrl },
			},
		],
	},
	{
		file: 'zoom',
		className: 'ZoomSimulator',
		port: 5702,
		credentials: (sim) => [
			{
				id: 'sbxZoomS2S000001',
				name: 'Zoom Server-to-Server (sandbox)',
				type: 'zoomMeetingsServerToServerApi',
				data: {
					accountId: sim.accountId,
					clientId: sim.s2sClientId,
					clientSecret: sim.s2sClientSecret,
					environment: 'custom',
					customOAuthBaseUrl: sim.url,
					customApiBaseUrl: sim.apiBaseUrl,
					// recording files are served from a host of their own, as with Zoom
					customDownloadBaseUrls: sim.web.url,
				},
			},
			{
				// Zoom sends webhooks to n8n; the sandbox signs test events with this secret
				id: 'sbxZoomWebhook01',
				name: 'Zoom webhook (sandbox)',
				type: 'zoomMeetingsWebhookApi',
				data: { secretToken: ZOOM_WEBHOOK_SECRET },
			},
		],
	},
	{
		file: 'zijing',
		className: 'ZijingSimulator',
		port: 5703,
		credentials: (sim) => [
			{
				id: 'sbxZijing0000001',
				name: 'Zijing Cloud (sandbox)',
				type: 'zijingCloudApi',
				data: { apiServer: sim.url, keyType: 'tenantKey', tenantAuthKey: sim.publicKey },
			},
		],
	},
	{
		file: 'cam',
		className: 'CamSimulator',
		port: 5704,
		credentials: (sim) => [
			{
				id: 'sbxChatMessenger',
				name: 'Chat&Messenger (sandbox)',
				type: 'chatMessengerApi',
				data: { serverUrl: sim.url, apiToken: sim.apiToken },
			},
		],
	},
	{
		file: 'ytx',
		className: 'YtxSimulator',
		port: 5705,
		credentials: (sim) => [
			{
				id: 'sbxYtxTelephony1',
				name: 'YTX Telephony (sandbox)',
				type: 'ytxTelephonyApi',
				data: { accountSid: sim.accountSid, authToken: sim.authToken, appId: sim.appId, environment: 'custom', customUrl: sim.url },
			},
		],
	},
	{
		// a scripted OpenAI-compatible chat model, for n8n's AI Agent (examples/ai-agent-meeting-assistant.json)
		file: 'openai',
		className: 'OpenAiSimulator',
		port: 5706,
		credentials: (sim) => [
			{
				id: 'sbxOpenAiModel01',
				name: 'OpenAI-compatible model (sandbox)',
				type: 'openAiApi',
				data: { apiKey: sim.apiKey, url: sim.apiBaseUrl, header: false },
			},
		],
	},
];

/** Secret Token of the sandbox's Zoom webhook credential (signs the events the tests send). */
export const ZOOM_WEBHOOK_SECRET = 'sbxZoomWebhookSecret22';

const FIRST_UNLISTED_PORT = 5790;

export interface RunningSimulator {
	name: string;
	file: string;
	className: string;
	url: string;
	sim: Simulator;
	credentials: SandboxCredential[];
}

export interface Sandbox {
	simulators: RunningSimulator[];
	credentials: SandboxCredential[];
	/** the simulator started from test/simulators/<file>.ts */
	get<T extends Simulator = Simulator>(file: string): T;
	stop(): Promise<void>;
}

const SIMULATOR_DIR = path.join(__dirname, 'simulators');

/** Simulator subclasses exported by test/simulators/*.ts (except base.ts), in file order. */
export async function discoverSimulators(): Promise<Array<{ file: string; className: string; ctor: new () => Simulator }>> {
	const found: Array<{ file: string; className: string; ctor: new () => Simulator }> = [];
	const files = fs
		.readdirSync(SIMULATOR_DIR)
		.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts') && f !== 'base.ts')
		.sort();
	for (const fileName of files) {
		const file = fileName.replace(/\.ts$/, '');
		let mod: Record<string, unknown>;
		try {
			mod = (await import(path.join(SIMULATOR_DIR, file))) as Record<string, unknown>;
		} catch (error) {
			process.stderr.write(`[sandbox] skipping test/simulators/${fileName}: ${(error as Error).message}\n`);
			continue;
		}
		for (const [className, value] of Object.entries(mod)) {
			if (typeof value === 'function' && value.prototype instanceof Simulator && value.length === 0) {
				found.push({ file, className, ctor: value as new () => Simulator });
			}
		}
	}
	return found;
}

/**
 * Starts every simulator. `fixedPorts` (npm start) uses the ports above; otherwise free ports
 * (tests, so a running sandbox does not get in the way).
 */
export async function startSandbox(options: { fixedPorts?: boolean } = {}): Promise<Sandbox> {
	const simulators: RunningSimulator[] = [];
	let nextUnlisted = FIRST_UNLISTED_PORT;
	const stopAll = async () => {
		for (const s of simulators) await s.sim.stop().catch(() => undefined);
	};
	try {
		for (const { file, className, ctor } of await discoverSimulators()) {
			const provider = PROVIDERS.find((p) => p.file === file && p.className === className);
			const sim = new ctor();
			const port = options.fixedPorts ? (provider?.port ?? nextUnlisted++) : 0;
			try {
				await sim.start(port);
			} catch (error) {
				throw new Error(
					`[sandbox] cannot start ${className} on 127.0.0.1:${port}: ${(error as Error).message}` +
						' (is another sandbox running? stop it, or free the port)',
				);
			}
			if (!provider) {
				process.stderr.write(`[sandbox] ${className} (test/simulators/${file}.ts) has no entry in PROVIDERS: no sandbox credential\n`);
			}
			simulators.push({ name: sim.name, file, className, url: sim.url, sim, credentials: provider ? provider.credentials(sim) : [] });
		}
	} catch (error) {
		await stopAll();
		throw error;
	}
	return {
		simulators,
		credentials: simulators.flatMap((s) => s.credentials),
		get<T extends Simulator>(file: string): T {
			const found = simulators.find((s) => s.file === file);
			if (!found) throw new Error(`no simulator from test/simulators/${file}.ts is running`);
			return found.sim as T;
		},
		stop: stopAll,
	};
}

if (require.main === module) {
	void (async () => {
		const sandbox = await startSandbox({ fixedPorts: true });
		for (const s of sandbox.simulators) process.stdout.write(`${s.className.padEnd(32)} ${s.url}\n`);
		process.stdout.write('\nsandbox credentials:\n');
		for (const c of sandbox.credentials) {
			process.stdout.write(`  ${c.name} (${c.type}): ${JSON.stringify(c.data)}\n`);
		}
		process.stdout.write('\nCtrl-C stops the sandbox\n');
		const stop = () => void sandbox.stop().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	})();
}
