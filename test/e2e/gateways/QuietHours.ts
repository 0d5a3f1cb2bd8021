// Quiet Hours inside a real n8n 2.41.1 whose clock is set (test/e2e/shifted-clock.cjs): 1,000
// recipients in six zones with an 8:00–21:00 window. On InfiniReach, which cannot schedule, nothing
// reaches the emulator outside its recipient's window, and the next hourly run sends what the first
// deferred, each once; on Infobip, every recipient outside the window is scheduled for 8:00 where
// they are.
import { nodeOutput } from '../n8n';
import type { Stack } from '../stack';

/** The example workflows' six number ranges (quiet-hours-*.json) and where their numbers ring. */
const ZONES: Array<[prefix: string, zone: string]> = [
	['+1212555', 'America/New_York'],
	['+1312555', 'America/Chicago'],
	['+1213555', 'America/Los_Angeles'],
	['+44207946', 'Europe/London'],
	['+8135550', 'Asia/Tokyo'],
	['+6129876', 'Australia/Sydney'],
];
const RECIPIENTS = 1000;
const HOUR = 3_600_000;

function zoneOf(to: string): string {
	const digits = to.replace(/^\+?/, '+');
	const found = ZONES.find(([prefix]) => digits.startsWith(prefix));
	if (!found) throw new Error(`No zone for ${to}`);
	return found[1];
}

/** The recipient's clock at an instant, in minutes after midnight (read with the platform's Intl, not the node's code). */
function localMinutes(ms: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
		ms,
	);
	const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
	return value('hour') * 60 + value('minute');
}

const isOpen = (ms: number, zone: string) => localMinutes(ms, zone) >= 8 * 60 && localMinutes(ms, zone) < 21 * 60;

/** The next 08:00 on the recipient's clock, found by stepping a quarter of an hour at a time. */
function nextEight(ms: number, zone: string): number {
	let at = Math.ceil(ms / (HOUR / 4)) * (HOUR / 4);
	while (localMinutes(at, zone) !== 8 * 60) at += HOUR / 4;
	return at;
}

/** How many of the 1,000 recipients are in each zone (recipient i is in zone i mod 6). */
const inZone = (index: number) => Math.ceil((RECIPIENTS - index) / ZONES.length);

/**
 * Two runs an hour apart, at half past an hour (no window edge within half an hour), a few days
 * ahead: the first with some zones open, the second with at least one more, and at most two in all,
 * so that the sends stay within minutes at InfiniReach's 100 a minute.
 */
function chooseRuns(): { first: number; second: number; openFirst: string[]; openSecond: string[] } {
	const day = new Date(Date.now() + 3 * 24 * HOUR);
	const base = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, 30);
	for (let hour = 0; hour < 72; hour++) {
		const first = base + hour * HOUR;
		const second = first + HOUR;
		const openFirst = ZONES.map(([, zone]) => zone).filter((zone) => isOpen(first, zone));
		const openSecond = ZONES.map(([, zone]) => zone).filter((zone) => isOpen(second, zone));
		const opened = openSecond.filter((zone) => !openFirst.includes(zone));
		if (openFirst.length && opened.length && new Set([...openFirst, ...openSecond]).size <= 2)
			return { first, second, openFirst, openSecond };
	}
	throw new Error('No pair of runs an hour apart opens the zones one by one');
}

