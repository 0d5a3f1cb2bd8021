import { Pacer, pacerFor } from '../../nodes/shared/pacing';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';

describe('Pacer', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	/** When each of `count` sends leaves, in seconds from the first. */
	async function sendTimes(pacer: Pacer, perWindow: number, count: number, from = fakeClock.now()): Promise<number[]> {
		const times: number[] = [];
		for (let i = 0; i < count; i++) {
			await pacer.take(perWindow);
			times.push((fakeClock.now() - from) / 1000);
		}
		return times;
	}

	it('lets the first N through at once, then one per freed slot of the sliding window (plus its margin)', async () => {
		expect(await sendTimes(new Pacer(60_000, 1_000), 3, 7)).toEqual([0, 0, 0, 61, 61, 61, 122]);
	});

	it('does not wait when time has passed on its own', async () => {
		const pacer = new Pacer(1_000, 0);
		await pacer.take(1);
		await fakeClock.advance(1_000);
		expect(await pacer.take(1)).toBe(0);
		expect(fakeClock.sleeps).toEqual([]);
	});

	it('refuses a rate below one', async () => {
		await expect(new Pacer().take(0)).rejects.toThrow('at least 1 per window');
	});

	it('is one per key in the process: two runs on a key share its window, each within its own rate', async () => {
		expect(pacerFor('a')).toBe(pacerFor('a'));
		expect(pacerFor('a')).not.toBe(pacerFor('b'));
		const start = fakeClock.now();
		// (The fake clock moves on each wait, so the runs take turns rather than overlap.)
		const first = await sendTimes(pacerFor('a'), 4, 3, start);
		const second = await sendTimes(pacerFor('a'), 4, 3, start);
		// Six sends at 4 a minute between them: four at once, two a window later.
		expect([...first, ...second].sort((x, y) => x - y)).toEqual([0, 0, 0, 0, 61, 61]);
		// A run asking for less waits while the window holds its rate, even if the others' is higher.
		expect(await pacerFor('a').take(1)).toBeGreaterThan(0);
	});

	it('after a 429, waits out the hint, sends at nine tenths of its rate, and gives back a tenth a clean window', async () => {
		const pacer = new Pacer(60_000, 0);
		await sendTimes(pacer, 20, 20);
		pacer.rateLimited(5_000);
		expect(pacer.limit(20)).toBe(18);
		// The pause holds every send on the key, and the window now holds 18, not 20.
		const sleptBefore = fakeClock.sleeps.length;
		await pacer.take(20);
		expect(fakeClock.sleeps.slice(sleptBefore)[0]).toBe(5_000);

		await fakeClock.advance(60_000);
		expect(pacer.limit(20)).toBe(20);
		await fakeClock.advance(60_000);
		expect(pacer.limit(20)).toBe(20);
	});

	it('slows down at most once a window: the 429s of sends in flight together, and their retries, count as one', async () => {
		const pacer = new Pacer(60_000, 0);
		await sendTimes(pacer, 20, 20);
		pacer.rateLimited(5_000);
		pacer.rateLimited(5_000);
		await fakeClock.advance(30_000);
		pacer.rateLimited(5_000);
		expect(pacer.limit(20)).toBe(18);
		await fakeClock.advance(30_000);
		await sendTimes(pacer, 20, 2);
		pacer.rateLimited(5_000);
		// A window later, another 429 is news: 9/10 of the 2 it sent in this window, and never below 1.
		expect(pacer.limit(20)).toBe(1);
	});
});
