import { createHash } from 'crypto';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { clock } from './clock';
import type { Outcome } from './items';
import { processMemory } from './process-memory';

/**
 * Campaign Key: a message of a campaign is sent once, whatever runs it again — a re-run, n8n's Retry
 * On Fail, a second execution, another queue-mode worker. What was sent is kept in n8n's own
 * deduplication store (the processed-data helpers: n8n's database, shared by every worker and kept
 * across restarts), per workflow, and written only after the gateway accepted the message.
 *
 * n8n's store reads and rewrites a workflow's whole record on each call, so this process sends it
 * one call at a time per workflow, each carrying every identity waiting by then. Another process's
 * call can still overlap one of ours and write back a record without what ours added: before a run
 * ends it writes what it sent once more, after such a call has had time to finish, until nothing was
 * missing (confirmCampaignRecords).
 */

const SCOPE = 'workflow';
/** A sent message's second entry in the store (see StoreLane's check). */
const CONFIRMATION = ':sent';
const confirmation = (identity: string) => `${identity}${CONFIRMATION}`;
const OPTIONS = { mode: 'entries' } as const;
/** Longer than a store call (a read and a write of one row) takes: an overlapping one is over by then. */
const CONFIRM_AFTER_MS = 1_000;
const CONFIRM_ROUNDS = 5;

export function campaignKeyOption(): INodeProperties {
	return {
		displayName: 'Campaign Key',
		name: 'campaignKey',
		type: 'string',
		default: '',
		placeholder: 'spring-sale-2027',
		description:
			'A name for the campaign. Each recipient then gets each message of it once: an item already sent under this key by this workflow (by an earlier run, Retry On Fail, another execution or worker) is skipped, and its output says so. Empty: every item is sent.',
	};
}

/** The identity of one message of a campaign: the key, the recipient and what they receive. */
export function messageIdentity(campaignKey: string, to: string, content: unknown): string {
	return createHash('sha256')
		.update(JSON.stringify([campaignKey, to, content]))
		.digest('hex');
}

type Store = Pick<IExecuteFunctions['helpers'], 'checkProcessedAndRecord' | 'removeProcessed'>;

interface Waiting {
	identities: string[];
	/** For a check, the identities the store had; for a record, those it did not have (now written). */
	done(found: Set<string>): void;
	failed(error: unknown): void;
}

/**
 * A store call that failed because another process created the workflow's record between the call's
 * read and its insert (two workers' first calls at once): the database refused the insert, so nothing
 * of the call was written, and the call goes again, now finding the record. Postgres, SQLite, MySQL.
 */
const RECORD_CREATED_MEANWHILE = /duplicate key value violates unique constraint|UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i;
const STORE_TRIES = 3;

async function storeCall<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const outcome = await call().then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (outcome.ok) return outcome.value;
		// Any other failure is the store's own, passed on as it came: the item's error wraps it (items.ts).
		if (attempt >= STORE_TRIES || !RECORD_CREATED_MEANWHILE.test(String((outcome.error as Error)?.message ?? outcome.error)))
			throw outcome.error;
		await clock.sleep(50 * attempt);
	}
}

/** One workflow's calls to n8n's store, in turn: records first (so checks see them), then checks, each batch in one call. */
class StoreLane {
	private checks: Waiting[] = [];
	private records: Waiting[] = [];
	private running = false;

	constructor(private store: Store) {}

	async check(store: Store, identities: string[]): Promise<Set<string>> {
		return await new Promise((resolve, reject) => {
			this.checks.push({ identities, done: resolve, failed: reject });
			this.start(store);
		});
	}

	/** Writes the identities; returns those the store did not have. */
	async record(store: Store, identities: string[]): Promise<Set<string>> {
		const missing = await new Promise<Set<string>>((resolve, reject) => {
			this.records.push({ identities, done: resolve, failed: reject });
			this.start(store);
		});
		return new Set(identities.filter((identity) => missing.has(identity)));
	}

	private start(store: Store): void {
		// Any run of the workflow reaches the same store: the latest one's helpers do.
		this.store = store;
		if (this.running) return;
		this.running = true;
		void this.drain();
	}

