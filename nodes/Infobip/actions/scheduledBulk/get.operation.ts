import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { bulkIdField, bulkRequest, splitPartsField } from '../../helpers/bulks';

const properties: INodeProperties[] = [bulkIdField, splitPartsField];

export const description = updateDisplayOptions({ show: { resource: ['scheduledBulk'], operation: ['get'] } }, properties);

/** When a scheduled campaign will go out. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await bulkRequest(this, itemIndex, 'GET', '');
}
