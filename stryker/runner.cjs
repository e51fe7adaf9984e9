/**
 * Jest's test runner for mutation runs, with one change: once a test of a mutant's run has failed
 * (stryker/environment.cjs records it), the test files after it are not loaded at all. Loading a test
 * file (n8n-workflow, n8n-core, the harness) costs one to two seconds, more than most tests: without
 * this, a mutant killed by the first test of the first file still paid for every other covering file.
 * Runs without an active mutant, and runs that are not in band (StrykerJS runs in band), are left alone.
 * A mutant in module-level code runs every test of its files (see stryker/sequencer.cjs).
 */
const TestRunner = require('jest-runner').default;
const { ACTIVE_MUTANT, FAILED_MUTANT } = require('./environment.cjs');
const { runsEveryTest } = require('./sequencer.cjs');

class BailingTestRunner extends TestRunner {
	async runTests(tests, watcher, options) {
		const mutant = process.env[ACTIVE_MUTANT];
		if (mutant === undefined || !options.serial) return super.runTests(tests, watcher, options);
		const globalConfig = this._globalConfig;
		// module-level code: every test, not only those StrykerJS names (see stryker/sequencer.cjs)
		if (runsEveryTest(mutant)) this._globalConfig = { ...globalConfig, testNamePattern: undefined };
		try {
			for (const test of tests) {
				if (globalThis[FAILED_MUTANT] === mutant) break;
				await super.runTests([test], watcher, options);
			}
		} finally {
			this._globalConfig = globalConfig;
		}
	}
}

module.exports = BailingTestRunner;
