import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { unexpectedAnswer } from '../../shared/failures';
import { infopromo } from '../transport';
import { laravelPage, uidOf } from './lists';

/** How many message IDs and statuses the trigger remembers: enough for any burst between two polls. */
export const MEMORY_SIZE = 2000;

export interface WatchMemory extends IDataObject {
	/** Inbound messages already seen (newest last). */
	seen: string[];
	/** The last status of each outgoing message seen. */
	statuses: IDataObject & Record<string, string>;
}

/**
 * The newest messages of a direction. The platform does not say which way its list is ordered, so
 * the first and the last page are read: the newest are on one of them.
 */
export async function newestMessages(context: IPollFunctions, direction: 'incoming' | 'outgoing'): Promise<IDataObject[]> {
	const first = await laravelPage(context, '/sms', { direction }, 1);
	const pages = [first.items];
	if (first.lastPage !== undefined && first.lastPage > 1)
		pages.push((await laravelPage(context, '/sms', { direction }, first.lastPage)).items);
	const messages = pages.flat();
	for (const message of messages) {
		if (!uidOf(message)) throw unexpectedAnswer(context, infopromo, 'a uid for each message', message);
	}
	return messages;
}

/** What this poll remembers for the next, kept to MEMORY_SIZE entries. */
export function remember(previous: WatchMemory | undefined, incoming: IDataObject[], outgoing: IDataObject[]): WatchMemory {
	const seen = [...(previous?.seen ?? []), ...incoming.map((message) => uidOf(message)!)];
	const statuses = { ...(previous?.statuses ?? {}) };
	for (const message of outgoing) statuses[uidOf(message)!] = String(message.status ?? '');
	const keys = Object.keys(statuses);
	for (const key of keys.slice(0, Math.max(0, keys.length - MEMORY_SIZE))) delete statuses[key];
	return { seen: [...new Set(seen)].slice(-MEMORY_SIZE), statuses };
}
