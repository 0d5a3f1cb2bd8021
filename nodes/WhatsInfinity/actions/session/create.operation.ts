import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { requestRecord } from '../../../shared/transport';
import { checkSession } from '../../helpers/session';
import { sessionCredentials, whatsInfinity } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['create'] } }, properties);

/** Creates the credential's session with the credential's key; then connect it by QR or pairing code. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { sessionId, apiKey } = await sessionCredentials.call(this, itemIndex);
	try {
		const { data, requestId } = await requestRecord.call(this, whatsInfinity, {
			method: 'POST',
			path: '/create-session',
			body: { sessionId, apiKey },
			// Creating the same session twice is harmless: the second finds it.
			idempotent: true,
			itemIndex,
		});
		return { sessionId, ...data, requestId };
	} catch (error) {
		return await sessionThatExists(this, itemIndex, error);
	}
}

/**
 * How creating an existing session is answered is not documented (409, 400, …): if the credential's
 * key opens a session of this ID, it is ours and the create succeeded; otherwise the refusal stands.
 */
async function sessionThatExists(context: IExecuteFunctions, itemIndex: number, refusal: unknown): Promise<IDataObject> {
	if (!(refusal instanceof NodeApiError) || !['400', '409'].includes(String(refusal.httpCode))) throw refusal;
	const existing = await checkSession.call(context, itemIndex).catch(() => undefined);
	if (!existing) {
		refusal.description =
			`${refusal.description ?? ''} A session with this ID may exist with another key: choose another Session ID, or use that session's key.`.trim();
		throw refusal;
	}
	return { ...existing, alreadyExisted: true };
}
