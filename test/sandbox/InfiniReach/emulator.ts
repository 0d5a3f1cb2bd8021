// The InfiniReach emulator: the API as docs/gateways/infinireach.md describes it, and no kinder; where that page says
// the gateway's documents are silent, each plausible answer is a mode of its config.
import { randomBytes } from 'crypto';

import { SandboxServer, type SandboxReply, type SandboxRequest } from '../http';
import { WebhookSender, type Signing } from '../webhooks';
import { documentedRow, queryHistory } from './history';
import { defaultConfig, type InfiniReachConfig, type StoredMessage } from './state';

const E164 = /^\+[1-9]\d{6,14}$/;
const GROUP = /^(?:group:)?(?:[^:@\s]+:)?(\d+@g\.us)$/;
/** User-Agents a bot filter takes for scripts: none, or a bare HTTP library's. */
const GENERIC_AGENT =
	/^$|^(curl|wget|python-requests|python-urllib|axios|node-fetch|node|undici|got|go-http-client|okhttp|java|libwww-perl|postmanruntime)\b/i;
const MAX_LENGTH = 1600;

const error = (status: number, message: string, extra: Record<string, unknown> = {}): SandboxReply => ({
	status,
	body: { success: false, error: message, ...extra },
});

/**
 * InfiniReach as its docs describe it: X-API-Key auth, validated sends from registered numbers,
 * externalId idempotency, 100 sends a minute per key, history with every filter, devices, messages
 * going queued → sent → delivered (or failed), and signed webhooks.
 */
export class InfiniReachEmulator {
	readonly server: SandboxServer;
	readonly webhooks = new WebhookSender();
	config: InfiniReachConfig;
	messages: StoredMessage[] = [];
	private readonly sendTimes = new Map<string, number[]>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private seq = 0;

	constructor(config: Partial<InfiniReachConfig> = {}) {
		this.config = { ...defaultConfig(), ...config };
		this.webhooks.target = this.config.webhook;
		this.server = new SandboxServer({
			name: 'InfiniReach',
			redact: (headers) => {
				const key = headers['x-api-key'];
				return key === undefined ? headers : { ...headers, 'x-api-key': this.config.apiKeys.includes(key) ? '<valid>' : '<invalid>' };
			},
			errorBody: (_status, message) => ({ success: false, error: message }),
		});
		this.server.route('POST', '/api/v1/messages', (r) => this.authed(r, () => this.send(r), true));
		this.server.route('GET', '/api/v1/messages', (r) => this.authed(r, () => this.history(r)));
		this.server.route('GET', '/api/v1/messages/:id', (r) => this.authed(r, () => this.getMessage(r)));
		this.server.route('GET', '/api/v1/devices', (r) => this.authed(r, () => ({ status: 200, body: { devices: this.config.devices } })));
		this.controlRoutes();
		this.server.onReset(() => this.clear());
	}

