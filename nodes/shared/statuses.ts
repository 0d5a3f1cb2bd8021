/**
 * The one vocabulary every gateway's message statuses are said in, beside the gateway's own word:
 * a workflow over several gateways asks `status === 'delivered'` once, not five ways.
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed', 'rejected'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * A gateway's statuses in the vocabulary: its documented words (any case, `-`/space as `_`), then
 * patterns for words it does not document. Null: the gateway's word says nothing the vocabulary can
 * (an inbound message, a session's state); the word itself stays in `gatewayStatus`.
 */
export interface StatusTable {
	words: Record<string, MessageStatus | null>;
	patterns?: Array<[RegExp, MessageStatus]>;
}

const wordOf = (status: string) =>
	status
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

export function commonStatus(table: StatusTable, status: unknown): MessageStatus | null {
	if (status === undefined || status === null || status === '') return null;
	const word = wordOf(String(status));
	if (word in table.words) return table.words[word];
	return table.patterns?.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}
