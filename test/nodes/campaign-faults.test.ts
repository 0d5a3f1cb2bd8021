// The Campaign Key's fault matrix (docs/campaigns.md has the same table, with these outcomes): for
// each failure a Campaign Key exists for, every recipient's fate — delivered once, reported not sent,
// or reported unknown — never silently skipped, never delivered twice where the row promises once.
// The gateways are nock stubs that count what they deliver to whom; n8n's store is the harness's,
// which fails, loses writes and interleaves calls as n8n's database does.
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { NODE_ID, runNode, WORKFLOW_ID, type NodeRun, type NodeSetup } from '../harness/n8n';
import { processedData } from '../harness/processed-data';
import { useFakeClock, useVirtualClock, type FakeClock } from '../harness/fake-clock';
import { forgetProcessMemory } from '../../nodes/shared/process-memory';
import * as infiniReach from './InfiniReach/fixtures';
import * as infobip from './Infobip/fixtures';
import * as infopromo from './Infopromo/fixtures';
import * as txtCoop from './TxtCoop/fixtures';
import { errorOf } from '../harness/common-shapes';

const KEY = 'black-friday';
/** The node's Campaign Key record in n8n's store (node scope). */
const RECORD = `${WORKFLOW_ID}\u0000n:${NODE_ID}`;
const TEXT = 'Black Friday: 30% off';
const PHONES = ['+14155550100', '+14155550101', '+14155550102', '+14155550103'];

/** How the gateway answers one request: per recipient, or for the whole request. */
type Answer = 'accept' | 'reject' | 'lostAnswer' | 'noStatus';

/** A stub gateway: counts deliveries per recipient (as the recipient would see them). */
class Stub {
	readonly deliveries = new Map<string, number>();
	requests = 0;
	/** The answer to each recipient in the next requests (default: accept). */
	answer: (to: string, request: number) => Answer = () => 'accept';

	deliver(to: string): void {
		this.deliveries.set(to, (this.deliveries.get(to) ?? 0) + 1);
	}

	count(to: string): number {
		return this.deliveries.get(to) ?? 0;
	}
}

interface Subject {
	name: string;
	/** A repeat of a send is harmless at this gateway (its idempotency key). */
	idempotent: boolean;
	setup(options?: IDataObject, extra?: Partial<NodeSetup>): NodeSetup;
	/** Serves the send endpoint from `stub` for the rest of the test. */
	serve(stub: Stub): void;
	/** The recipient as the stub counts it. */
	recipient(phone: string): string;
	content: unknown;
}

const infobipSubject: Subject = {
	name: 'Infobip',
	idempotent: false,
	setup: (options = {}, extra = {}) => ({
		type: 'infobip',
		parameters: infobip.sendParameters({ campaign: { campaignKey: KEY, ...options } }),
		credentials: infobip.credentials,
		...extra,
	}),
	serve(stub) {
		infobip
			.gateway()
			.post('/messages-api/1/messages')
			.reply((_uri, raw) => {
				const request = ++stub.requests;
				const body = raw as IDataObject;
				const destinations = (body.messages as IDataObject[]).flatMap((message) => message.destinations as IDataObject[]);
				const answers = destinations.map((destination) => stub.answer(`+${String(destination.to)}`, request));
				if (answers.includes('noStatus')) return [200, {}];
				const messages = destinations.map((destination, index) => {
					const rejected = answers[index] === 'reject';
					if (!rejected) stub.deliver(`+${String(destination.to)}`);
					return {
						messageId: destination.messageId,
						destination: destination.to,
						status: rejected
							? {
									groupId: 5,
									groupName: 'REJECTED',
									id: 12,
									name: 'REJECTED_NOT_ENOUGH_CREDITS',
									description: 'Account has not enough credits',
								}
							: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
					};
				});
				// Infobip took them, and the answer was lost on the way (a proxy's 502).
				if (answers.includes('lostAnswer')) return [502, '<html>Bad Gateway</html>'];
				return [200, { bulkId: 'b', messages }];
			})
			.persist();
	},
	recipient: (phone) => phone,
	content: ['SMS', { body: { type: 'TEXT', text: TEXT } }],
};

