// n8n's community-node rule set, as `@n8n/node-cli` (and n8n's package scanner) runs it.
import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

// No node folder imports another node folder: code used by several nodes lives in nodes/shared/,
// which itself depends on no node (so one node can be versioned or removed without touching the others).
const nodeFolders = readdirSync('nodes', { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.map((entry) => `./nodes/${entry.name}`);
const nodeBoundaries = [
	...nodeFolders.map((target) => ({
		target,
		from: nodeFolders.filter((other) => other !== target),
		message: 'A node must not import another node: move the shared code to nodes/shared/.',
	})),
	{ target: './nodes/shared', from: nodeFolders, message: 'nodes/shared/ must not depend on a node.' },
	{ target: './credentials', from: './nodes', message: 'Credentials must not import node code.' },
];

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', 'test', 'bench', 'scripts', '*.js', '*.mjs']),
	{
		files: ['**/*.ts'],
		extends: [
			js.configs.recommended,
			tseslint.configs.recommended,
			communityNodesRecommended,
			importPlugin.configs['flat/recommended'],
		],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
			'import-x/no-restricted-paths': ['error', { zones: nodeBoundaries }],
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		rules: {
			...n8nNodesBase.configs.community.rules,
		},
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
