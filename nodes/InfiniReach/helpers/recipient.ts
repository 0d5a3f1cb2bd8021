import { normalizePhoneNumber, PhoneNumberError, type PhoneOptions } from '../../shared/phone';

export type Channel = 'sms' | 'whatsapp';
export const CHANNELS: Channel[] = ['sms', 'whatsapp'];

/** `group:<instanceId>:<id>@g.us` or `<instanceId>:<id>@g.us`: the app's contact keys for a group. */
const CONTACT_KEY = /^(?:group:)?[^:@\s]+:[0-9A-Za-z-]+@g\.us$/i;
const GROUP_JID = /^[0-9A-Za-z-]+@g\.us$/i;

class RecipientError extends PhoneNumberError {}

/**
 * What InfiniReach's `to` takes: E.164 for SMS and 1:1 WhatsApp, `<id>@g.us` for WhatsApp groups, or
 * the app's contact key. A contact key goes as written: InfiniReach reduces it to the group JID itself
 * and needs its instance ID to match the contact row.
 */
export function normalizeRecipient(input: unknown, channel: Channel, phone: PhoneOptions = {}): string {
	const text = String(input ?? '').trim();
	if (CONTACT_KEY.test(text) || GROUP_JID.test(text)) {
		if (channel !== 'whatsapp') {
			throw new RecipientError(
				`"${text}" is a WhatsApp group, which only the "whatsapp" channel can reach. Set Channel to WhatsApp, or use a phone number.`,
			);
		}
		return text;
	}
	if (text.includes('@')) {
		throw new RecipientError(
			`"${text}" is not a phone number or a WhatsApp group JID (<group-id>@g.us). Use E.164 (e.g. +14155550123) or a group JID.`,
		);
	}
	return normalizePhoneNumber(text, { ...phone, format: 'e164' });
}
