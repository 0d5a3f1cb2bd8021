import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { clock } from './clock';

/**
 * A webhook's credential, kept in this process between deliveries: in n8n every credential read in a
 * webhook builds an expression sandbox (tens of ms of CPU), which would double the cost of a delivery.
 * Kept for at most KEEP_MS, so that a secret rotated because it leaked stops working within a minute;
 * read again at once when a delivery does not match (see signedWebhook), so a new secret works at once.
 */
export const KEEP_MS = 60_000;
/** A forged request may force a fresh read at most this often per credential, so floods stay cheap. */
export const REREAD_GAP_MS = 1_000;

interface Entry {
	data: ICredentialDataDecryptedObject;
	readAt: number;
}

const kept = new Map<string, Entry>();
const reading = new Map<string, Promise<Entry>>();

export interface KeptCredentials {
	data: ICredentialDataDecryptedObject;
	/** Whether this came from memory rather than a read for this delivery. */
	fromMemory: boolean;
}

function keyOf(context: IWebhookFunctions, type: string): string | undefined {
	const id = context.getNode().credentials?.[type]?.id;
	return id ? `${type}\u0000${id}` : undefined;
}

async function read(context: IWebhookFunctions, type: string, key: string | undefined): Promise<Entry> {
	const pending = key ? reading.get(key) : undefined;
	if (pending) return await pending;
	const started = (async () => ({ data: await context.getCredentials(type), readAt: clock.now() }))();
	if (!key) return await started;
	reading.set(key, started);
	try {
		const entry = await started;
		kept.set(key, entry);
		return entry;
	} finally {
		reading.delete(key);
	}
}

/** The credential, from memory when it was read less than KEEP_MS ago. */
export async function keptCredentials(context: IWebhookFunctions, type: string): Promise<KeptCredentials> {
	const key = keyOf(context, type);
	const entry = key ? kept.get(key) : undefined;
	if (entry && clock.now() - entry.readAt < KEEP_MS) return { data: entry.data, fromMemory: true };
	return { data: (await read(context, type, key)).data, fromMemory: false };
}

/**
 * The credential read afresh, because what memory held may be out of date. When `throttled` (a
 * delivery did not match: a rotated secret, or a forgery), undefined if it was read less than
 * REREAD_GAP_MS ago: nothing new to learn, and a flood of forged requests must not buy a read each.
 */
export async function rereadCredentials(
	context: IWebhookFunctions,
	type: string,
	throttled: boolean,
): Promise<ICredentialDataDecryptedObject | undefined> {
	const key = keyOf(context, type);
	const entry = key ? kept.get(key) : undefined;
	if (throttled && key && entry && clock.now() - entry.readAt < REREAD_GAP_MS && !reading.has(key)) return undefined;
	return (await read(context, type, key)).data;
}
