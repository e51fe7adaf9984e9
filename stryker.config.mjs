// @ts-check
/**
 * StrykerJS configuration of one area (see stryker/areas.mjs), chosen with STRYKER_AREA.
 * Run every area with `npm run test:mutation`, one with `npm run test:mutation -- <area>`, some files
 * of an area with `STRYKER_MUTATE=<file>,<file> npm run test:mutation -- <area>`.
 */
import { areas, wholeRun, workingResults } from './stryker/areas.mjs';

const name = process.env.STRYKER_AREA ?? '';
const area = areas[name];
if (!area) throw new Error(`STRYKER_AREA must be one of: ${Object.keys(areas).join(', ')} (got "${name}")`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	packageManager: 'npm',
	testRunner: 'jest',
	jest: {
		configFile: 'jest.config.js',
		// the harness requires the nodes dynamically: related-test detection would find nothing
		enableFindRelatedTests: false,
		// STRYKER_TESTS (comma-separated) runs fewer test files: a quicker run whose score is a lower bound
		config: {
			testMatch: (process.env.STRYKER_TESTS ? process.env.STRYKER_TESTS.split(',') : area.tests).map((glob) => `<rootDir>/${glob}`),
			// each mutant loads only the test files that hold its covering tests (see the file)
			testSequencer: '<rootDir>/stryker/sequencer.cjs',
			// a mutant's run stops at its first failing test (see the files)
			testEnvironment: './stryker/environment.cjs',
			runner: './stryker/runner.cjs',
		},
	},
	coverageAnalysis: 'perTest',
	// mutants of module-level constants (option lists, limits) need every test of the area re-run;
	// they are left out, and the constants' effects are pinned by behaviour tests (docs/testing.md)
	ignoreStatic: true,
	// STRYKER_MUTATE (comma-separated files or globs) narrows a run to some files of the area
	mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(',') : area.mutate,
	concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
	// the suites talk HTTP to simulators: a mutant that makes a request hang is a timeout, not a pass.
	// StrykerJS allows the covering tests' time plus this; module-level mutants run every test of the
	// area (8-12 s with coverage for the areas timed), so the margin covers a whole area's run on a
	// busy machine instead of calling a slow survivor a timeout
	timeoutMS: 15_000,
	// a whole area's run starts from its last results and tests again only the mutants whose code or
	// covering tests changed (see stryker/areas.mjs)
	incremental: wholeRun,
	incrementalFile: workingResults(name),
	// STRYKER_FORCE=1: every mutant tested again (the area's results are then written anew)
	force: process.env.STRYKER_FORCE === '1',
	tempDirName: '.stryker-tmp',
	ignorePatterns: ['dist', 'reports', '.tmp', 'coverage', 'docs/screenshots', '.stryker-incremental', 'stryker/incremental'],
	reporters: ['progress', 'clear-text', 'json', 'html'],
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	jsonReporter: { fileName: `reports/mutation/${name}.json` },
	htmlReporter: { fileName: `reports/mutation/${name}.html` },
	thresholds: { high: 90, low: 80, break: null },
	cleanTempDir: 'always',
};
