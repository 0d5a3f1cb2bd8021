import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/fields';
import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [
	idLocator({
		name: 'conversationId',
		displayName: 'Conversation ID',
		placeholder: 'conv_123',
		searchListMethod: 'searchConversations',
		description: 'The conversation',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['get'] } }, properties);

/** One conversation with its participants. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const path = `/api/v1/conversations/${encodeURIComponent(idOf(this, itemIndex, 'conversationId', 'Conversation ID'))}`;
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path, idempotent: true, itemIndex })).data;
}
