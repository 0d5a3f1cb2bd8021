import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { infobip } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getBalance'] } }, properties);

/** The account's balance and currency. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return (await requestRecord.call(this, infobip, { method: 'GET', path: '/account/1/balance', idempotent: true, itemIndex })).data;
}
