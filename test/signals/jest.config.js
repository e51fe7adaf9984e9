/**
 * Stop-signal suite: the real `npm start` (n8n + sandbox) stopped every way it can be stopped
 * (npm run test:signals). Kept out of the default `npx jest` (which runs test/**\/*.test.ts only).
 * One test at a time: each starts its own n8n.
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	roots: ['<rootDir>/test/signals'],
	testMatch: ['**/*.signals.ts'],
	preset: 'ts-jest',
	testEnvironment: 'node',
	maxWorkers: 1,
	// each test builds and packs the package and starts n8n (about a minute on 2 cores)
	testTimeout: 8 * 60_000,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
