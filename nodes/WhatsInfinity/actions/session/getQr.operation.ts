import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemError, type ItemResult } from '../../../shared/items';
import { requestFile } from '../../../shared/transport';
import { checkSession, explainLinking } from '../../helpers/session';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'qr',
		hint: 'The name of the output binary field to put the QR code PNG in',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getQr'] } }, properties);

/** The QR PNG to scan in WhatsApp (Linked Devices), as binary data, with the session's status. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'qr')).trim();
	if (!property) throw itemError(this, itemIndex, 'No output field is set for the QR code', 'Set "Put Output File in Field", e.g. "qr".');
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	// No QR pending is answered in a way the docs do not give (an error, JSON, nothing): only a PNG counts.
	let png: Buffer | undefined;
	try {
		const file = await requestFile.call(this, whatsInfinity, {
			method: 'GET',
			path: `/qr/${encodeURIComponent(sessionId)}`,
			idempotent: true,
			itemIndex,
		});
		png = isPng(file.data) ? file.data : undefined;
	} catch (error) {
		throw await explainLinking(this, itemIndex, 'QR code to scan', error, 'qr');
	}
	const status = await checkSession.call(this, itemIndex);
	if (!png)
		throw await explainLinking(this, itemIndex, 'QR code to scan', itemError(this, itemIndex, 'WhatsInfinity answered without a QR image'));
	return {
		json: { ...status, qrExpiresInSeconds: 60 },
		binary: { [property]: await this.helpers.prepareBinaryData(png, `${sessionId}-qr.png`, 'image/png') },
	};
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPng(body: Buffer): boolean {
	return body.subarray(0, 8).equals(PNG_SIGNATURE);
}
