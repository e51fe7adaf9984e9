/**
 * End-to-end suite: the packed package inside the real, pinned n8n server (npm run test:e2e).
 * Kept out of the default `npx jest` (which runs test/**\/*.test.ts only).
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	preset: 'ts-jest',
	testEnvironment: 'node',
	// first run on a new machine installs n8n (several minutes) before the suite starts
	testTimeout: 5 * 60_000,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
