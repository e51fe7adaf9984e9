/**
 * Every string a run keeps, for secret checks: walks the run data and, for errors, their own
 * non-enumerable fields too (message, stack, cause), which JSON.stringify leaves out.
 */
export function everyString(value: unknown): string {
	const out: string[] = [];
	const seen = new WeakSet<object>();
	const walk = (v: unknown, depth: number) => {
		if (typeof v === 'string') return void out.push(v);
		if (v === null || typeof v !== 'object' || depth > 40 || seen.has(v) || Buffer.isBuffer(v)) return;
		seen.add(v);
		const names = v instanceof Error ? Object.getOwnPropertyNames(v).concat(Object.keys(v)) : Object.keys(v);
		for (const name of new Set(names)) {
			let child: unknown;
			try {
				child = (v as Record<string, unknown>)[name];
			} catch {
				continue;
			}
			walk(child, depth + 1);
		}
	};
	walk(value, 0);
	return out.join('\n');
}
