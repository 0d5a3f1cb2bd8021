import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'Pull delivery reports not handed out yet', action: 'Get many delivery reports' },
		],
		default: 'getAll',
	},
	...getAll.description,
];
