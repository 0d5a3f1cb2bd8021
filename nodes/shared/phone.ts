import { InputError } from './items';
import { nationalReadings, type Reading } from './national-readings';
import type * as NumberingPlan from './numbering-plan';

type CountryCode = NumberingPlan.CountryCode;

/** How a gateway wants numbers: `+14155550123` or `14155550123`. */
export type PhoneFormat = 'e164' | 'digits';

let loaded: typeof NumberingPlan | undefined;

/** Loaded with the first number, not when n8n loads the nodes: no other file of the package costs as much to load. */
function numberingPlan(): typeof NumberingPlan {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which import cannot be
	loaded ??= require('./numbering-plan') as typeof NumberingPlan;
	return loaded;
}

/** A user-facing problem with a number (or another address), worded to say how to fix it. */
export class PhoneNumberError extends InputError {
	override readonly reason = 'invalidNumber';
}

export interface PhoneOptions {
	/** Two-letter ISO country used for numbers written without a country code. */
	defaultCountry?: string;
	format?: PhoneFormat;
	/**
	 * Digits without + are international, country code first (WhatsApp style, "14155550123").
	 * Without it, such digits are taken only when they cannot be anything else.
	 */
	digitsAreInternational?: boolean;
	/**
	 * Send what has the shape of an international number (+ and 7 to 15 digits) even when the
	 * numbering plan does not know it: test numbers, ranges newer than the metadata. The gateway decides.
	 */
	skipValidation?: boolean;
}

const FORMAT_HINT =
	'Write it in international format with + and the country code (e.g. +14155550123), or set Default Country for national numbers.';
const DIGITS_HINT =
	'Write it with + and the country code, set Default Country if your numbers are national, or turn on "Digits Are International" if they carry their country code without +.';
const SKIP_HINT = 'If the gateway accepts it all the same (a test number, a new range), turn on "Skip Number Validation" in the options.';

/** Why the numbering plan refuses a number, in words. */
function invalidBecause(text: string, country: CountryCode | undefined): string {
	switch (numberingPlan().validatePhoneNumberLength(text, country)) {
		case 'TOO_SHORT':
			return 'it is too short for its country code';
		case 'TOO_LONG':
			return 'it is too long for its country code';
		case 'INVALID_LENGTH':
			return 'no number of its country has that length';
		case 'INVALID_COUNTRY':
			return text.startsWith('+') ? 'its country code is not one in use' : 'it has no country code';
		case 'NOT_A_NUMBER':
			return 'it has too few digits';
		default:
			return 'no number of its country is in use with that prefix';
	}
}

/**
 * With validation skipped: digits written internationally (with + or 00, or bare ones normalizePhoneNumber
 * takes as international) as they are; a national number only when its country's plan allows its length.
 */
function unvalidated(text: string, country: CountryCode | undefined): string | undefined {
	let candidate = `+${text.replace(/\D/g, '')}`;
	if (country && !text.startsWith('+')) {
		const parsed = numberingPlan().parsePhoneNumberFromString(text, { defaultCountry: country });
		if (!parsed?.isPossible()) return undefined;
		candidate = parsed.number;
	}
	return /^\+[1-9]\d{6,14}$/.test(candidate) ? candidate : undefined;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function describe(reading: Reading): string {
	const where = reading.country ? `a national number of ${regionNames.of(reading.country) ?? reading.country}` : 'an international number';
	return `${reading.number} (${where})`;
}

/** Throws when digits without a country code could be any number but one read as international. */
function refuseSeveralReadings(raw: string, digits: string, international: string | undefined): void {
	// A national reading that is the international number itself (a US number with its trunk prefix 1) is no other reading.
	const national = nationalReadings(numberingPlan(), digits).filter((reading) => reading.number !== international);
	if (!national.length) return;
	const readings: Reading[] = [...(international ? [{ country: undefined, number: international }] : []), ...national];
	if (readings.length === 1) {
		throw new PhoneNumberError(`"${raw}" has no country code: it reads only as ${describe(readings[0])}. ${DIGITS_HINT}`);
	}
	const others = readings.length > 4 ? `, and ${readings.length - 4} more` : '';
	const named = readings.slice(0, 4).map(describe).join(', or ');
	throw new PhoneNumberError(`"${raw}" has no country code, so it is not one number: it can be ${named}${others}. ${DIGITS_HINT}`);
}

function countryFrom(value: string | undefined): CountryCode | undefined {
	const code = (value ?? '').trim().toUpperCase();
	if (!code) return undefined;
	if (!numberingPlan().isSupportedCountry(code)) {
		throw new PhoneNumberError(`Default Country "${value}" is not a known two-letter ISO country code (e.g. US, GB, DE, IN)`);
	}
	return code;
}

/**
 * Turns what users paste — spaces, dashes, brackets, `tel:`, `00` prefixes, national numbers with a
 * default country, or bare international digits (with Digits Are International, or where no country
 * reads them as its own) — into one valid number, or throws PhoneNumberError.
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

	const written = text;
	let parsed = numberingPlan().parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
	if (!country && !text.startsWith('+')) {
		const digits = text.replace(/\D/g, '');
		const international = numberingPlan().parsePhoneNumberFromString(`+${digits}`);
		// Bare digits with no country to read them in: a guess could send them abroad (a US number typed
		// without 1 is a valid number of Peru), so they are taken as international only when told to, or
		// when no country reads them as one of its own numbers.
		if (!options.digitsAreInternational) refuseSeveralReadings(raw, digits, international?.isValid() ? international.number : undefined);
		text = `+${digits}`;
		parsed = international;
	}
	let number = parsed?.isValid() ? parsed.number : undefined;
	if (!number && options.skipValidation) number = unvalidated(text, country);
	if (!number) {
		const hint = written === text ? FORMAT_HINT : DIGITS_HINT;
		throw new PhoneNumberError(`"${raw}" is not a valid phone number: ${invalidBecause(written, country)}. ${hint} ${SKIP_HINT}`);
	}
	return options.format === 'digits' ? number.slice(1) : number;
}
