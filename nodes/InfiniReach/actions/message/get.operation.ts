import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/fields';
import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { infiniReach } from '../../transport';

const properties: INodeProperties[] = [
	idLocator({
		name: 'messageId',
		displayName: 'Message ID',
		placeholder: '6741234567890abcdef12345',
		searchListMethod: 'searchMessages',
		description: 'The message: from the latest history, or its ID as Send (messageId) or Get Many (_id) returned',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const messageId = idOf(this, itemIndex, 'messageId', 'Message ID', 'Give the ID that Send or Get Many returned.');
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
