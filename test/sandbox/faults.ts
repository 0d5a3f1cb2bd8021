/** A fault the next matching API requests meet, queued by a test through the control endpoint. */
export interface Fault {
	/** `status`: answer with this status instead; `delay`: answer late; `drop`: close the connection. */
	type: 'status' | 'delay' | 'drop';
	/** How many requests it hits (default 1). */
	count?: number;
	status?: number;
	/** Seconds for the Retry-After header of a 429/503. */
	retryAfter?: number;
	body?: unknown;
	/** For `delay`. */
	ms?: number;
	/** For `drop`: handle the request first, then lose the answer (the sender cannot know it arrived). */
	afterHandling?: boolean;
	/** Only requests with this method and a path starting with this. */
	method?: string;
	path?: string;
}

/** Faults in the order they were queued; each takes the next matching requests until used up. */
export class FaultQueue {
	private faults: Array<Fault & { left: number }> = [];

	add(fault: Fault): void {
		if (!['status', 'delay', 'drop'].includes(fault.type)) throw new Error(`Unknown fault type "${fault.type}"`);
		this.faults.push({ ...fault, left: Math.max(1, fault.count ?? 1) });
	}

	/** The fault this request meets, if any (used up as it is taken). */
	take(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex(
			(fault) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.startsWith(fault.path)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (--fault.left <= 0) this.faults.splice(index, 1);
		return fault;
	}

	pending(): Fault[] {
		return this.faults.map(({ left, ...fault }) => ({ ...fault, count: left }));
	}

	clear(): void {
		this.faults = [];
	}
}
