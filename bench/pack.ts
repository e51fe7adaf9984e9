/**
 * The cost of loading the whole pack and its size, as shipped (built and packed by
 * `scripts/n8n-lib.ts` → `buildAndPack`, on a copy of the sources):
 *  - load time: in a fresh process of the Node runtime n8n runs on, `require` of every node and
 *    credential file listed in package.json's `n8n` section and instantiation of each exported class,
 *    with n8n-workflow already loaded (as in n8n); median of BENCH_PACK_RUNS processes, plus the
 *    slowest file and the size of each node's description;
 *  - size: `npm pack --dry-run --json` (tarball size, unpacked size, files).
 *
 *   npm run bench:pack       (BENCH_PACK_RUNS=7; BENCH_REUSE_BUILD=1 reuses the last build in .tmp/bench-pack)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildAndPack, n8nInstall, packageManifest, type N8nInstall } from '../scripts/n8n-lib';
import { BENCH_PACK_DIR, BENCH_STAGING_DIR, median } from './common';

const RUNS = Number(process.env.BENCH_PACK_RUNS ?? 7);

/** Runs in a fresh process: loads n8n-workflow, then every listed file, instantiating its classes. */
const LOADER = `
const path = require('node:path');
const [staging, listJson] = process.argv.slice(2);
const files = JSON.parse(listJson);
const ns = () => Number(process.hrtime.bigint()) / 1e6;
const t0 = ns();
require(path.join(staging, 'node_modules', 'n8n-workflow'));
const t1 = ns();
const perFile = [];
for (const file of files) {
  const a = ns();
  const mod = require(path.join(staging, file));
  let instances = 0;
  let descriptionBytes = 0;
  for (const value of Object.values(mod)) {
    if (typeof value !== 'function') continue;
    const instance = new value();
    instances++;
    const d = instance.description ?? { properties: instance.properties };
    descriptionBytes += JSON.stringify(d).length;
  }
  perFile.push({ file, ms: ns() - a, instances, descriptionBytes });
}
const t2 = ns();
process.stdout.write(JSON.stringify({ workflowMs: t1 - t0, packMs: t2 - t1, perFile }));
`;

interface LoadRun {
	workflowMs: number;
	packMs: number;
	perFile: Array<{ file: string; ms: number; instances: number; descriptionBytes: number }>;
}

export function packBench(install: N8nInstall = n8nInstall(), staging = BENCH_STAGING_DIR): string {
	if (!fs.existsSync(path.join(staging, 'dist'))) buildAndPack(BENCH_PACK_DIR);
	const { nodes, credentials } = packageManifest();
	const files = [...nodes, ...credentials];
	const missing = files.filter((f) => !fs.existsSync(path.join(staging, f)));
	if (missing.length) throw new Error(`not built: ${missing.join(', ')}`);
	const loader = path.join(os.tmpdir(), `bench-pack-loader-${process.pid}.js`);
	fs.writeFileSync(loader, LOADER);
	const runs: LoadRun[] = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const out = execFileSync(install.node, [loader, staging, JSON.stringify(files)], { encoding: 'utf8' });
			runs.push(JSON.parse(out) as LoadRun);
		}
	} finally {
		fs.rmSync(loader, { force: true });
	}
	const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: staging, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack --dry-run failed: ${packed.stderr}`);
	const info = (JSON.parse(packed.stdout) as Array<{ size: number; unpackedSize: number; entryCount: number; files: Array<{ path: string; size: number }> }>)[0];
	const distJs = info.files.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.size, 0);
	const maps = info.files.filter((f) => f.path.endsWith('.map')).reduce((n, f) => n + f.size, 0);

	const perFile = files.map((file) => {
		const samples = runs.map((r) => r.perFile.find((p) => p.file === file)!);
		return { file, ms: median(samples.map((s) => s.ms)), bytes: samples[0].descriptionBytes };
	});
	const nodeRows = perFile
		.filter((f) => nodes.includes(f.file))
		.map((f) => `| ${path.basename(f.file, '.node.js')} | ${f.ms.toFixed(1)} ms | ${(f.bytes / 1024).toFixed(1)} KiB |`);
	const credMs = perFile.filter((f) => credentials.includes(f.file)).reduce((n, f) => n + f.ms, 0);
	return [
		`### Loading the whole pack (${nodes.length} nodes, ${credentials.length} credentials; median of ${RUNS} fresh processes)`,
		'',
		'| what | value |',
		'|---|---:|',
		`| require + instantiate every node and credential (n8n-workflow already loaded) | **${median(runs.map((r) => r.packMs)).toFixed(1)} ms** |`,
		`| (for scale) require of n8n-workflow itself, which n8n has loaded anyway | ${median(runs.map((r) => r.workflowMs)).toFixed(1)} ms |`,
		`| tarball (\`npm pack --dry-run --json\` size) | **${(info.size / 1024).toFixed(1)} KiB** |`,
		`| unpacked | ${(info.unpackedSize / 1024).toFixed(1)} KiB in ${info.entryCount} files (JavaScript ${(distJs / 1024).toFixed(1)} KiB${maps ? `, source maps ${(maps / 1024).toFixed(1)} KiB` : ''}) |`,
		'',
		'| node (first file loaded pays for shared modules) | require + instantiate | description (JSON) |',
		'|---|---:|---:|',
		...nodeRows,
		`| all ${credentials.length} credentials | ${credMs.toFixed(1)} ms | |`,
	].join('\n');
}

if (require.main === module) {
	try {
		const install = n8nInstall();
		if (!process.env.BENCH_REUSE_BUILD) buildAndPack(BENCH_PACK_DIR);
		const nodeVersion = execFileSync(install.node, ['--version'], { encoding: 'utf8' }).trim();
		process.stdout.write(`\n${packBench(install)}\n\nNode ${nodeVersion} (n8n's runtime), ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	}
}
