// Both n8n linters over the shipped sources, typescript-eslint's recommended rules over the
// tooling (tests, scripts, benchmarks); zero warnings (`npm run lint`).
// Where the n8n linters disagree, n8n's newer community plugin wins: the conflicting rule of
// eslint-plugin-n8n-nodes-base is switched off below with the rule that replaces it.
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const base = { plugins: { 'n8n-nodes-base': n8nNodesBase } };
const TOOLING = ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.tmp/**', '.stryker-tmp/**', 'reports/**', 'examples/**', 'docs/**', '**/*.js', '*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	// tests, scripts and benchmarks: not shipped, so not for the n8n node linters
	...tseslint.configs.recommended.map((config) => ({ ...config, files: TOOLING })),
	{
		files: TOOLING,
		rules: {
			// they read untyped JSON: n8n's run data and REST answers, the requests simulators receive
			'@typescript-eslint/no-explicit-any': 'off',
			// `_`-names mark what a destructuring leaves out on purpose
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			// a stop handler is set up before the processes it stops are assigned
			'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
		},
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	},
	{
		...base,
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// replaced by @n8n/community-nodes/node-connection-type-literal (NodeConnectionTypes.Main)
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// replaced by @n8n/community-nodes/icon-validation (themed light/dark icon objects)
			'n8n-nodes-base/node-class-description-icon-not-svg': 'off',
		},
	},
	{
		...base,
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// replaced by @n8n/community-nodes/icon-validation and cred-class-field-icon-missing
			'n8n-nodes-base/cred-class-field-icon-wrong-format': 'off',
			// replaced by @n8n/community-nodes/credential-documentation-url (a full URL is valid)
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		...base,
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
];
