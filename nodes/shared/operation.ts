import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forEachItem, itemError, withItemIndex, type ItemResult } from './items';
import { credentialIdentity, runCredentials } from './credentials';
import { finishCampaignRun } from './campaign';
import { CampaignRun, type CampaignMessage } from './campaign-run';
import { pacerFor, type PacedSend } from './pacing';
import type { Gateway } from './gateway';
import { withSendResult, type SendResultSpec } from './send-result';
import { careOf, dryRunFailure, guardItems, type GuardedItem } from './send-guard';
import { itemOptions } from './parameters';

/**
 * Items a per-item operation handles at once. Sends to a gateway take most of their time waiting
 * for its answer, so a few in flight make a run of many items several times faster; the send order
 * and the pacing stay as one-by-one (see SendOrder).
 */
export const ITEMS_IN_FLIGHT = 8;

/** A run's item that sends nothing because an earlier item failed the node. */
class NotSent extends Error {}

interface Signal {
	promise: Promise<void>;
	resolve(): void;
}

function signal(): Signal {
	let resolve = () => {};
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

/**
 * Keeps the sends of a run whose items are in flight together as they were one by one: each item
 * takes its send slot after the item before it has taken its own (or finished without sending), and
 * a message to a recipient waits until the run's previous message to them has been answered, so two
 * messages to one person arrive in item order. Items after one that failed the node send nothing.
 */
export class SendOrder {
	private readonly turns = new Map<number, Signal>();
	private readonly finished = new Map<number, Signal>();
	private readonly lastTo = new Map<string, number>();
	private stoppedAt?: number;

	private signalOf(signals: Map<number, Signal>, itemIndex: number): Signal {
		let found = signals.get(itemIndex);
		if (!found) signals.set(itemIndex, (found = signal()));
		return found;
	}

	/** Waits for this item's turn to send; `take` runs in turn (the pacer). */
	async inTurn(itemIndex: number, recipient: string | undefined, take: () => Promise<unknown>): Promise<void> {
		if (itemIndex > 0) await this.signalOf(this.turns, itemIndex - 1).promise;
		this.turns.delete(itemIndex - 1);
		try {
			if (this.stoppedAt !== undefined && itemIndex > this.stoppedAt) throw new NotSent('An earlier item failed the node');
			const previous = recipient === undefined ? undefined : this.lastTo.get(recipient);
			if (recipient !== undefined) this.lastTo.set(recipient, itemIndex);
			if (previous !== undefined) {
				// Let later items to others go ahead while this one waits for its recipient's previous answer.
				this.signalOf(this.turns, itemIndex).resolve();
				await this.signalOf(this.finished, previous).promise;
			}
			await take();
		} finally {
			this.signalOf(this.turns, itemIndex).resolve();
		}
	}

	/** An item is done: sent, failed, or never reached its send. */
	settled(itemIndex: number): void {
		this.signalOf(this.turns, itemIndex).resolve();
		this.signalOf(this.finished, itemIndex).resolve();
	}

	stopping(itemIndex: number): void {
		this.stoppedAt = Math.min(this.stoppedAt ?? itemIndex, itemIndex);
	}
}

/** State that lives for one run of a node, across its items: the order of its sends. */
export interface RunState {
	order: SendOrder;
}

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number, run: RunState) => Promise<ItemResult>;

/** An operation that takes all input items at once (e.g. one bulk job for the whole input). */
export interface BatchOperation {
	batch: (this: IExecuteFunctions, run: RunState) => Promise<INodeExecutionData[]>;
}

/**
 * A per-item send that can be under a Campaign Key: `read` checks an item's parameters once (a bad one
 * throws, and fails the item when its turn comes), `campaign` says which message it is, and `send`
 * sends it. The run reads every item first, so that it claims their messages before the first leaves.
 */
export interface CampaignOperation<T> {
	read: (this: IExecuteFunctions, itemIndex: number) => T;
	campaign: (read: T, itemIndex: number) => CampaignMessage;
	/** `sendAt`: where the gateway schedules (`guard.schedules`), when Quiet Hours want it sent. */
	send: (this: IExecuteFunctions, itemIndex: number, run: RunState, read: T, sendAt?: number) => Promise<ItemResult>;
	/** Quiet Hours and Dry Run (send-guard.ts): the item's recipient and the fields its outputs carry. */
	guard?: SendGuard<T>;
}

