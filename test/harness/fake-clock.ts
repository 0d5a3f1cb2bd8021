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
