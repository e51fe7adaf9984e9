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
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const Sequencer = require('@jest/test-sequencer').default;
// the jest runner's shared state (its exports map hides it; a path require reaches the same module)
const { state } = require(
	path.join(path.dirname(require.resolve('@stryker-mutator/jest-runner/package.json')), 'dist/src/jest-plugins/messaging.cjs'),
);

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
// the test runners work in the sandbox folder: the record lives and dies with it
const RECORD = path.resolve('.stryker-test-files.json');

let record;
function filesOf(mutantId) {
	if (record === undefined) record = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : null;
	return record?.[mutantId];
}

class MutantTestFileSequencer extends Sequencer {
	sort(tests) {
		const mutantId = process.env[ACTIVE_MUTANT];
		const files = mutantId === undefined ? undefined : filesOf(mutantId);
		return super.sort(files ? tests.filter((test) => files.includes(test.path)) : tests);
	}

	cacheResults(tests, results) {
		const perTest = state.instrumenterContext?.mutantCoverage?.perTest;
		if (process.env[ACTIVE_MUTANT] === undefined && perTest) {
			const filesOfTest = new Map();
			for (const file of results.testResults) {
				for (const test of file.testResults) {
					filesOfTest.set(test.fullName, [...(filesOfTest.get(test.fullName) ?? []), file.testFilePath]);
				}
			}
			const filesOfMutant = {};
			for (const [testId, mutants] of Object.entries(perTest)) {
				const files = filesOfTest.get(testId);
				// a covering test not found in the results: leave its mutants to run every file
				for (const mutantId of Object.keys(mutants)) {
					if (!files) filesOfMutant[mutantId] = null;
					else if (filesOfMutant[mutantId] !== null) filesOfMutant[mutantId] = [...new Set([...(filesOfMutant[mutantId] ?? []), ...files])];
				}
			}
			for (const mutantId of Object.keys(filesOfMutant)) if (filesOfMutant[mutantId] === null) delete filesOfMutant[mutantId];
			writeFileSync(RECORD, JSON.stringify(filesOfMutant));
			record = filesOfMutant;
		}
		return super.cacheResults(tests, results);
	}
}

module.exports = MutantTestFileSequencer;
