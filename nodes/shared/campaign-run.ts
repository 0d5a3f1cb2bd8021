import { createHash } from 'crypto';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { CampaignRecord, settleMs, type Standing } from './campaign-record';
import { clock } from './clock';
import { markReason } from './send-result';
import type { Outcome } from './items';

/** The identity of one message of a campaign: the key, the recipient and what they receive. */
export function messageIdentity(campaignKey: string, to: string, content: unknown): string {
	return createHash('sha256')
		.update(JSON.stringify([campaignKey, to, content]))
		.digest('hex');
}

/** One item's message under a Campaign Key. */
export interface CampaignMessage {
	itemIndex: number;
	campaignKey: unknown;
	to: string;
	content: unknown;
	/** Resend Messages of Unknown Fate, or a gateway whose idempotency key makes a repeat harmless. */
	resendUnknown?: boolean;
	/** Fields the output of a skipped item shows besides the recipient. */
	shown?: IDataObject;
}

interface Planned {
	message: CampaignMessage;
	key: string;
	identity: string;
}

/** Claim windows of a per-item run: the first is small (a crash leaves little unknown), then 4 times the last. */
const FIRST_WINDOW = 50;
const MAX_WINDOW = 1_000;

export type Decision = { send: true; identity: string } | { send: false; outcome: Outcome; identity?: string };

const STORE_FAILED = "n8n's deduplication store, which keeps the Campaign Key's record, did not answer";
/** Verdicts go to the store in few writes: when this many are waiting, or this long after the last write. */
const FLUSH_AFTER_MS = 5_000;
const FLUSH_AT = 1_000;

