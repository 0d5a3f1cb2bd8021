import { clock } from './clock';

/**
 * Keeps sends within `perWindow` requests in any sliding window (a minute by default): the first
 * `perWindow` go at once, each later one waits for the oldest to leave the window. A campaign thus
 * finishes as fast as the provider allows, and no faster.
 */
export class Pacer {
	private readonly sent: number[] = [];

	constructor(
		readonly perWindow: number,
		readonly windowMs = 60_000,
		/** Added to each wait: the gateway counts from when requests arrive, a little after we send them. */
		readonly marginMs = 1_000,
	) {
		if (!Number.isFinite(perWindow) || perWindow < 1) {
			throw new RangeError(`A send rate must be at least 1 per window, got ${perWindow}`);
		}
	}

	/** Waits until one more request fits, records it, and returns how long it waited. */
	async take(): Promise<number> {
		let waited = 0;
		for (;;) {
			const now = clock.now();
			while (this.sent.length && this.sent[0] <= now - this.windowMs - this.marginMs) this.sent.shift();
			if (this.sent.length < this.perWindow) {
				this.sent.push(now);
				return waited;
			}
			const wait = this.sent[0] + this.windowMs + this.marginMs - now;
			await clock.sleep(wait);
			waited += wait;
		}
	}
}

/** One pacer per key (an API key, a session) and rate, for the length of one node run. */
export class PacerPool {
	private readonly pacers = new Map<string, Pacer>();

	get(key: string, perMinute: number): Pacer {
		const id = `${key}\u0000${perMinute}`;
		let pacer = this.pacers.get(id);
		if (!pacer) {
			pacer = new Pacer(perMinute);
			this.pacers.set(id, pacer);
		}
		return pacer;
	}
}
