import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['delete'] } }, properties);

/** Deletes the credential's session for good: it has to be created and linked again. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
		method: 'POST',
		path: '/delete-session',
		body: { sessionId },
		itemIndex,
	});
	return { sessionId, deleted: true, ...data, requestId };
}
