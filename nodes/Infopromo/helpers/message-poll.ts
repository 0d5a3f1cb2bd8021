import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { eventIdOf, eventKey } from '../../shared/event-id';
import { identityOf, SEEN_KEPT, walkNewest, type ListMemory, type Walk } from './list-walk';

/** Most pages one poll reads of a list, by default: 2,500 messages at the platform's 25 a page. */
export const DEFAULT_MAX_PAGES = 100;

export interface WatchMemory extends IDataObject {
	incoming?: ListMemory;
	outgoing?: ListMemory;
	/** The last status of each outgoing message seen lately, and of every one not yet final. */
	statuses?: IDataObject & Record<string, string>;
}

/** Statuses after which a message changes no more; any other (Scheduled, Queued, Sent, …) is still moving. */
const FINAL = /deliver|fail|reject|expire|cancel|block|undeliver|error/i;

export interface PollResult {
	items: IDataObject[];
	memory: WatchMemory;
	/** What a capped walk left out, in words, for the log and the items. */
	notice?: string;
}

/** The trigger's memory as version 1 kept it (`seen` and `statuses` only): its seen messages carry over. */
function upgraded(previous: IDataObject | undefined): WatchMemory | undefined {
	if (!previous || previous.incoming || previous.outgoing || !Array.isArray(previous.seen)) return previous as WatchMemory | undefined;
	return { incoming: { seen: previous.seen as string[] }, statuses: (previous.statuses as WatchMemory['statuses']) ?? {} };
}

function capNotice(direction: string, capped: Walk['capped']): string | undefined {
	if (!capped) return undefined;
	return `${capped.skipped} older ${direction} messages were left out: more arrived since the last poll than ${capped.pages} pages hold. Raise "Most Pages Per Poll", or poll more often.`;
}

async function newInbound(context: IPollFunctions, memory: WatchMemory, maxPages: number) {
	const walk = await walkNewest(context, 'incoming', memory.incoming, maxPages);
	const items = walk.fresh.map((message) => ({
		event: 'incoming',
		eventId: eventIdOf(eventKey('incoming', identityOf(message), null)),
		...message,
	}));
	return { items, list: walk.memory, notice: capNotice('inbound', walk.capped) };
}

async function statusChanges(context: IPollFunctions, memory: WatchMemory, maxPages: number) {
	const before = memory.statuses ?? {};
	const moving = new Set(Object.keys(before).filter((id) => !FINAL.test(before[id])));
	// Read on past the newest messages until every message whose status could still change has been seen.
	const first = memory.outgoing === undefined;
	// The first poll reads as far as it may, to know the statuses of messages still moving.
	const readOn = (read: IDataObject[]) => {
		if (first) return true;
		const left = new Set(moving);
		for (const message of read) left.delete(identityOf(message));
		return left.size > 0;
	};
	const walk = await walkNewest(context, 'outgoing', memory.outgoing, maxPages, readOn);
	const statuses: Record<string, string> = { ...before };
	const items: IDataObject[] = [];
	for (const message of [...walk.read].reverse()) {
		const id = identityOf(message);
		const status = String(message.status ?? '');
		const previous = statuses[id];
		if (!first && previous !== undefined && previous !== status) {
			items.push({
				event: 'statusChanged',
				eventId: eventIdOf(eventKey('statusChanged', id, status)),
				previousStatus: previous,
				...message,
			});
		}
		delete statuses[id];
		statuses[id] = status;
	}
	// Kept: every message still moving, then the newest of the rest, up to the limit.
	const ids = Object.keys(statuses);
	const keep = new Set([...ids.filter((id) => !FINAL.test(statuses[id])), ...ids.slice(-SEEN_KEPT)].slice(-SEEN_KEPT * 2));
	for (const id of ids) if (!keep.has(id)) delete statuses[id];
	return { items, list: walk.memory, statuses };
}

/** One poll: the new inbound messages and the status changes asked for, and the memory for the next. */
export async function pollMessages(
	context: IPollFunctions,
	events: string[],
	previous: IDataObject | undefined,
	maxPages: number,
): Promise<PollResult> {
	const memory = upgraded(previous) ?? {};
	const next: WatchMemory = { ...memory };
	const items: IDataObject[] = [];
	let notice: string | undefined;
	if (events.includes('incoming')) {
		const inbound = await newInbound(context, memory, maxPages);
		items.push(...inbound.items);
		next.incoming = inbound.list;
		notice = inbound.notice;
	}
	if (events.includes('statusChanged')) {
		const changes = await statusChanges(context, memory, maxPages);
		items.push(...changes.items);
		next.outgoing = changes.list;
		next.statuses = changes.statuses;
	}
	return { items: notice ? items.map((item) => ({ ...item, notice })) : items, memory: next, notice };
}

/** What a manual test shows: the newest message of each direction asked for, as far as the list's order is known. */
export async function newestSample(context: IPollFunctions, events: string[], previous: IDataObject | undefined): Promise<IDataObject[]> {
	const memory = upgraded(previous) ?? {};
	const sample: IDataObject[] = [];
	for (const [event, direction, list] of [
		['incoming', 'incoming', memory.incoming],
		['statusChanged', 'outgoing', memory.outgoing],
	] as const) {
		if (!events.includes(event)) continue;
		const newest = (await walkNewest(context, direction, undefined, 1)).read;
		const message = list?.order === 'oldestFirst' ? newest[newest.length - 1] : newest[0];
		if (!message) continue;
		const eventId = eventIdOf(eventKey(event, identityOf(message), event === 'statusChanged' ? String(message.status ?? '') : null));
		sample.push({ event, eventId, ...(event === 'statusChanged' ? { previousStatus: null } : {}), ...message });
	}
	return sample;
}
