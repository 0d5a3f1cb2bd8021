import type { IExecuteFunctions } from 'n8n-workflow';

import { listFrom, txtCoopRequest } from '../../transport';

/** Every Mac of the account, online or not. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = await txtCoopRequest.call(this, { method: 'GET', path: '/api/v1/relays', idempotent: true, itemIndex });
	return listFrom(this, body, 'relays');
}
