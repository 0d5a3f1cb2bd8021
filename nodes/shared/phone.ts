// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- libphonenumber-js is the package's one deliberate runtime dependency
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

import { InputError } from './items';

/** How a gateway wants numbers: `+14155550123` or `14155550123`. */
export type PhoneFormat = 'e164' | 'digits';

/** A user-facing problem with a number, worded to say how to fix it. */
export class PhoneNumberError extends InputError {}

export interface PhoneOptions {
	/** Two-letter ISO country used for numbers written without a country code. */
	defaultCountry?: string;
	format?: PhoneFormat;
}

const FORMAT_HINT =
	'Write it in international format with + and the country code (e.g. +14155550123), or set Default Country for national numbers.';

function countryFrom(value: string | undefined): CountryCode | undefined {
	const code = (value ?? '').trim().toUpperCase();
	if (!code) return undefined;
	if (!isSupportedCountry(code)) {
		throw new PhoneNumberError(
			`Default Country "${value}" is not a known two-letter ISO country code (e.g. US, GB, DE, IN)`,
		);
	}
	return code;
}

/**
 * Turns what users paste — spaces, dashes, brackets, `tel:`, `00` prefixes, national numbers with a
 * default country, or bare international digits — into one valid number, or throws PhoneNumberError.
 */
export function normalizePhoneNumber(input: unknown, options: PhoneOptions = {}): string {
	const raw = String(input ?? '').trim();
	if (!raw) throw new PhoneNumberError(`The phone number is empty. ${FORMAT_HINT}`);
	const country = countryFrom(options.defaultCountry);

	let text = raw.replace(/^tel:/i, '').trim();
	if (/[^\d\s\-().+/]/.test(text)) {
		throw new PhoneNumberError(`"${raw}" is not a phone number: it contains letters or symbols. ${FORMAT_HINT}`);
	}
	text = text.replace(/^00/, '+');

	let parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
	// Bare digits without a default country: read them as international (WhatsApp style, "14155550123").
	if (!parsed?.isValid() && !text.startsWith('+')) {
		const international = parsePhoneNumberFromString(`+${text.replace(/\D/g, '')}`);
		if (international?.isValid()) parsed = international;
	}
	if (!parsed?.isValid()) {
		throw new PhoneNumberError(`"${raw}" is not a valid phone number. ${FORMAT_HINT}`);
	}
	return options.format === 'digits' ? parsed.number.slice(1) : parsed.number;
}
