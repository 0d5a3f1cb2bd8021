import { normalizePhoneNumber, PhoneNumberError } from '../../nodes/shared/phone';

describe('normalizePhoneNumber', () => {
	it.each([
		['+1 (415) 555-0123', {}, '+14155550123'],
		['tel:+14155550123', {}, '+14155550123'],
		['0044 20 7946 0958', {}, '+442079460958'],
		['14155550123', { digitsAreInternational: true }, '+14155550123'],
		['5167168176', { digitsAreInternational: true }, '+5167168176'],
		['5167168176', { defaultCountry: 'US' }, '+15167168176'],
		['1 516 716 8176', { defaultCountry: 'US' }, '+15167168176'],
		['020 7946 0958', { defaultCountry: 'gb' }, '+442079460958'],
		['(415) 555-0123', { defaultCountry: 'US' }, '+14155550123'],
		['+49 30 901820', { defaultCountry: 'US' }, '+4930901820'],
		['+14155550123', { format: 'digits' as const }, '14155550123'],
	])('%s %j → %s', (input, options, expected) => {
		expect(normalizePhoneNumber(input, options)).toBe(expected);
	});

	it.each([
		['', /empty/],
		['   ', /empty/],
		['call me', /contains letters or symbols/],
		['+1 234', /is not a valid phone number: it is too short for its country code\..*Skip Number Validation/],
		['+44 20 7946 095', /is not a valid phone number: no number of its country is in use with that prefix\./],
		['+999 123456', /is not a valid phone number: its country code is not one in use\./],
		[
			'020 7946 0958',
			/"020 7946 0958" has no country code, so it is not one number: it can be .*\+442079460958 \(a national number of United Kingdom\).*Default Country/,
		],
		// A US number typed without 1 is also a number of Peru, and of other countries read nationally: no guess.
		[
			'5167168176',
			/it can be \+5167168176 \(an international number\), or .*\+15167168176 \(a national number of United States\).*Digits Are International/,
		],
		['2032679104', /it can be \+2032679104 \(an international number\), or .*\+12032679104 \(a national number of United States\)/],
		['14155550123', /it can be \+14155550123 \(an international number\), or .*\+4314155550123 \(a national number of Austria\)/],
		['123', /is not a valid phone number: it has no country code\..*Digits Are International/],
	])('rejects %j with advice', (input, message) => {
		expect(() => normalizePhoneNumber(input)).toThrow(PhoneNumberError);
		expect(() => normalizePhoneNumber(input)).toThrow(message);
	});

	it.each([
		['+1234567890', {}, '+1234567890'],
		['+1 (234) 567-890', { format: 'digits' as const }, '1234567890'],
		['15550000000', { digitsAreInternational: true }, '+15550000000'],
		['020 7946 095', { defaultCountry: 'GB' }, '+44207946095'],
	])('with Skip Number Validation sends %s as an international number', (input, options, expected) => {
		expect(normalizePhoneNumber(input, { ...options, skipValidation: true })).toBe(expected);
	});

	it.each([
		['+12', {}],
		['+0123456789', {}],
		['call me', {}],
		['', {}],
		['+1234567890123456', {}],
		['012', { defaultCountry: 'GB' }],
	])('with Skip Number Validation still refuses %j %j', (input, options) => {
		expect(() => normalizePhoneNumber(input, { ...options, skipValidation: true })).toThrow(PhoneNumberError);
	});

	it('rejects an unknown default country by name', () => {
		expect(() => normalizePhoneNumber('020 7946 0958', { defaultCountry: 'UK' })).toThrow(
			'Default Country "UK" is not a known two-letter ISO country code',
		);
	});
});
