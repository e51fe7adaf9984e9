/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 60000,
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
