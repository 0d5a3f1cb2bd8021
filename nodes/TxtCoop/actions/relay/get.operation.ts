import type { IExecuteFunctions } from 'n8n-workflow';

import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';
import { idOf } from '../idField';

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { data } = await requestRecord.call(this, txtCoop, {
		method: 'GET',
		path: `/api/v1/relays/${idOf(this, itemIndex, 'relayId', 'Relay ID')}`,
		idempotent: true,
		itemIndex,
	});
	return data;
}
