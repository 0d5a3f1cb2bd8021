import { normalizePhoneNumber, PhoneNumberError } from '../../nodes/shared/phone';

describe('normalizePhoneNumber', () => {
	it.each([
		['+1 (415) 555-0123', {}, '+14155550123'],
		['tel:+14155550123', {}, '+14155550123'],
		['0044 20 7946 0958', {}, '+442079460958'],
		['14155550123', {}, '+14155550123'],
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
		['020 7946 0958', /is not a valid phone number: it has no country code\..*Default Country/],
	])('rejects %j with advice', (input, message) => {
		expect(() => normalizePhoneNumber(input)).toThrow(PhoneNumberError);
		expect(() => normalizePhoneNumber(input)).toThrow(message);
	});

	it.each([
		['+1234567890', {}, '+1234567890'],
		['+1 (234) 567-890', { format: 'digits' as const }, '1234567890'],
		['15550000000', {}, '+15550000000'],
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
