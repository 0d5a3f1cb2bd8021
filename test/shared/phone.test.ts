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
		['+1 234', /is not a valid phone number/],
		['020 7946 0958', /is not a valid phone number.*Default Country/],
	])('rejects %j with advice', (input, message) => {
		expect(() => normalizePhoneNumber(input)).toThrow(PhoneNumberError);
		expect(() => normalizePhoneNumber(input)).toThrow(message);
	});

	it('rejects an unknown default country by name', () => {
		expect(() => normalizePhoneNumber('020 7946 0958', { defaultCountry: 'UK' })).toThrow(
			'Default Country "UK" is not a known two-letter ISO country code',
		);
	});
});
