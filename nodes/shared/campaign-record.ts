import type { IExecuteFunctions } from 'n8n-workflow';

import { clock } from './clock';
import { processMemory } from './process-memory';

/**
 * A Campaign Key's record in n8n's own store (the processed-data helpers: n8n's database, shared by
 * every worker, kept across restarts), in node scope: one record per node of the workflow, which no
 * other node reads or writes (Remove Duplicates keeps its own, or the workflow's, never this one).
 *
 * The store offers one atomic step — check-and-add a set of entries, answering which were there —
 * and a removal. A message's fate is written with two entries:
 *
 *   nothing                 never sent (or given back: the gateway refused it)
 *   claimed + awaiting      its request may have left: in flight, or fate unknown
 *   claimed                 the gateway accepted it
 *
 * Both are added in one call before the request leaves (write ahead); `awaiting` is removed once the
 * gateway accepted the message, both once it refused it. Every failure to write leaves a message
 * looking *less* settled, never sent: a lost removal makes a sent message "unknown", reported and not
 * sent again, never a skipped one. A check of a sent message adds `awaiting` back and takes it away
 * in the same way.
 *
 * n8n rewrites the whole record on each call: `RECORD_LIMIT` bounds it (the oldest entries go), so a
 * call costs the same after a million messages as after a hundred thousand.
 */

/** Entries the record keeps: one per message sent, two while one is in flight. */
export const RECORD_LIMIT = 100_000;
const SCOPE = 'node';
const OPTIONS = { mode: 'entries', maxEntries: RECORD_LIMIT } as const;

const claimed = (identity: string) => `c:${identity}`;
const awaiting = (identity: string) => `w:${identity}`;
/** Written with a run's claims: still there after the other workers' calls ended, the claims are too. */
const runToken = (run: string) => `r:${run}`;

/** Where a message stands in the record, as a run's claim found it. */
export type Standing = 'claimed' | 'sent' | 'unknown';

type Store = Pick<IExecuteFunctions['helpers'], 'checkProcessedAndRecord' | 'removeProcessed'>;

/**
 * A store call that failed because another process created the record between the call's read and
 * its insert (two workers' first calls at once): nothing of it was written, and it goes again.
 * Postgres, SQLite, MySQL.
 */
const RECORD_CREATED_MEANWHILE = /duplicate key value violates unique constraint|UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i;
const STORE_TRIES = 3;

/** Slowest store call this process has timed lately: how long another worker's may overlap ours. */
let slowestCallMs = 0;
/** A wait after a claim that outlasts any call that read the record before it and writes after it. */
const MIN_SETTLE_MS = 150;
const CLAIM_ROUNDS = 4;
const REMOVALS_PER_CALL = 1_000;

export function settleMs(): number {
	return Math.max(MIN_SETTLE_MS, Math.ceil(3 * slowestCallMs));
}

async function storeCall<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const started = clock.now();
		const outcome = await call().then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		slowestCallMs = Math.max(slowestCallMs * 0.9, clock.now() - started);
		if (outcome.ok) return outcome.value;
		if (attempt >= STORE_TRIES || !RECORD_CREATED_MEANWHILE.test(String((outcome.error as Error)?.message ?? outcome.error)))
			throw outcome.error;
		await clock.sleep(50 * attempt);
	}
}

/** The store's calls for one record, one at a time in this process: two executions never interleave. */
const turns = processMemory<string, Promise<unknown>>();

async function inTurn<T>(row: string, call: () => Promise<T>): Promise<T> {
	const previous = turns.get(row) ?? Promise.resolve();
	const mine = previous.then(call, call);
	const tail = mine.catch(() => undefined);
	turns.set(row, tail);
	try {
		return await mine;
	} finally {
		if (turns.get(row) === tail) turns.delete(row);
	}
}

/** Messages of this process whose request is being sent: a run that adopts an unknown one skips these. */
const sending = processMemory<string, true>();

export class CampaignRecord {
	private readonly row: string;
	/** The claim tokens this run wrote, removed with its last verdicts. */
	private readonly tokens: string[] = [];

	constructor(
		private readonly store: Store,
		workflowId: string,
		nodeId: string,
	) {
		this.row = `${workflowId}\u0000${nodeId}`;
	}

	static of(context: IExecuteFunctions): CampaignRecord {
		return new CampaignRecord(context.helpers, String(context.getWorkflow().id ?? ''), context.getNode().id);
	}

