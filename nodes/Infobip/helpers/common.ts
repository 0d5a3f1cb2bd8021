import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventMapping, EventParts } from '../../shared/common-event';
import { asObject } from '../../shared/json';
import type { SendResultSpec } from '../../shared/send-result';
import type { StatusTable } from '../../shared/statuses';

/**
 * Infobip's status groups (seed 002: 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED, 5 REJECTED)
 * and its seen report; a status name it adds (PENDING_ENROUTE, DELIVERED_TO_HANDSET, …) reads by its group's prefix.
 */
export const STATUSES: StatusTable = {
	words: {
		pending: 'queued',
		message_accepted: 'queued',
		pending_enroute: 'sent',
		undeliverable: 'failed',
		delivered: 'delivered',
		expired: 'failed',
		rejected: 'rejected',
		seen: 'read',
	},
	patterns: [
		[/^pending/, 'queued'],
		[/^undeliverable/, 'failed'],
		[/^delivered/, 'delivered'],
		[/^expired/, 'failed'],
		[/^rejected/, 'rejected'],
	],
};

/** A status as its group's name (what the vocabulary reads), or its own name where the group is unnamed. */
function statusWord(status: IDataObject): unknown {
	return status.groupName ?? status.name;
}

function partsOf(item: IDataObject): EventParts {
	const result = asObject(item.result);
	const common = {
		messageId: result.messageId,
		channel: result.channel,
		from: result.sender ?? result.from,
		to: result.destination ?? result.to,
	};
	if (item.event === 'inbound') {
		const content = Array.isArray(result.content) ? (result.content as IDataObject[]) : [];
		return {
			...common,
			event: 'message.received',
			text: item.text,
			media: content.filter((part) => part.url).map((part) => ({ url: part.url, type: String(part.type ?? '').toLowerCase() || null })),
			at: result.receivedAt,
		};
	}
	if (item.event === 'seen') return { ...common, event: 'message.status', gatewayStatus: 'SEEN', at: result.seenAt };
	const status = asObject(result.status);
	const error = asObject(result.error);
	const failed = Object.keys(error).length > 0 && Number(error.groupId ?? error.id ?? 0) !== 0;
	return {
		...common,
		event: 'message.status',
		gatewayStatus: statusWord(status),
		error: failed ? { code: error.name ?? error.id, message: error.description, permanent: error.permanent } : null,
		at: result.doneAt ?? result.sentAt,
	};
}

export const events: EventMapping = { gateway: 'infobip', statuses: STATUSES, partsOf, digitsAreInternational: true };

export function sendResults(context: IExecuteFunctions): SendResultSpec {
	return {
		gateway: 'infobip',
		statuses: STATUSES,
		statusOf: (json) => statusWord(asObject(json.status)),
		toOf: (json) => json.destination,
		toOfItem: (itemIndex) => context.getNodeParameter('to', itemIndex, null),
	};
}
