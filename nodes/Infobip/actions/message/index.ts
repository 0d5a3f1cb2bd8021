import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as validate from './validate.operation';

export { send, validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Send', value: 'send', description: 'Send every input item, as few requests as possible', action: 'Send messages' },
			{
				name: 'Validate',
				value: 'validate',
				description: 'Check the messages with Infobip without sending them',
				action: 'Validate messages',
			},
		],
		default: 'send',
	},
	...send.description,
	...validate.description,
];
