import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { config } from '@n8n/node-cli/eslint';

// The package's code is held to n8n's community-node rules. The tests and tools keep the rest of the
// same config (TypeScript's, imports): they read the environment and files, print, start processes and
// hold the sandbox's keys, which is what the community-node rules forbid node code.
const nodeCodeOnly = Object.keys(n8nCommunityNodesPlugin.rules).map((rule) => [`@n8n/community-nodes/${rule}`, 'off']);

export default [
	...config,
	{
		files: ['test/**/*.ts'],
		rules: {
			...Object.fromEntries(nodeCodeOnly),
			'no-console': 'off',
			// `const { secret: _secret, ...rest } = …` leaves a field out on purpose.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
		},
	},
];
