/**
 * The machine's process table (Linux /proc), for tests that check what is left running after a stop.
 */
import fs from 'node:fs';

export interface ProcInfo {
	pid: number;
	ppid: number;
	/** process group */
	pgid: number;
	/** R, S, D, Z (zombie: ended, only waiting for its parent to note it), … */
	state: string;
	/** start time in clock ticks since boot: tells the process apart from a later one with its pid */
	start: string;
	args: string;
}

/** Every process on the machine. */
export function processTable(): Map<number, ProcInfo> {
	const table = new Map<number, ProcInfo>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// "pid (comm) state ppid pgrp … starttime(22nd) …"; comm may contain spaces and parentheses
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
			table.set(Number(entry), {
				pid: Number(entry),
				ppid: Number(fields[1]),
				pgid: Number(fields[2]),
				state: fields[0],
				start: fields[19],
				args,
			});
		} catch {
			// exited while we looked
		}
	}
	return table;
}

/** The process and all its descendants. */
export function processTree(root: number): ProcInfo[] {
	const table = processTable();
	const found: ProcInfo[] = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.shift()!;
		const info = table.get(pid);
		if (!info) continue;
		found.push(info);
		for (const [child, c] of table) if (c.ppid === pid) queue.push(child);
	}
	return found;
}

/** Those of `procs` still running (zombies count as ended). */
export function stillRunning(procs: ProcInfo[]): ProcInfo[] {
	const table = processTable();
	return procs.filter((p) => {
		const now = table.get(p.pid);
		return now !== undefined && now.start === p.start && now.state !== 'Z';
	});
}

/** The running (not zombie) members of a process group. */
export function groupMembers(pgid: number): ProcInfo[] {
	return [...processTable().values()].filter((p) => p.pgid === pgid && p.state !== 'Z');
}
