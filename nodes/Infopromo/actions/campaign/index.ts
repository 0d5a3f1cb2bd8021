import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';

export { create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{ name: 'Create', value: 'create', description: "Send to the platform's contact lists, now or later", action: 'Create a campaign' },
			{ name: 'Get', value: 'get', description: 'Get a campaign by its UID', action: 'Get a campaign' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
];
