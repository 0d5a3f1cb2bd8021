import type { IDataObject } from 'n8n-workflow';

import { asObject, textOf } from '../../shared/json';

/** Infobip's event names for what it pushes, and the trigger's. */
const EVENTS: Record<string, string> = { DELIVERY: 'delivery', SEEN: 'seen', MO: 'inbound' };

/** A result's event: its `event` field, or (older payloads without one) what its fields show it to be. */
function eventOf(result: IDataObject): string {
	const named = EVENTS[String(result.event ?? '').toUpperCase()];
	if (named) return named;
	if (result.seenAt !== undefined) return 'seen';
	if (result.receivedAt !== undefined || result.content !== undefined || result.message !== undefined) return 'inbound';
	return 'delivery';
}

/** The text of an inbound message, from its content parts. */
function textOfInbound(result: IDataObject): string | undefined {
	const parts = Array.isArray(result.content) ? (result.content as IDataObject[]) : [asObject(result.content)];
	return parts.map((part) => textOf(part.text)).find(Boolean) ?? textOf(asObject(result.message).text);
}

/**
 * One item per pushed result (`{results: […]}`) of the wanted events and channels: the result's
 * fields flattened for use, the event named, an inbound message's text lifted out, the raw result kept.
 */
export function pushedResults(body: unknown, events: string[], channels: string[]): IDataObject[] {
	const results = asObject(body).results;
	if (!Array.isArray(results)) return [];
	return (results as unknown[])
		.map((entry) => asObject(entry))
		.map((result) => ({ result, event: eventOf(result) }))
		.filter(({ result, event }) => events.includes(event) && (!channels.length || channels.includes(String(result.channel))))
		.map(({ result, event }) => {
			const text = event === 'inbound' ? textOfInbound(result) : undefined;
			return { ...result, event, ...(text !== undefined ? { text } : {}), result };
		});
}
