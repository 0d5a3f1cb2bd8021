import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../shared/request';
import { sessionCredentials, whatsInfinityRequest } from './transport';

/** `GET /check-session/:id` for the credential's session: status, readiness, queue and rate budget. */
export async function checkSession(this: RequestContext, itemIndex?: number): Promise<IDataObject> {
	const { sessionId } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await whatsInfinityRequest.call(this, {
		method: 'GET',
		path: `/check-session/${encodeURIComponent(sessionId)}`,
		idempotent: true,
		itemIndex,
	});
	return { sessionId, ...data, requestId };
}
