import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { infopromo } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'UID',
		name: 'uid',
		type: 'string',
		required: true,
		default: '',
		placeholder: '606812e63f78b',
		description: "The message's unique ID, as Send or Get Many returned it",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['get'] } }, properties);

/** One inbound or outbound message with all its details. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const uid = idOf(this, itemIndex, 'uid', 'UID', 'Give the uid that Send or Get Many returned.');
	return (
		await requestRecord.call(this, infopromo, { method: 'GET', path: `/sms/${encodeURIComponent(uid)}`, idempotent: true, itemIndex })
	).data;
}
