import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionCredentials, whatsInfinityRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** Creates the credential's session with the credential's key; then connect it by QR or pairing code. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { sessionId, apiKey } = await sessionCredentials.call(this, itemIndex);
	const { data, requestId } = await whatsInfinityRequest.call(this, {
		method: 'POST',
		path: '/create-session',
		body: { sessionId, apiKey },
		// Creating the same session twice is harmless: the second finds it.
		idempotent: true,
		itemIndex,
		hints: { 409: 'A session with this ID already exists with another key: choose another Session ID, or use that session\'s key.' },
	});
	return { sessionId, ...data, requestId };
}
