import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';

export { get, getAll, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one message by its UID', action: 'Get a message' },
			{ name: 'Get Many', value: 'getAll', description: 'List messages with filters', action: 'Get many messages' },
			{ name: 'Send', value: 'send', description: 'Send every input item, shared texts together', action: 'Send messages' },
		],
		default: 'send',
	},
	...send.description,
	...get.description,
	...getAll.description,
];
