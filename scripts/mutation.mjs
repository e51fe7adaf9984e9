/**
 * Mutation testing (StrykerJS), area by area (stryker/areas.mjs), one after the other, each under
 * `nice`. Ends with one line per mutated file: its score and what is left.
 *
 *   npm run test:mutation                  every area
 *   npm run test:mutation -- ytx executor  some areas
 *   STRYKER_CONCURRENCY=1 npm run test:mutation -- zoomTrigger
 *   STRYKER_FORCE=1 npm run test:mutation -- zijing   every mutant tested again
 *
 * A whole area's run is incremental (StrykerJS `--incremental`): it starts from the area's results
 * kept in stryker/incremental/<area>.json.gz (committed), tests again only the mutants whose code or
 * covering tests changed since, and writes the area's results back there.
 *
 * Reports: reports/mutation/<area>.html (open in a browser) and <area>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

import { areas, wholeRun, workingResults } from '../stryker/areas.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in areas));
if (unknown.length) {
	console.error(`Unknown area(s): ${unknown.join(', ')}. Areas: ${Object.keys(areas).join(', ')}`);
	process.exit(2);
}
const chosen = asked.length ? asked : Object.keys(areas);
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

const kept = (area) => path.join(root, 'stryker', 'incremental', `${area}.json.gz`);
const working = (area) => path.join(root, workingResults(area));

/** What StrykerJS counts as not detected: survived, or reached by no test. */
const MISSED = ['Survived', 'NoCoverage'];

let failed = false;
for (const area of chosen) {
	console.log(`\n=== mutation testing: ${area} ===`);
	const started = Date.now();
	if (wholeRun) {
		mkdirSync(path.dirname(working(area)), { recursive: true });
		if (existsSync(kept(area))) writeFileSync(working(area), JSON.stringify(withoutStaticMisses(JSON.parse(gunzipSync(readFileSync(kept(area)))))));
		else rmSync(working(area), { force: true });
	}
	const result = spawnSync('nice', ['-n', '10', process.execPath, stryker, 'run', 'stryker.config.mjs'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, STRYKER_AREA: area },
	});
	console.log(`=== ${area}: ${Math.round((Date.now() - started) / 1000)} s ===`);
	if (result.status !== 0) failed = true;
	else if (wholeRun && existsSync(working(area))) {
		// kept compressed and without what only describes this machine's run (its folder, the options, the
		// failing tests' messages with their stack traces): StrykerJS reads the files, tests and results back
		const { projectRoot: _root, config: _config, ...results } = JSON.parse(readFileSync(working(area), 'utf8'));
		for (const file of Object.values(results.files)) for (const mutant of file.mutants) delete mutant.statusReason;
		mkdirSync(path.dirname(kept(area)), { recursive: true });
		writeFileSync(kept(area), gzipSync(JSON.stringify(results), { level: 9 }));
	}
}

/**
 * The kept results without the module-level (static) mutants that were not detected. StrykerJS records
 * such a mutant as covered by the tests that ran when its module was loaded, and reuses its result
 * while those tests are unchanged: a test added since that would kill it (one that runs every test of
 * the area, see stryker/runner.cjs) goes unseen. Dropped, they are tested again in every run.
 */
function withoutStaticMisses(results) {
	for (const file of Object.values(results.files)) {
		file.mutants = file.mutants.filter((m) => !(m.static && MISSED.includes(m.status)));
	}
	return results;
}

/** Stryker's score: detected (killed or timed out) over valid mutants (compile and runtime errors left out). */
function scoreOf(mutants) {
	const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
	const detected = count('Killed', 'Timeout');
	const missed = count(...MISSED);
	const total = detected + missed;
	return { detected, survived: count('Survived'), noCoverage: count('NoCoverage'), total, score: total ? (100 * detected) / total : 100 };
}

console.log('\nMutation score per file (detected / valid mutants; survived; no coverage):');
for (const area of chosen) {
	const report = path.join(root, 'reports', 'mutation', `${area}.json`);
	if (!existsSync(report)) {
		console.log(`  ${area}: no report (the run failed)`);
		failed = true;
		continue;
	}
	const { files } = JSON.parse(readFileSync(report, 'utf8'));
	for (const [file, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const s = scoreOf(mutants);
		console.log(
			`  ${s.score.toFixed(1).padStart(5)} %  ${String(s.detected).padStart(4)}/${String(s.total).padEnd(4)}  survived ${String(s.survived).padEnd(3)}  no coverage ${String(s.noCoverage).padEnd(3)}  ${path.relative(root, path.resolve(root, file))}  [${area}]`,
		);
	}
}
process.exit(failed ? 1 : 0);
