import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getQueueStats'] } }, properties);

/** Messages pending, processing, failed and in the dead-letter queue. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path: '/api/v1/messages/queue/stats', idempotent: true, itemIndex }))
		.data;
}
