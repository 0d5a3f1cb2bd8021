import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { runPoll } from '../../harness/n8n';
import { BASE_URL, credentials, gateway, ok } from './fixtures';

type Order = 'newestFirst' | 'oldestFirst';
type Record = { uid?: string; status?: string; message?: string; direction?: string; created_at?: string };

/**
 * The platform's SMS list as a strict reading of seed 004 and gateways.md allows: Laravel pages of
 * `perPage`, in an order the documents do not give, records that may lack anything not promised.
 */
class SmsList {
	incoming: Record[] = [];
	outgoing: Record[] = [];
	requests: string[] = [];
	private next = 0;

	constructor(
		readonly order: Order,
		readonly perPage = 25,
	) {
		nock(BASE_URL)
			.persist()
			.get('/api/v3/sms')
			.query(true)
			.reply((uri) => {
				this.requests.push(uri);
				const query = new URL(uri, BASE_URL).searchParams;
				const list = query.get('direction') === 'outgoing' ? this.outgoing : this.incoming;
				const ordered = this.order === 'newestFirst' ? [...list].reverse() : list;
				const page = Number(query.get('page') ?? 1);
				const lastPage = Math.max(1, Math.ceil(ordered.length / this.perPage));
				const data = ordered.slice((page - 1) * this.perPage, page * this.perPage);
				return [200, ok({ current_page: page, data, last_page: lastPage, per_page: this.perPage, total: ordered.length })];
			});
	}

	receive(count: number, extra: Partial<Record> = {}): string[] {
		const added = Array.from({ length: count }, () => ({ uid: `in-${++this.next}`, message: `text ${this.next}`, ...extra }));
		this.incoming.push(...added);
		return added.map((record) => record.uid!);
	}

	send(count: number, status = 'Scheduled'): string[] {
		const added = Array.from({ length: count }, () => ({ uid: `out-${++this.next}`, status }));
		this.outgoing.push(...added);
		return added.map((record) => record.uid);
	}
}

const trigger = (staticData: IDataObject, events = ['incoming'], options: IDataObject = {}) => ({
	type: 'infopromoTrigger',
	parameters: { events, options } as INodeParameters,
	credentials,
	staticData,
});
const poll = async (staticData: IDataObject, events?: string[], options?: IDataObject) =>
	(await runPoll(trigger(staticData, events, options)))?.[0].map((item) => item.json) ?? [];
const uids = (items: IDataObject[]) => items.map((item) => item.uid);

afterEach(() => nock.cleanAll());

describe.each<Order>(['newestFirst', 'oldestFirst'])('Infopromo Trigger, list ordered %s', (order) => {
	it('starts once per new message, oldest first, and never for one from before its first poll', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		list.receive(60);
		expect(await poll(staticData)).toEqual([]);

		const fired: unknown[] = [];
		const expected: string[] = [];
		for (let i = 0; i < 5; i++) {
			expected.push(...list.receive(1));
			fired.push(...uids(await poll(staticData)));
		}
		expect(fired).toEqual(expected);
	});

	it.each([1, 3, 40, 120])('starts for each of a burst of %i between two polls, once', async (burst) => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		list.receive(49);
		await poll(staticData);
		const burstUids = list.receive(burst);

		expect(uids(await poll(staticData))).toEqual(burstUids);
		expect(await poll(staticData)).toEqual([]);
	});

	it('keeps finding its place after 3,000 messages, long past what it remembers', async () => {
		const list = new SmsList(order, 100);
		const staticData: IDataObject = {};
		list.receive(10);
		await poll(staticData);
		const fired: unknown[] = [];
		for (let round = 0; round < 30; round++) {
			list.receive(100);
			fired.push(...uids(await poll(staticData)));
		}
		expect(fired).toHaveLength(3000);
		expect(new Set(fired).size).toBe(3000);
		expect(fired[0]).toBe('in-11');
		expect(await poll(staticData)).toEqual([]);
	});

	it('reads only the pages it needs: the newest end, then back to the last message it saw', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		list.receive(200);
		await poll(staticData);
		list.requests = [];
		list.receive(30);
		await poll(staticData);
		// Page 1 (for the count of pages) and the other end, then back to the page where the walk meets
		// old messages: 30 new ones span at most three pages of 25.
		expect(list.requests.length).toBeLessThanOrEqual(4);
	});

	it('leaves out, with a notice, what is beyond Most Pages Per Poll, and fires nothing older later', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		list.receive(10);
		await poll(staticData, ['incoming'], { maxPages: 2 });
		const burst = list.receive(100);

		const fired = await poll(staticData, ['incoming'], { maxPages: 2 });
		// Two pages from the newest end: 50 newest-first; oldest-first, the last page holds only 10 of them.
		expect(uids(fired)).toEqual(burst.slice(order === 'newestFirst' ? -50 : -35));
		expect(fired[0].notice).toMatch(new RegExp(`^${100 - fired.length} older inbound messages were left out: .*Most Pages Per Poll`));
		expect(await poll(staticData, ['incoming'], { maxPages: 2 })).toEqual([]);
	});

	it('finds its place when the messages it saw last were deleted: by their times, where records carry them', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		const at = (n: number) => ({ created_at: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString() });
		for (let n = 0; n < 60; n++) list.receive(1, at(n));
		await poll(staticData);
		// The ten newest it saw are deleted in the portal; three arrive.
		list.incoming.splice(50, 10);
		const added = [60, 61, 62].flatMap((n) => list.receive(1, at(n)));

		expect(uids(await poll(staticData))).toEqual(added);
	});

	it('gives each message a stable eventId', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		await poll(staticData);
		list.receive(2);
		const fired = await poll(staticData);
		expect(fired.map((item) => item.eventId)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
		expect(fired[0].eventId).not.toBe(fired[1].eventId);
	});

	it('starts for status changes of sent messages beyond the first and last pages', async () => {
		const list = new SmsList(order);
		const staticData: IDataObject = {};
		const campaign = list.send(100);
		list.send(100, 'Delivered');
		await poll(staticData, ['statusChanged']);
		// Messages in the middle of the list change status; newer messages arrive on top of them.
		for (const uid of campaign.slice(40, 43)) list.outgoing.find((m) => m.uid === uid)!.status = 'Delivered';
		list.send(30, 'Delivered');

		const fired = await poll(staticData, ['statusChanged']);
		expect(fired.map((item) => [item.event, item.uid, item.previousStatus, item.status])).toEqual(
			campaign.slice(40, 43).map((uid) => ['statusChanged', uid, 'Scheduled', 'Delivered']),
		);
		expect(await poll(staticData, ['statusChanged'])).toEqual([]);
	});
});

