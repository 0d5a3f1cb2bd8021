import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { whatsInfinityRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** One item per session of the server. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { data, requestId } = await whatsInfinityRequest.call(this, {
		method: 'GET',
		path: '/all-sessions',
		idempotent: true,
		itemIndex,
	});
	// Servers answer with the list itself, or under `sessions`.
	const list = (Array.isArray(data.items) ? data.items : Array.isArray(data.sessions) ? data.sessions : []) as IDataObject[];
	return list.map((session) => ({ ...session, requestId }));
}
