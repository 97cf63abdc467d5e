/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	testTimeout: 60000,
	// every request a test sends to a simulator is checked against Chatwoot's spec
	setupFilesAfterEnv: ['<rootDir>/test/contract/every-request.ts'],
};
