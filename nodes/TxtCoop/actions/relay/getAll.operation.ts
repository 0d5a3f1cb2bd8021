import type { IExecuteFunctions } from 'n8n-workflow';

import { requestList } from '../../../shared/transport';
import { txtCoop } from '../../transport';

/** Every Mac of the account, online or not. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return (await requestList.call(this, txtCoop, { method: 'GET', path: '/api/v1/relays', idempotent: true, itemIndex }, 'relays')).data;
}
