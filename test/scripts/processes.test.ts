/**
 * scripts/processes.ts: the process groups started by a script end with it, however the script
 * ends (the real `npm start` with n8n is checked in test/signals). The script under test is
 * test/scripts/fixtures/keeper.ts: one group of two `sleep`s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { freePort, ManagedProcess, portIsFree, waitUntil } from '../../scripts/processes';
import { groupMembers, processTable } from '../harness/proc';

const REPO = path.resolve(__dirname, '../..');
const KEEPER = path.join(__dirname, 'fixtures', 'keeper.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'processes-test-'));
const started: ChildProcess[] = [];
const groups: number[] = [];

afterEach(() => {
	for (const pgid of groups.splice(0)) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone, as it should be
		}
	}
	for (const child of started.splice(0)) child.kill('SIGKILL');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `command` (a shell command line, the keeper as `$KEEPER`) and waits for the keeper's group. */
async function run(command: string, options: { terminal?: boolean } = {}) {
	const keeper = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(KEEPER)} ${JSON.stringify(path.join(dir, 'sleepers.log'))}`;
	const line = command.replace('$KEEPER', keeper);
	const child = options.terminal
		? spawn('script', ['-qfec', line, '/dev/null'], { cwd: REPO, detached: true, stdio: 'pipe', env: { ...process.env, SHELL: '/bin/sh' } })
		: spawn('sh', ['-c', line], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	started.push(child);
	let out = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	// all output read: every process writing to the pipes has ended
	const closed = new Promise<string>((resolve) => child.once('close', () => resolve(out)));
	await waitUntil('ready line', async () => /ready \d+/.test(out), { timeoutMs: 30_000, detail: () => out });
	const pgid = Number(/ready (\d+)/.exec(out)![1]);
	groups.push(pgid);
	const keeperPid = [...processTable().values()].find((p) => p.args.includes('keeper.ts') && p.args.startsWith(process.execPath))!.pid;
	// the group: sh and its two sleeps
	expect(groupMembers(pgid).map((p) => p.args).sort()).toEqual(['sh -c sleep 300 & sleep 300', 'sleep 300', 'sleep 300']);
	return { child, pgid, keeperPid, output: async () => await closed };
}

/** Waits (bounded) for the group to end; returns what is left of it. */
async function leftAfterStop(pgid: number): Promise<string[]> {
	await waitUntil('the group to end', async () => groupMembers(pgid).length === 0, { timeoutMs: 20_000 }).catch(() => undefined);
	return groupMembers(pgid).map((p) => p.args);
}

describe('a script’s process groups end with the script', () => {
	test('SIGTERM to the script: its cleanup stops the group', async () => {
		const { pgid, keeperPid, output } = await run('$KEEPER');
		process.kill(keeperPid, 'SIGTERM');
		expect(await leftAfterStop(pgid)).toEqual([]);
		expect(await output()).toContain('stopping: SIGTERM');
	});

	test('SIGKILL to the script: the watchdog stops the group', async () => {
		const { pgid, keeperPid, output } = await run('$KEEPER');
		process.kill(keeperPid, 'SIGKILL');
		expect(await leftAfterStop(pgid)).toEqual([]);
		expect(await output()).not.toContain('stopping:');
	});

	test('its parent killed: the script notices and stops the group', async () => {
		const { child, pgid, output } = await run('$KEEPER & wait');
		process.kill(child.pid!, 'SIGKILL'); // the shell that started it
		expect(await leftAfterStop(pgid)).toEqual([]);
		expect(await output()).toMatch(/stopping: parent process \d+ exited/);
	});

	test('its terminal closed: SIGHUP stops the group', async () => {
		const { child, pgid } = await run('$KEEPER', { terminal: true });
		process.kill(child.pid!, 'SIGKILL'); // `script` holds the pseudo-terminal: it closes with it
		expect(await leftAfterStop(pgid)).toEqual([]);
	});
});

describe('ManagedProcess', () => {
	test('stop() kills a process that ignores SIGTERM, and what it started, after the grace period', async () => {
		const proc = ManagedProcess.spawn('stubborn', 'sh', ['-c', 'trap "" TERM; sleep 300 & wait'], { logFile: path.join(dir, 'stubborn.log') });
		groups.push(proc.pid!);
		await waitUntil('the sleep', async () => groupMembers(proc.pid!).length === 2, { timeoutMs: 10_000 });
		await proc.stop(500);
		expect(proc.exitSignal).toBe('SIGKILL');
		expect(await leftAfterStop(proc.pid!)).toEqual([]);
	});

	test('waitFor() fails as soon as the process exits, with its exit code and log', async () => {
		const logFile = path.join(dir, 'failing.log');
		const proc = ManagedProcess.spawn('failing', 'sh', ['-c', 'echo cannot bind the port; exit 3'], { logFile });
		await expect(proc.waitFor('readiness', async () => false, 60_000)).rejects.toThrow(
			/failing exited \(code 3, signal null\) before readiness\. Last lines of .*failing\.log:\ncannot bind the port/,
		);
	});
});

describe('freePort', () => {
	afterEach(() => jest.restoreAllMocks());

	it('never hands out a port twice, even when the kernel picks the same one again', async () => {
		const picks = [41001, 41001, 41001, 41002];
		jest.spyOn(net, 'createServer').mockImplementation(() => {
			const port = picks.shift();
			const fake = {
				unref: () => fake,
				on: () => fake,
				listen: (_port: number, _host: string, ready: () => void) => (ready(), fake),
				address: () => ({ port, address: '127.0.0.1', family: 'IPv4' }),
				close: (done: () => void) => (done(), fake),
			};
			return fake as unknown as net.Server;
		});
		expect(await freePort()).toBe(41001);
		expect(await freePort()).toBe(41002);
		expect(picks).toEqual([]);
	});

	it('gives a port nothing listens on', async () => {
		const port = await freePort();
		expect(port).toBeGreaterThan(0);
		expect(await portIsFree(port)).toBe(true);
	});
});
