import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { failureOf, markReason, type FailureReason } from './send-result';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value && typeof value.json === 'object';
}

function toExecutionData(result: ItemResult): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => (isExecutionData(entry) ? entry : { json: entry as IDataObject }));
}

/** A problem with what the user entered, worded to say how to fix it (a number's: `invalidNumber`). */
export class InputError extends Error {
	readonly reason: FailureReason = 'badInput';
}

/** A user-facing, per-item input error: names the item, says how to fix it, and sends nothing. */
export function itemError(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
	reason: FailureReason = 'badInput',
): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
	return markReason(error, reason);
}

/** Runs a parser of user input; an InputError it throws becomes that item's error, labelled. */
export function parseInput<T>(context: IExecuteFunctions, itemIndex: number, label: string, parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof InputError) throw itemError(context, itemIndex, `${label}: ${error.message}`, undefined, error.reason);
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

export function withItemIndex(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	nodeError.context.itemIndex = itemIndex;
	if (!/\[item \d+\]$/.test(nodeError.message)) nodeError.message = `${nodeError.message} [item ${itemIndex}]`;
	return nodeError;
}

/**
 * What Continue On Fail outputs for a failed item: `{error: {message, description, httpCode, reason,
 * permanent}}`. Nothing else at the top: n8n sends an item down the error output ("On Error: Continue
 * (using error output)") only when its fields are `error`, `message` and `details` (n8n-core's
 * handleNodeErrorOutput), and an item's own `error` object would have n8n replace its fields.
 */
export function errorJson(error: Error): IDataObject {
	const { description, httpCode } = error as NodeApiError;
	const { reason, permanent } = failureOf(error);
	return {
		error: { message: error.message, ...(description ? { description } : {}), ...(httpCode ? { httpCode } : {}), reason, permanent },
	};
}

/** A failed item's output with Continue On Fail, paired to its input item. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error), pairedItem: { item: itemIndex } };
}

export interface ItemLoop {
	/** Items handled at once (default 1: one after another); outputs keep input order whatever finishes first. */
	inFlight?: number;
	/** Told when an item is done, sent or failed (send-order bookkeeping, say). */
	settled?(itemIndex: number): void;
	/** Told of the first failure that will stop the run: items after it should send nothing. */
	stopping?(itemIndex: number): void;
}

/**
 * The per-item loop every operation runs in: one or more output items per input item, each paired
 * to it; with "Continue On Fail" a failing item becomes `{ error }` and the run goes on. Without it
 * the first failing item fails the node, and no item after it is started.
 */
export async function forEachItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<ItemResult>,
	loop: ItemLoop = {},
): Promise<INodeExecutionData[]> {
	const count = context.getInputData().length;
	const outputs: INodeExecutionData[][] = new Array<INodeExecutionData[]>(count);
	let next = 0;
	const stop: { failure?: { itemIndex: number; error: Error } } = {};
	// A function, not a read: TypeScript would keep the loop condition's narrowing across the awaits.
	const failedAt = () => stop.failure?.itemIndex ?? Infinity;
	const work = async () => {
		while (next < count && !stop.failure) {
			const itemIndex = next++;
			try {
				const produced = toExecutionData(await handle(itemIndex));
				outputs[itemIndex] = produced.map((entry) => ({ ...entry, pairedItem: { item: itemIndex } }));
			} catch (caught) {
				const error = withItemIndex(context, caught, itemIndex);
				if (context.continueOnFail()) {
					outputs[itemIndex] = [errorItem(error, itemIndex)];
				} else if (itemIndex < failedAt()) {
					// The lowest failing item is the one a one-by-one run would have stopped at.
					stop.failure = { itemIndex, error };
					loop.stopping?.(itemIndex);
				}
			} finally {
				loop.settled?.(itemIndex);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(loop.inFlight ?? 1, count)) }, work));
	if (stop.failure) throw stop.failure.error;
	return outputs.flat();
}

export interface CollectedItems<T> {
	/** What each good item gave, with its index. */
	entries: Array<{ itemIndex: number; value: T }>;
	/** With Continue On Fail: an error item per bad input item, paired to it. */
	failed: INodeExecutionData[];
}

/**
 * Reads every input item for an operation that sends them together (a bulk job): a bad item stops
 * the run before anything is sent, or, with Continue On Fail, is reported and left out. `instead`:
 * an output for a bad item in place of its error (a dry run's verdict), or undefined.
 */
export async function collectItems<T>(
	context: IExecuteFunctions,
	read: (itemIndex: number) => T | Promise<T>,
	instead?: (itemIndex: number, error: Error) => IDataObject | undefined,
): Promise<CollectedItems<T>> {
	const collected: CollectedItems<T> = { entries: [], failed: [] };
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			collected.entries.push({ itemIndex, value: await read(itemIndex) });
		} catch (caught) {
			const error = withItemIndex(context, caught, itemIndex);
			const json = instead?.(itemIndex, error);
			if (json) {
				collected.failed.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			if (!context.continueOnFail()) throw error;
			collected.failed.push(errorItem(error, itemIndex));
		}
	}
	return collected;
}

/** What became of one item of a batch: its output, or the error it failed with. */
export type Outcome = { json: IDataObject } | { error: Error };

/** Outputs in input order, each paired to its item; a failed item stops the run unless Continue On Fail. */
export function outputsInOrder(
	context: IExecuteFunctions,
	outcomes: Map<number, Outcome>,
	failed: INodeExecutionData[],
): INodeExecutionData[] {
	const byItem = new Map<number, INodeExecutionData>();
	for (const entry of failed) byItem.set((entry.pairedItem as { item: number }).item, entry);
	for (const [itemIndex, outcome] of [...outcomes.entries()].sort(([a], [b]) => a - b)) {
		if ('error' in outcome) {
			const error = withItemIndex(context, outcome.error, itemIndex);
			if (!context.continueOnFail()) throw error;
			byItem.set(itemIndex, errorItem(error, itemIndex));
		} else {
			byItem.set(itemIndex, { json: outcome.json, pairedItem: { item: itemIndex } });
		}
	}
	return [...byItem.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}
