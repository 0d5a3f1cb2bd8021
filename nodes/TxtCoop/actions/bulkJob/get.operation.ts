import type { IExecuteFunctions } from 'n8n-workflow';

import { txtCoopRequest } from '../../transport';
import { idOf } from '../idField';

/** Job details and progress. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await txtCoopRequest.call(this, {
		method: 'GET',
		path: `/api/v1/messages/bulk/${idOf(this, itemIndex, 'jobId', 'Job ID')}`,
		idempotent: true,
		itemIndex,
	});
}
