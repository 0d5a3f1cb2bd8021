import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/gateway';
import { requestList } from '../../shared/transport';
import { infiniReach } from '../transport';

export interface SenderNumber {
	phoneNumber: string;
	deviceName: string;
	slot?: number;
	ready: boolean;
}

/**
 * `GET /api/v1/devices` is not in InfiniReach's published docs but public clients use it; a server
 * without it gets a 404 that says what to do instead.
 */
export async function listDevices(this: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	const { data } = await requestList.call(
		this,
		infiniReach,
		{
			method: 'GET',
			path: '/api/v1/devices',
			idempotent: true,
			itemIndex,
			hints: {
				404: 'This InfiniReach server does not list devices (the endpoint is not in its published docs). Type the sender number into "From" instead.',
			},
		},
		'devices',
	);
	return data;
}

/** Every sender number of the account's devices, one per SIM slot. */
export function senderNumbers(devices: IDataObject[]): SenderNumber[] {
	const numbers: SenderNumber[] = [];
	for (const device of devices) {
		const deviceName = String(device.name ?? device.id ?? 'device');
		const slots = Array.isArray(device.simSlots) ? (device.simSlots as IDataObject[]) : [];
		slots.forEach((slot, index) => {
			if (!slot.phoneNumber) return;
			numbers.push({
				phoneNumber: String(slot.phoneNumber),
				deviceName,
				slot: index + 1,
				ready: slot.smsReady !== false && device.status !== 'offline',
			});
		});
		if (!slots.length && device.phoneNumber) {
			numbers.push({ phoneNumber: String(device.phoneNumber), deviceName, ready: device.status !== 'offline' });
		}
	}
	return numbers;
}
