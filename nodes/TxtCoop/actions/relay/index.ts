import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relay'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one Mac relay', action: 'Get a relay' },
			{ name: 'Get Many', value: 'getAll', description: 'List your Mac relays, online or not', action: 'Get many relays' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