export function quietHoursScenarios(stack: () => Stack, setClock: (at: number) => Promise<void>): void {
	describe('Quiet Hours in a real n8n with a set clock', () => {
		const runs = chooseRuns();

		it('InfiniReach: 0 of 1,000 messages outside their recipient’s 8:00–21:00; the next hourly run sends the deferred ones, each once', async () => {
			const emulator = stack().sandbox.infiniReach;
			emulator.server.reset();
			const sentIn: Array<{ run: number; to: string }> = [];
			const collect = (run: number) => {
				for (const message of emulator.outbound().slice(sentIn.length)) sentIn.push({ run, to: message.e164To });
			};

			await setClock(runs.first);
			const first = await stack().n8n.execute('quietHoursIr0001');
			expect({ ok: first.ok, error: first.ok ? undefined : first.output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			collect(runs.first);
			const firstItems = nodeOutput(first.data.data, 'Send In Their Daytime');
			expect(firstItems).toHaveLength(RECIPIENTS);

			await setClock(runs.second);
			const second = await stack().n8n.execute('quietHoursIr0001');
			expect({ ok: second.ok, error: second.ok ? undefined : second.output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			collect(runs.second);
			const secondItems = nodeOutput(second.data.data, 'Send In Their Daytime');

			// Nothing outside the window of the recipient's zone at the time of the run that sent it.
			const outside = sentIn.filter(({ run, to }) => !isOpen(run, zoneOf(to)));
			expect(outside).toEqual([]);
			// Each sent once, and exactly those whose window was open.
			expect(new Set(sentIn.map(({ to }) => to)).size).toBe(sentIn.length);
			const count = (zones: string[]) => zones.reduce((sum, zone) => sum + inZone(ZONES.findIndex(([, z]) => z === zone)), 0);
			expect(sentIn.filter(({ run }) => run === runs.first)).toHaveLength(count(runs.openFirst));
			expect(sentIn.filter(({ run }) => run === runs.second)).toHaveLength(
				count(runs.openSecond.filter((z) => !runs.openFirst.includes(z))),
			);

			// Every deferred item says until when: the next 08:00 where its recipient is.
			const deferred = firstItems.filter((item) => item.fate === 'deferred');
			expect(deferred).toHaveLength(RECIPIENTS - count(runs.openFirst));
			expect(deferred.filter((item) => item.sendAfter !== new Date(nextEight(runs.first, zoneOf(String(item.to)))).toISOString())).toEqual(
				[],
			);
			// The second run: those sent before skipped by the Campaign Key, the newly opened sent, the rest still deferred.
			const fates = new Map<string, number>();
			for (const item of secondItems)
				fates.set(String(item.skippedBecause ?? item.fate), (fates.get(String(item.skippedBecause ?? item.fate)) ?? 0) + 1);
			const sentSecond = count(runs.openSecond.filter((z) => !runs.openFirst.includes(z)));
			expect(Object.fromEntries(fates)).toEqual({
				sentBefore: count(runs.openFirst),
				sent: sentSecond,
				deferred: RECIPIENTS - count(runs.openFirst) - sentSecond,
			});
			console.log(
				`[quiet hours] InfiniReach: run at ${new Date(runs.first).toISOString()} sent ${count(runs.openFirst)} (${runs.openFirst.join(', ')}), deferred ${deferred.length}; ` +
					`next run at ${new Date(runs.second).toISOString()} sent ${sentSecond} more; 0 outside their window; ${sentIn.length} recipients, each once`,
			);
		});

		it('Infobip: every recipient outside the window is scheduled with sendAt at 8:00 where they are', async () => {
			const emulator = stack().sandbox.infobip;
			emulator.server.reset();
			await setClock(runs.first);
			const run = await stack().n8n.execute('quietHoursIb0001');
			expect({ ok: run.ok, error: run.ok ? undefined : run.output.slice(-2000) }).toEqual({ ok: true, error: undefined });

			const requests = emulator.server.log.filter((r) => r.method === 'POST' && r.path === '/messages-api/1/messages');
			const scheduled = requests.flatMap((request) => {
				const body = request.body as {
					messages: Array<{ destinations: Array<{ to: string }> }>;
					options?: { schedule?: { sendAt?: string } };
				};
				const sendAt = body.options?.schedule?.sendAt;
				return body.messages.flatMap((message) => message.destinations.map(({ to }) => ({ to, sendAt })));
			});
			expect(scheduled).toHaveLength(RECIPIENTS);
			expect(new Set(scheduled.map(({ to }) => to)).size).toBe(RECIPIENTS);
			const wrong = scheduled.filter(({ to, sendAt }) => {
				const zone = zoneOf(to);
				const expected = isOpen(runs.first, zone) ? undefined : new Date(nextEight(runs.first, zone)).toISOString().replace('Z', '+0000');
				return sendAt !== expected;
			});
			expect(wrong).toEqual([]);
			const items = nodeOutput(run.data.data, 'Schedule In Their Daytime');
			expect(items.filter((item) => item.fate !== 'sent')).toEqual([]);
			const times = new Set(scheduled.map(({ sendAt }) => sendAt ?? 'now'));
			console.log(
				`[quiet hours] Infobip: ${RECIPIENTS} recipients in ${requests.length} requests, ${times.size} send times (${[...times].join(', ')}), each the next 8:00 where its recipients are`,
			);
		});
	});
}
