import { Pacer, PacerPool } from '../../nodes/shared/pacing';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';

describe('Pacer', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('lets the first N through at once, then one per freed slot of the sliding window (plus its margin)', async () => {
		const pacer = new Pacer(3, 60_000, 1_000);
		const times: number[] = [];
		for (let i = 0; i < 7; i++) {
			await pacer.take();
			times.push(fakeClock.now());
		}
		const start = times[0];
		expect(times.map((t) => (t - start) / 1000)).toEqual([0, 0, 0, 61, 61, 61, 122]);
	});

	it('does not wait when time has passed on its own', async () => {
		const pacer = new Pacer(1, 1_000, 0);
		await pacer.take();
		await fakeClock.advance(1_000);
		expect(await pacer.take()).toBe(0);
		expect(fakeClock.sleeps).toEqual([]);
	});

	it('refuses a rate below one', () => {
		expect(() => new Pacer(0)).toThrow('at least 1 per window');
	});

	it('keeps one pacer per key and rate', () => {
		const pool = new PacerPool();
		expect(pool.get('a', 10)).toBe(pool.get('a', 10));
		expect(pool.get('a', 10)).not.toBe(pool.get('b', 10));
		expect(pool.get('a', 10)).not.toBe(pool.get('a', 20));
	});
});
