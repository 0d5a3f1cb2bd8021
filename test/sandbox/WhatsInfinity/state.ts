export type SessionStatus = 'active' | 'connecting' | 'qr' | 'pairing' | 'disconnected' | 'disabled';

export interface Session {
	sessionId: string;
	apiKey: string;
	status: SessionStatus;
	/** Messages waiting for the session to be active again. */
	queue: WaMessage[];
	sendTimes: number[];
	lastActiveAt: string | null;
	pairingCode?: string;
}

export interface WaMessage {
	messageId: string;
	sessionId: string;
	to: string;
	type: string;
	message?: string;
	url?: string;
	caption?: string;
	fileName?: string;
	typing?: boolean;
	status: 'queued' | 'sent';
	createdAt: string;
	sentAt?: string;
}

export interface WhatsInfinityConfig {
	/** Messages per session in any window: 10 a minute, as documented (scale the window for tests). */
	rateLimit: { limit: number; windowMs: number };
	/** Messages a session holds while not active before it answers 503. */
	queueMax: number;
	/** Numbers (digits) that are not on WhatsApp: sends to them get 422. */
	unregisteredNumbers: string[];
	/** How long a restart keeps the session "connecting". */
	stepMs: number;
	/** Sessions that exist from the start (already linked). */
	sessions: Array<{ sessionId: string; apiKey: string; status?: SessionStatus }>;
	/** Answers the docs do not describe, each in every plausible form. */
	undocumented: Undocumented;
}

export interface Undocumented {
	/** Creating a session that exists: 200 with it (same key; another key gets 409), 409, or 400. */
	existingSession: 'ok' | 'conflict' | 'badRequest';
	/** A pairing code for a session that is connected already: 409, 400, or 200 without a code. */
	pairingWhenActive: 'conflict' | 'badRequest' | 'ok';
	/** A QR when none is pending: a 404 or 400 envelope, a 200 envelope without an image, or an empty 204. */
	qrWhenNone: 'notFound' | 'badRequest' | 'json' | 'empty';
	/** Where the pairing code is in `data`. */
	pairingField: 'pairingCode' | 'code';
}

export const SANDBOX_SESSION = { sessionId: 'sandbox', apiKey: 'wi_sandbox_key_0123456789' };

export function defaultConfig(): WhatsInfinityConfig {
	return {
		rateLimit: { limit: 10, windowMs: 60_000 },
		queueMax: 100,
		unregisteredNumbers: ['15550000000'],
		stepMs: 200,
		sessions: [{ ...SANDBOX_SESSION, status: 'active' }],
		undocumented: { existingSession: 'ok', pairingWhenActive: 'conflict', qrWhenNone: 'notFound', pairingField: 'pairingCode' },
	};
}
