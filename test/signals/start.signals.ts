/**
 * `npm start` stops everything it started, however it is asked to stop: each test starts the real
 * `npm start` (n8n, its task runner, the sandbox), waits until n8n answers, stops it one way, and
 * checks that no process of the tree is left and that no port of it still listens.
 *
 * The ways: Ctrl-C typed on a terminal (a pseudo-terminal from util-linux `script`), SIGTERM and
 * SIGHUP sent to npm alone (a process manager, an IDE's stop button, `kill <pid>`), SIGINT and
 * SIGTERM sent to npm's process group without a terminal (`kill -- -<pgid>`, container runtimes).
 * What happens when the script itself or its terminal is killed is checked without n8n, in
 * test/scripts/processes.test.ts.
 *
 *   npm run test:signals
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { n8nInstall, REPO } from '../../scripts/n8n-lib';
import { httpOk, portIsFree, waitUntil } from '../../scripts/processes';
import { processTree, stillRunning, type ProcInfo } from '../harness/proc';

interface Started {
	/** npm itself, or `script` holding the terminal */
	child: ChildProcess;
	/** everything npm start printed, once every process writing it has ended */
	output: () => Promise<string>;
	n8nPort: number;
	simulatorPorts: number[];
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-conferencing-signals-'));
let running: ProcInfo[] = [];

/**
 * `npm start -- --free-ports` in its own session, on a pseudo-terminal or without a terminal; resolves
 * once the start banner is printed and n8n answers.
 */
async function npmStart(terminal: boolean): Promise<Started> {
	const env: NodeJS.ProcessEnv = { ...process.env, N8N_HOME_DIR: home, SHELL: '/bin/sh', NO_COLOR: '1' };
	delete env.NODE_OPTIONS;
	const child = terminal
		? spawn('script', ['-qfec', 'npm start -- --free-ports', '/dev/null'], { cwd: REPO, env, detached: true, stdio: 'pipe' })
		: spawn('npm', ['start', '--', '--free-ports'], { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	let exited = false;
	child.once('exit', () => (exited = true));
	const closed = new Promise<string>((resolve) => child.once('close', () => resolve(out)));
	running = [];
	await waitUntil('start banner', async () => /Ctrl-C stops n8n/.test(out), {
		timeoutMs: 6 * 60_000,
		intervalMs: 500,
		check: () => {
			if (exited) throw new Error(`npm start exited before it was ready:\n${out.slice(-4000)}`);
		},
		detail: () => out.slice(-4000),
	});
	const editor = /editor\s+http:\/\/localhost:(\d+)/.exec(out);
	if (!editor) throw new Error(`no editor URL in the output of npm start:\n${out}`);
	const n8nPort = Number(editor[1]);
	const simulatorPorts = [...out.matchAll(/^\s+\w+Simulator\s+http:\/\/127\.0\.0\.1:(\d+)/gm)].map((m) => Number(m[1]));
	expect(await httpOk(`http://127.0.0.1:${n8nPort}/healthz/readiness`)).toBe(true);
	expect(simulatorPorts.length).toBeGreaterThan(0);
	running = processTree(child.pid!);
	// npm, the script (with n8n's processes under it), n8n, its task runner
	expect(running.some((p) => /scripts\/start\.ts/.test(p.args))).toBe(true);
	expect(running.filter((p) => /node_modules\/n8n\/bin\/n8n start/.test(p.args))).toHaveLength(1);
	return { child, output: async () => await closed, n8nPort, simulatorPorts };
}

/** Waits (bounded) until no process of the tree runs and no port of it listens; returns what is left. */
async function leftovers(started: Started): Promise<{ processes: string[]; ports: number[] }> {
	const ports = [started.n8nPort, ...started.simulatorPorts];
	const busyPorts = async () => {
		const busy: number[] = [];
		for (const port of ports) if (!(await portIsFree(port))) busy.push(port);
		return busy;
	};
	try {
		await waitUntil('stop', async () => stillRunning(running).length === 0 && (await busyPorts()).length === 0, {
			timeoutMs: 60_000,
			intervalMs: 250,
		});
	} catch {
		// reported below
	}
	return { processes: stillRunning(running).map((p) => `${p.pid} ${p.args.slice(0, 160)}`), ports: await busyPorts() };
}

beforeAll(() => {
	n8nInstall(); // a new machine installs n8n first (minutes)
}, 15 * 60_000);

afterEach(() => {
	// whatever a failed test left behind
	for (const p of stillRunning(running)) {
		try {
			process.kill(p.pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});

afterAll(() => {
	fs.rmSync(home, { recursive: true, force: true });
});

describe('npm start stops n8n, its task runner and the sandbox', () => {
	test('Ctrl-C on a terminal', async () => {
		const started = await npmStart(true);
		started.child.stdin!.write('\x03');
		expect(await leftovers(started)).toEqual({ processes: [], ports: [] });
		expect(await started.output()).toMatch(/SIGINT: stopping n8n and the sandbox/);
	});

	test('SIGTERM to npm, without a terminal', async () => {
		const started = await npmStart(false);
		process.kill(started.child.pid!, 'SIGTERM');
		expect(await leftovers(started)).toEqual({ processes: [], ports: [] });
		expect(await started.output()).toMatch(/SIGTERM: stopping n8n and the sandbox/);
	});

	test('SIGHUP to npm, without a terminal', async () => {
		const started = await npmStart(false);
		process.kill(started.child.pid!, 'SIGHUP');
		expect(await leftovers(started)).toEqual({ processes: [], ports: [] });
		// npm dies of SIGHUP without forwarding it: the script notices that its parent is gone
		expect(await started.output()).toMatch(/parent process \d+ exited: stopping n8n and the sandbox/);
	});

	test('SIGINT to the process group, without a terminal', async () => {
		const started = await npmStart(false);
		process.kill(-started.child.pid!, 'SIGINT');
		expect(await leftovers(started)).toEqual({ processes: [], ports: [] });
		expect(await started.output()).toMatch(/SIGINT: stopping n8n and the sandbox/);
	});

	test('SIGTERM to the process group, without a terminal', async () => {
		const started = await npmStart(false);
		process.kill(-started.child.pid!, 'SIGTERM');
		expect(await leftovers(started)).toEqual({ processes: [], ports: [] });
		expect(await started.output()).toMatch(/SIGTERM: stopping n8n and the sandbox/);
	});
});
