import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getAttachments from './getAttachments.operation';
import * as getQueueStats from './getQueueStats.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export { getAll, getAttachments, getQueueStats, getStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Attachments',
				value: 'getAttachments',
				description: "List a message's attachments, optionally downloading them",
				action: 'Get message attachments',
			},
			{ name: 'Get Many', value: 'getAll', description: 'List sent and received messages', action: 'Get many messages' },
			{
				name: 'Get Queue Stats',
				value: 'getQueueStats',
				description: 'Count messages pending, processing, failed and dead-lettered',
				action: 'Get queue stats',
			},
			{ name: 'Get Status', value: 'getStatus', description: 'Get the delivery status of a message', action: 'Get message status' },
			{ name: 'Send', value: 'send', description: 'Send an iMessage through your Macs', action: 'Send a message' },
		],
		default: 'send',
	},
	...send.description,
	...getAll.description,
	...getStatus.description,
	...getAttachments.description,
	...getQueueStats.description,
];
