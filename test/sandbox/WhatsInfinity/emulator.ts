// The WhatsInfinity emulator: the API as docs/gateways/whatsinfinity.md describes it, and no kinder; where that page says
// the gateway's documents are silent, each plausible answer is a mode of its config.
import { randomBytes, randomInt, randomUUID } from 'crypto';

import { SandboxServer, type SandboxReply, type SandboxRequest } from '../http';
import { qrLikePng } from '../png';
import { defaultConfig, type Session, type SessionStatus, type WaMessage, type WhatsInfinityConfig } from './state';

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DIGITS = /^\d{7,15}$/;
const MEDIA_TYPES = ['media', 'image', 'video', 'audio', 'document'];
const MAX_TEXT = 65_000;

const success = (data: unknown, status = 200): SandboxReply => ({ status, body: { success: true, requestId: randomUUID(), data } });
const failure = (status: number, error: string, details: string, extra: Record<string, unknown> = {}): SandboxReply => ({
	status,
	body: { success: false, requestId: randomUUID(), error, details, ...extra },
});

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * WhatsInfinity as its docs describe it: per-session keys, sessions through qr/pairing/active/
 * disconnected/disabled, a QR PNG, pairing codes, 10 messages a minute per session (429 with
 * retryAfter), a 100-message queue while not active (503 when full), 422 for numbers not on
 * WhatsApp, dry runs, key rotation, and `{success, requestId, …}` on every answer.
 */
export class WhatsInfinityEmulator {
	readonly server: SandboxServer;
	config: WhatsInfinityConfig;
	sessions = new Map<string, Session>();
	/** Every message that was sent or queued, in order. */
	messages: WaMessage[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(config: Partial<WhatsInfinityConfig> = {}) {
		this.config = { ...defaultConfig(), ...config };
		this.server = new SandboxServer({
			name: 'WhatsInfinity',
			redact: (headers) => {
				const key = headers['x-api-key'];
				if (key === undefined) return headers;
				const known = [...this.sessions.values()].some((s) => s.apiKey === key);
				return { ...headers, 'x-api-key': known ? '<valid>' : '<invalid>' };
			},
			errorBody: (status, message) => failure(status, message, message).body,
		});
		this.routes();
		this.server.onReset(() => this.clear());
		this.clear();
	}

	async start(port = 0): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await this.server.stop();
	}

	/** Messages that actually went out. */
	sent(): WaMessage[] {
		return this.messages.filter((m) => m.status === 'sent');
	}

