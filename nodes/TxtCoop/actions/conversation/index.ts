import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as lookup from './lookup.operation';

export { get, getAll, lookup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one conversation', action: 'Get a conversation' },
			{ name: 'Get Many', value: 'getAll', description: 'List conversations', action: 'Get many conversations' },
			{ name: 'Lookup', value: 'lookup', description: 'Find the conversations with a participant', action: 'Look up conversations' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...lookup.description,
];
