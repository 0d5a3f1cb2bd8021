import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestList } from '../../../shared/transport';
import { whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getAll'] } }, properties);

/** One item per session of the server. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	// Servers answer with the list itself, or under `sessions`.
	const { data, requestId } = await requestList.call(
		this,
		whatsInfinity,
		{ method: 'GET', path: '/all-sessions', idempotent: true, itemIndex },
		'sessions',
	);
	return data.map((session) => ({ ...session, requestId }));
}