	private clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.messages = [];
		this.sessions = new Map(
			this.config.sessions.map((s) => [
				s.sessionId,
				{
					sessionId: s.sessionId,
					apiKey: s.apiKey,
					status: s.status ?? 'active',
					queue: [],
					sendTimes: [],
					lastActiveAt: new Date().toISOString(),
				},
			]),
		);
	}

	private setStatus(session: Session, status: SessionStatus): void {
		session.status = status;
		if (status !== 'active') return;
		session.lastActiveAt = new Date().toISOString();
		// Queued messages go out as soon as the session is active again.
		for (const message of session.queue.splice(0)) {
			message.status = 'sent';
			message.sentAt = new Date().toISOString();
		}
	}

	/** The session named in the path or body, if the x-api-key is its key. */
	private authed(request: SandboxRequest, handle: (session: Session) => SandboxReply): SandboxReply {
		const key = request.headers['x-api-key'];
		if (!key || key.length < 16) return failure(401, 'Unauthorized', 'Invalid or missing API key');
		const body = (request.body ?? {}) as Record<string, unknown>;
		const sessionId = String(request.query.sessionId ?? body.sessionId ?? '');
		if (!sessionId) return failure(400, 'Bad Request', 'sessionId is required');
		const session = this.sessions.get(sessionId);
		if (!session) return failure(404, 'Not Found', `Session "${sessionId}" not found`);
		if (session.apiKey !== key) return failure(401, 'Unauthorized', 'Invalid or missing API key');
		return handle(session);
	}

	private describe(session: Session) {
		const now = Date.now();
		const { limit, windowMs } = this.config.rateLimit;
		const recent = session.sendTimes.filter((t) => t > now - windowMs).length;
		return {
			status: session.status,
			isReady: session.status === 'active',
			hasQR: session.status === 'qr',
			queueSize: session.queue.length,
			rateLimitRemaining: Math.max(0, limit - recent),
			lastActiveAt: session.lastActiveAt,
		};
	}

	private noQr(session: Session): SandboxReply {
		const details = `No QR available: session is ${session.status}`;
		switch (this.config.undocumented.qrWhenNone) {
			case 'badRequest':
				return failure(400, 'Bad Request', details);
			case 'json':
				return success({ status: session.status, hasQR: false, qr: null });
			case 'empty':
				return { status: 204 };
			default:
				return failure(404, 'Not Found', details);
		}
	}

	private routes(): void {
		const s = this.server;
		s.route('POST', '/create-session', ({ body }) => {
			const { sessionId, apiKey } = (body ?? {}) as Record<string, unknown>;
			if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
				return failure(400, 'Invalid sessionId', 'Use only letters, numbers, - and _ (at most 64)');
			}
			if (typeof apiKey !== 'string' || apiKey.length < 16) return failure(400, 'Bad Request', 'apiKey must be at least 16 characters');
			const existing = this.sessions.get(sessionId);
			if (existing) {
				const mode = this.config.undocumented.existingSession;
				if (mode === 'badRequest') return failure(400, 'Bad Request', 'Session already exists');
				if (mode === 'conflict' || existing.apiKey !== apiKey) return failure(409, 'Conflict', 'Session already exists');
				return success({ sessionId, ...this.describe(existing) });
			}
			const session: Session = { sessionId, apiKey, status: 'qr', queue: [], sendTimes: [], lastActiveAt: null };
			this.sessions.set(sessionId, session);
			return success({ sessionId, ...this.describe(session) }, 201);
		});
		s.route('GET', '/qr/:sessionId', (r) =>
			this.authed(r, (session) =>
				session.status === 'qr'
					? {
							status: 200,
							raw: qrLikePng(`${session.sessionId}:${Math.floor(Date.now() / 60_000)}`),
							headers: { 'Content-Type': 'image/png' },
						}
					: this.noQr(session),
			),
		);
		s.route('POST', '/pairing-code', (r) =>
			this.authed(r, (session) => {
				const phoneNumber = (r.body as Record<string, unknown>).phoneNumber;
				if (typeof phoneNumber !== 'string' || !DIGITS.test(phoneNumber)) {
					return failure(400, 'Bad Request', 'Invalid phone number: send 7-15 digits with the country code, no +');
				}
				if (session.status === 'active') {
					const mode = this.config.undocumented.pairingWhenActive;
					if (mode === 'ok') return success({ status: 'active', message: 'Session is already connected' });
					return mode === 'badRequest'
						? failure(400, 'Bad Request', 'Session is already connected')
						: failure(409, 'Conflict', 'Session is already connected');
				}
				// "an 8-digit pairing code"
				session.pairingCode = String(randomInt(0, 100_000_000)).padStart(8, '0');
				session.status = 'pairing';
				return success({ [this.config.undocumented.pairingField]: session.pairingCode });
			}),
		);
		s.route('GET', '/check-session/:sessionId', (r) => this.authed(r, (session) => success(this.describe(session))));
		s.route('GET', '/all-sessions', () =>
			success([...this.sessions.values()].map((session) => ({ sessionId: session.sessionId, ...this.describe(session) }))),
		);
		s.route('POST', '/restart-session', (r) =>
			this.authed(r, (session) => {
				if ((r.body as Record<string, unknown>).wipe === true) {
					this.setStatus(session, 'qr');
				} else if (session.status === 'active' || session.status === 'disconnected') {
					session.status = 'connecting';
					const timer = setTimeout(() => {
						this.timers.delete(timer);
						this.setStatus(session, 'active');
					}, this.config.stepMs);
					this.timers.add(timer);
				}
				return success(this.describe(session));
			}),
		);
		s.route('POST', '/delete-session', (r) =>
			this.authed(r, (session) => {
				this.sessions.delete(session.sessionId);
				return success({ sessionId: session.sessionId, deleted: true });
			}),
		);
		s.route('POST', '/rotate-key', (r) =>
			this.authed(r, (session) => {
				session.apiKey = `wi_${randomBytes(16).toString('hex')}`;
				return success({ sessionId: session.sessionId, apiKey: session.apiKey });
			}),
		);
		s.route('POST', '/send', (r) => this.authed(r, (session) => this.send(session, r.body as Record<string, unknown>)));
		this.controlRoutes();
	}

	private send(session: Session, body: Record<string, unknown>): SandboxReply {
		const { to, type, message, url, dryRun } = body;
		if (typeof to !== 'string' || !DIGITS.test(to))
			return failure(400, 'Bad Request', 'Invalid phone number: send 7-15 digits, include country code, and omit +');
		if (type === 'text') {
			if (typeof message !== 'string' || !message) return failure(400, 'Bad Request', 'message is required');
			if (message.length > MAX_TEXT) return failure(400, 'Bad Request', 'Message too long: at most 65000 characters');
		} else if (MEDIA_TYPES.includes(String(type))) {
			if (!isHttpUrl(url)) return failure(400, 'Bad Request', 'Invalid URL format: use a public http(s) URL');
		} else {
			return failure(400, 'Bad Request', 'type must be text, media, image, video, audio or document');
		}
		if (session.status === 'disabled') return failure(400, 'Bad Request', 'Session is disabled: restart or re-create it');
		if (this.config.unregisteredNumbers.includes(to)) return failure(422, 'Request failed', 'Number not registered on WhatsApp');
		if (dryRun === true) {
			const payload = type === 'text' ? { text: message } : { [String(type)]: url, caption: body.caption };
			return success({ queued: true, dryRun: true, to: `${to}@s.whatsapp.net`, payload });
		}

		const { limit, windowMs } = this.config.rateLimit;
		const now = Date.now();
		session.sendTimes = session.sendTimes.filter((t) => t > now - windowMs);
		if (session.sendTimes.length >= limit) {
			const retryAfter = Math.max(1, Math.ceil((session.sendTimes[0] + windowMs - now) / 1000));
			return failure(429, 'Rate limit exceeded', 'Too many requests', { retryAfter });
		}
		const active = session.status === 'active';
		if (!active && session.queue.length >= this.config.queueMax) return failure(503, 'Request failed', 'Message queue full');
		session.sendTimes.push(now);

		const stored: WaMessage = {
			messageId: `wamid.${randomBytes(10).toString('hex')}`,
			sessionId: session.sessionId,
			to,
			type: String(type),
			...(typeof message === 'string' ? { message } : {}),
			...(typeof url === 'string' ? { url } : {}),
			...(typeof body.caption === 'string' ? { caption: body.caption } : {}),
			...(typeof body.fileName === 'string' ? { fileName: body.fileName } : {}),
			...(body.typing === true ? { typing: true } : {}),
			status: active ? 'sent' : 'queued',
			createdAt: new Date(now).toISOString(),
			...(active ? { sentAt: new Date(now).toISOString() } : {}),
		};
		this.messages.push(stored);
		if (active) session.lastActiveAt = stored.createdAt;
		else session.queue.push(stored);
		return success({ queued: !active, messageId: stored.messageId });
	}

	private controlRoutes(): void {
		const s = this.server;
		const withSession = (id: string, change: (session: Session) => void): SandboxReply => {
			const session = this.sessions.get(id);
			if (!session) return { status: 404, body: { error: `No session "${id}"` } };
			change(session);
			return { status: 200, body: { sessionId: id, ...this.describe(session) } };
		};
		// What the phone does: scanning the QR (or entering the pairing code) links the session.
		s.controlRoute('POST', '/sessions/:sessionId/scan', ({ query }) => withSession(query.sessionId, (x) => this.setStatus(x, 'active')));
		s.controlRoute('POST', '/sessions/:sessionId/disconnect', ({ query }) =>
			withSession(query.sessionId, (x) => this.setStatus(x, 'disconnected')),
		);
		s.controlRoute('POST', '/sessions/:sessionId/disable', ({ query }) =>
			withSession(query.sessionId, (x) => this.setStatus(x, 'disabled')),
		);
		s.controlRoute('GET', '/sessions', () => ({ status: 200, body: { sessions: [...this.sessions.values()] } }));
		s.controlRoute('GET', '/messages', () => ({ status: 200, body: { messages: this.messages } }));
		s.controlRoute('POST', '/config', ({ body }) => {
			const patch = (body ?? {}) as Partial<WhatsInfinityConfig>;
			for (const key of ['rateLimit', 'queueMax', 'unregisteredNumbers', 'stepMs', 'undocumented'] as const) {
				if (patch[key] !== undefined) (this.config as unknown as Record<string, unknown>)[key] = patch[key];
			}
			return { status: 200, body: { ok: true } };
		});
	}
}
