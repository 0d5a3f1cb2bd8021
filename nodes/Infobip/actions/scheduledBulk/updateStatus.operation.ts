import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { bulkIdField, bulkRequest, splitPartsField } from '../../helpers/bulks';

const properties: INodeProperties[] = [
	bulkIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Pause', value: 'PAUSED', description: 'Hold the campaign until it is resumed' },
			{ name: 'Resume', value: 'PROCESSING', description: 'Let a paused campaign go on' },
			{ name: 'Cancel', value: 'CANCELED', description: 'Cancel the campaign for good: nothing more is sent' },
		],
		default: 'PAUSED',
		description: 'What to do with the scheduled campaign',
	},
	splitPartsField,
];

export const description = updateDisplayOptions({ show: { resource: ['scheduledBulk'], operation: ['updateStatus'] } }, properties);

/** Pauses, resumes or cancels a scheduled campaign. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await bulkRequest(this, itemIndex, 'PUT', '/status', { status: this.getNodeParameter('status', itemIndex, 'PAUSED') });
}
