/**
 * Memory of the signed requests a trigger node has accepted, to refuse the same request (same
 * timestamp and signature) a second time.
 *
 * Kept in module memory, per workflow and node, not in the workflow's static data: n8n loads static
 * data from its database for every webhook call and saves it only when an execution ends, so two
 * copies of a request arriving together would both look new, and a call that starts no execution
 * could not be remembered at all. Here the check-and-record is one synchronous step.
 *
 * An entry is needed only while its timestamp is fresh: once it is older than the accepted clock
 * skew, the timestamp check refuses the request anyway. Entries are therefore dropped when their
 * timestamp goes stale, and each node keeps at most `MAX_ENTRIES_PER_NODE` (the oldest go first).
 * Limits: the memory is per n8n process (a restart forgets it; several webhook processes in queue
 * mode each keep their own).
 */
import { MAX_CLOCK_SKEW_MS } from './signature';

export const MAX_ENTRIES_PER_NODE = 20000;
const SWEEP_INTERVAL_MS = 1000;

/** scope (workflow + node) → replay key → time after which the entry is no longer needed */
const seen = new Map<string, Map<string, number>>();
let lastSweep = 0;

function sweep(nowMs: number): void {
	for (const [scope, entries] of seen) {
		for (const [key, expiresAt] of entries) {
			if (expiresAt < nowMs) entries.delete(key);
		}
		if (entries.size === 0) seen.delete(scope);
	}
	lastSweep = nowMs;
}

/**
 * Records `key` for `scope` and answers true, or answers false when the key was already recorded
 * and is still fresh.
 */
export function rememberOnce(scope: string, key: string, timestampMs: number, nowMs: number): boolean {
	if (Math.abs(nowMs - lastSweep) >= SWEEP_INTERVAL_MS) sweep(nowMs);
	let entries = seen.get(scope);
	if (!entries) {
		entries = new Map();
		seen.set(scope, entries);
	}
	const known = entries.get(key);
	if (known !== undefined && known >= nowMs) return false;
	entries.set(key, timestampMs + MAX_CLOCK_SKEW_MS + 1000);
	while (entries.size > MAX_ENTRIES_PER_NODE) {
		const oldest = entries.keys().next().value as string;
		entries.delete(oldest);
	}
	return true;
}

/** How many requests are remembered for a scope (for diagnostics and tests). */
export function rememberedCount(scope: string): number {
	return seen.get(scope)?.size ?? 0;
}
