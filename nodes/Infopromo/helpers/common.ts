import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventMapping, EventParts } from '../../shared/common-event';
import type { SendResultSpec } from '../../shared/send-result';
import type { StatusTable } from '../../shared/statuses';

/**
 * Infopromo's message statuses. Its documents (seed 004) name only the envelope's `success`/`error`
 * (a send answered `success` was taken); the platform's words for a message's state are not documented,
 * so the ones its portals show read by what they say, and any other word is kept, unmapped (null).
 */
export const STATUSES: StatusTable = {
	words: { success: 'queued', error: 'failed', scheduled: 'queued' },
	patterns: [
		[/undeliver|fail|error|expire|block|cancel/, 'failed'],
		[/reject|denied|dnd/, 'rejected'],
		[/deliver/, 'delivered'],
		[/read|seen/, 'read'],
		[/sent|enroute|submit|dispatch/, 'sent'],
		[/pending|queue|schedul|accepted|process/, 'queued'],
	],
};

/** The channel a message's `sms_type` names: the platform's send types (seed 004). */
const CHANNEL: Record<string, string> = {
	plain: 'sms',
	unicode: 'sms',
	otp: 'sms',
	voice: 'voice',
	mms: 'mms',
	whatsapp: 'whatsapp',
	viber: 'viber',
};

function partsOf(item: IDataObject): EventParts {
	const message = {
		messageId: item.uid ?? item.id,
		channel: CHANNEL[String(item.sms_type ?? '').toLowerCase()],
		from: item.from,
		to: item.to,
		text: item.message,
		media: item.media_url ? [{ url: item.media_url, type: null }] : [],
		at: item.created_at,
	};
	if (item.event === 'incoming') return { ...message, event: 'message.received' };
	return { ...message, event: 'message.status', gatewayStatus: item.status, at: item.updated_at ?? item.created_at };
}

export const events: EventMapping = { gateway: 'infopromo', statuses: STATUSES, partsOf, digitsAreInternational: true };

export function sendResults(context: IExecuteFunctions): SendResultSpec {
	return {
		gateway: 'infopromo',
		statuses: STATUSES,
		messageIdOf: (json) => json.uid ?? json.messageId ?? json.id,
		toOf: (json) => json.recipient ?? json.to,
		toOfItem: (itemIndex) => context.getNodeParameter('recipient', itemIndex, null),
	};
}

/** A campaign to contact lists: its recipient is the lists, its message the campaign. */
export function campaignResults(context: IExecuteFunctions): SendResultSpec {
	return {
		...sendResults(context),
		toOf: (json) => json.contact_list_id ?? null,
		toOfItem: (itemIndex) => context.getNodeParameter('contactListIds', itemIndex, null),
	};
}
