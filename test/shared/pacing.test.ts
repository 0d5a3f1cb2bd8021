import { clock } from '../../nodes/shared/clock';
import { Pacer, pacerFor } from '../../nodes/shared/pacing';
import { useFakeClock, useVirtualClock, type FakeClock } from '../harness/fake-clock';

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
			(await pacer.take(perWindow)).settled(true);
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
		expect((await pacer.take(1)).waitedMs).toBe(0);
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
		expect((await pacerFor('a').take(1)).waitedMs).toBeGreaterThan(0);
	});

	it('after a 429, holds every send for the hint, and its rate becomes what got through', async () => {
		const pacer = new Pacer(60_000, 0);
		// 20 sent at a rate of 30: the 20th is refused, so 19 got through in this window.
		await sendTimes(pacer, 30, 19);
		const refused = await pacer.take(30);
		expect(refused.rateLimited(5_000, 1_000)).toBe(5_000);
		expect(pacer.limit(30)).toBe(19);
		// The pause holds every send on the key; the refused send's retry at 5 s takes the 20th place,
		// and the next send waits for a place: no probing before a window without a 429.
		const next = await pacer.take(30);
		expect(fakeClock.sleeps).toEqual([5_000, 55_000]);
		expect(next.waitedMs).toBe(60_000);
	});

	it('after a window without a 429, sends one beyond its share at a time, and each the gateway takes raises the share', async () => {
		const pacer = new Pacer(60_000, 0);
		await sendTimes(pacer, 30, 10);
		(await pacer.take(30)).rateLimited(1_000, 1_000);
		expect(pacer.limit(30)).toBe(10);
		// A window after the 429 and the retry it held, the 10 places are free again: 10 sends, then a probe.
		await fakeClock.advance(61_000);
		await sendTimes(pacer, 30, 10);
		const probe = await pacer.take(30);
		expect(probe.waitedMs).toBe(0);
		// While it is out, the next send waits (looking again now and then); once the gateway took it, the
		// share is one more and the next probe goes.
		let next: Awaited<ReturnType<Pacer['take']>> | undefined;
		const waiting = pacer.take(30).then((send) => (next = send));
		await new Promise((resolve) => setImmediate(resolve));
		expect(next).toBeUndefined();
		probe.settled(true);
		await waiting;
		expect(pacer.limit(30)).toBe(11);
		// A probe that fails another way (not a 429) raises nothing.
		next!.settled(false);
		expect(pacer.limit(30)).toBe(11);
	});

	it("without a hint, the refused send waits until this process's oldest send leaves the window", async () => {
		const pacer = new Pacer(60_000, 1_000);
		await sendTimes(pacer, 100, 10);
		await fakeClock.advance(10_000);
		const refused = await pacer.take(100);
		// The oldest of the 10 that got through left at 0 s: it is out of the window at 61 s, 51 s from now.
		expect(refused.rateLimited(undefined, 1_000)).toBe(51_000);
		expect(pacer.limit(100)).toBe(10);
	});

	it('keeps its pace after a 429 that came before any send of its own got through: it says nothing of its share', async () => {
		const pacer = new Pacer(60_000, 0);
		const first = await pacer.take(20);
		// Knowing nothing, it waits as told.
		expect(first.rateLimited(undefined, 2_000)).toBe(2_000);
		expect(pacer.limit(20)).toBe(20);
		// Its first send got through on the retry; the next 429 shows its share: that one send.
		await fakeClock.advance(2_000);
		first.settled(true);
		(await pacer.take(20)).rateLimited(5_000, 5_000);
		expect(pacer.limit(20)).toBe(1);
	});

	it('slows down once a window, and takes off the share each send that was out with the refused one and is refused too', async () => {
		const pacer = new Pacer(60_000, 0);
		await sendTimes(pacer, 20, 17);
		const inFlight = [await pacer.take(20), await pacer.take(20), await pacer.take(20)];
		inFlight[0].rateLimited(5_000, 5_000);
		// Counted as got through: the 17 answered, and the two still out.
		expect(pacer.limit(20)).toBe(19);
		inFlight[1].rateLimited(5_000, 5_000);
		await fakeClock.advance(30_000);
		inFlight[2].rateLimited(5_000, 5_000);
		expect(pacer.limit(20)).toBe(17);
		// A retry refused again, or a send placed after the slowdown, takes nothing more off.
		inFlight[0].rateLimited(5_000, 5_000);
		expect(pacer.limit(20)).toBe(17);
		await fakeClock.advance(30_000);
		await sendTimes(pacer, 20, 2);
		(await pacer.take(20)).rateLimited(5_000, 5_000);
		// A window later, another 429 is news: the share is what got through in this window — the
		// three retries (at 5 s, 35 s and 35 s) and the two new sends.
		expect(pacer.limit(20)).toBe(5);
	});
});

