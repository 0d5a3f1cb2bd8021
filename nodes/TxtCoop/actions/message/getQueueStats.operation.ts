import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';

export const description: INodeProperties[] = [];

/** Messages pending, processing, failed and in the dead-letter queue. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path: '/api/v1/messages/queue/stats', idempotent: true, itemIndex })).data;
}
