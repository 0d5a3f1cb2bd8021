import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { bulkIdField, bulkRequest, splitPartsField } from '../../helpers/bulks';
import { sendAtOf } from '../../helpers/campaign';

const properties: INodeProperties[] = [
	bulkIdField,
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The new time: in the future, at most 180 days ahead',
	},
	splitPartsField,
];

export const description = updateDisplayOptions({ show: { resource: ['scheduledBulk'], operation: ['reschedule'] } }, properties);

/** Moves a scheduled campaign to another time. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const sendAt = sendAtOf(this, itemIndex, this.getNodeParameter('sendAt', itemIndex, ''));
	return await bulkRequest(this, itemIndex, 'PUT', '', { sendAt });
}
