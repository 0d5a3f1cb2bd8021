import { InputError } from '../shared/items';
import { normalizePhoneNumber } from '../shared/phone';

export type Channel = 'sms' | 'whatsapp';
export const CHANNELS: Channel[] = ['sms', 'whatsapp'];

/** `group:<instanceId>:<id>@g.us` or `<instanceId>:<id>@g.us`: the app's contact keys for a group. */
const CONTACT_KEY = /^(?:group:)?[^:@\s]+:([^:@\s]+@g\.us)$/i;
const GROUP_JID = /^[0-9A-Za-z-]+@g\.us$/i;

export class RecipientError extends InputError {}

/**
 * What InfiniReach's `to` takes: E.164 for SMS and 1:1 WhatsApp, `<id>@g.us` for WhatsApp groups.
 * The app's contact keys are reduced to the group JID, as the gateway itself would.
 */
export function normalizeRecipient(input: unknown, channel: Channel, defaultCountry?: string): string {
	const text = String(input ?? '').trim();
	const group = CONTACT_KEY.exec(text)?.[1] ?? (GROUP_JID.test(text) ? text : undefined);
	if (group) {
		if (channel !== 'whatsapp') {
			throw new RecipientError(
				`"${text}" is a WhatsApp group, which only the "whatsapp" channel can reach. Set Channel to WhatsApp, or use a phone number.`,
			);
		}
		return group;
	}
	if (text.includes('@')) {
		throw new RecipientError(
			`"${text}" is not a phone number or a WhatsApp group JID (<group-id>@g.us). Use E.164 (e.g. +14155550123) or a group JID.`,
		);
	}
	return normalizePhoneNumber(text, { defaultCountry, format: 'e164' });
}
