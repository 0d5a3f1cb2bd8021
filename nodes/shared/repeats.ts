import { clock } from './clock';
import { processMemory } from './process-memory';

/** Most events one trigger remembers; past it, the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000;

interface Remembered {
	/** Until when a delivery of the event is a repeat. */
	until: number;
	/** Whether its execution exists; false while n8n is still creating it. */
	started: boolean;
}

/** Per trigger node: the key of each event it accepted lately. */
const accepted = processMemory<string, Map<string, Remembered>>();

export interface Unrepeated<T> {
	/** The items that start the workflow. */
	fresh: T[];
	/** Whether some items were left out because a delivery of theirs is being started right now. */
	inFlight: boolean;
	/**
	 * Says whether n8n created the execution of `fresh`: only then are they repeats from now on.
	 * Not created (n8n answered the gateway with an error), the gateway's retry starts them.
	 */
	settle(created: boolean): void;
}

/**
 * The items of a delivery that are not repeats: gateways deliver an event again when they think a
 * delivery failed (a slow answer, a network blip), and a repeat must not start the workflow twice.
 * An item is a repeat when the trigger started one with the same key within `windowMs`; items
 * without a key are never repeats. Kept in this process's memory (n8n gives webhook code no shared
 * store): with several webhook processors, a Remove Duplicates node on `eventId` drops the rest.
 */
export function withoutRepeats<T>(triggerId: string, windowMs: number, items: T[], keyOf: (item: T) => string | undefined): Unrepeated<T> {
	if (!(windowMs > 0)) return { fresh: items, inFlight: false, settle: () => undefined };
	const now = clock.now();
	let memory = accepted.get(triggerId);
	if (!memory) accepted.set(triggerId, (memory = new Map()));
	// Oldest first: expired keys sit at the front.
	for (const [key, { until }] of memory) {
		if (until > now) break;
		memory.delete(key);
	}
	let inFlight = false;
	const marked: Array<[string, Remembered]> = [];
	const fresh = items.filter((item) => {
		const key = keyOf(item);
		if (key === undefined) return true;
		const known = memory.get(key);
		if (known && known.until > now) {
			inFlight ||= !known.started;
			return false;
		}
		const entry = { until: now + windowMs, started: false };
		memory.delete(key);
		memory.set(key, entry);
		marked.push([key, entry]);
		return true;
	});
	for (const key of memory.keys()) {
		if (memory.size <= MAX_REMEMBERED) break;
		memory.delete(key);
	}
	const settle = (created: boolean) => {
		for (const [key, entry] of marked) {
			if (created) entry.started = true;
			else if (memory.get(key) === entry) memory.delete(key);
		}
	};
	return { fresh, inFlight, settle };
}
