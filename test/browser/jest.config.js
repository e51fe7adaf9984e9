/**
 * Browser suite: a user in the real n8n editor (playwright-core driving Debian's Chromium), against
 * the packed package and the loopback simulators (npm run test:browser). Kept out of `npx jest`.
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	preset: 'ts-jest',
	testEnvironment: 'node',
	testTimeout: 3 * 60_000,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
