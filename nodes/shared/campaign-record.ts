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

/** Entries the record keeps: one per message sent, two while one is in flight, one per claim (its token). */
export const RECORD_LIMIT = 100_000;
const SCOPE = 'node';
const OPTIONS = { mode: 'entries', maxEntries: RECORD_LIMIT } as const;

const claimed = (identity: string) => `c:${identity}`;
const awaiting = (identity: string) => `w:${identity}`;
/** Written with a run's claims: still there after the other workers' calls ended, the claims are too. The bound trims old ones. */
const claimToken = (claim: string) => `r:${claim}`;

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
	return Math.max(MIN_SETTLE_MS, Math.ceil(2 * slowestCallMs));
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

interface Check {
	kind: 'check';
	entries: string[];
	/** What to take back once the answer is in, before any other call (given the entries it added). */
	takeBack?: (added: Set<string>) => string[];
	done(added: Set<string>): void;
	failed(error: unknown): void;
}

interface Removal {
	kind: 'remove';
	entries: string[];
	done(): void;
	failed(error: unknown): void;
}

/**
 * One record's calls in this process, one at a time, so two executions never interleave; checks that
 * wait together go as one call (two runs' claims), each answered as if it had gone alone, in turn: an
 * entry two of them ask for is added by the first and found by the second, unless the first took it
 * back.
 */
class RecordLane {
	private queue: Array<Check | Removal> = [];
	private running = false;

	constructor(private store: Store) {}

	async check(store: Store, entries: string[], takeBack?: Check['takeBack']): Promise<Set<string>> {
		return await new Promise((done, failed) => this.push(store, { kind: 'check', entries, takeBack, done, failed }));
	}

	async remove(store: Store, entries: string[]): Promise<void> {
		await new Promise<void>((done, failed) => this.push(store, { kind: 'remove', entries, done, failed }));
	}

	private push(store: Store, call: Check | Removal): void {
		// Any run of the node reaches the same record: the latest one's helpers do.
		this.store = store;
		this.queue.push(call);
		if (this.running) return;
		this.running = true;
		// Started a moment later: checks asked for in the same moment go together.
		void Promise.resolve().then(async () => await this.drain());
	}

	private async drain(): Promise<void> {
		while (this.queue.length) {
			const first = this.queue[0];
			if (first.kind === 'remove') {
				this.queue.shift();
				await this.removeAll(first.entries).then(first.done, first.failed);
				continue;
			}
			let count = 0;
			while (count < this.queue.length && this.queue[count].kind === 'check') count++;
			await this.checkTogether(this.queue.splice(0, count) as Check[]);
		}
		this.running = false;
	}

	private async checkTogether(checks: Check[]): Promise<void> {
		const asked = [...new Set(checks.flatMap((check) => check.entries))];
		let present: Set<string>;
		try {
			const answer = await storeCall(async () => await this.store.checkProcessedAndRecord(asked, SCOPE, OPTIONS));
			present = new Set(answer.processed.map(String));
		} catch (error) {
			for (const check of checks) check.failed(error);
			return;
		}
		// Each check as if it had been a call of its own, in turn: what it added, then what it took back.
		const addedBy = checks.map((check) => {
			const added = new Set(check.entries.filter((entry) => !present.has(entry)));
			for (const entry of added) present.add(entry);
			for (const entry of check.takeBack?.(added) ?? []) present.delete(entry);
			return added;
		});
		// The one call added every entry asked for: take back what no check keeps. If that fails, what it
		// would take back reads "unknown" later: reported, never re-sent.
		const takeBack = asked.filter((entry) => !present.has(entry));
		if (takeBack.length) await this.removeAll(takeBack).catch(() => undefined);
		checks.forEach((check, index) => check.done(addedBy[index]));
	}

