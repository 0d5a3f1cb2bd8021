import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Wipe Authentication',
		name: 'wipe',
		type: 'boolean',
		default: false,
		description:
			"Whether to clear the session's WhatsApp login. Destructive: the session must be linked again by QR or pairing code before it can send.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['restart'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const wipe = this.getNodeParameter('wipe', itemIndex, false) as boolean;
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
		method: 'POST',
		path: '/restart-session',
		body: { sessionId, wipe },
		itemIndex,
	});
	return { sessionId, wiped: wipe, ...data, requestId };
}
