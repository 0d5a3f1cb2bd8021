import type { Gateway } from '../../nodes/shared/gateway';
import { baseUrlFrom, parseRetryAfter } from '../../nodes/shared/request';

describe('request helpers', () => {
	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.UTC(2026, 10, 22, 12, 0, 0);
		expect(parseRetryAfter('7', now)).toBe(7);
		expect(parseRetryAfter(['2.5'], now)).toBe(2.5);
		expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30);
		expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('takes the Base URL from the credential without trailing slashes, else the default', () => {
		const gateway = { defaultBaseUrl: 'https://default.example' } as Gateway;
		expect(baseUrlFrom({ baseUrl: ' https://sms.example.com/// ' }, gateway)).toBe('https://sms.example.com');
		expect(baseUrlFrom({}, gateway)).toBe('https://default.example');
	});
});