	private async removeAll(entries: string[]): Promise<void> {
		// n8n looks up each removed entry through the whole record: in slices, so no call holds its event loop long.
		for (let start = 0; start < entries.length; start += REMOVALS_PER_CALL) {
			const slice = entries.slice(start, start + REMOVALS_PER_CALL);
			await storeCall(async () => await this.store.removeProcessed(slice, SCOPE, OPTIONS));
		}
	}
}

/** Per record (workflow and node) in this process. */
const lanes = processMemory<string, RecordLane>();

/** Messages of this process whose request is being sent: a run that adopts an unknown one skips these. */
const sending = processMemory<string, true>();

export class CampaignRecord {
	private readonly row: string;

	constructor(
		private readonly store: Store,
		workflowId: string,
		nodeId: string,
	) {
		this.row = `${workflowId}\u0000${nodeId}`;
	}

	private get lane(): RecordLane {
		let lane = lanes.get(this.row);
		if (!lane) lanes.set(this.row, (lane = new RecordLane(this.store)));
		return lane;
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
	async claim(identities: string[], claimId: string): Promise<Map<string, Standing>> {
		const standings = new Map<string, Standing>();
		const marked = new Set<string>();
		let open = [...new Set(identities)];
		for (let round = 1; open.length; round++) {
			if (round > CLAIM_ROUNDS)
				throw new Error(`Campaign Key records kept being overwritten by other workers (${CLAIM_ROUNDS} tries): nothing was sent`);
			// A token per round: a check that re-adds a lost token cannot vouch for the next round's claims.
			const token = claimToken(`${claimId}:${round}`);
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
			// The round's token, written with its claims, is still there: so are they. (Tokens stay: the bound trims them.)
			const lost = await this.lane.check(this.store, [token]);
			open = lost.size ? mine : [];
		}
		// Claims of an earlier round that another run's overwrote and then made its own.
		for (const identity of marked) if (standings.get(identity) !== 'claimed') sending.delete(identity);
		return standings;
	}

	private async claimOnce(identities: string[], token: string): Promise<Map<string, Standing>> {
		const entries = [...identities.map(claimed), ...identities.map(awaiting), token];
		const standingOf = (added: Set<string>, identity: string): Standing => {
			if (added.has(claimed(identity)) && added.has(awaiting(identity))) return 'claimed';
			// Claimed, and not awaiting a verdict: sent. (The check added `awaiting` again: taken back below.)
			if (added.has(awaiting(identity)) && !added.has(claimed(identity))) return 'sent';
			return 'unknown';
		};
		const added = await this.lane.check(this.store, entries, (mine) =>
			identities.filter((identity) => standingOf(mine, identity) === 'sent').map(awaiting),
		);
		return new Map(identities.map((identity) => [identity, standingOf(added, identity)]));
	}

	/**
	 * Where messages stand, for a dry run, leaving the record as it was: the check adds what is not
	 * there and takes it back in the same turn of this process's lane. (Another worker's claim in that
	 * instant may find such a message in flight: it then reports it of unknown fate, never sends it twice.)
	 */
	async peek(identities: string[]): Promise<Map<string, 'new' | 'sent' | 'unknown'>> {
		const unique = [...new Set(identities)];
		const added = await this.lane.check(this.store, [...unique.map(claimed), ...unique.map(awaiting)], (mine) => [...mine]);
		return new Map(
			unique.map((identity) => {
				if (added.has(claimed(identity)) && added.has(awaiting(identity))) return [identity, 'new'];
				return [identity, added.has(awaiting(identity)) && !added.has(claimed(identity)) ? 'sent' : 'unknown'];
			}),
		);
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
	async settle(verdicts: { sent: string[]; notSent: string[]; done: string[] }): Promise<void> {
		for (const identity of verdicts.done) sending.delete(identity);
		const removed = [...verdicts.sent.map(awaiting), ...verdicts.notSent.flatMap((identity) => [claimed(identity), awaiting(identity)])];
		if (removed.length) await this.lane.remove(this.store, removed);
	}
}
