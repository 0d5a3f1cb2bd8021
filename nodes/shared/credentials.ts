import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import type { RequestContext } from './gateway';

/**
 * A node run's credentials, read once: n8n decrypts and resolves a credential on every read, and a
 * campaign of a thousand items would otherwise pay that twice per request. n8n gives a run one
 * context object, so the cache lives exactly as long as the run.
 */
const perRun = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

export async function runCredentials(context: RequestContext, type: string): Promise<ICredentialDataDecryptedObject> {
	let byType = perRun.get(context);
	if (!byType) perRun.set(context, (byType = new Map()));
	let read = byType.get(type);
	if (!read) byType.set(type, (read = context.getCredentials(type)));
	return await read;
}

/** The run's credentials in the form n8n's httpRequestWithAuthentication takes instead of reading them again. */
export function decrypted(context: RequestContext, type: string, data: ICredentialDataDecryptedObject): ICredentialsDecrypted {
	const reference = context.getNode().credentials?.[type];
	// A copy: n8n may merge pre-authentication data into what it is given.
	return { id: reference?.id ?? '', name: reference?.name ?? type, type, data: { ...data } };
}

/** Names an account by its credential's data (key, Base URL…) without holding the secret: a hash. */
export function credentialIdentity(data: ICredentialDataDecryptedObject): string {
	const fields = Object.keys(data)
		.sort()
		.map((name) => [name, data[name]]);
	return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}
