import type { IExecuteFunctions } from 'n8n-workflow';

import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';
import { idOf } from '../idField';

/** Job details and progress. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (
		await requestRecord.call(this, txtCoop, {
		method: 'GET',
		path: `/api/v1/messages/bulk/${idOf(this, itemIndex, 'jobId', 'Job ID')}`,
		idempotent: true,
			itemIndex,
		})
	).data;
}
