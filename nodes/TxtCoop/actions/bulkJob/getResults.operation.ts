import type { IExecuteFunctions } from 'n8n-workflow';

import { pagedList } from '../../lists';
import { idOf } from '../idField';

/** One item per recipient: its message, status and error. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const jobId = idOf(this, itemIndex, 'jobId', 'Job ID');
	return await pagedList(this, itemIndex, `/api/v1/messages/bulk/${jobId}/results`, {}, 'results');
}
