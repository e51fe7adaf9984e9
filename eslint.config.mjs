// Both n8n linters over the shipped sources, zero warnings (`npm run lint`).
// Where they disagree, n8n's newer community plugin wins: the conflicting rule of
// eslint-plugin-n8n-nodes-base is switched off below with the rule that replaces it.
import tsParser from '@typescript-eslint/parser';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const base = { plugins: { 'n8n-nodes-base': n8nNodesBase } };

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', 'docs/**', '*.js', '*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
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
