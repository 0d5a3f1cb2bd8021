import { clock } from './clock';
import { processMemory } from './process-memory';

/** One send's place in its key's pace: it tells the pacer how the gateway took it. */
export interface PacedSend {
	/** How long the send waited for its place (ms). */
	readonly waitedMs: number;
	/**
	 * The gateway answered 429, with a hint to wait `hintMs` or none. Returns how long to wait before
	 * sending it again: the hint, or else until this process's oldest send leaves the window (a place
	 * frees then), or `otherwiseMs` when this process has no other send in the window to go by.
	 */
	rateLimited(hintMs: number | undefined, otherwiseMs: number): number;
	/** The send is over: the gateway took it (true), or it failed another way (false). */
	settled(accepted: boolean): void;
	/** Whether the gateway took a send on this key since `at` (ms): the key is shared and moving, not closed. */
	acceptedSince(at: number): boolean;
}

/**
 * Keeps the sends on one key (an API key, a session) within a rate in any sliding window (a minute by
 * default): the first sends go at once, each later one waits for the oldest to leave the window. A
 * campaign thus finishes as fast as the provider allows, and no faster.
 *
 * Every run in the process that sends on the key shares it (`pacerFor`), each within its own rate,
 * so two campaigns on one key together stay within the larger of the two. A 429 says someone else —
 * another n8n worker, another app — is sending on the key too, and that the gateway's window is full:
 * what this process got into it is its share. The pacer then holds every send on the key until the
 * hint (or until its own oldest send leaves the window) and lowers its rate to that share, at most
 * once a window (the sends that were out with the refused one and are refused too come off it), and
 * not when it got nothing in, which says nothing of its share. After a window without a 429 it raises
 * the rate one send at a time: a send beyond the share goes out alone, and each one the gateway takes
 * adds one to the share. Processes sharing a key thus settle on shares that add up to the limit, and
 * one that the others leave alone takes up the room they left within a window.
 */
export class Pacer {
	/** When each send in the window went, oldest first: a refused send counts from its retry. */
	private readonly sent: number[] = [];
	private pausedUntil = 0;
	/** What this process gets of the key's limit, learnt from a 429; undefined when it has the whole rate. */
	private share?: number;
	private limitedAt = -Infinity;
	private slowedAt = -Infinity;
	/** The send beyond the share that is out now, if any, and when it is over. */
	private probe?: { send: PacedSend; over: Promise<void>; end: () => void };
	/** When the gateway last took a send on the key. */
	private lastAccepted = -Infinity;

	constructor(
		readonly windowMs = 60_000,
		/** Added to each wait: the gateway counts from when requests arrive, a little after we send them. */
		readonly marginMs = 1_000,
	) {}

	/** The most sends a window may hold now, for a run that asks for `perWindow`, not counting a probe. */
	limit(perWindow: number): number {
		return Math.min(perWindow, this.share ?? perWindow);
	}

	/** Waits until one more send fits within `perWindow` and the key's pace, and records it. */
	async take(perWindow: number): Promise<PacedSend> {
		if (!Number.isFinite(perWindow) || perWindow < 1) {
			throw new RangeError(`A send rate must be at least 1 per window, got ${perWindow}`);
		}
		const started = clock.now();
		for (;;) {
			const now = clock.now();
			this.forgetBefore(now);
			let wait = this.pausedUntil - now;
			if (wait <= 0) {
				if (this.share !== undefined && this.share >= perWindow) this.share = undefined;
				const limit = this.limit(perWindow);
				if (this.sent.length < limit) return this.place(now, now - started, false);
				const clean = this.limitedAt + this.windowMs - now;
				if (this.share !== undefined && clean <= 0) {
					if (!this.probe) return this.place(now, now - started, true);
					// The next probe waits for the gateway's answer to this one.
					await this.probe.over;
					continue;
				}
				wait = this.sent[this.sent.length - limit] + this.windowMs + this.marginMs - now;
				// Probing may start before a place frees.
				if (this.share !== undefined) wait = Math.min(wait, clean);
			}
			await clock.sleep(wait);
		}
	}

	private place(now: number, waitedMs: number, probe: boolean): PacedSend {
		this.record(now);
		// When the record that stands for this send was made: a retry moves it.
		const placed = { at: now };
		const send: PacedSend = {
			waitedMs,
			rateLimited: (hintMs, otherwiseMs) => this.rateLimited(send, placed, hintMs, otherwiseMs),
			acceptedSince: (at) => this.lastAccepted >= at,
			settled: (accepted) => {
				if (accepted) this.lastAccepted = clock.now();
				if (this.probe?.send !== send) return;
				if (accepted && this.share !== undefined) this.share += 1;
				this.endProbe();
			},
		};
		if (probe) {
			let end = () => {};
			const over = new Promise<void>((resolve) => (end = resolve));
			this.probe = { send, over, end };
		}
		return send;
	}

	private endProbe(): void {
		const probe = this.probe;
		this.probe = undefined;
		probe?.end();
	}

	private rateLimited(send: PacedSend, placed: { at: number }, hintMs: number | undefined, otherwiseMs: number): number {
		const now = clock.now();
		this.forgetBefore(now);
		if (this.probe?.send === send) this.endProbe();
		// The refused send did not count at the gateway: it counts again from its retry, recorded below.
		const own = this.sent.lastIndexOf(placed.at);
		if (own >= 0) this.sent.splice(own, 1);
		// What the gateway counts now: its window, without the margin this pacer keeps on top.
		const got = this.sent.filter((at) => at > now - this.windowMs && at <= now);
		if (got.length && now >= this.slowedAt + this.windowMs) {
			this.share = Math.min(this.share ?? Infinity, got.length);
			this.slowedAt = now;
		} else if (this.share !== undefined && now < this.slowedAt + this.windowMs && placed.at <= this.slowedAt) {
			// Out when the share was taken, so counted in it as if it had got through: it did not.
			this.share = Math.max(1, this.share - 1);
		}
		this.limitedAt = now;
		const waitMs = hintMs ?? (got.length ? got[0] + this.windowMs + this.marginMs - now : otherwiseMs);
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		placed.at = now + waitMs;
		this.record(placed.at);
		return waitMs;
	}

	private forgetBefore(now: number): void {
		while (this.sent.length && this.sent[0] <= now - this.windowMs - this.marginMs) this.sent.shift();
	}

	/** Keeps `sent` in order: a retry may be recorded ahead of sends taken after it. */
	private record(at: number): void {
		let index = this.sent.length;
		while (index > 0 && this.sent[index - 1] > at) index--;
		this.sent.splice(index, 0, at);
	}
}

/** Every key's pacer in this process: shared by all executions (and nodes) that send on the key. */
const pacers = processMemory<string, Pacer>();

export function pacerFor(key: string, windowMs?: number): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) pacers.set(key, (pacer = new Pacer(windowMs)));
	return pacer;
}
