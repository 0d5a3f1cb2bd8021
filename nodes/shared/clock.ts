import { sleep } from 'n8n-workflow';

/**
 * The one place node code reads the time or waits. Tests swap these two functions for a fake clock,
 * so pacing and back-off are proven without real waiting.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};
