import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{
		files: ['package.json'],
		rules: {
			// libphonenumber-js is a deliberate runtime dependency: number parsing users can trust.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
];
