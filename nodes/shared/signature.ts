import { createHmac, timingSafeEqual } from 'crypto';

const SIGNATURE_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];
export type SignatureEncoding = 'hex' | 'base64';

export interface SignatureSettings {
	secret: string;
	algorithm?: SignatureAlgorithm;
	encoding?: SignatureEncoding;
}

export interface SignatureCheck extends SignatureSettings {
	/** The request body exactly as received. */
	payload: Buffer | string;
	/** The header's value, with or without an `sha256=`-style prefix. */
	signature: string | string[] | undefined;
	/** When the sender signs `<timestamp>.<body>`: the timestamp header's value and the accepted skew. */
	timestamp?: { value: string | string[] | undefined; toleranceSeconds: number; nowMs: number };
}

export type SignatureVerdict = { valid: true } | { valid: false; reason: string };

export function computeSignature(payload: Buffer | string, settings: SignatureSettings): string {
	return createHmac(settings.algorithm ?? 'sha256', settings.secret)
		.update(payload)
		.digest(settings.encoding ?? 'hex');
}

/**
 * An `sha256=`-style label in front of the signature. Only algorithm names count: base64 signatures
 * often read `<letters and digits>=` up to their padding, and must keep those characters.
 */
const ALGORITHM_PREFIX = new RegExp(`^(?:${SIGNATURE_ALGORITHMS.join('|')})=`, 'i');

function single(value: string | string[] | undefined): string {
	return (Array.isArray(value) ? value[0] : (value ?? '')).trim();
}

function decode(value: string, encoding: SignatureEncoding): Buffer | undefined {
	if (encoding === 'hex') {
		return /^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : undefined;
	}
	const normal = value.replace(/-/g, '+').replace(/_/g, '/');
	return /^[A-Za-z0-9+/]+={0,2}$/.test(normal) ? Buffer.from(normal, 'base64') : undefined;
}

/** HMAC check of a webhook body, constant-time, tolerant of an `<algorithm>=` prefix (`sha256=`). */
export function verifySignature(check: SignatureCheck): SignatureVerdict {
	const algorithm = check.algorithm ?? 'sha256';
	const encoding = check.encoding ?? 'hex';
	const given = single(check.signature).replace(ALGORITHM_PREFIX, '');
	if (!given) return { valid: false, reason: 'missing signature' };

	let payload: Buffer = Buffer.isBuffer(check.payload) ? check.payload : Buffer.from(check.payload);
	if (check.timestamp) {
		const stamp = single(check.timestamp.value);
		if (!/^\d+$/.test(stamp)) return { valid: false, reason: 'missing or malformed timestamp' };
		// Accept seconds or milliseconds since the epoch.
		const ms = stamp.length > 11 ? Number(stamp) : Number(stamp) * 1000;
		if (Math.abs(check.timestamp.nowMs - ms) > check.timestamp.toleranceSeconds * 1000) {
			return { valid: false, reason: 'timestamp outside the accepted window' };
		}
		payload = Buffer.concat([Buffer.from(`${stamp}.`), payload]);
	}

	const received = decode(given, encoding);
	if (!received) return { valid: false, reason: `signature is not ${encoding}` };
	const expected = createHmac(algorithm, check.secret).update(payload).digest();
	if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
		return { valid: false, reason: 'signature does not match' };
	}
	return { valid: true };
}

/** A webhook's Basic authorization header against the expected user and password, constant-time. */
export function verifyBasicAuth(header: string | string[] | undefined, username: string, password: string): SignatureVerdict {
	const given = single(header);
	if (!/^basic\s+/i.test(given)) return { valid: false, reason: 'missing Basic authorization' };
	const received = Buffer.from(given.replace(/^basic\s+/i, ''), 'base64');
	const expected = Buffer.from(`${username}:${password}`);
	if (received.length !== expected.length || !timingSafeEqual(received, expected))
		return { valid: false, reason: 'Basic authorization does not match' };
	return { valid: true };
}
