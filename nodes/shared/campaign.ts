import { createHash } from 'crypto';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { CampaignRecord, RECORD_LIMIT, type Standing } from './campaign-record';
import { clock } from './clock';
import { fateUnknown } from './failures';
import { withItemIndex, type Outcome } from './items';

/**
 * Campaign Key: each message of a campaign is sent at most once by this node, whatever runs it again
 * (a re-run, Retry On Fail, a second execution, another queue-mode worker), and every message ends a
 * run with one of three fates, each said in its output: sent, not sent (it can go again), or unknown
 * (its request left and no answer came: not sent again unless the user asks, or the gateway's
 * idempotency key makes it safe). The record is campaign-record.ts.
 */

export function campaignKeyOption(): INodeProperties {
	return {
		displayName: 'Campaign Key',
		name: 'campaignKey',
		type: 'string',
		default: '',
		placeholder: 'spring-sale-2027',
		description: `A name for the campaign. Each recipient then gets each message of it at most once from this node: one already sent under this key (by an earlier run, Retry On Fail, another execution or worker) is skipped, and its output says so; identical items of one run are sent once. The node remembers its last ${RECORD_LIMIT.toLocaleString('en-US')} messages. Empty: every item is sent.`,
	};
}

export function resendUnknownOption(): INodeProperties {
	return {
		displayName: 'Resend Messages of Unknown Fate',
		name: 'resendUnknownFate',
		type: 'boolean',
		default: false,
		description:
			'Whether to send again, under the Campaign Key, messages whose earlier request got no answer (a 5xx, a dropped connection, a crash): the gateway may have delivered them, so a recipient can get one twice. Off: they fail, naming what to check.',
	};
}

/** The Campaign Key options of an operation, side by side. */
export function campaignOptions(): INodeProperties[] {
	return [campaignKeyOption(), resendUnknownOption()];
}

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

/** Claim windows of a per-item run: the first is small (a crash leaves little unknown), then they double. */
const FIRST_WINDOW = 50;
const MAX_WINDOW = 1_000;

type Decision = { send: true; identity: string } | { send: false; outcome: Outcome; identity?: string };

const STORE_FAILED = "n8n's deduplication store, which keeps the Campaign Key's record, did not answer";
/** Verdicts go to the store in few writes: when this many are waiting, or this long after the last write. */
const FLUSH_AFTER_MS = 5_000;
const FLUSH_AT = 1_000;

