/**
 * Jest's node environment for mutation runs, with one change: once a test fails in a mutant's run,
 * the rest of that run is skipped (the file's later tests here, the later files in
 * stryker/runner.cjs). One failing test is all StrykerJS needs to call the mutant killed; its jest
 * runner cannot ask jest to bail. Runs without an active mutant (the dry run, plain jest) are left
 * alone. Surviving mutants, whose tests all pass, run every covering test as before.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
// the mutant whose run has a failing test, shared by every test file of the process (jest makes one
// environment per file); the test sequencer clears it when a run starts
const FAILED_MUTANT = Symbol.for('n8n-nodes-conferencing.mutation.failedMutant');

class BailingEnvironment extends TestEnvironment {
	async handleTestEvent(event) {
		const mutant = process.env[ACTIVE_MUTANT];
		if (mutant === undefined) return;
		if (globalThis[FAILED_MUTANT] === mutant) {
			// a later test of the file that failed: skipped; its afterAll hooks still close what it opened
			if (event.name === 'test_start') event.test.mode = 'skip';
		} else if (event.name === 'test_done' && event.test.errors.length > 0) {
			globalThis[FAILED_MUTANT] = mutant;
		}
	}
}

module.exports = BailingEnvironment;
module.exports.ACTIVE_MUTANT = ACTIVE_MUTANT;
module.exports.FAILED_MUTANT = FAILED_MUTANT;
