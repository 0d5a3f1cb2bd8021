import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventMapping, EventParts } from '../../shared/common-event';
import type { SendResultSpec } from '../../shared/send-result';
import type { StatusTable } from '../../shared/statuses';

/**
 * WhatsInfinity documents no message status (seed 001): a send it answered with success was taken,
 * to go out at once or from the session's queue while it is disconnected. Its session states
 * (active, connecting, qr, pairing, disconnected, disabled) are a session's, not a message's: a
 * `session.status` event carries them as `gatewayStatus`, with no message status.
 */
export const STATUSES: StatusTable = {
	words: { queued: 'queued', sent: 'sent', success: 'queued' },
};

/** The session states of seed 001, none of them a message status. */
export const SESSION_STATES = ['active', 'connecting', 'qr', 'pairing', 'disconnected', 'disabled'];

function partsOf(item: IDataObject): EventParts {
	return {
		event: 'session.status',
		channel: 'whatsapp',
		from: item.phoneNumber ?? item.sessionId,
		gatewayStatus: item.status,
		at: item.checkedAt,
	};
}

export const events: EventMapping = { gateway: 'whatsinfinity', statuses: STATUSES, partsOf };

export function sendResults(context: IExecuteFunctions): SendResultSpec {
	return {
		gateway: 'whatsinfinity',
		statuses: STATUSES,
		// Queued while the session is disconnected (`queued: true`); sent otherwise.
		statusOf: (json) => (json.queued === true ? 'queued' : (json.status ?? 'sent')),
		toOfItem: (itemIndex) => context.getNodeParameter('to', itemIndex, null),
	};
}
