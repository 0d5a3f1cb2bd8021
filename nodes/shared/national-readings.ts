import type * as NumberingPlan from './numbering-plan';

type CountryCode = NumberingPlan.CountryCode;

/** A number that digits written without a country code can be. */
export interface Reading {
	/** Where the number is, or undefined when the digits are read as international. */
	country: CountryCode | undefined;
	number: string;
	/** Whether the digits are the number exactly as its country writes it nationally (the likeliest readings). */
	asWritten?: boolean;
}

interface Plan {
	country: CountryCode;
	/** The country's national numbers, trunk prefix left off. */
	pattern: RegExp;
	trunkPrefix: string | undefined;
}

/** The part of libphonenumber-js's Metadata read here (untyped in its declarations). */
interface PlanMetadata {
	selectNumberingPlan(country: CountryCode): void;
	numberingPlan: { nationalNumberPattern(): string; nationalPrefix(): string | undefined };
}

let plans: Plan[] | undefined;

/** Each country's pattern, compiled once: it rules out most countries before the full (slower) parse. */
function countryPlans(plan: typeof NumberingPlan): Plan[] {
	plans ??= plan.getCountries().map((country) => {
		const metadata = new plan.Metadata(plan.metadata) as unknown as PlanMetadata;
		metadata.selectNumberingPlan(country);
		const { numberingPlan } = metadata;
		return {
			country,
			pattern: new RegExp(`^(?:${numberingPlan.nationalNumberPattern()})$`),
			trunkPrefix: numberingPlan.nationalPrefix() || undefined,
		};
	});
	return plans;
}

/**
 * Every country in which these digits are a valid national number, with or without its trunk prefix
 * (a 0, an 8, a 1): people leave the prefix off in every country (Indonesia's "812…" for "0812…"),
 * so a reading without it is as real as one with it. Digits read as a country code are not counted.
 * Readings of digits exactly as their country writes them come first.
 */
export function nationalReadings(plan: typeof NumberingPlan, digits: string): Reading[] {
	const readings: Reading[] = [];
	for (const { country, pattern, trunkPrefix } of countryPlans(plan)) {
		const withoutPrefix = trunkPrefix && digits.startsWith(trunkPrefix) ? digits.slice(trunkPrefix.length) : undefined;
		if (!pattern.test(digits) && !(withoutPrefix && pattern.test(withoutPrefix))) continue;
		const parsed = plan.parsePhoneNumberFromString(digits, country);
		if (!parsed?.isValid() || parsed.country !== country) continue;
		const national = String(parsed.nationalNumber);
		if (national !== digits && national !== withoutPrefix) continue;
		readings.push({ country, number: parsed.number, asWritten: parsed.formatNational().replace(/\D/g, '') === digits });
	}
	// The likeliest first: numbers written as their country writes them.
	return readings.sort((a, b) => Number(b.asWritten) - Number(a.asWritten));
}
