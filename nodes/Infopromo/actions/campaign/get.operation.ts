import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { BEYOND_SMS_HINTS, infopromo } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign UID',
		name: 'campaignUid',
		type: 'string',
		required: true,
		default: '',
		description: "The campaign's uid, as Create returned it",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['get'] } }, properties);

/** A campaign's details and progress. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const uid = idOf(this, itemIndex, 'campaignUid', 'Campaign UID', 'Give the uid that Create returned.');
	return (
		await requestRecord.call(this, infopromo, {
			method: 'GET',
			path: `/campaign/${encodeURIComponent(uid)}/view`,
			idempotent: true,
			itemIndex,
			hints: BEYOND_SMS_HINTS,
		})
	).data;
}
