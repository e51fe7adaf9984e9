/**
 * Queue-mode suite: the packed package in n8n queue mode (PostgreSQL + Redis + main + 2 workers),
 * `npm run test:queue`. Kept out of the default `npx jest` (which runs test/**\/*.test.ts only).
 * One file at a time: each file starts its own stack and the machine has few cores.
 */
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	preset: 'ts-jest',
	testEnvironment: 'node',
	maxWorkers: 1,
	// first run on a new machine installs n8n, PostgreSQL and Redis before the suite starts
	testTimeout: 10 * 60_000,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
