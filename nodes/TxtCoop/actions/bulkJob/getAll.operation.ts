import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import type { ItemResult } from '../../../shared/items';
import { pagedList } from '../../helpers/lists';

const properties: INodeProperties[] = [...returnAllFields()];

export const description = updateDisplayOptions({ show: { resource: ['bulkJob'], operation: ['getAll'] } }, properties);

/** The account's bulk jobs, newest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await pagedList(this, itemIndex, '/api/v1/messages/bulk', {}, 'jobs');
}
