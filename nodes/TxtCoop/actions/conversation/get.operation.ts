import type { IExecuteFunctions } from 'n8n-workflow';

import { txtCoopRequest } from '../../transport';
import { idOf } from '../idField';

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = await txtCoopRequest.call(this, {
		method: 'GET',
		path: `/api/v1/conversations/${idOf(this, itemIndex, 'conversationId', 'Conversation ID')}`,
		idempotent: true,
		itemIndex,
	});
	return (body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : body) as typeof body;
}
