import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';
import { messageIdField, messageIdOf } from './messageId';

const displayOptions = { show: { resource: ['message'], operation: ['getStatus'] } };

export const description: INodeProperties[] = [messageIdField(displayOptions)];

/** Status, attempts, last error and the queued/sent/delivered times of one message. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (
		await requestRecord.call(this, txtCoop, {
		method: 'GET',
		path: `/api/v1/messages/${messageIdOf(this, itemIndex)}/status`,
		idempotent: true,
			itemIndex,
		})
	).data;
}
