import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionCredentials, whatsInfinity } from '../../transport';
import { requestRecord } from '../../../shared/transport';

export const description: INodeProperties[] = [];

/** Deletes the credential's session for good: it has to be created and linked again. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
		method: 'POST',
		path: '/delete-session',
		body: { sessionId },
		itemIndex,
	});
	return { sessionId, deleted: true, ...data, requestId };
}
