import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { jobIdLocator } from '../../helpers/locators';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [jobIdLocator];

export const description = updateDisplayOptions({ show: { resource: ['bulkJob'], operation: ['get'] } }, properties);

/** Job details and progress. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const jobId = idOf(this, itemIndex, 'jobId', 'Job ID');
	const path = `/api/v1/messages/bulk/${encodeURIComponent(jobId)}`;
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path, idempotent: true, itemIndex })).data;
}
