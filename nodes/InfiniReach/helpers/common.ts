import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventMapping, EventParts } from '../../shared/common-event';
import type { SendResultSpec } from '../../shared/send-result';
import type { StatusTable } from '../../shared/statuses';

/** InfiniReach's statuses (seed 000, gateways.md), and what its send answer says of a message. */
export const STATUSES: StatusTable = {
	words: { queued: 'queued', accepted: 'queued', duplicate: 'queued', sent: 'sent', delivered: 'delivered', failed: 'failed' },
};

/** The status each message event stands for, where its data says none. */
const EVENT_STATUS: Record<string, string> = { 'message.sent': 'sent', 'message.delivered': 'delivered', 'message.failed': 'failed' };

function partsOf(item: IDataObject): EventParts {
	const event = String(item.event);
	const common = { channel: item.channel, at: item.timestamp ?? item.eventTimestamp };
	if (event === 'device.offline')
		return { ...common, event: 'session.status', from: item.phoneNumber ?? item.deviceId, gatewayStatus: 'offline' };
	const message = {
		...common,
		messageId: item.messageId ?? item.id,
		from: item.from,
		to: item.to,
		text: item.body ?? item.message,
	};
	if (event === 'message.inbound' || event === 'message.received')
		return { ...message, event: 'message.received', gatewayStatus: item.status };
	const failed = event === 'message.failed';
	return {
		...message,
		event: 'message.status',
		gatewayStatus: item.status ?? EVENT_STATUS[event],
		error: failed ? { code: item.errorCode ?? null, message: item.error ?? item.reason ?? null } : null,
	};
}

export const events: EventMapping = { gateway: 'infinireach', statuses: STATUSES, partsOf };

export function sendResults(context: IExecuteFunctions): SendResultSpec {
	return {
		gateway: 'infinireach',
		statuses: STATUSES,
		toOfItem: (itemIndex) => context.getNodeParameter('to', itemIndex, null),
	};
}
