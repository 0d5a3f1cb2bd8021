// Campaign Key: each message of a campaign once, across runs, retries and executions, recorded in n8n's
// deduplication store (the harness keeps it as n8n does) only after InfiniReach accepted it.
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { processedData } from '../../harness/processed-data';
import { messageIdentity } from '../../../nodes/shared/campaign';
import { credentials, gateway, sendParameters } from './fixtures';

const accepted = (id: string) => ({ success: true, queued: true, messageId: id });
const list = (count: number, text = 'Spring sale!') => Array.from({ length: count }, (_, i) => ({ to: `+1415555010${i}`, text }));

describe('InfiniReach → Send with a Campaign Key', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	const run = async (items: IDataObject[], options: IDataObject = { campaignKey: 'spring' }, continueOnFail = false) =>
		await runNode({ type: 'infiniReach', parameters: sendParameters({ options }), credentials, continueOnFail }, items);

	function accept(count: number, bodies: IDataObject[] = []) {
		return gateway()
			.post('/api/v1/messages', (body) => (bodies.push(body as IDataObject), true))
			.times(count)
			.reply(201, () => accepted(`m${bodies.length}`));
	}

	it('sends a campaign once: a second execution skips every message and says why', async () => {
		accept(3);
		const first = await run(list(3));
		expect(first.error).toBeUndefined();

		const scope = gateway().post('/api/v1/messages').reply(201, accepted('again'));
		const second = await run(list(3));

		expect(second.error).toBeUndefined();
		expect(scope.isDone()).toBe(false);
		expect(second.items.map((item) => item.json)).toEqual(
			list(3).map(({ to }) => ({
				skipped: true,
				reason: 'Sent before in campaign "spring": this recipient already got this message from this workflow',
				campaignKey: 'spring',
				to,
				channel: 'sms',
			})),
		);
		expect(second.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a re-run after a failed item sends only what was not sent', async () => {
		const bodies: IDataObject[] = [];
		gateway()
			.post('/api/v1/messages', (body) => (bodies.push(body as IDataObject), true))
			.reply(201, accepted('m1'))
			.post('/api/v1/messages', (body) => (bodies.push(body as IDataObject), true))
			.reply(400, { error: 'Sender not registered' });
		const failed = await run(list(3));
		expect(failed.error?.message).toContain('[item 1]');
		// Refused: not recorded, so the re-run sends it.
		const identity = (to: string) => messageIdentity('spring', to, { message: 'Spring sale!', channel: 'sms' });
		expect([0, 1, 2].map((i) => processedData.has('wf-harness', identity(`+1415555010${i}`)))).toEqual([true, false, false]);

		accept(2, bodies);
		const rerun = await run(list(3));

		expect(rerun.error).toBeUndefined();
		expect(bodies.map((body) => body.to)).toEqual(['+14155550100', '+14155550101', '+14155550101', '+14155550102']);
		expect(rerun.items.map((item) => item.json.skipped ?? false)).toEqual([true, false, false]);
	});

	it('derives the externalId from the campaign, so two executions racing on one message give InfiniReach the same ID', async () => {
		const bodies: IDataObject[] = [];
		accept(1, bodies);
		await run(list(1));
		// As if another worker's record were lost: n8n's store rewrites its record whole, and overlapping writes lose one.
		processedData.reset();
		accept(1, bodies);
		await run(list(1));

		expect(bodies).toHaveLength(2);
		expect(bodies[0].externalId).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(bodies[1].externalId).toBe(bodies[0].externalId);
	});

	it('sends what is new: another recipient, another text or another key', async () => {
		accept(1);
		await run(list(1));
		const bodies: IDataObject[] = [];
		accept(3, bodies);

		const { items } = await run([...list(2), { to: '+14155550100', text: 'Summer sale!' }]);
		await run(list(1), { campaignKey: 'summer' });

		expect(items.map((item) => item.json.skipped ?? false)).toEqual([true, false, false]);
		expect(bodies.map((body) => [body.to, body.message])).toEqual([
			['+14155550101', 'Spring sale!'],
			['+14155550100', 'Summer sale!'],
			['+14155550100', 'Spring sale!'],
		]);
	});

	it("writes a record again before the run ends when another worker's write overwrote it", async () => {
		accept(3);
		// The record of the last message is overwritten at once, as by another worker's overlapping call.
		// (Its first write is the look-up, a check-and-record taken back; the second is the record.)
		const last = list(3)[2];
		const identity = messageIdentity('spring', last.to, { message: last.text, channel: 'sms' });
		let writes = 0;
		processedData.loseWrite((added) => added.includes(identity) && ++writes === 2);
		const { error } = await run(list(3));
		expect(error).toBeUndefined();
		for (const item of list(3))
			expect(processedData.has('wf-harness', messageIdentity('spring', item.to, { message: item.text, channel: 'sms' }))).toBe(true);
		// A second after its last write the run wrote everything once more (and found the lost entry
		// missing), then again a second later, finding all there.
		expect(fakeClock.sleeps.filter((ms) => ms === 1_000)).toHaveLength(2);

		const scope = gateway().post('/api/v1/messages').reply(201, accepted('again'));
		const { items } = await run(list(3));
		expect(scope.isDone()).toBe(false);
		expect(items.map((item) => item.json.skipped)).toEqual([true, true, true]);
	});

	it('still sends a message whose look-up the process died in before taking it back', async () => {
		// The look-up writes the identity and takes it back; the process dies in between, and the run
		// fails. The identity stays in the store, without the confirmation a sent message has.
		processedData.dropNextRemoval();
		const scope = gateway().post('/api/v1/messages').reply(201, accepted('m1'));
		const crashed = await run(list(1));
		expect(crashed.error).toBeDefined();
		expect(scope.isDone()).toBe(false);

		const { items, error } = await run(list(1));
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toMatchObject({ messageId: 'm1' });
		// And now it is sent: the next run skips it.
		const { items: again } = await run(list(1));
		expect(again[0].json.skipped).toBe(true);
	});

	it('without a Campaign Key sends every item every time', async () => {
		const scope = accept(4);
		await run(list(2), {});
		const { items } = await run(list(2), {});
		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json.skipped ?? false)).toEqual([false, false]);
		expect(processedData.calls).toEqual([]);
	});

	it("talks to n8n's store in batches, not once per message", async () => {
		accept(40);
		const { error } = await run(
			list(40).map((item, i) => ({ ...item, to: `+1415555${String(1000 + i)}` })),
			{ campaignKey: 'big', requestsPerMinute: 100 },
		);
		expect(error).toBeUndefined();
		const calls = processedData.calls.length;
		// 40 checks and 40 records, one at a time, would be 120 calls (a check is a check-and-record and an undo).
		expect(calls).toBeLessThan(60);
		// Two entries a message: the record and its confirmation.
		expect(processedData.rows.get('wf-harness\u0000')).toHaveLength(80);
	});
});