const infopromoSubject: Subject = {
	name: 'Infopromo',
	idempotent: false,
	setup: (options = {}, extra = {}) => ({
		type: 'infopromo',
		parameters: infopromo.sendParameters({ options: { campaignKey: KEY, ...options } }),
		credentials: infopromo.credentials,
		...extra,
	}),
	serve(stub) {
		infopromo
			.gateway()
			.post('/api/v3/sms/send')
			.reply((_uri, raw) => {
				const request = ++stub.requests;
				const recipients = String((raw as IDataObject).recipient).split(',');
				const answers = recipients.map((to) => stub.answer(`+${to}`, request));
				if (answers.includes('noStatus')) return [200, { data: [] }];
				const records = recipients.map((to, index) => {
					const rejected = answers[index] === 'reject';
					if (!rejected) stub.deliver(`+${to}`);
					return { uid: `u${request}-${index}`, to, status: rejected ? 'Failed: insufficient balance' : 'Delivered' };
				});
				if (answers.includes('lostAnswer')) return [502, '<html>Bad Gateway</html>'];
				return [200, infopromo.ok(records)];
			})
			.persist();
	},
	recipient: (phone) => phone,
	content: { sender_id: undefined, type: 'plain', message: TEXT },
};

const infiniReachSubject: Subject = {
	name: 'InfiniReach',
	idempotent: true,
	setup: (options = {}, extra = {}) => ({
		type: 'infiniReach',
		parameters: infiniReach.sendParameters({ options: { campaignKey: KEY, ...options } }),
		credentials: infiniReach.credentials,
		...extra,
	}),
	serve(stub) {
		// InfiniReach sends a message once per externalId (its idempotency key): a repeat is answered 409.
		const seen = new Set<string>();
		infiniReach
			.gateway()
			.post('/api/v1/messages')
			.reply((_uri, raw) => {
				const request = ++stub.requests;
				const body = raw as IDataObject;
				const answer = stub.answer(String(body.to), request);
				if (answer === 'reject') return [400, { success: false, error: 'Device offline' }];
				if (seen.has(String(body.externalId))) return [409, { success: false, error: 'Duplicate externalId' }];
				seen.add(String(body.externalId));
				stub.deliver(String(body.to));
				if (answer === 'lostAnswer') return [503, { success: false, error: 'Upstream timeout' }];
				if (answer === 'noStatus') return [201, {}];
				return [201, { success: true, queued: true, messageId: `m${request}` }];
			})
			.persist();
	},
	recipient: (phone) => phone,
	content: { message: TEXT, channel: 'sms' },
};

const items = PHONES.map((to) => ({ to, text: TEXT }));
const index = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

const SKIPPED: Record<string, string> = { sentBefore: 'sent before', duplicate: 'duplicate' };

/**
 * Each item's fate as the common send result tells it (with Continue On Fail, errors are items).
 * A failure's words must say the same: "may have", "unknown", … exactly for the fate "unknown".
 */
function fates(run: NodeRun): string[] {
	return run.items
		.sort((a, b) => index(a) - index(b))
		.map(({ json }) => {
			const error = json.error as { message: string; reason: string } | undefined;
			if (error) {
				const { fate } = json.details as { fate: string };
				const said = /may have|no answer|without this message's status|unknown/i.test(error.message) ? 'unknown' : 'notSent';
				expect([fate, error.reason === 'unknownFate']).toEqual([said, said === 'unknown']);
				return fate === 'unknown' ? 'unknown' : 'not sent';
			}
			if (json.fate === 'skipped') return SKIPPED[String(json.skippedBecause)];
			expect(json.fate).toBe('sent');
			return 'sent';
		});
}

