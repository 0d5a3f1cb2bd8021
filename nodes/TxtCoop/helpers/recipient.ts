import { normalizePhoneNumber, PhoneNumberError, type PhoneOptions } from '../../shared/phone';

const APPLE_ID = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Messages' group chat IDs: `chat…`, optionally with the service prefix, or a bare GUID. */
const GROUP = /^(?:(?:iMessage|SMS|any);[+-];)?chat[0-9A-Za-z-]+$|^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/** What txtcoop's `to` takes: E.164, an Apple ID email, or a group GUID. */
export function normalizeRecipient(input: unknown, phone: PhoneOptions = {}): string {
	const text = String(input ?? '').trim();
	if (text.includes('@')) {
		if (!APPLE_ID.test(text)) throw new PhoneNumberError(`"${text}" is not an email address an Apple ID could have`);
		return text.toLowerCase();
	}
	if (GROUP.test(text)) return text;
	return normalizePhoneNumber(text, { ...phone, format: 'e164' });
}