	async start(port = 0): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		this.clearTimers();
		await this.server.stop();
	}

	/** Outbound messages as the provider's engine would have sent them. */
	outbound(): StoredMessage[] {
		return this.messages.filter((m) => m.direction === 'outbound');
	}

	private clear(): void {
		this.clearTimers();
		this.messages = [];
		this.sendTimes.clear();
		this.webhooks.deliveries.length = 0;
	}

	private clearTimers(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	private later(ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, ms);
		this.timers.add(timer);
	}

	/**
	 * The bot filter, the key, and the rate limit, in that order: every request of a key counts
	 * toward its limit (with scope "sends", every send request: rejected and repeated ones too).
	 */
	private authed(request: SandboxRequest, handle: () => SandboxReply, isSend = false): SandboxReply {
		if (this.config.botFilter && GENERIC_AGENT.test(request.headers['user-agent'] ?? '')) return error(403, 'Forbidden');
		const key = request.headers['x-api-key'];
		if (!key || !this.config.apiKeys.includes(key)) return error(401, 'Invalid or missing API key');
		if (isSend || this.config.rateLimit.scope === 'all') {
			const wait = this.rateLimited(key);
			if (wait !== undefined) return this.tooMany(wait);
		}
		if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
			return error(400, 'Content-Type must be application/json');
		}
		return handle();
	}

	private tooMany(wait: number): SandboxReply {
		const hint = this.config.rateLimit.hint ?? 'none';
		const headers: Record<string, string> = hint === 'header' || hint === 'both' ? { 'Retry-After': String(wait) } : {};
		const extra = hint === 'body' || hint === 'both' ? { retryAfter: wait } : {};
		return { status: 429, headers, body: { success: false, error: 'Rate limit exceeded', ...extra } };
	}

	private senderNumbers(channel: string): Map<string, string> {
		const numbers = new Map<string, string>();
		for (const device of this.config.devices) {
			if (channel === 'whatsapp' && !device.whatsapp) continue;
			for (const slot of device.simSlots) numbers.set(slot.phoneNumber, device.id);
		}
		return numbers;
	}

	/** A rolling window per key; returns the seconds to wait when the send does not fit. */
	private rateLimited(key: string): number | undefined {
		const { limit, windowMs } = this.config.rateLimit;
		const now = Date.now();
		const times = (this.sendTimes.get(key) ?? []).filter((t) => t > now - windowMs);
		this.sendTimes.set(key, times);
		if (times.length >= limit) return Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
		times.push(now);
		return undefined;
	}

	private send(request: SandboxRequest): SandboxReply {
		const body = request.body;
		if (!body || typeof body !== 'object' || Array.isArray(body)) return error(400, 'Request body must be a JSON object');
		const { to, message, from, channel, externalId } = body as Record<string, unknown>;
		if (channel !== 'sms' && channel !== 'whatsapp') return error(400, 'channel is required and must be "sms" or "whatsapp"');
		if (typeof to !== 'string' || !to) return error(400, 'to is required');
		const group = GROUP.exec(to)?.[1];
		if (group && channel !== 'whatsapp') return error(400, 'WhatsApp groups can only be reached on the whatsapp channel');
		if (!group && !E164.test(to)) return error(400, 'to must be an E.164 phone number (e.g. +1234567890) or a WhatsApp group JID');
		if (typeof message !== 'string' || !message.trim()) return error(400, 'message is required');
		if (message.length > MAX_LENGTH) return error(400, `message must be at most ${MAX_LENGTH} characters`);
		if (typeof from !== 'string' || !from) return error(400, 'from is required: the sender phone number of one of your devices');
		const deviceId = this.senderNumbers(channel).get(from);
		if (!deviceId) return error(400, 'from does not match a registered device');
		if (externalId !== undefined && (typeof externalId !== 'string' || !externalId))
			return error(400, 'externalId must be a non-empty string');

		if (externalId) {
			const first = this.messages.find((m) => m.externalId === externalId);
			if (first) return this.repeated(first);
		}

		const stored = this.store({
			direction: 'outbound',
			channel,
			e164From: from,
			e164To: group ?? to,
			body: message,
			status: 'queued',
			deviceId,
			externalId: externalId as string | undefined,
			...(group && group !== to ? { contactKey: to } : {}),
		});
		this.progress(stored);
		return { status: 201, body: { success: true, queued: true, messageId: stored._id, jobId: stored.jobId } };
	}

	private repeated(first: StoredMessage): SandboxReply {
		const answer = { success: true, queued: first.status === 'queued', messageId: first._id, jobId: first.jobId };
		switch (this.config.duplicateAnswer) {
			case 'conflict':
				return error(409, 'Duplicate externalId: this message was already sent');
			case 'flagged':
				return { status: 200, body: { ...answer, duplicate: true } };
			default:
				return { status: 201, body: answer };
		}
	}

	private store(fields: Omit<StoredMessage, '_id' | 'jobId' | 'createdAt' | 'updatedAt' | 'seq'>): StoredMessage {
		const id = randomBytes(12).toString('hex');
		const now = new Date().toISOString();
		const stored: StoredMessage = { _id: id, jobId: `job-${id}`, createdAt: now, updatedAt: now, seq: ++this.seq, ...fields };
		this.messages.push(stored);
		return stored;
	}

	/** queued → sent → delivered, or → failed for the numbers configured to fail; webhooks on the way. */
	private progress(message: StoredMessage): void {
		const step = this.config.stepMs;
		this.later(step, () => {
			message.status = 'sent';
			message.updatedAt = new Date().toISOString();
			this.later(step, () => {
				const failed = this.config.failingNumbers.includes(message.e164To);
				message.status = failed ? 'failed' : 'delivered';
				message.updatedAt = new Date().toISOString();
				void this.webhooks.deliver(
					failed ? 'message.failed' : 'message.delivered',
					this.event(failed ? 'message.failed' : 'message.delivered', message),
				);
			});
		});
	}

	/** Exactly the seed's payload: no channel, no externalId, nothing it does not show. */
	private event(event: string, message: StoredMessage) {
		return {
			event,
			timestamp: message.updatedAt,
			data: {
				messageId: message._id,
				direction: message.direction,
				from: message.e164From,
				to: message.e164To,
				body: message.body,
				deviceId: message.deviceId,
				timestamp: message.createdAt,
				status: message.status,
			},
		};
	}

	private history(request: SandboxRequest): SandboxReply {
		const result = queryHistory(this.messages, request.query);
		return result.ok ? { status: 200, body: result.body } : error(400, result.error);
	}

	/** Not in the docs (public clients use it): the row as history shows it, wrapped as those clients read it. */
	private getMessage(request: SandboxRequest): SandboxReply {
		const found = this.messages.find((m) => m._id === request.query.id);
		if (!found) return error(404, 'Message not found');
		return { status: 200, body: { success: true, message: documentedRow(found) } };
	}

	private controlRoutes(): void {
		const server = this.server;
		server.controlRoute('GET', '/messages', () => ({ status: 200, body: { messages: this.messages } }));
		server.controlRoute('GET', '/deliveries', () => ({ status: 200, body: { deliveries: this.webhooks.deliveries } }));
		server.controlRoute('GET', '/config', () => ({ status: 200, body: { ...this.config, apiKeys: this.config.apiKeys.length } }));
		// Settings a test may change: the limit, the failing numbers, the pace of status changes.
		server.controlRoute('POST', '/config', ({ body }) => {
			const patch = (body ?? {}) as Partial<InfiniReachConfig>;
			for (const key of ['rateLimit', 'failingNumbers', 'stepMs', 'devices', 'duplicateAnswer', 'botFilter'] as const) {
				if (patch[key] !== undefined) (this.config as unknown as Record<string, unknown>)[key] = patch[key];
			}
			return { status: 200, body: { ok: true } };
		});
		// What the dashboard's Integrations → Webhooks page does for the real service.
		server.controlRoute('POST', '/webhook', ({ body }) => {
			const target = (body ?? {}) as InfiniReachConfig['webhook'];
			this.config.webhook = target?.url ? target : undefined;
			this.webhooks.target = this.config.webhook;
			return { status: 200, body: { url: this.config.webhook?.url ?? null, signed: !!this.config.webhook?.secret } };
		});
		// A message arriving on one of the devices: stored, and announced as message.inbound.
		server.controlRoute('POST', '/inbound', async ({ body }) => {
			const { from, to, text, channel = 'sms', signing = 'valid' } = (body ?? {}) as Record<string, string>;
			const deviceId = this.senderNumbers(channel).get(to);
			if (!E164.test(from ?? '') || !deviceId || !text) {
				return error(400, 'inbound needs from (E.164), to (a device number) and text');
			}
			// Inbound messages read "delivered", as in the seed's payload and history examples.
			const stored = this.store({
				direction: 'inbound',
				channel: channel as 'sms',
				e164From: from,
				e164To: to,
				body: text,
				status: 'delivered',
				deviceId,
			});
			const delivery = await this.webhooks.deliver('message.inbound', this.event('message.inbound', stored), signing as Signing);
			return { status: 200, body: { messageId: stored._id, delivery: delivery ?? null } };
		});
	}
}
