import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { channelFilter, pull, pullFields } from '../../helpers/pull-once';

const properties: INodeProperties[] = [channelFilter, ...pullFields('inbound message')];

export const description = updateDisplayOptions({ show: { resource: ['inbound'], operation: ['getAll'] } }, properties);

/** Inbound messages not handed out yet (for accounts without a webhook for them): one item per message. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await pull(this, itemIndex, '/messages-api/1/inbound', { channel: this.getNodeParameter('channel', itemIndex, '') });
}