	private async drain(): Promise<void> {
		while (this.checks.length || this.records.length) {
			const [checks, records] = [this.checks, this.records];
			this.checks = [];
			this.records = [];
			await this.settle(records, async () => {
				const sent = [...new Set(records.flatMap((waiting) => waiting.identities))];
				if (!sent.length) return new Set<string>();
				const { new: missing } = await storeCall(
					async () => await this.store.checkProcessedAndRecord([...sent, ...sent.map(confirmation)], SCOPE, OPTIONS),
				);
				return new Set(missing.map(String).filter((value) => !value.endsWith(CONFIRMATION)));
			});
			await this.settle(checks, async () => {
				const asked = [...new Set(checks.flatMap((waiting) => waiting.identities))];
				if (!asked.length) return new Set<string>();
				// The store has no plain lookup: check-and-record, then take back what was not there. A
				// crash before the take-back leaves the identity behind, so a sent message has a second
				// entry, looked up only when the first is there: it takes two such crashes, on the same
				// message in two runs, to skip a message never sent.
				const first = await storeCall(async () => await this.store.checkProcessedAndRecord(asked, SCOPE, OPTIONS));
				const present = first.processed.map(String);
				const second = present.length
					? await storeCall(async () => await this.store.checkProcessedAndRecord(present.map(confirmation), SCOPE, OPTIONS))
					: { new: [] };
				const unconfirmed = new Set(second.new.map(String));
				const unsent = present.filter((identity) => unconfirmed.has(confirmation(identity)));
				const takeBack = [...first.new.map(String), ...unsent, ...unsent.map(confirmation)];
				if (takeBack.length) await storeCall(async () => await this.store.removeProcessed(takeBack, SCOPE, OPTIONS));
				return new Set(present.filter((identity) => !unsent.includes(identity)));
			});
		}
		this.running = false;
	}

	private async settle(waiting: Waiting[], call: () => Promise<Set<string>>): Promise<void> {
		if (!waiting.length) return;
		try {
			const found = await call();
			for (const entry of waiting) entry.done(found);
		} catch (error) {
			for (const entry of waiting) entry.failed(error);
		}
	}
}

/** Per workflow in this process (n8n's store keeps one record per workflow). */
const lanes = processMemory<string, StoreLane>();

function laneOf(context: IExecuteFunctions): StoreLane {
	const workflowId = String(context.getWorkflow().id ?? '');
	let lane = lanes.get(workflowId);
	if (!lane) lanes.set(workflowId, (lane = new StoreLane(context.helpers)));
	return lane;
}

/** What each run (its node's execution context) recorded, to confirm before it ends. */
const recordedBy = new WeakMap<IExecuteFunctions, Set<string>>();

/**
 * Before a run ends: writes what it recorded once more, a moment after its last write, and again
 * while the store had lost any of it — to a call of another worker's that overlapped ours and wrote
 * back the record without it. A run that failed (`failed`) still confirms what it sent, and then
 * leaves its own error to be the one reported.
 */
export async function confirmCampaignRecords(context: IExecuteFunctions, failed = false): Promise<void> {
	const recorded = recordedBy.get(context);
	recordedBy.delete(context);
	if (!recorded?.size) return;
	const identities = [...recorded];
	try {
		for (let round = 1; round <= CONFIRM_ROUNDS; round++) {
			await clock.sleep(CONFIRM_AFTER_MS);
			if (!(await laneOf(context).record(context.helpers, identities)).size) return;
		}
	} catch (error) {
		if (failed) return;
		throw new NodeOperationError(context.getNode(), error as Error, {
			description:
				"The messages were sent, but n8n's deduplication store could not confirm their Campaign Key records: a run of this campaign may send them again. Check n8n's database.",
		});
	}
}

/** A campaign's messages as one run sends them: which were sent before, and which it sent. */
export class Campaign {
	private constructor(
		private readonly context: IExecuteFunctions,
		readonly key: string,
	) {}

