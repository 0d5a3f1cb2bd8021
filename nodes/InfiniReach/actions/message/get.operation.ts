import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { infiniReach } from '../../transport';

const displayOptions = { show: { resource: ['message'], operation: ['get'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the message, as returned by Send (messageId) or Get Many (_id)',
		displayOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const messageId = String(this.getNodeParameter('messageId', itemIndex, '')).trim();
	if (!messageId) {
		throw itemError(this, itemIndex, 'No Message ID is set', 'Give the ID that Send or Get Many returned.');
	}
	// Servers answer with the message itself or wrapped in `message` / `data`.
	const { data } = await requestRecord.call(
		this,
		infiniReach,
		{
			method: 'GET',
			path: `/api/v1/messages/${encodeURIComponent(messageId)}`,
			idempotent: true,
			itemIndex,
			hints: {
				404: 'No message has that ID, or this InfiniReach server does not offer single-message look-ups (they are not in its published docs). Use Message → Get Many with filters instead.',
			},
		},
		'message',
	);
	return data;
}
