// n8n's deduplication store (the processed-data helpers) as n8n 2.41's DeduplicationHelper keeps it in
// its database: one record per workflow (and node, for node scope) holding the md5 of every entry,
// read and rewritten whole on each call with a wait in between, so calls that overlap lose updates
// as they would in n8n. Only the 'entries' mode, the one the package uses.
import { createHash } from 'crypto';
import { DataDeduplicationService } from 'n8n-core';

import { clock } from '../../nodes/shared/clock';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

const hash = (value: DeduplicationItemTypes) => createHash('md5').update(value.toString()).digest('base64');
const rowOf = (scope: DeduplicationScope, data: ICheckProcessedContextData) =>
	`${data.workflow.id}\u0000${scope === 'node' ? `n:${data.node?.id}` : ''}`;
/** A database round trip: lets other calls run between a read and its write. */
const roundTrip = async () => await new Promise((resolve) => setImmediate(resolve));

export class ProcessedDataStore implements IDataDeduplicator {
	readonly rows = new Map<string, string[]>();
	/** Every call, for tests that count them. */
	readonly calls: Array<{ method: string; items: number }> = [];
	/** Which call's added entries another process will overwrite (see loseWrite). */
	private toLose?: (added: DeduplicationItemTypes[]) => boolean;

	/**
	 * The first call that adds entries and that `which` picks loses them: another process's call, which
	 * read the record before it, writes it back after it — as overlapping calls of two queue-mode
	 * workers do in n8n.
	 */
	loseWrite(which: (added: DeduplicationItemTypes[]) => boolean): void {
		this.toLose = which;
	}

	/**
	 * The next call that finds no record for the workflow fails as n8n's does on Postgres when another
	 * worker created the record between this call's read and its insert: the other's record (here empty of
	 * ours) stands, nothing of this call was written.
	 */
	private createRaces = 0;
	raceOnCreate(): void {
		this.createRaces = 1;
	}

	/** The next removeProcessed never happens, as when the process dies just before it. */
	private removalsToDrop = 0;
	dropNextRemoval(): void {
		this.removalsToDrop = 1;
	}

	/** Calls that `which` picks fail, as n8n's database does when it is down: nothing of them is written. */
	private failing?: (method: string, items: DeduplicationItemTypes[]) => boolean;
	failWhen(which?: (method: string, items: DeduplicationItemTypes[]) => boolean): void {
		this.failing = which;
	}

	/** From now on no call reaches the database: the process died (its run's later writes never happen). */
	private frozen = false;
	freeze(): void {
		this.frozen = true;
	}

	/** A new process: calls reach the database again. */
	thaw(): void {
		this.frozen = false;
	}

	/** Records kept in a "latest" mode (Remove Duplicates' "Keep Items Where … Is Greater/Later"): one value. */
	private readonly latestRows = new Map<string, unknown>();

	/** Writes a record in a "latest" mode, as Remove Duplicates does. */
	latest(scope: DeduplicationScope, data: ICheckProcessedContextData, mode: string, value: unknown): void {
		this.rows.delete(rowOf(scope, data));
		this.latestRows.set(rowOf(scope, data), { mode, value });
	}

	/** Virtual milliseconds between a call's read and its write (another worker's call can overlap). */
	latencyMs = 0;

	/** Called when a check-and-record has read the record, before it writes (to start an overlapping call then). */
	onRead?: (items: DeduplicationItemTypes[]) => Promise<void> | void;

	private async between(): Promise<void> {
		if (this.latencyMs) await clock.sleep(this.latencyMs);
		else await roundTrip();
	}

	private refuse(method: string, items: DeduplicationItemTypes[]): void {
		if (this.frozen) throw new Error('The process died');
		if (this.failing?.(method, items)) throw new Error('Connection terminated unexpectedly');
	}

