import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseInput } from '../../../shared/items';
import { normalizePhoneNumber } from '../../../shared/phone';
import { sessionCredentials, whatsInfinityRequest } from '../../transport';

const displayOptions = { show: { resource: ['session'], operation: ['getPairingCode'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+919999999999',
		description: 'The WhatsApp number to link, with its country code (a leading + is optional)',
		displayOptions,
	},
];

/** An 8-digit code to enter in WhatsApp under Linked Devices, instead of scanning a QR. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const phoneNumber = parseInput(this, itemIndex, 'Invalid "Phone Number"', () =>
		normalizePhoneNumber(this.getNodeParameter('phoneNumber', itemIndex, ''), { format: 'digits' }),
	);
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await whatsInfinityRequest.call(this, {
		method: 'POST',
		path: '/pairing-code',
		body: { sessionId, phoneNumber },
		itemIndex,
	});
	return { sessionId, phoneNumber, ...data, requestId };
}
