import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/items';
import { checkSession } from '../../session';
import { sessionCredentials, whatsInfinityBinary } from '../../transport';

const displayOptions = { show: { resource: ['session'], operation: ['getQr'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'qr',
		hint: 'The name of the output binary field to put the QR code PNG in',
		displayOptions,
	},
];

/** The QR PNG to scan in WhatsApp (Linked Devices), as binary data, with the session's status. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'qr')).trim();
	if (!property) throw itemError(this, itemIndex, 'No output field is set for the QR code', 'Set "Put Output File in Field", e.g. "qr".');
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const response = await whatsInfinityBinary.call(this, {
		method: 'GET',
		path: `/qr/${encodeURIComponent(sessionId)}`,
		idempotent: true,
		itemIndex,
		hints: {
			404: 'There is no QR to scan: the session is connected already, or does not exist. Check it with Session → Get Status.',
		},
	});
	const status = await checkSession.call(this, itemIndex);
	const png = Buffer.from(response.body);
	return {
		json: { ...status, qrExpiresInSeconds: 60 },
		binary: { [property]: await this.helpers.prepareBinaryData(png, `${sessionId}-qr.png`, 'image/png') },
	};
}
