import { clock } from './clock';
import { processMemory } from './process-memory';

/** Most events one trigger remembers; past it, the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000;

/** Per trigger node: the key of each event it accepted lately, and until when a delivery of it is a repeat. */
const accepted = processMemory<string, Map<string, number>>();

/**
 * The items of a delivery that are not repeats: gateways deliver an event again when they think a
 * delivery failed (a slow answer, a network blip), and a repeat must not start the workflow twice.
 * An item is a repeat when the trigger accepted one with the same key within `windowMs`; items
 * without a key are never repeats. Kept in this process's memory (n8n gives webhook code no shared store).
 */
export function withoutRepeats<T>(triggerId: string, windowMs: number, items: T[], keyOf: (item: T) => string | undefined): T[] {
	if (!(windowMs > 0)) return items;
	const now = clock.now();
	let memory = accepted.get(triggerId);
	if (!memory) accepted.set(triggerId, (memory = new Map()));
	// Oldest first: expired keys sit at the front.
	for (const [key, until] of memory) {
		if (until > now) break;
		memory.delete(key);
	}
	const fresh = items.filter((item) => {
		const key = keyOf(item);
		if (key === undefined) return true;
		if ((memory.get(key) ?? 0) > now) return false;
		memory.delete(key);
		memory.set(key, now + windowMs);
		return true;
	});
	for (const key of memory.keys()) {
		if (memory.size <= MAX_REMEMBERED) break;
		memory.delete(key);
	}
	return fresh;
}
