import { createHmac, randomBytes } from 'crypto';

import { computeSignature, verifySignature, type SignatureAlgorithm } from '../../nodes/shared/signature';

const secret = 'whsec_test';
const body = Buffer.from('{"event":"message.inbound","data":{"text":"héllo"}}');

describe('verifySignature', () => {
	it('accepts the hex HMAC-SHA256 of the raw bytes, with or without a prefix', () => {
		const hex = createHmac('sha256', secret).update(body).digest('hex');
		expect(verifySignature({ secret, payload: body, signature: hex })).toEqual({ valid: true });
		expect(verifySignature({ secret, payload: body, signature: `sha256=${hex.toUpperCase()}` })).toEqual({ valid: true });
		expect(verifySignature({ secret, payload: body, signature: [hex, 'other'] })).toEqual({ valid: true });
	});

	it('accepts base64 and base64url for the base64 encoding', () => {
		const b64 = createHmac('sha256', secret).update(body).digest('base64');
		const b64url = createHmac('sha256', secret).update(body).digest('base64url');
		expect(verifySignature({ secret, payload: body, signature: b64, encoding: 'base64' })).toEqual({ valid: true });
		expect(verifySignature({ secret, payload: body, signature: b64url, encoding: 'base64' })).toEqual({ valid: true });
	});

	it('refuses a missing, malformed, truncated or foreign signature with the reason', () => {
		const hex = computeSignature(body, { secret });
		expect(verifySignature({ secret, payload: body, signature: undefined })).toEqual({ valid: false, reason: 'missing signature' });
		expect(verifySignature({ secret, payload: body, signature: 'zz' })).toEqual({ valid: false, reason: 'signature is not hex' });
		expect(verifySignature({ secret, payload: body, signature: hex.slice(0, 32) })).toEqual({
			valid: false,
			reason: 'signature does not match',
		});
		expect(verifySignature({ secret: 'other', payload: body, signature: hex })).toEqual({
			valid: false,
			reason: 'signature does not match',
		});
		expect(verifySignature({ secret, payload: Buffer.concat([body, Buffer.from(' ')]), signature: hex })).toEqual({
			valid: false,
			reason: 'signature does not match',
		});
	});

	it('with a timestamp, signs "<timestamp>.<body>" and refuses stale or missing stamps', () => {
		const now = Date.UTC(2026, 10, 22, 12);
		const stamp = String(now / 1000);
		const signature = computeSignature(`${stamp}.${body.toString()}`, { secret, algorithm: 'sha512' });
		const check = (value: string | undefined, nowMs = now) =>
			verifySignature({ secret, payload: body, signature, algorithm: 'sha512', timestamp: { value, toleranceSeconds: 300, nowMs } });

		expect(check(stamp)).toEqual({ valid: true });
		expect(check(stamp, now + 299_000)).toEqual({ valid: true });
		expect(check(stamp, now + 301_000)).toEqual({ valid: false, reason: 'timestamp outside the accepted window' });
		expect(check(undefined)).toEqual({ valid: false, reason: 'missing or malformed timestamp' });
	});

	// A signature whose first characters look like "<word>=" must not lose them: base64 often does.
	const algorithms: SignatureAlgorithm[] = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];
	it.each(algorithms.flatMap((algorithm) => (['hex', 'base64'] as const).map((encoding) => [algorithm, encoding] as const)))(
		'accepts every valid %s %s signature over 500 random bodies, bare and prefixed',
		(algorithm, encoding) => {
			const refused: string[] = [];
			for (let n = 0; n < 500; n++) {
				const payload = randomBytes(1 + (n % 97));
				const signature = createHmac(algorithm, secret).update(payload).digest(encoding);
				for (const given of [signature, `${algorithm}=${signature}`, `${algorithm.toUpperCase()}=${signature}`]) {
					const verdict = verifySignature({ secret, payload, signature: given, algorithm, encoding });
					if (!verdict.valid) refused.push(`${given}: ${verdict.reason}`);
				}
			}
			expect(refused).toEqual([]);
		},
	);

	it('strips only a known algorithm name as a prefix', () => {
		const hex = computeSignature(body, { secret });
		expect(verifySignature({ secret, payload: body, signature: `v1=${hex}` })).toEqual({ valid: false, reason: 'signature is not hex' });
	});
});
