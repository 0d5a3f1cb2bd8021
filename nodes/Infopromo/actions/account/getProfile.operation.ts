import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { BEYOND_SMS_HINTS, infopromo } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getProfile'] } }, properties);

/** The account's profile. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return (await requestRecord.call(this, infopromo, { method: 'GET', path: '/me', idempotent: true, itemIndex, hints: BEYOND_SMS_HINTS }))
		.data;
}
