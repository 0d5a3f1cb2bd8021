import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionCredentials, whatsInfinity } from '../../transport';
import { requestRecord } from '../../../shared/transport';

const displayOptions = { show: { resource: ['session'], operation: ['restart'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Wipe Authentication',
		name: 'wipe',
		type: 'boolean',
		default: false,
		description:
			'Whether to clear the session\'s WhatsApp login. Destructive: the session must be linked again by QR or pairing code before it can send.',
		displayOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number) {
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
