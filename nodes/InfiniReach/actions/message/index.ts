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
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a message by ID', action: 'Get a message' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List message history with filters',
				action: 'Get many messages',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send an SMS or WhatsApp message through a registered device',
				action: 'Send a message',
			},
		],
		default: 'send',
	},
	...send.description,
	...get.description,
	...getAll.description,
];
