import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventMapping, EventParts } from '../../shared/common-event';
import type { SendResultSpec } from '../../shared/send-result';
import type { StatusTable } from '../../shared/statuses';

/**
 * txtcoop's statuses (seed 003 and gateways.md): a message's, a bulk job's, and its queue's states
 * (pending, processing, dead letter). `received` is an inbound message's: no delivery status.
 */
export const STATUSES: StatusTable = {
	words: {
		queued: 'queued',
		pending: 'queued',
		processing: 'queued',
		sent: 'sent',
		delivered: 'delivered',
		failed: 'failed',
		dead_letter: 'failed',
		deadletter: 'failed',
		completed: 'sent',
		received: null,
	},
};

const EVENT_STATUS: Record<string, string> = { 'message.queued': 'queued', 'message.sent': 'sent', 'message.failed': 'failed' };

function partsOf(item: IDataObject): EventParts {
	const event = String(item.event);
	const at = item.eventTimestamp ?? item.createdAt;
	if (event === 'relay.online' || event === 'relay.offline')
		return { event: 'session.status', from: item.name ?? item.id, gatewayStatus: item.status ?? event.slice('relay.'.length), at };
	const attachments = Array.isArray(item.attachments) ? (item.attachments as IDataObject[]) : [];
	const message = {
		messageId: item.id ?? item.messageId,
		// txtcoop relays iMessage; a message that says its service (SMS through the Mac) is read as that.
		channel: item.service ?? item.channel ?? 'imessage',
		from: item.from,
		to: item.to,
		text: item.body,
		media: attachments.map((attachment) => ({
			url: attachment.url ?? attachment.downloadUrl,
			type: attachment.mimeType ?? attachment.type,
		})),
	};
	if (event === 'message.received') return { ...message, event: 'message.received', gatewayStatus: item.status, at: item.createdAt ?? at };
	return {
		...message,
		event: 'message.status',
		gatewayStatus: EVENT_STATUS[event] ?? item.status,
		error: event === 'message.failed' ? { code: null, message: item.lastError ?? item.error ?? null } : null,
		at: item.sentAt ?? at,
	};
}

export const events: EventMapping = { gateway: 'txtcoop', statuses: STATUSES, partsOf };

export function sendResults(context: IExecuteFunctions): SendResultSpec {
	return {
		gateway: 'txtcoop',
		statuses: STATUSES,
		messageIdOf: (json) => json.id ?? json.messageId ?? json.jobId,
		// A bulk job's output stands for all its recipients: it names none.
		toOf: (json) => (json.jobId !== undefined && json.to === undefined ? null : json.to),
		toOfItem: (itemIndex) => context.getNodeParameter('to', itemIndex, null),
	};
}
