import type { IDataObject, INodeProperties, INode } from 'n8n-workflow';

import { intentOf, type Intent } from './intent';
import { textOrNull } from './json';
import { commonStatus, type MessageStatus, type StatusTable } from './statuses';

/** The gateways, as the common event and send result name them. */
export type GatewayName = 'infinireach' | 'whatsinfinity' | 'infobip' | 'txtcoop' | 'infopromo';

export type CommonEventType = 'message.received' | 'message.status' | 'session.status';

/** What went wrong with a message, as its gateway said (a failed status). */
export interface EventError {
	code: string | null;
	message: string | null;
	permanent: boolean | null;
}

/** One trigger event in the shape every gateway shares: docs/schemas/common-event.schema.json. */
export interface CommonEvent extends IDataObject {
	gateway: GatewayName;
	event: CommonEventType;
	eventId: string;
	messageId: string | null;
	/** sms, whatsapp, imessage, … (lower case), or `unknown` where the gateway does not say. */
	channel: string;
	from: string | null;
	to: string | null;
	text: string | null;
	media: Array<{ url: string; type: string | null }>;
	status: MessageStatus | null;
	/** The gateway's own word for the status (or the session's state). */
	gatewayStatus: string | null;
	error: EventError | null;
	/** When it happened, as the gateway says (ISO 8601); when it was seen, where the gateway says nothing. */
	at: string;
	/** A received message's request: opt out, opt in, help (see intent.ts); null otherwise. */
	intent: Intent | null;
	/** The gateway's own item, as the trigger gives it with Simplify off. */
	raw: IDataObject;
	/** What the trigger wants the workflow to know of this poll (messages it left out), where there is anything. */
	notice?: string;
}

/** What a gateway's trigger says of one of its items; the rest is filled in alike for all. */
export interface EventParts {
	event: CommonEventType;
	messageId?: unknown;
	channel?: unknown;
	from?: unknown;
	to?: unknown;
	text?: unknown;
	media?: Array<{ url?: unknown; type?: unknown }>;
	gatewayStatus?: unknown;
	error?: { code?: unknown; message?: unknown; permanent?: unknown } | null;
	at?: unknown;
}

/** An ISO time from what gateways send: ISO text, epoch seconds or milliseconds; else undefined. */
export function isoTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : undefined;
	const ms = number === undefined ? Date.parse(String(value)) : number < 1e11 ? number * 1000 : number;
	return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * A gateway's item as the common event. `seenAt` stands in for `at` where the gateway gives no time.
 * Status events carry no intent: only what someone wrote can ask to stop.
 */
export function commonEvent(gateway: GatewayName, statuses: StatusTable, raw: IDataObject, parts: EventParts, seenAt: number): CommonEvent {
	const text = textOrNull(parts.text);
	const gatewayStatus = textOrNull(parts.gatewayStatus);
	const error = parts.error
		? {
				code: textOrNull(parts.error.code),
				message: textOrNull(parts.error.message),
				permanent: typeof parts.error.permanent === 'boolean' ? parts.error.permanent : null,
			}
		: null;
	return {
		gateway,
		event: parts.event,
		eventId: String(raw.eventId ?? ''),
		messageId: textOrNull(parts.messageId),
		channel: textOrNull(parts.channel)?.toLowerCase() ?? 'unknown',
		from: textOrNull(parts.from),
		to: textOrNull(parts.to),
		text,
		media: (parts.media ?? [])
			.filter((entry) => typeof entry.url === 'string' && entry.url)
			.map((entry) => ({ url: String(entry.url), type: textOrNull(entry.type) })),
		status: parts.event === 'session.status' ? null : commonStatus(statuses, gatewayStatus),
		gatewayStatus,
		error,
		at: isoTime(parts.at) ?? new Date(seenAt).toISOString(),
		intent: parts.event === 'message.received' ? intentOf(text) : null,
		raw,
		...(typeof raw.notice === 'string' ? { notice: raw.notice } : {}),
	};
}

/** The version from which a trigger outputs the common event by default. */
export const SIMPLIFY_SINCE = 1.1;

/** n8n's "Simplify" convention: on for new nodes; version 1's workflows keep the gateway's own output. */
export function simplifyField(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to output the common event (the same fields for every gateway: event, from, to, text, status, intent, …) with the gateway's own fields in raw, instead of the gateway's own fields alone",
		displayOptions: { show: { '@version': [{ _cnd: { gte: SIMPLIFY_SINCE } }] } },
	};
}

/** Whether a trigger outputs the common event: its Simplify, from version 1.1 on. */
export function simplifies(node: INode, simplify: unknown): boolean {
	return node.typeVersion >= SIMPLIFY_SINCE && simplify !== false;
}

/** How a gateway's trigger items read as common events. */
export interface EventMapping {
	gateway: GatewayName;
	statuses: StatusTable;
	partsOf(item: IDataObject): EventParts;
	/**
	 * The gateway writes numbers as international digits without `+` (Infobip, Infopromo): the common
	 * event gives them with `+`, as every other gateway does, so a reply on any gateway reads them right.
	 */
	digitsAreInternational?: boolean;
}

/** International digits (7 to 15) with their `+`; anything else (a name, an email, a `+` number) as it is. */
function withPlus(value: unknown): unknown {
	return typeof value === 'string' && /^\d{7,15}$/.test(value) ? `+${value}` : value;
}

/** A trigger's items as common events (Simplify on), each keeping the gateway's item in `raw`. */
export function asCommonEvents(mapping: EventMapping, items: IDataObject[], seenAt: number): IDataObject[] {
	return items.map((item) => {
		const parts = mapping.partsOf(item);
		const numbers = mapping.digitsAreInternational ? { from: withPlus(parts.from), to: withPlus(parts.to) } : {};
		return commonEvent(mapping.gateway, mapping.statuses, item, { ...parts, ...numbers }, seenAt);
	});
}
