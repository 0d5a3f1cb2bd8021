import { NodeOperationError } from 'n8n-workflow';

import { runCredentials } from '../shared/credentials';
import { asObject, textOf } from '../shared/json';
import type { Gateway, RequestContext } from '../shared/gateway';

export const CREDENTIAL_TYPE = 'whatsInfinityApi';
export const DEFAULT_BASE_URL = 'http://api.whatsinfinity.com';
const MIN_KEY_LENGTH = 16;

export const whatsInfinity: Gateway = {
	name: 'WhatsInfinity',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'WhatsInfinity API',
	defaultBaseUrl: DEFAULT_BASE_URL,
	// `{success:false, requestId, error, details, retryAfter?}` on every failure.
	parseError(body) {
		const envelope = asObject(body);
		const retryAfter = Number(envelope.retryAfter);
		return {
			message: typeof envelope.error === 'string' ? envelope.error : undefined,
			details: typeof envelope.details === 'string' ? envelope.details : undefined,
			requestId: typeof envelope.requestId === 'string' ? envelope.requestId : undefined,
			retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
		};
	},
	isErrorBody: (body) => asObject(body).success === false,
	envelope: (body) => ({ data: asObject(body).data, requestId: textOf(asObject(body).requestId) }),
	// 429 (rate limit) and 503 (queue full) are documented as refusals: nothing was queued.
	notSentStatuses: [429, 503],
	hints: {
		400: 'WhatsInfinity rejected the request: correct the field named in the details.',
		404: 'No session has that ID: check Session ID in the credential, or create the session first.',
		422: 'The number is not registered on WhatsApp: check it, or remove it from the list.',
		503: "The session's queue is full (100 messages while it is disconnected): reconnect the session, or send fewer messages.",
	},
};

export interface SessionCredentials {
	apiKey: string;
	sessionId: string;
}

/** The credential's session, refusing a key the gateway would refuse anyway, before any request. */
export async function sessionCredentials(this: RequestContext, itemIndex?: number): Promise<SessionCredentials> {
	const credentials = await runCredentials(this, CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '');
	const sessionId = String(credentials.sessionId ?? '').trim();
	if (apiKey.length < MIN_KEY_LENGTH) {
		throw new NodeOperationError(
			this.getNode(),
			`The API key in the "WhatsInfinity API" credential is ${apiKey.length} characters long; WhatsInfinity needs at least ${MIN_KEY_LENGTH}`,
			{ itemIndex, description: 'Set a longer key in the credential (for a new session, choose any 16 or more characters).' },
		);
	}
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId)) {
		throw new NodeOperationError(this.getNode(), `The Session ID "${sessionId}" in the "WhatsInfinity API" credential is not valid`, {
			itemIndex,
			description: 'Use letters, numbers, - and _ only.',
		});
	}
	return { apiKey, sessionId };
}
