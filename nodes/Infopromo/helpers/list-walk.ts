import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { eventIdOf, eventKey } from '../../shared/event-id';
import { laravelPage, uidOf } from './lists';

/** Which end of the SMS list the platform puts its newest messages at: its documents do not say. */
export type ListOrder = 'newestFirst' | 'oldestFirst';

/** What a trigger keeps of one list (one direction) between polls. */
export interface ListMemory extends IDataObject {
	order?: ListOrder;
	/** The messages at the list's two ends when last read. */
	first?: string;
	last?: string;
	/** The high-water mark: how many messages the list held when last read (messages beyond it are new). */
	total?: number;
	/** The latest `created_at` seen, where records carry one: nothing created before it is new. */
	newestAt?: number;
	/** The newest messages seen, newest last: a walk from the newest end stops at the first of them. */
	seen: string[];
}

/** How many messages a list remembers: a walk needs only the newest one it has seen, the rest are spares. */
export const SEEN_KEPT = 2000;

/**
 * A message's identity: its `uid` (or `id`), which the platform's records carry as far as anyone has
 * seen; otherwise a digest of the record without its status, so that a status change keeps the identity.
 */
export function identityOf(record: IDataObject): string {
	const id = uidOf(record);
	if (id) return id;
	const lasting = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'status' && key !== 'updated_at'));
	return `digest:${eventIdOf(eventKey('sms', undefined, lasting))}`;
}

export interface Walk {
	/** Messages past the high-water mark, oldest first. */
	fresh: IDataObject[];
	/** Every message read, newest first: where a status walk looks for changes. */
	read: IDataObject[];
	memory: ListMemory;
	/** Set when the walk stopped at its page limit with more new messages left unread. */
	capped?: { skipped: number; pages: number };
}

interface Page {
	items: IDataObject[];
	lastPage: number;
	total: number | undefined;
}

async function readPage(context: IPollFunctions, direction: string, page: number): Promise<Page> {
	const answer = await laravelPage(context, '/sms', { direction }, page);
	return { items: answer.items, lastPage: answer.lastPage ?? (answer.more ? page + 1 : page), total: answer.total };
}

/** A record's `created_at` in epoch milliseconds, where it has a readable one (the documents promise none). */
function createdAt(record: IDataObject | undefined): number | undefined {
	const at = Date.parse(String(record?.created_at ?? ''));
	return Number.isFinite(at) ? at : undefined;
}

/** Messages not of this direction, where records say (the list is asked for one direction; a host may ignore that). */
function ofDirection(items: IDataObject[], direction: string): IDataObject[] {
	return items.filter((item) => item.direction === undefined || item.direction === null || item.direction === direction);
}

/** The order, from what changed at the ends since the last poll, or from the records' times when they carry them. */
function inferOrder(
	memory: ListMemory | undefined,
	first: string | undefined,
	last: string | undefined,
	ends: IDataObject[],
): ListOrder | undefined {
	if (memory?.order) return memory.order;
	if (memory && memory.first !== undefined && memory.last !== undefined) {
		if (first !== memory.first && last === memory.last) return 'newestFirst';
		if (last !== memory.last && first === memory.first) return 'oldestFirst';
	}
	const [older, newer] = [createdAt(ends[0]), createdAt(ends[1])];
	if (older !== undefined && newer !== undefined && older !== newer) return older > newer ? 'newestFirst' : 'oldestFirst';
	return undefined;
}

/**
 * The pages to read, newest first. Order unknown: both ends inwards (1, last, 2, last - 1, …), since
 * the newest messages are at one of them.
 */
function walkOrder(lastPage: number, order: ListOrder | undefined): number[] {
	const all = Array.from({ length: lastPage }, (_, i) => i + 1);
	if (order === 'newestFirst') return all;
	if (order === 'oldestFirst') return all.reverse();
	const inwards: number[] = [];
	for (let low = 1, high = lastPage; low <= high; low++, high--) inwards.push(...(low === high ? [low] : [low, high]));
	return inwards;
}

