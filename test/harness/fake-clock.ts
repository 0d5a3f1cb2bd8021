import { clock } from '../../nodes/shared/clock';

export interface FakeClock {
	/** Every wait the code asked for, in ms. */
	sleeps: number[];
	now(): number;
	/** Time passing outside any wait the code asked for. */
	advance(ms: number): Promise<void>;
	restore(): void;
}

/** Replaces the package's clock: waits return at once and move the fake time forward. */
export function useFakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): FakeClock {
	const original = { ...clock };
	let now = start;
	const sleeps: number[] = [];
	clock.now = () => now;
	clock.sleep = async (ms: number) => {
		sleeps.push(ms);
		// As in real time, what is already runnable (another item's request on its way out) runs
		// before the wait is over: only then does the clock move.
		await new Promise((resolve) => setImmediate(resolve));
		now += ms;
	};
	return {
		sleeps,
		now: () => now,
		advance: async (ms: number) => {
			now += ms;
		},
		restore: () => Object.assign(clock, original),
	};
}

export interface VirtualClock {
	now(): number;
	/** Runs the tasks to the end: whenever all of them wait, time moves to the earliest wake-up. */
	run<T>(tasks: Array<Promise<T>>): Promise<T[]>;
	restore(): void;
}

/**
 * Replaces the package's clock with virtual time for tasks that wait side by side (two processes on one
 * key): a wait ends when time reaches it, and time moves only when nothing can run.
 */
export function useVirtualClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): VirtualClock {
	const original = { ...clock };
	let now = start;
	let order = 0;
	const timers: Array<{ at: number; order: number; wake: () => void }> = [];
	clock.now = () => now;
	clock.sleep = async (ms: number) => await new Promise<void>((wake) => timers.push({ at: now + Math.max(0, ms), order: order++, wake }));
	return {
		now: () => now,
		run: async <T>(tasks: Array<Promise<T>>) => {
			let done = false;
			const all = Promise.all(tasks).finally(() => (done = true));
			all.catch(() => undefined);
			let idle = 0;
			for (;;) {
				// Everything that can run runs before a macrotask (an HTTP exchange with nock takes a few).
				for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
				if (done) return await all;
				if (!timers.length) {
					// A request on its way, or nothing at all: a second of real time tells which.
					if (++idle > 200) throw new Error('The tasks wait for something other than time');
					await new Promise((resolve) => setTimeout(resolve, 5));
					continue;
				}
				idle = 0;
				timers.sort((a, b) => a.at - b.at || a.order - b.order);
				const next = timers.shift()!;
				now = Math.max(now, next.at);
				next.wake();
			}
		},
		restore: () => Object.assign(clock, original),
	};
}
