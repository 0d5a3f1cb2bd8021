import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inbound'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'Pull inbound messages not handed out yet', action: 'Get many inbound messages' },
		],
		default: 'getAll',
	},
	...getAll.description,
];