describe('Infopromo Trigger, what the documents do not promise', () => {
	it('works out the order from records that carry times, and from which end of the list moved when they do not', async () => {
		for (const order of ['newestFirst', 'oldestFirst'] as const) {
			nock.cleanAll();
			const list = new SmsList(order);
			const staticData: IDataObject = {};
			list.receive(60);
			await poll(staticData);
			const added = list.receive(2);
			expect(uids(await poll(staticData))).toEqual(added);
			expect((staticData['node:Gateway'] as IDataObject).lastPoll).toMatchObject({ incoming: { order } });
		}
	});

	it('tells messages apart without a uid, by their content', async () => {
		const list = new SmsList('newestFirst');
		const staticData: IDataObject = {};
		list.receive(3);
		await poll(staticData);
		list.receive(2);
		for (const record of list.incoming) delete record.uid;

		const fired = await poll(staticData);
		expect(fired.map((item) => item.message)).toEqual(['text 4', 'text 5']);
	});

	it('drops records that say they go the other way, when a host ignores the direction filter', async () => {
		const list = new SmsList('newestFirst');
		const staticData: IDataObject = {};
		list.receive(3);
		await poll(staticData);
		list.receive(1, { direction: 'outgoing' });
		const inbound = list.receive(1, { direction: 'incoming' });

		expect(uids(await poll(staticData))).toEqual(inbound);
	});

	it("carries over version 1's memory: the messages it saw are not new", async () => {
		const list = new SmsList('newestFirst');
		const seen = list.receive(5);
		const staticData: IDataObject = { 'node:Gateway': { lastPoll: { seen, statuses: {} } } };
		const added = list.receive(1);

		expect(uids(await poll(staticData))).toEqual(added);
	});

	it('in a manual test shows the newest message and leaves the memory alone', async () => {
		const list = new SmsList('newestFirst');
		list.receive(30);
		const staticData: IDataObject = {};
		const shown = await runPoll(trigger(staticData), 'manual');
		expect(shown?.[0].map((i) => i.json.uid)).toEqual(['in-30']);
		expect((staticData['node:Gateway'] as IDataObject | undefined)?.lastPoll).toBeUndefined();
	});

	it('sends the token as the credential says, and asks for one direction at a time', async () => {
		const scope = gateway()
			.get('/api/v3/sms')
			.query({ direction: 'incoming', page: '1' })
			.reply(200, ok({ current_page: 1, data: [], last_page: 1, per_page: 25, total: 0 }));
		await runPoll(trigger({}));
		expect(scope.isDone()).toBe(true);
	});
});
