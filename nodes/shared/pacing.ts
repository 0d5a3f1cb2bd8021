import { clock } from './clock';
import { processMemory } from './process-memory';

/**
 * After a 429, the rate a key gets is this share of what it was sending then, at most once a window:
 * the other processes on the key slow down too, so a small step keeps the key busy between them.
 */
const SLOWDOWN = 0.9;
/** Each clean window after a 429 gives back this share of the asked-for rate. */
const RECOVERY = 0.1;

/**
 * Keeps the sends on one key (an API key, a session) within a rate in any sliding window (a minute by
 * default): the first sends go at once, each later one waits for the oldest to leave the window. A
 * campaign thus finishes as fast as the provider allows, and no faster.
 *
 * Every run in the process that sends on the key shares it (`pacerFor`), each within its own rate,
 * so two campaigns on one key together stay within the larger of the two. A 429 says someone else —
 * another n8n worker, another app — is sending on the key too: the pacer then waits out the hint,
 * lowers its own rate to nine tenths of what it was sending (once a window), and raises it again by a
 * tenth of the asked-for rate for each full window without a 429, so that processes sharing a key
 * settle near the limit between them.
 */
export class Pacer {
	private readonly sent: number[] = [];
	private pausedUntil = 0;
	/** The rate after 429s, below the asked-for one; undefined when no 429 is being recovered from. */
	private ceiling?: number;
	private calmSince = 0;
	private slowedAt = -Infinity;

	constructor(
		readonly windowMs = 60_000,
		/** Added to each wait: the gateway counts from when requests arrive, a little after we send them. */
		readonly marginMs = 1_000,
	) {}

	/** The most sends a window may hold now, for a run that asks for `perWindow`. */
	limit(perWindow: number): number {
		if (this.ceiling === undefined) return perWindow;
		const calmWindows = Math.max(0, Math.floor((clock.now() - this.calmSince) / this.windowMs));
		const raised = this.ceiling + calmWindows * Math.max(1, Math.round(perWindow * RECOVERY));
		if (raised >= perWindow) {
			this.ceiling = undefined;
			return perWindow;
		}
		return raised;
	}

	/** Waits until one more send fits within `perWindow` and the key's pace, records it, and returns how long it waited. */
	async take(perWindow: number): Promise<number> {
		if (!Number.isFinite(perWindow) || perWindow < 1) {
			throw new RangeError(`A send rate must be at least 1 per window, got ${perWindow}`);
		}
		let waited = 0;
		for (;;) {
			const now = clock.now();
			while (this.sent.length && this.sent[0] <= now - this.windowMs - this.marginMs) this.sent.shift();
			let wait = this.pausedUntil - now;
			if (wait <= 0) {
				const limit = this.limit(perWindow);
				if (this.sent.length < limit) {
					this.sent.push(now);
					return waited;
				}
				wait = this.sent[this.sent.length - limit] + this.windowMs + this.marginMs - now;
			}
			await clock.sleep(wait);
			waited += wait;
		}
	}

	/** A send on the key got a 429 that asks for `waitMs`: every send on it waits, and the pace slows. */
	rateLimited(waitMs: number): void {
		const now = clock.now();
		// The sends in flight when the limit was hit, and their retries, answer 429 too: one slowdown a window.
		if (now >= this.slowedAt + this.windowMs) {
			const sending = this.sent.filter((at) => at > now - this.windowMs).length;
			this.ceiling = Math.max(1, Math.floor(Math.min(this.ceiling ?? Infinity, sending) * SLOWDOWN));
			this.slowedAt = now;
		}
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		this.calmSince = this.pausedUntil;
	}
}

/** Every key's pacer in this process: shared by all executions (and nodes) that send on the key. */
const pacers = processMemory<string, Pacer>();

export function pacerFor(key: string, windowMs?: number): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) pacers.set(key, (pacer = new Pacer(windowMs)));
	return pacer;
}