describe.each([infobipSubject, infopromoSubject, infiniReachSubject])('Campaign Key fault matrix: $name', (subject) => {
	let stub: Stub;
	let fakeClock: FakeClock | undefined;
	const deliveries = () => PHONES.map((phone) => stub.count(subject.recipient(phone)));
	const run = async (options: IDataObject = {}, extra: Partial<NodeSetup> = {}, input = items) =>
		await runNode(subject.setup(options, { continueOnFail: true, ...extra }), input);

	beforeEach(() => {
		stub = new Stub();
		subject.serve(stub);
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock?.restore());

	it('the happy path: sent once, a re-run skips every message and says so', async () => {
		const first = await run();
		const again = await run();
		expect(fates(first)).toEqual(['sent', 'sent', 'sent', 'sent']);
		expect(fates(again)).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		// One entry a message sent, and each run's claim token.
		expect(processedData.rows.get(RECORD)).toHaveLength(4 + 2);
	});

	it('the gateway rejects some messages: they fail, are not recorded, and the re-run sends exactly them', async () => {
		stub.answer = (to) => (to.endsWith('01') || to.endsWith('03') ? 'reject' : 'accept');
		const first = await run();
		expect(fates(first)).toEqual(['sent', 'not sent', 'sent', 'not sent']);
		// One entry per message sent, none for the rejected; and the run's claim token.
		expect(processedData.rows.get(RECORD)).toHaveLength(2 + 1);

		stub.answer = () => 'accept';
		const rerun = await run();
		expect(fates(rerun)).toEqual(['sent before', 'sent', 'sent before', 'sent']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
	});

	it('a 2xx that does not tell each message its fate: reported unknown, not sent again (InfiniReach: its 2xx is the acceptance)', async () => {
		stub.answer = () => 'noStatus';
		const first = await run();
		const rerun = await run();
		if (subject.idempotent) {
			// InfiniReach promises no per-message status: its 2xx accepts the message, with whatever fields it has.
			expect(fates(first)).toEqual(['sent', 'sent', 'sent', 'sent']);
			expect(fates(rerun)).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
			expect(deliveries()).toEqual([1, 1, 1, 1]);
			return;
		}
		expect(fates(first)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
		expect(fates(rerun)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
		expect(stub.requests).toBe(1);
	});

	it('a lost answer after acceptance, then Retry On Fail, then a re-run: delivered once, reported unknown (InfiniReach: sent, by its key)', async () => {
		stub.answer = (_to, request) => (request === 1 ? 'lostAnswer' : 'accept');
		const tried = await runNode(subject.setup({}, { retryOnFail: { maxTries: 3 } }), items);
		if (subject.idempotent) {
			// The request itself went again with the same externalId, and InfiniReach answered "duplicate": done.
			expect(tried.error).toBeUndefined();
		} else {
			// The last try's error: the earlier try left them unknown, and no try sends them.
			expect(tried.error?.description).toMatch(/^Not sent again, by this run or any retry/);
			expect(stub.requests).toBe(1);
		}
		const rerun = await run();
		expect(deliveries()).toEqual(subject.idempotent ? [1, 1, 1, 1] : [1, 1, 1, 1]);
		if (subject.idempotent) {
			// The externalId made every repeat harmless: the re-run (or the retry) completed them.
			expect(fates(rerun).every((fate) => fate === 'sent' || fate === 'sent before')).toBe(true);
			expect(fates(await run())).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		} else {
			expect(fates(rerun)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
			expect(errorOf(rerun.items[0])?.description).toMatch(/Resend Messages of Unknown Fate/);
			// Asked to: sent again (the recipient may get it twice, as the option says).
			const resent = await run({ resendUnknownFate: true });
			expect(fates(resent)).toEqual(['sent', 'sent', 'sent', 'sent']);
			expect(deliveries()).toEqual([2, 2, 2, 2]);
			expect(fates(await run())).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		}
	});

	it('without a Campaign Key, a lost answer says what a re-run does: sends it again', async () => {
		stub.answer = () => 'lostAnswer';
		const result = await run({ campaignKey: '' });
		if (subject.idempotent) {
			// Its request went again with the same externalId (derived from the execution and item): sent once.
			expect(fates(result)).toEqual(['sent', 'sent', 'sent', 'sent']);
		} else {
			expect(fates(result)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
			expect(errorOf(result.items[0])?.description).toMatch(/Without a Campaign Key a re-run sends it again/);
		}
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		expect(processedData.calls).toEqual([]);
	});

	it("n8n's store fails while writing the verdicts: outputs kept and say so; a re-run does not send again", async () => {
		// Claims go through; every removal (the verdict "sent") fails.
		processedData.failWhen((method) => method === 'removeProcessed');
		const first = await run();
		expect(fates(first)).toEqual(['sent', 'sent', 'sent', 'sent']);
		for (const item of first.items)
			expect(item.json.campaignRecord).toMatch(/later runs of this campaign will report this message as of unknown fate/);
		processedData.failWhen(undefined);
		const rerun = await run();
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		expect(fates(rerun)).toEqual(subject.idempotent ? ['sent', 'sent', 'sent', 'sent'] : ['unknown', 'unknown', 'unknown', 'unknown']);
	});

	it("n8n's store fails when the run claims: nothing is sent, each item says so", async () => {
		processedData.failWhen((method) => method === 'checkProcessedAndRecord');
		const first = await run();
		expect(fates(first)).toEqual(['not sent', 'not sent', 'not sent', 'not sent']);
		expect((first.items[0].json.error as { message: string }).message).toMatch(/nothing was sent/);
		expect(stub.requests).toBe(0);
		processedData.failWhen(undefined);
		expect(fates(await run())).toEqual(['sent', 'sent', 'sent', 'sent']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
	});

	it('the take-back of a re-run fails, twice in a row: no message is sent again, none silently skipped', async () => {
		await run();
		// A re-run's check adds "awaiting" to the sent messages and takes it back: both take-backs fail.
		processedData.failWhen((method) => method === 'removeProcessed');
		const second = await run();
		const third = await run();
		processedData.failWhen(undefined);
		const fourth = await run();
		expect(fates(second)).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		// The failed take-back left them "unknown" (never "sent" for a message not sent): reported, not sent.
		expect(fates(third)).toEqual(subject.idempotent ? ['sent', 'sent', 'sent', 'sent'] : ['unknown', 'unknown', 'unknown', 'unknown']);
		expect(fates(fourth).every((fate) => fate !== 'sent' || subject.idempotent)).toBe(true);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
	});

	it('the process dies between the acceptance and its record: the next run reports them unknown (InfiniReach: completes them)', async () => {
		// The gateway takes the first request, and the process dies: no later write of the run reaches the store.
		stub.answer = () => (processedData.freeze(), 'accept');
		await run();
		processedData.thaw();
		stub.answer = () => 'accept';
		const rerun = await run();
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		expect(fates(rerun)).toEqual(subject.idempotent ? ['sent', 'sent', 'sent', 'sent'] : ['unknown', 'unknown', 'unknown', 'unknown']);
	});

	it('two overlapping runs in one process: each message delivered once, every item of both runs has its fate', async () => {
		const [a, b] = await Promise.all([run(), run()]);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		const both = [...fates(a), ...fates(b)];
		expect(both.filter((fate) => fate === 'sent')).toHaveLength(4);
		// The other run's: it had them in flight (unknown), or saw them sent.
		expect(both.filter((fate) => fate !== 'sent').every((fate) => fate === 'unknown' || fate === 'sent before')).toBe(true);
		expect(fates(await run())).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
	});

	it("another worker's call writes back the record over the run's verdicts: the run writes them again, a re-run finds them sent", async () => {
		processedData.undoNextRemoval();
		const first = await run();
		const rerun = await run();
		expect(fates(first)).toEqual(['sent', 'sent', 'sent', 'sent']);
		expect(fates(rerun)).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
		expect(stub.requests).toBe(subject.name === 'InfiniReach' ? 4 : 1);
	});

	it('two re-runs at once in one process: both find every message sent before, and nothing is left unknown', async () => {
		await run();
		const [a, b] = await Promise.all([run(), run()]);
		expect([...fates(a), ...fates(b)].every((fate) => fate === 'sent before')).toBe(true);
		expect(fates(await run())).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
	});

	it('identical items in one run: sent once, the repeats say which item sent it', async () => {
		const doubled = [items[0], items[1], items[0], items[1], items[0]];
		const result = await run({}, {}, doubled);
		expect(fates(result)).toEqual(['sent', 'sent', 'duplicate', 'duplicate', 'duplicate']);
		expect(result.items.map((item) => item.json.duplicateOf ?? null)).toEqual([null, null, 0, 1, 0]);
		expect(deliveries()).toEqual([1, 1, 0, 0]);
	});

	it('a Campaign Key per item: each item is in its own campaign', async () => {
		const keyed = items.slice(0, 2).map((item, i) => ({ ...item, key: i === 0 ? 'a' : 'b' }));
		const setup = subject.setup({ campaignKey: '={{ $json.key }}' }, { continueOnFail: true });
		await runNode(setup, keyed);
		const again = await runNode(
			setup,
			keyed.map((item) => ({ ...item, key: item.key === 'a' ? 'a' : 'c' })),
		);
		expect(fates(again)).toEqual(['sent before', 'sent']);
		expect(deliveries()).toEqual([1, 2, 0, 0]);
	});

	it("a Remove Duplicates node on the same workflow: its history, Clean Database and a 'latest' mode leave the record alone", async () => {
		await run();
		// Remove Duplicates (workflow scope) as n8n 2.41 runs it: 10,000 entries of history, then Clean Database, then a "latest" mode.
		const workflow = { workflow: { id: WORKFLOW_ID } as never, node: { id: 'remove-duplicates' } as never };
		const history = Array.from({ length: 12_000 }, (_, i) => `order-${i}`);
		await processedData.checkProcessedAndRecord(history, 'workflow', workflow, { mode: 'entries', maxEntries: 10_000 });
		expect(processedData.workflowRow(WORKFLOW_ID)).toHaveLength(10_000);
		await processedData.clearAllProcessedItems('workflow', workflow);
		processedData.latest('workflow', workflow, 'latestIncrementalKey', 17);
		const rerun = await run();
		expect(fates(rerun)).toEqual(['sent before', 'sent before', 'sent before', 'sent before']);
		expect(deliveries()).toEqual([1, 1, 1, 1]);
	});
});

describe.each([infobipSubject, infopromoSubject])('Campaign Key across workers: $name', (subject) => {
	it('two runs on two workers whose store calls interleave (a lost update): one sends, the other yields', async () => {
		const clock = useVirtualClock();
		const stub = new Stub();
		subject.serve(stub);
		// A store call takes 20 ms between its read and its write; the second worker's claim reads before the first one's writes.
		processedData.latencyMs = 20;
		let started: Promise<NodeRun> | undefined;
		processedData.onRead = () => {
			if (started) return;
			// The other worker: its own process memory, so no in-process turn orders its calls after ours.
			forgetProcessMemory();
			started = runNode(subject.setup({}, { continueOnFail: true }), items);
		};
		try {
			const first = runNode(subject.setup({}, { continueOnFail: true }), items);
			const [a] = await clock.run([first]);
			const b = await clock.run([started!]);
			expect(PHONES.map((phone) => stub.count(phone))).toEqual([1, 1, 1, 1]);
			const both = [...fates(a), ...fates(b[0])];
			expect(both.filter((fate) => fate === 'sent')).toHaveLength(4);
			expect(both.filter((fate) => fate !== 'sent').every((fate) => fate === 'unknown' || fate === 'sent before')).toBe(true);
		} finally {
			clock.restore();
			nock.cleanAll();
		}
	});
});

describe('Campaign Key: a per-item run that dies half-way (txtcoop, no idempotency key)', () => {
	let fakeClock: FakeClock;
	beforeEach(() => (fakeClock = useFakeClock()));
	afterEach(() => fakeClock.restore());

	it('leaves only the messages of its claim windows unknown; a re-run sends every other one, and none twice', async () => {
		const count = 400;
		const people = Array.from({ length: count }, (_, i) => ({ to: `+1415555${String(1000 + i)}`, text: TEXT }));
		const setup: NodeSetup = {
			type: 'txtCoop',
			parameters: txtCoop.sendParameters({ options: { campaignKey: KEY } }),
			credentials: txtCoop.credentials,
			continueOnFail: true,
		};
		const delivered = new Map<string, number>();
		let dead = false;
		txtCoop
			.gateway()
			.post('/api/v1/messages')
			.reply((_uri, raw) => {
				const to = String((raw as IDataObject).to);
				// The 20th send is the last: then the process dies (no store write, no request reaches the gateway).
				if (dead) return [503, { error: 'Service Unavailable', message: 'gone', statusCode: 503 }];
				delivered.set(to, (delivered.get(to) ?? 0) + 1);
				if ([...delivered.values()].length === 20) {
					dead = true;
					processedData.freeze();
				}
				return [201, { messageId: `msg_${to}`, status: 'queued' }];
			})
			.persist();
		await runNode(setup, people);
		processedData.thaw();
		dead = false;
		const rerun = await runNode(setup, people);

		const fatesOf = fates(rerun);
		const count_ = (fate: string) => fatesOf.filter((f) => f === fate).length;
		// Claimed by the dead run: its first window (50) and the one claimed ahead (200). Everything else went.
		expect(count_('unknown')).toBe(250);
		expect(count_('sent')).toBe(count - 250);
		expect(fatesOf.slice(0, 250).every((fate) => fate === 'unknown')).toBe(true);
		expect([...delivered.values()].every((times) => times === 1)).toBe(true);
		expect(delivered.size).toBe(count - 250 + 20);
	});
});