	/**
	 * Claims messages for a run before any request leaves: `claimed` ones are this run's to send;
	 * `sent` ones the gateway accepted before; `unknown` ones another run claimed and has not settled
	 * (sending now, or it stopped before the gateway answered). A claim another worker's overlapping call
	 * wiped out is found after a pause and made again, or yielded to the run that made it meanwhile.
	 */
	async claim(identities: string[], run: string): Promise<Map<string, Standing>> {
		const standings = new Map<string, Standing>();
		const marked = new Set<string>();
		let open = [...new Set(identities)];
		for (let round = 1; open.length; round++) {
			if (round > CLAIM_ROUNDS)
				throw new Error(`Campaign Key records kept being overwritten by other workers (${CLAIM_ROUNDS} tries): nothing was sent`);
			// A token per round: a check that re-adds a lost token cannot vouch for the next round's claims.
			const token = runToken(`${run}:${round}`);
			this.tokens.push(token);
			const found = await this.claimOnce(open, token);
			for (const [identity, standing] of found) standings.set(identity, standing);
			const mine = open.filter((identity) => found.get(identity) === 'claimed');
			// Ours from now on, for every other run of this process (one that would adopt unknown ones).
			for (const identity of mine) {
				sending.set(identity, true);
				marked.add(identity);
			}
			if (!mine.length) break;
			await clock.sleep(settleMs());
			const check = await inTurn(this.row, async () =>
				storeCall(async () => await this.store.checkProcessedAndRecord([token], SCOPE, OPTIONS)),
			);
			// The round's token, written with its claims, is still there: so are they.
			open = check.processed.length ? [] : mine;
		}
		// Claims of an earlier round that another run's overwrote and then made its own.
		for (const identity of marked) if (standings.get(identity) !== 'claimed') sending.delete(identity);
		return standings;
	}

	private async claimOnce(identities: string[], token: string): Promise<Map<string, Standing>> {
		return await inTurn(this.row, async () => {
			const entries = [...identities.map(claimed), ...identities.map(awaiting), token];
			const answer = await storeCall(async () => await this.store.checkProcessedAndRecord(entries, SCOPE, OPTIONS));
			const added = new Set(answer.new.map(String));
			const standings = new Map<string, Standing>();
			const wasSent: string[] = [];
			for (const identity of identities) {
				if (added.has(claimed(identity)) && added.has(awaiting(identity))) standings.set(identity, 'claimed');
				else if (!added.has(awaiting(identity))) standings.set(identity, 'unknown');
				else if (!added.has(claimed(identity))) {
					standings.set(identity, 'sent');
					wasSent.push(awaiting(identity));
				} else standings.set(identity, 'unknown');
			}
			// The check added `awaiting` to sent messages: take it back. If that fails they read "unknown" later: reported, never re-sent.
			for (let start = 0; start < wasSent.length; start += REMOVALS_PER_CALL) {
				const slice = wasSent.slice(start, start + REMOVALS_PER_CALL);
				await storeCall(async () => await this.store.removeProcessed(slice, SCOPE, OPTIONS)).catch(() => undefined);
			}
			return standings;
		});
	}

	/**
	 * Takes over messages of unknown fate, to send them again (the user asked to, or the gateway's
	 * idempotency key makes it safe): all but those this process is sending right now.
	 */
	adopt(identities: string[]): string[] {
		const adopted = identities.filter((identity) => !sending.has(identity));
		for (const identity of adopted) sending.set(identity, true);
		return adopted;
	}

	/** Writes the gateway's verdicts: `sent` stay recorded, `notSent` are given back; unknown ones are left as they are. */
	async settle(verdicts: { sent: string[]; notSent: string[]; done: string[] }, last = false): Promise<void> {
		for (const identity of verdicts.done) sending.delete(identity);
		const removed = [
			...verdicts.sent.map(awaiting),
			...verdicts.notSent.flatMap((identity) => [claimed(identity), awaiting(identity)]),
			...(last ? this.tokens.splice(0) : []),
		];
		// n8n looks up each removed entry through the whole record: in slices, so no call holds its event loop long.
		for (let start = 0; start < removed.length; start += REMOVALS_PER_CALL) {
			const slice = removed.slice(start, start + REMOVALS_PER_CALL);
			await inTurn(this.row, async () => await storeCall(async () => await this.store.removeProcessed(slice, SCOPE, OPTIONS)));
		}
	}
}

/** For tests, each of which is a new process: forgets the store calls' timings. */
export function forgetCallTimings(): void {
	slowestCallMs = 0;
}
