/**
 * Child processes that never outlive the script that started them, and waiting for what they serve.
 * Used by the single-instance scripts (scripts/n8n-lib.ts: `npm start`, the e2e tests, the benchmarks)
 * and by queue mode (scripts/queue/lib.ts: PostgreSQL, Redis, n8n main/workers/webhook).
 *
 * - Every child runs in its own process group (`detached`), so one signal reaches it and whatever it
 *   started (n8n's task runner, PostgreSQL's backends). `stop()` sends SIGTERM (or the signal the
 *   program wants) to the group, SIGKILL after a grace period; leftovers of the group are killed when
 *   the child exits.
 * - This process exiting in any way JavaScript sees (end, error, `process.exit`) kills every live
 *   group at once. For the ways it does not see (SIGKILL, a crash), a watchdog (a small shell in its
 *   own session, holding a pipe from this process) stops the groups when the pipe closes: the kernel
 *   closes it however this process ends.
 * - `stopOnSignals()` runs a script's cleanup on SIGINT, SIGTERM and SIGHUP, and when the script's
 *   parent (npm, a shell, a process manager) is gone.
 *
 * Process groups and a pipe are what the kernel offers for this; the helpers are a few lines of Node
 * each. Libraries were weighed: n8n's task runner and PostgreSQL's backends stay in their parent's
 * group, so one group signal reaches the whole tree (`tree-kill` walks `ps` for the same and cannot
 * act once this process is gone); a wait here must end as soon as the awaited process exits and
 * probes what `wait-on` cannot (Redis PING, pg_isready); `execa` 9 and `get-port` 7 are ESM-only,
 * the suites run as CommonJS under ts-jest. Nothing here is shipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Ports this process has handed out: the kernel may pick a just-closed port again. */
const handedOut = new Set<number>();