	private assertEntries(options: ICheckProcessedOptions) {
		if (options.mode !== 'entries') throw new Error(`The test store keeps only mode "entries", not "${options.mode}"`);
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		this.assertEntries(options);
		this.calls.push({ method: 'checkProcessedAndRecord', items: items.length });
		this.refuse('checkProcessedAndRecord', items);
		const row = rowOf(scope, data);
		// As n8n's DeduplicationHelper.validateMode: a record kept in another mode refuses the call.
		if (this.latestRows.has(row))
			throw new Error('Deduplication data was originally saved with an incompatible setting of the ‘Keep Items Where’ parameter.');
		const existed = this.rows.has(row);
		const stored = [...(this.rows.get(row) ?? [])];
		await this.onRead?.(items);
		await this.between();
		if (!existed && this.createRaces > 0) {
			this.createRaces--;
			if (!this.rows.has(row)) this.rows.set(row, []);
			throw new Error('duplicate key value violates unique constraint "PK_ca04b9d8dc72de268fe07a65773"');
		}
		const seen = new Set(stored);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (seen.has(hash(item))) output.processed.push(item);
			else {
				output.new.push(item);
				stored.push(hash(item));
				seen.add(hash(item));
			}
		}
		// n8n keeps the last maxEntries.
		if (options.maxEntries) stored.splice(0, Math.max(0, stored.length - options.maxEntries));
		this.rows.set(row, stored);
		if (output.new.length && this.toLose?.(output.new)) {
			this.toLose = undefined;
			const before = [...(this.rows.get(row) ?? [])].filter((entry) => !output.new.some((item) => hash(item) === entry));
			await roundTrip();
			this.rows.set(row, before);
		}
		return output;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		this.assertEntries(options);
		this.calls.push({ method: 'removeProcessed', items: items.length });
		if (this.removalsToDrop > 0) {
			this.removalsToDrop--;
			throw new Error('The process died before the take-back');
		}
		this.refuse('removeProcessed', items);
		const row = rowOf(scope, data);
		const stored = [...(this.rows.get(row) ?? [])];
		await this.between();
		const before = [...stored];
		for (const item of items) {
			const index = stored.indexOf(hash(item));
			if (index !== -1) stored.splice(index, 1);
		}
		this.rows.set(row, stored);
		if (this.removalsToUndo > 0) {
			this.removalsToUndo--;
			// Another worker's call read the record before this removal and writes it back after it.
			await roundTrip();
			this.rows.set(row, before);
		}
	}

	/** The next removal is undone right after it, as another worker's overlapping call writes back what it read. */
	private removalsToUndo = 0;
	undoNextRemoval(): void {
		this.removalsToUndo = 1;
	}

	async clearAllProcessedItems(scope: DeduplicationScope, data: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(rowOf(scope, data));
		this.latestRows.delete(rowOf(scope, data));
	}

	async getProcessedDataCount(scope: DeduplicationScope, data: ICheckProcessedContextData): Promise<number> {
		return this.rows.get(rowOf(scope, data))?.length ?? 0;
	}

	/** Whether the store holds this entry for the workflow. */
	has(workflowId: string, item: DeduplicationItemTypes): boolean {
		return (this.rows.get(`${workflowId}\u0000`) ?? []).includes(hash(item));
	}

	/** A workflow-scope record as Remove Duplicates keeps it: `data` entries (hashed here) in a mode. */
	workflowRow(workflowId: string): string[] | undefined {
		return this.rows.get(`${workflowId}\u0000`);
	}

	reset(): void {
		this.rows.clear();
		this.latestRows.clear();
		this.calls.length = 0;
		this.toLose = undefined;
		this.removalsToDrop = 0;
		this.removalsToUndo = 0;
		this.createRaces = 0;
		this.failing = undefined;
		this.frozen = false;
		this.latencyMs = 0;
		this.onRead = undefined;
	}
}

/** The store every node run of the test process uses, as n8n's is its database. */
export const processedData = new ProcessedDataStore();
void DataDeduplicationService.init(processedData);
