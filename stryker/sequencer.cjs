/**
 * Jest test sequencer for mutation runs: a mutant runs only the test files that hold the tests
 * covering it.
 *
 * StrykerJS's jest runner passes the covering tests as a name pattern but leaves the files to jest,
 * which then loads every test file of the area (n8n-workflow, n8n-core, simulators) to find them:
 * about 7 seconds per mutant for the Zoom area, most of the run. The dry run (no active mutant, coverage
 * per test) records which test files hold the tests that reach each mutant; each mutant run keeps only
 * those files. The name pattern still picks the tests inside them, so the tests run are the same ones;
 * a mutant missing from the record runs every file, as before.
 *
 * With stryker/environment.cjs stopping a mutant's run at its first failing test, the files run
 * quickest first (their run times in the dry run), so a killed mutant is usually found early.
 *
 * Module-level code (a provider's settings, a list of keys, a constant) runs when a test file first
 * loads the module: in a hook, or inside the first test that needs it. StrykerJS calls such a mutant
 * static and, when some test also "covers" it, runs it against those tests only — the tests that
 * happened to load the module, not the ones that check the value (an emptied `secretFields` list ran
 * against a room-creation test, not against the masking tests, and survived). Those mutants run every
 * test file of the area here, and stryker/runner.cjs drops the name pattern for them.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const Sequencer = require('@jest/test-sequencer').default;
const { ACTIVE_MUTANT, FAILED_MUTANT } = require('./environment.cjs');
// the jest runner's shared state (its exports map hides it; a path require reaches the same module)
const { state } = require(
	path.join(path.dirname(require.resolve('@stryker-mutator/jest-runner/package.json')), 'dist/src/jest-plugins/messaging.cjs'),
);

// the test runners work in the sandbox folder: the record lives and dies with it
const RECORD = path.resolve('.stryker-test-files.json');

/** @type {{ files: Record<string, string[]>, runTimes: Record<string, number>, loadTime: string[] } | null | undefined} */
let record;
function readRecord() {
	if (record === undefined) record = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : null;
	return record;
}

/** Whether a mutant is in module-level code that some test also reached: it runs every test of the area. */
function runsEveryTest(mutantId) {
	return readRecord()?.loadTime.includes(mutantId) ?? false;
}

class MutantTestFileSequencer extends Sequencer {
	sort(tests) {
		const mutantId = process.env[ACTIVE_MUTANT];
		if (mutantId === undefined) return super.sort(tests);
		// a new run: no test of it has failed yet
		globalThis[FAILED_MUTANT] = undefined;
		const { files, runTimes } = readRecord() ?? {};
		const covering = runsEveryTest(mutantId) ? undefined : files?.[mutantId];
		const kept = covering ? tests.filter((test) => covering.includes(test.path)) : [...tests];
		return kept.sort((a, b) => (runTimes?.[a.path] ?? Infinity) - (runTimes?.[b.path] ?? Infinity) || a.path.localeCompare(b.path));
	}

	cacheResults(tests, results) {
		const { perTest, static: atLoad } = state.instrumenterContext?.mutantCoverage ?? {};
		if (process.env[ACTIVE_MUTANT] === undefined && perTest) {
			const filesOfTest = new Map();
			for (const file of results.testResults) {
				for (const test of file.testResults) filesOfTest.set(test.fullName, [...(filesOfTest.get(test.fullName) ?? []), file.testFilePath]);
			}
			const filesOfMutant = new Map();
			// a covering test not found in the results: its mutants are left to run every file
			const unplaced = new Set();
			for (const [testId, mutants] of Object.entries(perTest)) {
				const testFiles = filesOfTest.get(testId);
				for (const mutantId of Object.keys(mutants)) {
					if (!testFiles) {
						unplaced.add(mutantId);
						continue;
					}
					const set = filesOfMutant.get(mutantId) ?? new Set();
					for (const file of testFiles) set.add(file);
					filesOfMutant.set(mutantId, set);
				}
			}
			const files = Object.fromEntries([...filesOfMutant].filter(([mutantId]) => !unplaced.has(mutantId)).map(([mutantId, set]) => [mutantId, [...set]]));
			const runTimes = Object.fromEntries(results.testResults.map((file) => [file.testFilePath, file.perfStats.runtime]));
			const loadTime = Object.keys(atLoad ?? {}).filter((mutantId) => atLoad[mutantId] > 0);
			record = { files, runTimes, loadTime };
			writeFileSync(RECORD, JSON.stringify(record));
		}
		return super.cacheResults(tests, results);
	}
}

module.exports = MutantTestFileSequencer;
module.exports.runsEveryTest = runsEveryTest;