/** The kernel's pick of a free loopback TCP port (closed again before it resolves). */
async function kernelPick(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * A free loopback TCP port, never one this process handed out before: two calls in a row (n8n's
 * port, then its task broker's) once got the same port from the kernel, and n8n refused to start.
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await kernelPick();
		if (!handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error(`no free loopback port that was not handed out before (${handedOut.size} handed out)`);
}

/** Whether nothing listens on the loopback port. */
export async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Whether a GET of the URL answers 2xx within `timeoutMs`. */
export async function httpOk(url: string, timeoutMs = 2000): Promise<boolean> {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		await res.arrayBuffer();
		return res.ok;
	} catch {
		return false;
	}
}

/** Polls `probe` until it says yes; `check` may throw to give up early (e.g. the server exited). */
export async function waitUntil(
	what: string,
	probe: () => Promise<boolean>,
	options: { timeoutMs: number; intervalMs?: number; check?: () => void; detail?: () => string },
): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < options.timeoutMs) {
		options.check?.();
		if (await probe().catch(() => false)) return;
		await sleepMs(options.intervalMs ?? 250);
	}
	options.check?.();
	throw new Error(`no ${what} after ${options.timeoutMs / 1000} s${options.detail ? `\n${options.detail()}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Process groups

/** Whether a process exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Sends a signal to a process group; false when the group is gone. */
function signalGroup(pgid: number, sig: NodeJS.Signals | 0): boolean {
	try {
		process.kill(-pgid, sig);
		return true;
	} catch {
		return false;
	}
}

/** Every group started here and not yet stopped. */
const live = new Set<ManagedProcess>();

/**
 * The watchdog: reads the list of live groups from a pipe, one line per change; at end of file (this
 * process is gone) it sends SIGTERM to those groups and SIGKILL to what is left after 10 s. It ignores
 * the stop signals, which are for this process, and runs in its own session (no terminal hangup).
 */
const WATCHDOG = `
trap '' INT TERM HUP QUIT
groups=
while IFS= read -r line; do groups=$line; done
[ -n "$groups" ] || exit 0
for g in $groups; do kill -TERM -"$g" 2>/dev/null; done
i=0
while [ $i -lt 40 ]; do
	alive=
	for g in $groups; do kill -0 -"$g" 2>/dev/null && alive=1; done
	[ -n "$alive" ] || exit 0
	sleep 0.25
	i=$((i + 1))
done
for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
`;

let watchdog: ChildProcess | undefined;

function tellWatchdog() {
	if (!watchdog) {
		if (!live.size) return;
		watchdog = spawn('sh', ['-c', WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
		watchdog.on('error', () => undefined);
		watchdog.stdin!.on('error', () => undefined);
		// neither the watchdog nor its pipe keeps this process alive
		watchdog.unref();
		(watchdog.stdin as unknown as net.Socket).unref();
	}
	const pgids = [...live].map((p) => p.pid).filter((pid): pid is number => pid !== undefined);
	watchdog.stdin!.write(`${pgids.join(' ')}\n`);
}

/** Kills every live group at once (SIGKILL). For exit paths that cannot wait. */
export function killAllNow(): void {
	for (const p of live) p.killNow();
}

let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', killAllNow);
}

export interface SpawnOptions {
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** the child's stdout and stderr are appended here */
	logFile: string;
	/** also copy the child's output to this process's stderr */
	echo?: boolean;
	uid?: number;
	gid?: number;
}

/** A child process in its own process group, its output in a log file. */
export class ManagedProcess {
	exitCode?: number | null;
	exitSignal?: NodeJS.Signals | null;
	readonly exited: Promise<void>;

	private constructor(
		readonly name: string,
		readonly child: ChildProcess,
		readonly logFile: string,
	) {
		this.exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				this.exitCode = code;
				this.exitSignal = signal;
				this.killNow(); // what the child left in its group
				live.delete(this);
				tellWatchdog();
				resolve();
			});
			// not started at all (e.g. the program is missing): no 'exit' follows
			child.once('error', () => {
				if (child.pid !== undefined) return;
				this.exitCode = -1;
				resolve();
			});
		});
		if (child.pid !== undefined) {
			live.add(this);
			installExitHook();
			tellWatchdog();
		}
	}

	static spawn(name: string, cmd: string, args: string[], options: SpawnOptions): ManagedProcess {
		const out = fs.openSync(options.logFile, 'a');
		const child = spawn(cmd, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			detached: true,
			stdio: ['ignore', options.echo ? 'pipe' : out, options.echo ? 'pipe' : out],
			uid: options.uid,
			gid: options.gid,
		});
		if (options.echo) {
			for (const stream of [child.stdout!, child.stderr!]) {
				stream.on('data', (chunk: Buffer) => {
					fs.writeSync(out, chunk);
					process.stderr.write(chunk);
				});
			}
			child.once('close', () => fs.closeSync(out));
		} else {
			fs.closeSync(out);
		}
		child.on('error', (error) => process.stderr.write(`[processes] ${name}: ${error.message}\n`));
		return new ManagedProcess(name, child, options.logFile);
	}

	/** A child started elsewhere with `detached: true` (e.g. by execFile, to capture its output). */
	static adopt(name: string, child: ChildProcess): ManagedProcess {
		return new ManagedProcess(name, child, '');
	}

	get running(): boolean {
		return this.exitCode === undefined && this.exitSignal === undefined;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Sends a signal to the whole process group (the process and what it started). */
	signal(sig: NodeJS.Signals): void {
		if (this.child.pid !== undefined) signalGroup(this.child.pid, sig);
	}

	/** `sig` (SIGTERM by default) to the group, then SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000, sig: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		if (this.running) {
			this.signal(sig);
			const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
			if ((await Promise.race([this.exited, timeout])) === 'timeout') {
				process.stderr.write(`[processes] ${this.name} did not stop within ${graceMs / 1000} s; killing it\n`);
				this.signal('SIGKILL');
			}
		}
		await this.exited;
	}

	/** SIGKILL to the group, synchronously (process 'exit' handlers). */
	killNow(): void {
		this.signal('SIGKILL');
	}

	/** The last lines of the log, without stack frames. */
	logTail(lines = 60): string {
		try {
			return fs
				.readFileSync(this.logFile, 'utf8')
				.split('\n')
				.filter((line) => !/^\s+at /.test(line))
				.slice(-lines)
				.join('\n');
		} catch {
			return '';
		}
	}

	/** Waits until `probe` says yes; fails as soon as the process exits. */
	async waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
		await waitUntil(what, probe, {
			timeoutMs,
			check: () => {
				if (!this.running) {
					throw new Error(
						`${this.name} exited (code ${this.exitCode}, signal ${this.exitSignal}) before ${what}. Last lines of ${this.logFile}:\n${this.logTail()}`,
					);
				}
			},
			detail: () => `${this.name}: last lines of ${this.logFile}:\n${this.logTail()}`,
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Stopping a script

export interface Shutdown {
	/** whether a stop is under way */
	readonly stopping: boolean;
	/** runs the cleanup (once), then exits with `code` */
	stop(reason: string, code?: number): void;
}

/**
 * Runs `cleanup` once, then exits, when the script is asked to stop: SIGINT (Ctrl-C), SIGTERM (a
 * process manager, `kill`), SIGHUP (the terminal closed), or its parent process is gone (npm or the
 * shell that started it was killed: nobody waits for the script any more). A signal repeated while
 * cleaning up kills every child at once (npm forwards the signal it got from the terminal or the
 * process group, so one Ctrl-C arrives twice within milliseconds: that is not a repeat); so does a
 * cleanup that takes longer than `graceMs`. The script then exits with `exitCode` (default 0: it
 * was asked to stop, and did).
 */
export function stopOnSignals(
	cleanup: (reason: string) => Promise<void>,
	options: { graceMs?: number; exitCode?: number } = {},
): Shutdown {
	const graceMs = options.graceMs ?? 60_000;
	let since = 0;
	const shutdown = {
		stopping: false,
		stop(reason: string, code = 0) {
			if (shutdown.stopping) {
				if (Date.now() - since < 1000) return;
				process.stderr.write(`${reason} again: killing everything now\n`);
				process.exit(code || 1); // the exit hook kills every group
			}
			shutdown.stopping = true;
			since = Date.now();
			// the terminal may be gone: failing writes must not end the cleanup
			for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
			setTimeout(() => {
				process.stderr.write(`cleanup did not finish within ${graceMs / 1000} s; killing what is left\n`);
				process.exit(code || 1);
			}, graceMs).unref();
			cleanup(reason)
				.catch((error: Error) => process.stderr.write(`${error.message}\n`))
				.finally(() => process.exit(code));
		},
	};
	const code = options.exitCode ?? 0;
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => shutdown.stop(sig, code));
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) shutdown.stop(`parent process ${parent} exited`, code);
	}, 500).unref();
	return shutdown;
}