function storeProblem(error: unknown): string {
	const message = (error as Error)?.message ?? String(error);
	return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/**
 * One run of a node (its execution context) under Campaign Keys: claims its messages in one call
 * before any leaves, collapses identical ones, writes the gateway's verdicts in few calls, and gives
 * back the claims of messages it never got to. A fresh context (Retry On Fail's next try) is a new run.
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
		else if (this.waiting.length && !this.windows) await this.claimNext();
	}

	/** Claims the next window of waiting messages (growing: a fast run soon claims a thousand at a time). */
	private async claimNext(size = this.windowSize): Promise<void> {
		const window = this.waiting.splice(0, size);
		if (!window.length) return;
		this.windowSize = Math.min(this.windowSize * 2, MAX_WINDOW);
		const number = ++this.windows;
		for (const { message } of window) this.windowOf.set(message.itemIndex, number);
		const claim = this.claimWindow(window);
		this.claims.set(number, claim);
		await claim;
	}

	private async claimWindow(window: Planned[]): Promise<void> {
		let standings: Map<string, Standing>;
		try {
			standings = await this.record.claim(
				window.map(({ identity }) => identity),
				this.id,
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

	private async flush(last = false): Promise<void> {
		const verdicts = this.pending;
		this.pending = { sent: [], notSent: [], done: [] };
		this.lastFlush = clock.now();
		try {
			await this.record.settle(verdicts, last);
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
		await this.flush(true);
		const notes = new Map<number, string>();
		for (const [identity, problem] of this.unrecorded)
			for (const itemIndex of this.itemsOf.get(identity) ?? [])
				notes.set(
					itemIndex,
					`Sent, but ${STORE_FAILED} when noting it (${problem}): later runs of this campaign will report this message as of unknown fate, not send it again.`,
				);
		return notes;
	}

	private sentBefore(key: string, message: CampaignMessage): IDataObject {
		return {
			skipped: true,
			fate: 'sent before',
			reason: `Sent before in campaign "${key}": this recipient already got this message from this node`,
			campaignKey: key,
			to: message.to,
			...message.shown,
		};
	}

	private duplicate(key: string, message: CampaignMessage, first: number): IDataObject {
		return {
			skipped: true,
			fate: 'duplicate',
			reason: `The same message to the same recipient as item ${first} of this run: sent once, with item ${first}`,
			duplicateOf: first,
			campaignKey: key,
			to: message.to,
			...message.shown,
		};
	}

	private unknownBefore(key: string, message: CampaignMessage): Error {
		return new NodeOperationError(
			this.context.getNode(),
			`Another run of campaign "${key}" sent this message to ${message.to}, and its fate is unknown`,
			{
				itemIndex: message.itemIndex,
				description:
					"Not sent again, by this run or any retry: that run may still be sending it, or it stopped before the gateway answered. Check the gateway's sent messages for this recipient; to send it anyway, turn on Options → Resend Messages of Unknown Fate.",
			},
		);
	}
}

/** What a retry or re-run does with a message whose request got no answer, added to its error. */
export function unknownFateNote(resend: boolean): string {
	return resend
		? 'A re-run of this campaign sends it again (Resend Messages of Unknown Fate is on).'
		: 'A retry or re-run of this campaign does not send it again: it reports it as of unknown fate until you check it or turn on Resend Messages of Unknown Fate.';
}

function withNote<E extends Error & { description?: string | null }>(error: E, note: string): E {
	error.description = [error.description, note].filter(Boolean).join(' ');
	return error;
}

/**
 * One item's send under its Campaign Key: skipped, with its output saying why, when the campaign sent
 * it before, or it repeats an earlier item of the run; failed when an earlier send of it got no answer;
 * otherwise sent, and its verdict recorded. `send` gets the message's identity (undefined without a
 * key), for an idempotency key.
 */
export async function sendOnce(
	context: IExecuteFunctions,
	options: IDataObject,
	message: Omit<CampaignMessage, 'campaignKey'>,
	send: (identity: string | undefined) => Promise<IDataObject>,
): Promise<IDataObject> {
	const campaignKey = String(options.campaignKey ?? '').trim();
	if (!campaignKey) return await send(undefined);
	const run = CampaignRun.of(context);
	const resendUnknown = options.resendUnknownFate === true || message.resendUnknown === true;
	const decision = await run.decide({ ...message, campaignKey, resendUnknown });
	if (!decision.send) {
		if ('error' in decision.outcome) throw decision.outcome.error;
		return decision.outcome.json;
	}
	try {
		const result = await send(decision.identity);
		run.accepted([decision.identity]);
		return result;
	} catch (caught) {
		const error = withItemIndex(context, caught, message.itemIndex);
		if (!fateUnknown(caught)) {
			run.refused([decision.identity]);
			throw error;
		}
		run.unknown([decision.identity]);
		throw withNote(error, unknownFateNote(resendUnknown));
	}
}

/** A batch's items under their Campaign Keys: which to send, the outcomes of the others, and how to note verdicts. */
export interface BatchOnce<T> {
	entries: Array<{ itemIndex: number; value: T }>;
	/** Items not sent: sent before, repeats of an earlier item, of unknown fate, or the store failed. */
	skipped: Map<number, Outcome>;
	accepted(itemIndexes: number[]): void;
	refused(itemIndexes: number[]): void;
	unknown(itemIndexes: number[]): void;
	/** Whether these items' key resends unknown messages (for their error's note). */
	resends(itemIndex: number): boolean;
}

/**
 * sendOnce for an operation that sends its items together (Infobip, Infopromo, txtcoop bulk jobs):
 * `message` gives each item's Campaign Key (empty: not in a campaign), recipient and content.
 */
export async function batchOnce<T>(
	context: IExecuteFunctions,
	entries: Array<{ itemIndex: number; value: T }>,
	message: (value: T, itemIndex: number) => { campaignKey: unknown; to: string; content: unknown; resendUnknown?: boolean },
): Promise<BatchOnce<T>> {
	const messages = entries.map(({ itemIndex, value }) => ({ itemIndex, ...message(value, itemIndex) }));
	if (!messages.some(({ campaignKey }) => String(campaignKey ?? '').trim()))
		return {
			entries,
			skipped: new Map(),
			accepted: () => undefined,
			refused: () => undefined,
			unknown: () => undefined,
			resends: () => false,
		};
	const run = CampaignRun.of(context);
	await run.plan(messages, true);
	const identities = new Map<number, string>();
	const skipped = new Map<number, Outcome>();
	for (const entry of messages) {
		if (!String(entry.campaignKey ?? '').trim()) continue;
		const decision = await run.decide(entry);
		if (decision.send) identities.set(entry.itemIndex, decision.identity);
		else skipped.set(entry.itemIndex, decision.outcome);
	}
	const of = (itemIndexes: number[]) => itemIndexes.flatMap((itemIndex) => identities.get(itemIndex) ?? []);
	const resend = new Map(messages.map(({ itemIndex, resendUnknown }) => [itemIndex, resendUnknown === true]));
	return {
		entries: entries.filter(({ itemIndex }) => !skipped.has(itemIndex)),
		skipped,
		accepted: (itemIndexes) => run.accepted(of(itemIndexes)),
		refused: (itemIndexes) => run.refused(of(itemIndexes)),
		unknown: (itemIndexes) => run.unknown(of(itemIndexes)),
		resends: (itemIndex) => resend.get(itemIndex) === true,
	};
}

/**
 * The end of a node's run (routeOperation's finally): under a Campaign Key, gives back what was
 * never sent and writes every verdict; the outputs of messages whose record failed say so.
 */
export async function finishCampaignRun(
	context: IExecuteFunctions,
	outputs: Array<{ json: IDataObject; pairedItem?: unknown }> | undefined,
): Promise<void> {
	const run = CampaignRun.existing(context);
	if (!run) return;
	const notes = await run.finish();
	if (!notes.size || !outputs) return;
	for (const output of outputs) {
		const item = (output.pairedItem as { item?: number } | undefined)?.item;
		const note = item === undefined ? undefined : notes.get(item);
		if (note && !output.json.error) output.json.campaignRecord = note;
	}
}
