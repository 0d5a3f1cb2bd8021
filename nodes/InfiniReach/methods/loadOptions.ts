import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listDevices, senderNumbers } from '../helpers/devices';

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
