import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestList } from '../../../shared/transport';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['relay'], operation: ['getAll'] } }, properties);

/** Every Mac of the account, online or not. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return (await requestList.call(this, txtCoop, { method: 'GET', path: '/api/v1/relays', idempotent: true, itemIndex }, 'relays')).data;
}
