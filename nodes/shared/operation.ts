import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forEachItem, itemError, type ItemResult } from './items';
import { PacerPool } from './pacing';

/** State that lives for one run of a node, across its items (e.g. the send pacers). */
export interface RunState {
	pacers: PacerPool;
}

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
) => Promise<ItemResult>;

/** An operation that takes all input items at once (e.g. one bulk job for the whole input). */
export interface BatchOperation {
	batch: (this: IExecuteFunctions, run: RunState) => Promise<INodeExecutionData[]>;
}

export type Operation = OperationExecute | BatchOperation;

export type OperationMap = Record<string, Record<string, Operation>>;

/**
 * A node's router table, typed by its resources and their operation names (e.g.
 * `{ message: 'send' | 'get' }`): a missing, extra or misspelt operation fails the type check.
 */
export type OperationTable<Names extends Record<string, string>> = { [Resource in keyof Names]: { [Name in Names[Resource]]: Operation } };

/** Picks the operation named by `resource` and `operation` and runs it once per input item (or once, for a batch). */
export async function routeOperation(
	context: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" is not supported for "${resource}"`,
		);
	}
	const run: RunState = { pacers: new PacerPool() };
	if (typeof execute !== 'function') return [await execute.batch.call(context, run)];
	return [await forEachItem(context, async (itemIndex) => await execute.call(context, itemIndex, run))];
}

/**
 * Waits for a send slot of `key` (an API key, a session) at `perMinute`, so a run of many items —
 * a campaign — stays within the gateway's limit instead of spending sends on 429s.
 */
export async function takeSendSlot(
	context: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
	slot: { key: string; perMinute: unknown; label: string; max: number },
): Promise<void> {
	const perMinute = Number(slot.perMinute);
	if (!Number.isFinite(perMinute) || perMinute < 1) {
		throw itemError(context, itemIndex, `${slot.label} must be 1 or more`, `Set it to at most ${slot.max}, the gateway's limit.`);
	}
	await run.pacers.get(slot.key, perMinute).take();
}
