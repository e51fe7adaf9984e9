/**
 * Every benchmark of this folder in one run on one n8n server: items per second vs the HTTP Request
 * node (bench/nodes-vs-http-request.ts), Chat&Messenger batching (bench/cam-batching.ts), Zoom Return
 * All and token calls (bench/zoom.ts), then the pack's load time and size (bench/pack.ts).
 *
 *   npm run bench:all                 prints the tables (markdown)
 *   npm run bench:all -- --write-docs also writes them into docs/benchmarks.md (between the markers)
 */
import fs from 'node:fs';
import path from 'node:path';

import { log, REPO } from '../scripts/n8n-lib';
import { camBatching } from './cam-batching';
import { BENCH_STAGING_DIR, machine, startBench, type Bench } from './common';
import { nodesVsHttpRequest } from './nodes-vs-http-request';
import { packBench } from './pack';
import { zoomBench } from './zoom';

const START = '<!-- bench:all:start -->';
const END = '<!-- bench:all:end -->';

async function main() {
	let bench: Bench | undefined;
	const sections: string[] = [];
	const started = Date.now();
	try {
		bench = await startBench();
		sections.push(await nodesVsHttpRequest(bench));
		sections.push(await camBatching(bench));
		sections.push(await zoomBench(bench));
		sections.push(packBench(bench.install, BENCH_STAGING_DIR));
		sections.push(`${machine(bench.install)}; whole run ${Math.round((Date.now() - started) / 1000)} s.`);
	} finally {
		await bench?.stop();
	}
	const text = sections.join('\n\n');
	process.stdout.write(`\n${text}\n`);
	if (process.argv.includes('--write-docs')) {
		const file = path.join(REPO, 'docs', 'benchmarks.md');
		const doc = fs.readFileSync(file, 'utf8');
		const a = doc.indexOf(START);
		const b = doc.indexOf(END);
		if (a < 0 || b < a) throw new Error(`docs/benchmarks.md has no ${START} … ${END} block`);
		fs.writeFileSync(file, `${doc.slice(0, a + START.length)}\n${text}\n${doc.slice(b)}`);
		log('wrote the tables into docs/benchmarks.md');
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
