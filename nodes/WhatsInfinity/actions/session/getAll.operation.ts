import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { whatsInfinity } from '../../transport';
import { requestList } from '../../../shared/transport';

export const description: INodeProperties[] = [];

/** One item per session of the server. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	// Servers answer with the list itself, or under `sessions`.
	const { data, requestId } = await requestList.call(this, whatsInfinity, { method: 'GET', path: '/all-sessions', idempotent: true, itemIndex }, 'sessions');
	return data.map((session) => ({ ...session, requestId }));
}
