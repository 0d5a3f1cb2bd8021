/** Every map of this process's memory, so that a test can start as a new process does. */
const maps: Array<Map<unknown, unknown>> = [];

/**
 * A map that lives as long as the n8n process and is shared by every execution in it: send pacers,
 * the events triggers accepted lately, the order of calls to n8n's store.
 */
export function processMemory<K, V>(): Map<K, V> {
	const map = new Map<K, V>();
	maps.push(map as Map<unknown, unknown>);
	return map;
}

/** Forgets everything, as a new process starts empty: for tests, each of which is one. */
export function forgetProcessMemory(): void {
	for (const map of maps) map.clear();
}
