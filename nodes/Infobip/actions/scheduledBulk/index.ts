import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getStatus from './getStatus.operation';
import * as reschedule from './reschedule.operation';
import * as updateStatus from './updateStatus.operation';

export { get, getStatus, reschedule, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scheduledBulk'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get when a scheduled campaign goes out', action: 'Get a scheduled bulk' },
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get whether it is pending, paused, processing or cancelled',
				action: 'Get a scheduled bulk status',
			},
			{ name: 'Reschedule', value: 'reschedule', description: 'Move it to another time', action: 'Reschedule a bulk' },
			{ name: 'Update Status', value: 'updateStatus', description: 'Pause, resume or cancel it', action: 'Update a scheduled bulk status' },
		],
		default: 'get',
	},
	...get.description,
	...getStatus.description,
	...reschedule.description,
	...updateStatus.description,
];
