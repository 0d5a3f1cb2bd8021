import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseInput, type ItemResult } from '../../../shared/items';
import { textOf } from '../../../shared/json';
import { normalizePhoneNumber } from '../../../shared/phone';
import { unexpectedAnswer } from '../../../shared/failures';
import { requestRecord, type Answer } from '../../../shared/transport';
import { explainLinking } from '../../helpers/session';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+919999999999',
		description: 'The WhatsApp number to link, with its country code (a leading + is optional)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getPairingCode'] } }, properties);

/** An 8-digit code to enter in WhatsApp under Linked Devices, instead of scanning a QR. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const phoneNumber = parseInput(this, itemIndex, 'Invalid "Phone Number"', () =>
		normalizePhoneNumber(this.getNodeParameter('phoneNumber', itemIndex, ''), { format: 'digits', digitsAreInternational: true }),
	);
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	let answer: Answer<IDataObject>;
	try {
		answer = await requestRecord.call(this, whatsInfinity, {
			method: 'POST',
			path: '/pairing-code',
			body: { sessionId, phoneNumber },
			itemIndex,
		});
	} catch (error) {
		// A session that is connected already is refused in a way the docs do not give: its status says.
		throw await explainLinking(this, itemIndex, 'pairing code', error, 'pairing');
	}
	const { data, requestId } = answer;
	// The field's name is not documented either.
	const pairingCode = textOf(data.pairingCode) ?? textOf(data.code) ?? textOf(data.pairing_code);
	if (!pairingCode) {
		throw await explainLinking(this, itemIndex, 'pairing code', unexpectedAnswer(this, whatsInfinity, 'a pairing code', data));
	}
	return { sessionId, phoneNumber, ...data, pairingCode, requestId };
}
