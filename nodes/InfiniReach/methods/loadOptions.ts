import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listDevices, senderNumbers } from '../helpers/devices';

/** The From dropdown of version 1: each SIM or WhatsApp number once, with its device and whether it can send. */
export async function getSenders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const numbers = senderNumbers(await listDevices.call(this));
	const seen = new Set<string>();
	return numbers
		.filter(({ phoneNumber }) => !seen.has(phoneNumber) && seen.add(phoneNumber))
		.map(({ phoneNumber, deviceName, slot, ready }) => ({
			name: `${phoneNumber} (${deviceName}${slot ? `, SIM ${slot}` : ''}${ready ? '' : ', offline'})`,
			value: phoneNumber,
		}));
}
