import type { IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['rotateKey'] } }, properties);

/**
 * A new key for the session, which stays connected. The old key stops working at once, so the
 * output says to put the new one into the credential.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
		method: 'POST',
		path: '/rotate-key',
		body: { sessionId },
		itemIndex,
	});
	if (typeof data.apiKey !== 'string' || !data.apiKey) {
		throw new NodeApiError(this.getNode(), data as JsonObject, {
			message: `WhatsInfinity rotated the key but did not return it (request ID ${requestId ?? 'unknown'})`,
			description: 'The old key may no longer work: check the session in WhatsInfinity.',
			itemIndex,
		});
	}
	return {
		sessionId,
		apiKey: data.apiKey,
		requestId,
		action: 'Update the "WhatsInfinity API" credential with this apiKey now: the previous key no longer works.',
	};
}
