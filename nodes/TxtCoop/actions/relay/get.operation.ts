import type { IExecuteFunctions } from 'n8n-workflow';

import { recordFrom, txtCoopRequest } from '../../transport';
import { idOf } from '../idField';

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = await txtCoopRequest.call(this, {
		method: 'GET',
		path: `/api/v1/relays/${idOf(this, itemIndex, 'relayId', 'Relay ID')}`,
		idempotent: true,
		itemIndex,
	});
	return recordFrom(this, body);
}
