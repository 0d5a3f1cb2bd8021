// Campaign Key on InfiniReach: each message of a campaign once, across runs, retries and executions,
// in the node's record in n8n's deduplication store (the harness keeps it as n8n does), with the
// externalId derived from the message so that InfiniReach itself keeps a repeat once. The failures
// of every gateway are in ../campaign-faults.test.ts.
import type { IDataObject } from 'n8n-workflow';

import { NODE_ID, runNode, WORKFLOW_ID } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { processedData } from '../../harness/processed-data';
import { credentials, gateway, sendParameters } from './fixtures';

const accepted = (id: string) => ({ success: true, queued: true, messageId: id });
const RECORD = `${WORKFLOW_ID}\u0000n:${NODE_ID}`;
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
				skippedBecause: 'sentBefore',
				reason: 'Sent before in campaign "spring": this recipient already got this message from this node',
				campaignKey: 'spring',
				to,
				channel: 'sms',
				gateway: 'infinireach',
				messageId: null,
				fate: 'skipped',
				status: null,
				// An SMS's output says how it travels, skipped or not.
				encoding: 'GSM-7',
				segments: 1,
				ucs2Characters: [],
			})),
		);
		expect(second.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a re-run after a failed item sends only what was not sent', async () => {
		const bodies: IDataObject[] = [];
		const noted = (body: IDataObject) => (bodies.push(body), true);
		// Item 2 goes out while item 1's answer is on its way (items are in flight together).
		gateway()
			.post('/api/v1/messages', noted)
			.reply(201, accepted('m1'))
			.post('/api/v1/messages', noted)
			.reply(400, { error: 'Sender not registered' })
			.post('/api/v1/messages', noted)
			.reply(201, accepted('m3'));
		const failed = await run(list(3));
		expect(failed.error?.message).toContain('[item 1]');
		// Refused: given back, so the re-run sends it. Items 0 and 2, sent, and the run's claim token.
		expect(processedData.rows.get(RECORD)).toHaveLength(2 + 1);

		accept(1, bodies);
		const rerun = await run(list(3));

		expect(rerun.error).toBeUndefined();
		expect(bodies.map((body) => body.to)).toEqual(['+14155550100', '+14155550101', '+14155550102', '+14155550101']);
		expect(rerun.items.map((item) => item.json.skippedBecause ?? item.json.fate)).toEqual(['sentBefore', 'sent', 'sentBefore']);
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

	it("claims again, before anything is sent, when another worker's call overwrote the run's claims", async () => {
		const bodies: IDataObject[] = [];
		accept(3, bodies);
		// The claim (the first write with a "c:" entry) is overwritten at once, as by another worker's overlapping call.
		processedData.loseWrite((added) => added.some((entry) => String(entry).startsWith('c:')));
		const { error, items } = await run(list(3));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status)).toEqual(['queued', 'queued', 'queued']);
		expect(bodies.map((body) => body.to).sort()).toEqual(list(3).map(({ to }) => to));
		// Pauses for other workers' calls to end: after the lost claim, after the one made again, and before
		// the verdicts are written again at the end.
		expect(fakeClock.sleeps.filter((ms) => ms === 150)).toHaveLength(3);

		const scope = gateway().post('/api/v1/messages').reply(201, accepted('again'));
		const again = await run(list(3));
		expect(scope.isDone()).toBe(false);
		expect(again.items.map((item) => item.json.skipped)).toEqual([true, true, true]);
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
		// One claim for the whole run, its check after the pause, and the verdicts in one write, once more after a pause.
		expect(processedData.calls).toEqual([
			{ method: 'checkProcessedAndRecord', items: 81 },
			{ method: 'checkProcessedAndRecord', items: 1 },
			{ method: 'removeProcessed', items: 40 },
			{ method: 'removeProcessed', items: 40 },
		]);
		// One entry a message sent and the claim's token; nothing in the workflow's record, which Remove Duplicates uses.
		expect(processedData.rows.get(RECORD)).toHaveLength(40 + 1);
		expect(processedData.workflowRow(WORKFLOW_ID)).toBeUndefined();
	});

	it('claims a long run in windows ahead of its sends, the first two in one call to the store', async () => {
		accept(300);
		const { error } = await run(
			list(300).map((item, i) => ({ ...item, to: `+1415555${String(1000 + i)}` })),
			{ campaignKey: 'long', requestsPerMinute: 100 },
		);
		expect(error).toBeUndefined();
		const checks = processedData.calls.filter((call) => call.method === 'checkProcessedAndRecord').map((call) => call.items);
		// Windows of 50 and 200 in one claim (two entries a message, and its token), then its token's check;
		// the last 50 when the run reaches the second window, then that claim's token's check.
		expect(checks).toEqual([2 * 250 + 1, 1, 2 * 50 + 1, 1]);
		expect(processedData.rows.get(RECORD)).toHaveLength(300 + 2);
	});

	it('says that a re-run sends a message of unknown fate again under the same externalId', async () => {
		gateway().post('/api/v1/messages').times(20).reply(503, { success: false, error: 'Upstream timeout' });
		const { error } = await run(list(1));
		expect(error?.description).toMatch(/A re-run of this campaign sends it again under the same idempotency key/);
	});
});