export interface SendGuard<T> {
	/** Whether the gateway schedules a message for later (else Quiet Hours defer it to a later run). */
	schedules: boolean;
	/** The collection holding Quiet Hours and Dry Run (default `options`). */
	options?: string;
	/** The recipient whose zone counts (default: the Campaign Key message's `to`), and the fields to show. */
	of?(read: T): { to?: string; shown?: IDataObject; reference?: number };
	/** A dry run's check with the gateway, where it has one and the item asks for it: its answer joins the output. */
	dryRunCheck?(this: IExecuteFunctions, itemIndex: number, read: T): Promise<IDataObject | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operation reads its own shape
export type Operation = OperationExecute | BatchOperation | CampaignOperation<any>;

export type OperationMap = Record<string, Record<string, Operation>>;

/**
 * A node's router table, typed by its resources and their operation names (e.g.
 * `{ message: 'send' | 'get' }`): a missing, extra or misspelt operation fails the type check.
 */
export type OperationTable<Names extends Record<string, string>> = { [Resource in keyof Names]: { [Name in Names[Resource]]: Operation } };

type Read<T> = { value: T; message: CampaignMessage; shown?: IDataObject } | { error: unknown } | { json: IDataObject };

/**
 * Every item's read; then what Quiet Hours and Dry Run do with each (send-guard.ts); then one plan of
 * the Campaign Key messages that are to go now; then each item sends from its read.
 */
async function readAndPlan<T>(context: IExecuteFunctions, operation: CampaignOperation<T>): Promise<OperationExecute> {
	const reads: Array<Read<T>> = [];
	const guarded: GuardedItem[] = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		const options = itemOptions(context, itemIndex, operation.guard?.options);
		try {
			const care = careOf(context, itemIndex, options);
			const value = operation.read.call(context, itemIndex);
			const message = operation.campaign(value, itemIndex);
			const { to, shown, reference } = operation.guard?.of?.(value) ?? {};
			reads.push({ value, message, shown });
			const keyed = String(message.campaignKey ?? '').trim() ? message : undefined;
			guarded.push({ itemIndex, care, to: to ?? message.to, message: keyed, shown, reference });
		} catch (error) {
			// A dry run says what a real run would fail with, and goes on.
			reads.push(options.dryRun === true ? { json: dryRunFailure(withItemIndex(context, error, itemIndex), {}) } : { error });
		}
	}
	const { outcomes, sendAt } = await guardItems(context, guarded, operation.guard?.schedules ?? false);
	const messages = guarded.flatMap(({ itemIndex, message }) => (message && !outcomes.has(itemIndex) ? [message] : []));
	if (messages.length) await CampaignRun.of(context).plan(messages);
	return async function (this: IExecuteFunctions, itemIndex: number, run: RunState): Promise<ItemResult> {
		const read = reads[itemIndex];
		if ('error' in read) throw read.error;
		if ('json' in read) return read.json;
		const outcome = outcomes.get(itemIndex);
		if (outcome) {
			if ('error' in outcome) throw outcome.error;
			const check = outcome.json.dryRun === true ? await operation.guard?.dryRunCheck?.call(this, itemIndex, read.value) : undefined;
			return check ? { ...outcome.json, ...check } : outcome.json;
		}
		const result = await operation.send.call(this, itemIndex, run, read.value, sendAt.get(itemIndex));
		return read.shown && !Array.isArray(result) && !('json' in result) ? { ...result, ...read.shown } : result;
	};
}

/** A node's send operations, by resource and operation: how their outputs read as the common send result. */
export type SendResultTable = Record<string, Record<string, (context: IExecuteFunctions) => SendResultSpec>>;

/** The item an output stands for: its paired item (a bulk job's output, the first of those it pairs to). */
function pairedIndex(output: INodeExecutionData): number {
	const paired = Array.isArray(output.pairedItem) ? output.pairedItem[0] : output.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? 0);
}

/**
 * Picks the operation named by `resource` and `operation` and runs it once per input item (or once,
 * for a batch); a send operation's outputs carry the common send result (`sends`).
 */
export async function routeOperation(
	context: IExecuteFunctions,
	operations: OperationMap,
	sends: SendResultTable = {},
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const run: RunState = { order: new SendOrder() };
	let outputs: INodeExecutionData[] | undefined;
	try {
		if ('batch' in execute) outputs = await execute.batch.call(context, run);
		else {
			const each = 'campaign' in execute ? await readAndPlan(context, execute) : execute;
			outputs = await forEachItem(context, async (itemIndex) => await each.call(context, itemIndex, run), {
				inFlight: ITEMS_IN_FLIGHT,
				settled: (itemIndex) => run.order.settled(itemIndex),
				stopping: (itemIndex) => run.order.stopping(itemIndex),
			});
		}
	} finally {
		// Even a failed run writes what the gateway accepted, and gives back what it never sent.
		await finishCampaignRun(context, outputs);
	}
	const spec = sends[resource]?.[operation]?.(context);
	return [spec ? outputs.map((output) => withSendResult(output, pairedIndex(output), spec)) : outputs];
}

/**
 * Waits for a send slot on the gateway's account (its credential, and `key` within it: a session) at
 * `perMinute`, so a run of many items — a campaign — stays within the gateway's limit instead of
 * spending sends on 429s; in item order, and after the run's previous message to the same `to` was
 * answered. The pacer is the process's one for the account, shared with every other execution; give
 * it to the send's request, which tells it of 429s.
 */
export async function takeSendSlot(
	context: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
	slot: { gateway: Gateway; key?: string; perMinute: unknown; label: string; max: number; to?: string },
): Promise<PacedSend> {
	const perMinute = Number(slot.perMinute);
	if (!Number.isFinite(perMinute) || perMinute < 1) {
		throw itemError(context, itemIndex, `${slot.label} must be 1 or more`, `Set it to at most ${slot.max}, the gateway's limit.`);
	}
	const account = credentialIdentity(await runCredentials(context, slot.gateway.credentialType));
	const pacer = pacerFor(`${slot.gateway.name}\u0000${account}\u0000${slot.key ?? ''}`, slot.gateway.rateWindowMs);
	let paced: PacedSend | undefined;
	await run.order.inTurn(itemIndex, slot.to, async () => (paced = await pacer.take(perMinute)));
	return paced!;
}

/**
 * For sends no pacer governs (the gateway documents no rate): in item order, and after the run's
 * previous message to the same `to` was answered, like takeSendSlot.
 */
export async function takeSendTurn(itemIndex: number, run: RunState, to: string): Promise<void> {
	await run.order.inTurn(itemIndex, to, async () => undefined);
}
