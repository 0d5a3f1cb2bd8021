import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { pagedList } from '../../helpers/lists';
import { jobIdLocator } from '../../helpers/locators';

const properties: INodeProperties[] = [jobIdLocator, ...returnAllFields()];

export const description = updateDisplayOptions({ show: { resource: ['bulkJob'], operation: ['getResults'] } }, properties);

/** One item per recipient: its message, status and error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const jobId = idOf(this, itemIndex, 'jobId', 'Job ID');
	return await pagedList(this, itemIndex, `/api/v1/messages/bulk/${encodeURIComponent(jobId)}/results`, {}, 'results');
}
