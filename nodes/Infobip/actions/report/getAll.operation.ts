import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { channelFilter, pull, pullFields } from '../../helpers/pull-once';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Bulk ID', name: 'bulkId', type: 'string', default: '', description: 'Only the reports of this campaign' },
			channelFilter,
			{ displayName: 'Message ID', name: 'messageId', type: 'string', default: '', description: 'Only the report of this message' },
		],
	},
	...pullFields('delivery report'),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getAll'] } }, properties);

/** Delivery reports of the last 48 hours not handed out yet: one item per report. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return await pull(this, itemIndex, '/messages-api/1/reports', {
		bulkId: filters.bulkId,
		messageId: filters.messageId,
		channel: filters.channel,
	});
}
