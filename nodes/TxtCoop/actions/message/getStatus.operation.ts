import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { messageIdLocator } from '../../helpers/locators';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [messageIdLocator];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getStatus'] } }, properties);

/** Status, attempts, last error and the queued/sent/delivered times of one message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const messageId = idOf(this, itemIndex, 'messageId', 'Message ID', 'Give the ID that Send returned (e.g. msg_abc123).');
	const path = `/api/v1/messages/${encodeURIComponent(messageId)}/status`;
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path, idempotent: true, itemIndex })).data;
}