function storeProblem(error: unknown): string {
	const message = (error as Error)?.message ?? String(error);
	return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/**
 * One run of a node (its execution context) under Campaign Keys: claims its messages before their
 * requests leave, collapses identical ones, writes the gateway's verdicts in few calls, and gives back
 * the claims of messages it never got to. A fresh context (Retry On Fail's next try) is a new run.
 */
export class CampaignRun {
	private static readonly runs = new WeakMap<IExecuteFunctions, CampaignRun>();
	private readonly record: CampaignRecord;
	private readonly id: string;
	private readonly decisions = new Map<number, Decision>();
	/** Messages registered and not claimed yet, in item order. */
	private readonly waiting: Planned[] = [];
	private windowSize = FIRST_WINDOW;
	private windows = 0;
	private readonly windowOf = new Map<number, number>();
	private readonly claims = new Map<number, Promise<void>>();
	/** The first item of the run with each identity. */
	private readonly firstItem = new Map<string, number>();
	/** Claimed (or adopted) by this run, and not yet given a verdict. */
	private readonly open = new Set<string>();
	private readonly itemsOf = new Map<string, number[]>();
	private pending = { sent: [] as string[], notSent: [] as string[], done: [] as string[] };
	private flushing?: Promise<void>;
	private lastFlush = clock.now();
	/** Messages the gateway accepted whose record could not be written, with the store's problem. */
	private readonly unrecorded = new Map<string, string>();
	/** Every verdict this run wrote, to write once more before it ends. */
	private readonly written = { sent: [] as string[], notSent: [] as string[] };

	private constructor(private readonly context: IExecuteFunctions) {
		this.record = CampaignRecord.of(context);
		this.id = createHash('sha256')
			.update([context.getExecutionId(), context.getNode().id, clock.now(), Math.random()].join('|'))
			.digest('hex')
			.slice(0, 16);
	}

	static of(context: IExecuteFunctions): CampaignRun {
		let run = CampaignRun.runs.get(context);
		if (!run) CampaignRun.runs.set(context, (run = new CampaignRun(context)));
		return run;
	}

	/** Only when a run used a Campaign Key: what routeOperation ends. */
	static existing(context: IExecuteFunctions): CampaignRun | undefined {
		return CampaignRun.runs.get(context);
	}

	/**
	 * Takes the run's messages (items without a key are left alone) and claims them: all at once for a
	 * bulk operation (`all`), otherwise in windows just ahead of the sends, so that a run that dies
	 * leaves only its current window unknown, not every message it had yet to send.
	 */
	async plan(messages: CampaignMessage[], all = false): Promise<void> {
		for (const message of messages) {
			const key = String(message.campaignKey ?? '').trim();
			if (!key || this.decisions.has(message.itemIndex) || this.windowOf.has(message.itemIndex)) continue;
			const identity = messageIdentity(key, message.to, message.content);
			const first = this.firstItem.get(identity);
			if (first !== undefined && first !== message.itemIndex) {
				this.decisions.set(message.itemIndex, { send: false, outcome: { json: this.duplicate(key, message, first) } });
				continue;
			}
			this.firstItem.set(identity, message.itemIndex);
			this.waiting.push({ message, key, identity });
		}
		if (all) await this.claimNext(this.waiting.length);
		// The first two windows in one claim: the second is ready when the first has sent.
		else if (this.waiting.length && !this.windows) await this.claimNext(undefined, 2);
	}

	/** Claims the next windows of waiting messages (growing: a fast run soon claims a thousand at a time). */
	private async claimNext(size?: number, windows = 1): Promise<void> {
		const numbers: number[] = [];
		const taken: Planned[] = [];
		for (let count = 0; count < windows; count++) {
			const window = this.waiting.splice(0, size ?? this.windowSize);
			if (!window.length) break;
			if (size === undefined) this.windowSize = Math.min(this.windowSize * 4, MAX_WINDOW);
			const number = ++this.windows;
			for (const { message } of window) this.windowOf.set(message.itemIndex, number);
			numbers.push(number);
			taken.push(...window);
		}
		if (!taken.length) return;
		const claim = this.claimWindow(taken, `${this.id}:${numbers[0]}`);
		for (const number of numbers) this.claims.set(number, claim);
		await claim;
	}

	/** `claimId`: this claim's own, so that its check vouches for it alone. */
	private async claimWindow(window: Planned[], claimId: string): Promise<void> {
		let standings: Map<string, Standing>;
		try {
			standings = await this.record.claim(
				window.map(({ identity }) => identity),
				claimId,
			);
		} catch (error) {
			for (const { message, identity } of window) {
				const failure = new NodeOperationError(this.context.getNode(), `${STORE_FAILED}: nothing was sent`, {
					itemIndex: message.itemIndex,
					description: `The store said: ${storeProblem(error)}. Run the item again once n8n's database answers.`,
				});
				this.decisions.set(message.itemIndex, { send: false, outcome: { error: failure }, identity });
			}
			return;
		}
		const unknown = window.filter(({ identity, message }) => standings.get(identity) === 'unknown' && message.resendUnknown);
		const adopted = new Set(this.record.adopt(unknown.map(({ identity }) => identity)));
		for (const { message, key, identity } of window) {
			const standing = adopted.has(identity) ? 'claimed' : standings.get(identity);
			this.itemsOf.set(identity, [...(this.itemsOf.get(identity) ?? []), message.itemIndex]);
			if (standing === 'claimed') {
				this.open.add(identity);
				this.decisions.set(message.itemIndex, { send: true, identity });
			} else if (standing === 'sent') {
				this.decisions.set(message.itemIndex, { send: false, outcome: { json: this.sentBefore(key, message) }, identity });
			} else {
				this.decisions.set(message.itemIndex, { send: false, outcome: { error: this.unknownBefore(key, message) }, identity });
			}
		}
	}

	/** What to do with an item: send it (under its identity), or its outcome without sending. */
	async decide(message: CampaignMessage): Promise<Decision> {
		if (!this.decisions.has(message.itemIndex) && !this.windowOf.has(message.itemIndex)) await this.plan([message]);
		while (!this.decisions.has(message.itemIndex) && !this.windowOf.has(message.itemIndex)) await this.claimNext();
		const number = this.windowOf.get(message.itemIndex);
		if (number !== undefined) {
			// The run has reached its newest window: the next is claimed while this one sends.
			if (number === this.windows && this.waiting.length) void this.claimNext();
			await this.claims.get(number);
		}
		return this.decisions.get(message.itemIndex)!;
	}

	/** The gateway accepted these messages: recorded as sent. */
	accepted(identities: string[]): void {
		this.verdict(identities, 'sent');
	}

	/** The gateway refused these messages, or they never left: given back, a later run sends them. */
	refused(identities: string[]): void {
		this.verdict(identities, 'notSent');
	}

	/** Their requests left and got no answer: left claimed, reported unknown by later runs. */
	unknown(identities: string[]): void {
		this.verdict(identities, undefined);
	}

	private verdict(identities: string[], fate: 'sent' | 'notSent' | undefined): void {
		for (const identity of identities) {
			if (!this.open.delete(identity)) continue;
			if (fate) this.pending[fate].push(identity);
			this.pending.done.push(identity);
		}
		const due = this.pending.sent.length + this.pending.notSent.length >= FLUSH_AT || clock.now() - this.lastFlush >= FLUSH_AFTER_MS;
		if (due && !this.flushing) this.flushing = this.flush().finally(() => (this.flushing = undefined));
	}

	private async flush(): Promise<void> {
		const verdicts = this.pending;
		this.pending = { sent: [], notSent: [], done: [] };
		this.lastFlush = clock.now();
		try {
			await this.record.settle(verdicts);
			this.written.sent.push(...verdicts.sent);
			this.written.notSent.push(...verdicts.notSent);
		} catch (error) {
			// Sent messages keep their claim: later runs report them unknown, never send them again.
			for (const identity of verdicts.sent) this.unrecorded.set(identity, storeProblem(error));
		}
	}

	/**
	 * The run is over: messages it claimed and never sent are given back, every verdict is written.
	 * Returns, per item, why the record of a message the gateway accepted could not be written.
	 */
	async finish(): Promise<Map<number, string>> {
		// A window claimed ahead may still be on its way: its messages are given back too.
		await Promise.all(this.claims.values());
		this.refused([...this.open]);
		while (this.flushing) await this.flushing;
		await this.flush();
		await this.writeAgain();
		const notes = new Map<number, string>();
		for (const [identity, problem] of this.unrecorded)
			for (const itemIndex of this.itemsOf.get(identity) ?? [])
				notes.set(
					itemIndex,
					`Sent, but ${STORE_FAILED} when noting it (${problem}): later runs of this campaign will report this message as of unknown fate, not send it again.`,
				);
		return notes;
	}

	/**
	 * Another worker's call that read the record before a verdict was written and wrote it back after
	 * puts the removed entries back: a sent message would read "unknown". Once every such call is over
	 * (the same pause as after a claim), the run writes its verdicts again; a failure only leaves them so.
	 */
	private async writeAgain(): Promise<void> {
		if (!this.written.sent.length && !this.written.notSent.length) return;
		await clock.sleep(settleMs());
		await this.record.settle({ ...this.written, done: [] }).catch(() => undefined);
	}

	private sentBefore(key: string, message: CampaignMessage): IDataObject {
		return {
			skipped: true,
			skippedBecause: 'sentBefore',
			reason: `Sent before in campaign "${key}": this recipient already got this message from this node`,
			campaignKey: key,
			to: message.to,
			...message.shown,
		};
	}

	private duplicate(key: string, message: CampaignMessage, first: number): IDataObject {
		return {
			skipped: true,
			skippedBecause: 'duplicate',
			reason: `The same message to the same recipient as item ${first} of this run: sent once, with item ${first}`,
			duplicateOf: first,
			campaignKey: key,
			to: message.to,
			...message.shown,
		};
	}

	private unknownBefore(key: string, message: CampaignMessage): Error {
		const error = new NodeOperationError(
			this.context.getNode(),
			`Another run of campaign "${key}" sent this message to ${message.to}, and its fate is unknown`,
			{
				itemIndex: message.itemIndex,
				description:
					"Not sent again, by this run or any retry: that run may still be sending it, or it stopped before the gateway answered. Check the gateway's sent messages for this recipient; to send it anyway, turn on Options → Resend Messages of Unknown Fate.",
			},
		);
		return markReason(error, 'unknownFate');
	}
}