/**
 * Processes sharing one key, in virtual time: each sends its recipients one at a time through its own
 * pacer, to a gateway that takes 100 a minute in a sliding window and answers 429 without a hint,
 * and waits as its pacer says before sending a refused message again.
 */
describe('Pacer: processes sharing a key', () => {
	const LIMIT = 100;
	const WINDOW = 60_000;
	let virtual: ReturnType<typeof useVirtualClock>;
	beforeEach(() => {
		virtual = useVirtualClock();
	});
	afterEach(() => virtual.restore());

	function gateway() {
		const window: number[] = [];
		const taken: Array<{ to: string; at: number }> = [];
		let refused = 0;
		return {
			taken,
			refused: () => refused,
			send(to: string): boolean {
				const now = clock.now();
				while (window.length && window[0] <= now - WINDOW) window.shift();
				if (window.length >= LIMIT) {
					refused++;
					return false;
				}
				window.push(now);
				taken.push({ to, at: now });
				return true;
			},
		};
	}

	/** A process's campaign: its items take their places in order, and up to 8 are out at once, as in the node. */
	async function campaign(api: ReturnType<typeof gateway>, recipients: string[], startMs = 0) {
		const pacer = new Pacer(WINDOW, 1_000);
		await clock.sleep(startMs);
		const out = new Set<Promise<void>>();
		for (const to of recipients) {
			const paced = await pacer.take(LIMIT);
			const send = (async () => {
				for (let attempt = 1; ; attempt++) {
					// The request's way to the gateway and back.
					await clock.sleep(10);
					if (api.send(to)) break;
					await clock.sleep(paced.rateLimited(undefined, 1_000 * 2 ** (attempt - 1)));
				}
				paced.settled(true);
			})();
			out.add(send);
			void send.then(() => out.delete(send));
			if (out.size >= 8) await Promise.race(out);
		}
		await Promise.all(out);
	}

	const list = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
	const seconds = (api: ReturnType<typeof gateway>) => (api.taken[api.taken.length - 1].at - api.taken[0].at) / 1000;

	it('two at the full rate send 300 in three windows between them, each message once, with few 429s', async () => {
		const api = gateway();
		await virtual.run([campaign(api, list('a', 150)), campaign(api, list('b', 150), 5)]);

		expect(api.taken).toHaveLength(300);
		expect(new Set(api.taken.map((t) => t.to)).size).toBe(300);
		// 100 at once, 100 a window later, 100 two windows later (each window plus the margin and the requests' way).
		expect(seconds(api)).toBeLessThan(2 * 61 + 5);
		// The sends out when the first window filled (8 a process), then one probe a process a window.
		expect(api.refused()).toBeLessThanOrEqual(2 * 8 + 2 * 3);
	});

	it('one that the other leaves alone takes up the room it left within the window', async () => {
		const api = gateway();
		await virtual.run([campaign(api, list('a', 60)), campaign(api, list('b', 240), 5)]);

		expect(new Set(api.taken.map((t) => t.to)).size).toBe(300);
		expect(seconds(api)).toBeLessThan(2 * 61 + 5);
	});

	it('settles on shares that add up to the limit over a long campaign: about one 429 each a window', async () => {
		const api = gateway();
		await virtual.run([campaign(api, list('a', 1_000)), campaign(api, list('b', 1_000), 5)]);

		expect(new Set(api.taken.map((t) => t.to)).size).toBe(2_000);
		// 20 windows' worth: at most a second of margin and the requests' way lost per window.
		expect(seconds(api)).toBeLessThan(19 * 62);
		expect(api.refused()).toBeLessThanOrEqual(2 * 8 + 2 * 20);
	});
});