/**
 * Reads a list from its newest end until it reaches a message already seen, at most `maxPages` pages:
 * every message since the last poll, however many arrived, and none from before the first poll. The
 * first poll only notes where the list stands (`fresh` is empty).
 */
export async function walkNewest(
	context: IPollFunctions,
	direction: string,
	memory: ListMemory | undefined,
	maxPages: number,
	/** Whether to read on past the last seen message (to find older messages' new statuses). */
	readOn: (read: IDataObject[]) => boolean = () => false,
): Promise<Walk> {
	const head = await readPage(context, direction, 1);
	const tail = head.lastPage > 1 ? await readPage(context, direction, head.lastPage) : head;
	const total = head.total;
	const first = head.items.length ? identityOf(head.items[0]) : undefined;
	const last = tail.items.length ? identityOf(tail.items[tail.items.length - 1]) : undefined;
	const order = inferOrder(memory, first, last, [head.items[0], tail.items[tail.items.length - 1]]);
	const ends = [...head.items, ...(tail === head ? [] : tail.items)];

	// Seen messages, newest last: the walk's first seen message is the newest one, which trimming keeps.
	const noted = (readNewestFirst: IDataObject[]): ListMemory => {
		const seen = [...(memory?.seen ?? []), ...readNewestFirst.map(identityOf).reverse()];
		const kept = new Set<string>();
		for (let i = seen.length - 1; i >= 0 && kept.size < SEEN_KEPT; i--) kept.add(seen[i]);
		const times = [memory?.newestAt, ...readNewestFirst.map(createdAt)].filter((at): at is number => at !== undefined);
		return { order, first, last, total, seen: [...kept].reverse(), ...(times.length ? { newestAt: Math.max(...times) } : {}) };
	};
	// Created before the newest message seen: old, even if the messages seen around it were deleted since.
	const olderThanSeen = (item: IDataObject) => {
		const at = createdAt(item);
		return memory?.newestAt !== undefined && at !== undefined && at < memory.newestAt;
	};
	const baseline = !memory;
	// Neither end moved: nothing arrived (a list that only lost messages has nothing new either).
	if (memory && first === memory.first && last === memory.last && total === memory.total && !readOn([])) {
		return { fresh: [], read: [], memory: noted([]) };
	}

	const seen = new Set(memory?.seen ?? []);
	const cached = new Map<number, Page>([
		[1, head],
		[head.lastPage, tail],
	]);
	const numbers = walkOrder(head.lastPage, order);
	const unseen: IDataObject[] = [];
	const read: IDataObject[] = [];
	let reachedSeen = false;
	let pagesRead = 0;
	for (const [index, number] of numbers.entries()) {
		if (pagesRead >= maxPages) break;
		// Past the two ends, read on only for a known order, or to find statuses.
		if (index >= 2 && (baseline || !order) && !readOn(read)) break;
		const page = cached.get(number) ?? (await readPage(context, direction, number));
		pagesRead++;
		const items = order === 'oldestFirst' ? [...page.items].reverse() : page.items;
		for (const item of items) {
			read.push(item);
			if (baseline) continue;
			if (seen.has(identityOf(item)) || olderThanSeen(item)) reachedSeen ||= !!order;
			else if (!reachedSeen && (order || index < 2)) unseen.push(item);
		}
		if (order && (reachedSeen || baseline) && !readOn(read)) break;
	}
	if (baseline) return { fresh: [], read, memory: noted([...read, ...ends]) };
	// The high-water mark: never more new messages than the list grew by (deleted old ones aside),
	// so a walk that found no seen message (all of them deleted, or past its pages) fires nothing older.
	const grewBy = total !== undefined && memory.total !== undefined ? Math.max(0, total - memory.total) : unseen.length;
	const fresh = ofDirection(unseen.slice(0, reachedSeen ? unseen.length : Math.min(unseen.length, grewBy)), direction);
	const capped =
		!reachedSeen && pagesRead < numbers.length && grewBy > unseen.length
			? { skipped: grewBy - unseen.length, pages: pagesRead }
			: undefined;
	return { fresh: [...fresh].reverse(), read, memory: noted(read), capped };
}