	/** The item's campaign, or undefined when its Campaign Key is empty. */
	static of(context: IExecuteFunctions, options: IDataObject): Campaign | undefined {
		const key = String(options.campaignKey ?? '').trim();
		return key ? new Campaign(context, key) : undefined;
	}

	identity(to: string, content: unknown): string {
		return messageIdentity(this.key, to, content);
	}

	/** Which of these messages the campaign has sent before (by any run of this workflow). */
	async sentBefore(identities: string[]): Promise<Set<string>> {
		return await laneOf(this.context).check(this.context.helpers, identities);
	}

	/** Notes messages the gateway accepted: no run of this workflow sends them again under the key. */
	async sent(identities: string[]): Promise<void> {
		await laneOf(this.context).record(this.context.helpers, identities);
		let recorded = recordedBy.get(this.context);
		if (!recorded) recordedBy.set(this.context, (recorded = new Set()));
		for (const identity of identities) recorded.add(identity);
	}

	/** The output of an item not sent because the campaign sent it before. */
	skipped(to: string, extra: IDataObject = {}): IDataObject {
		return {
			skipped: true,
			reason: `Sent before in campaign "${this.key}": this recipient already got this message from this workflow`,
			campaignKey: this.key,
			to,
			...extra,
		};
	}
}

/**
 * One item's send under its Campaign Key (Options → Campaign Key): skipped, with its output saying why,
 * when the campaign sent this content to `to` before; otherwise sent, and recorded once the gateway
 * accepted it. `send` gets the message's identity (undefined without a key), for an idempotency key.
 */
export async function sendOnce(
	context: IExecuteFunctions,
	options: IDataObject,
	message: { to: string; content: unknown; shown?: IDataObject },
	send: (identity: string | undefined) => Promise<IDataObject>,
): Promise<IDataObject> {
	const campaign = Campaign.of(context, options);
	if (!campaign) return await send(undefined);
	const identity = campaign.identity(message.to, message.content);
	if ((await campaign.sentBefore([identity])).has(identity)) return campaign.skipped(message.to, message.shown);
	const result = await send(identity);
	await campaign.sent([identity]);
	return result;
}

/** A batch's items under one Campaign Key: which to send, the outputs of those sent before, and how to note the sent. */
export interface BatchOnce<T> {
	entries: Array<{ itemIndex: number; value: T }>;
	skipped: Map<number, Outcome>;
	/** Notes the items of an accepted request as sent (nothing without a key). */
	sent(itemIndexes: number[]): Promise<void>;
}

/**
 * sendOnce for an operation that sends its items together (Infobip, Infopromo): `message` gives each
 * item's Campaign Key (empty: not in a campaign), recipient and content.
 */
export async function batchOnce<T>(
	context: IExecuteFunctions,
	entries: Array<{ itemIndex: number; value: T }>,
	message: (value: T) => { campaignKey: unknown; to: string; content: unknown },
): Promise<BatchOnce<T>> {
	const planned = new Map<number, { campaign: Campaign; to: string; identity: string }>();
	for (const { itemIndex, value } of entries) {
		const { campaignKey, to, content } = message(value);
		const campaign = Campaign.of(context, { campaignKey: String(campaignKey ?? '') });
		if (campaign) planned.set(itemIndex, { campaign, to, identity: campaign.identity(to, content) });
	}
	const [first] = planned.values();
	if (!first) return { entries, skipped: new Map(), sent: async () => undefined };
	// The store is the workflow's, whatever the key: one look-up for all.
	const before = await first.campaign.sentBefore([...planned.values()].map(({ identity }) => identity));
	const skipped = new Map<number, Outcome>();
	for (const [itemIndex, { campaign, to, identity }] of planned)
		if (before.has(identity)) skipped.set(itemIndex, { json: campaign.skipped(to) });
	return {
		entries: entries.filter(({ itemIndex }) => !skipped.has(itemIndex)),
		skipped,
		sent: async (itemIndexes) => await first.campaign.sent(itemIndexes.flatMap((itemIndex) => planned.get(itemIndex)?.identity ?? [])),
	};
}
