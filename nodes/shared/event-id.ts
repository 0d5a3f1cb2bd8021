import { createHash } from 'crypto';

/**
 * What makes two deliveries the same event: its type, the gateway's ID for it (a message ID) and what
 * it says (so a message's second status report, or a second failed attempt, is an event of its own).
 */
export function eventKey(event: unknown, id: unknown, content: unknown): string {
	return `${String(event)}\u0000${String(id ?? '')}\u0000${createHash('sha256')
		.update(JSON.stringify(content ?? null))
		.digest('hex')}`;
}

/**
 * The `eventId` a trigger's item carries: the same for every delivery of one event (a gateway's
 * retries, or one event seen by two webhook processors), so a Remove Duplicates node can drop repeats.
 */
export function eventIdOf(key: string): string {
	return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
