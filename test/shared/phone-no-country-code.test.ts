import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';

import { normalizePhoneNumber, PhoneNumberError } from '../../nodes/shared/phone';

/** The ten largest numbering plans by people served: China, India, North America, Indonesia, Pakistan, Nigeria, Brazil, Bangladesh, Russia, Mexico. */
const LARGEST: CountryCode[] = ['CN', 'IN', 'US', 'ID', 'PK', 'NG', 'BR', 'BD', 'RU', 'MX'];
const PER_PLAN = 3000;

/** A small seeded generator (mulberry32): the same numbers on every run, so a failure can be re-run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Valid numbers of a country, drawn at random over its possible lengths and kept when its plan says they are in use. */
function validNumbers(country: CountryCode, count: number): ReturnType<typeof parsePhoneNumberFromString>[] {
	const lengths = (metadata.countries[country] as unknown[])[3] as number[];
	const next = random(country.charCodeAt(0) * 256 + country.charCodeAt(1));
	const found = new Map<string, NonNullable<ReturnType<typeof parsePhoneNumberFromString>>>();
	for (let tries = 0; found.size < count && tries < count * 2000; tries++) {
		const length = lengths[Math.floor(next() * lengths.length)];
		let digits = String(1 + Math.floor(next() * 9));
		while (digits.length < length) digits += String(Math.floor(next() * 10));
		const parsed = parsePhoneNumberFromString(digits, country);
		if (parsed?.isValid() && parsed.country === country && parsed.nationalNumber === digits) found.set(digits, parsed);
	}
	return [...found.values()];
}

function outcome(input: string): string {
	try {
		return `sent to ${normalizePhoneNumber(input)}`;
	} catch (error) {
		if (!(error instanceof PhoneNumberError)) throw error;
		return (error as Error).message;
	}
}

describe('numbers typed without country code and without Default Country', () => {
	it('knows the ten plans', () => {
		for (const country of LARGEST) expect(getCountries()).toContain(country);
	});

	describe.each(LARGEST)('%s', (country) => {
		const numbers = validNumbers(country, PER_PLAN);

		it(`has ${PER_PLAN} valid numbers to try`, () => {
			expect(numbers).toHaveLength(PER_PLAN);
		});

		it('sends none of them, written as digits or as the country writes them, and says how to fix each', () => {
			const sent: string[] = [];
			let unclear = 0;
			for (const number of numbers) {
				// Every number as bare digits; one in ten also as the country writes it (trunk prefix, spaces).
				const forms =
					numbers.indexOf(number) % 10 === 0
						? [number!.nationalNumber as string, number!.formatNational()]
						: [number!.nationalNumber as string];
				for (const typed of forms) {
					const result = outcome(typed);
					if (result.startsWith('sent to')) sent.push(`${typed} ${result}`);
					else if (!/Default Country/.test(result) || !result.includes(`"${typed}"`)) unclear++;
				}
			}
			expect(sent).toEqual([]);
			expect(unclear).toBe(0);
		});
	});
});
