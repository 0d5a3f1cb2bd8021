// The TxtCoop emulator: the API as docs/gateways/txtcoop.md describes it, and no kinder; where that page says
// the gateway's documents are silent, each plausible answer is a mode of its config.
import { createHash, randomBytes } from 'crypto';

import { SandboxServer, type SandboxReply, type SandboxRequest } from '../http';
import { WebhookSender, type Delivery, type Signing } from '../webhooks';
import { defaultConfig, type Attachment, type BulkJob, type CoopMessage, type Hook, type TxtCoopConfig } from './state';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GROUP = /^(?:(?:iMessage|SMS|any);[+-];)?chat[0-9A-Za-z-]+$|^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
const EVENTS = ['message.queued', 'message.sent', 'message.failed', 'message.received', 'relay.online', 'relay.offline'];

const error = (statusCode: number, kind: string, message: string): SandboxReply => ({
	status: statusCode,
	body: { error: kind, message, statusCode },
});
const badRequest = (message: string) => error(400, 'Bad Request', message);
const notFound = (what: string) => error(404, 'Not Found', `${what} not found`);
const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;
const isRecipient = (to: unknown): to is string => typeof to === 'string' && (E164.test(to) || EMAIL.test(to) || GROUP.test(to));
const isHttpUrl = (value: unknown) => {
	try {
		return typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
};

/** `page`/`limit` (1–100, default 20), in the envelope the config picks. */
function paginate<T>(all: T[], query: Record<string, string>, shape: TxtCoopConfig['lists']): SandboxReply {
	const page = query.page === undefined ? 1 : Number(query.page);
	const limit = query.limit === undefined ? 20 : Number(query.limit);
	if (!Number.isInteger(page) || page < 1) return badRequest('page must be a positive integer');
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) return badRequest('limit must be from 1 to 100');
	const data = shape === 'unpaged' ? all : all.slice((page - 1) * limit, page * limit);
	if (shape === 'bare') return { status: 200, body: data };
	if (shape !== 'paginated') return { status: 200, body: { data } };
	return {
		status: 200,
		body: { data, pagination: { page, limit, total: all.length, totalPages: Math.max(1, Math.ceil(all.length / limit)) } },
	};
}

/**
 * txtcoop as its docs describe it: Bearer keys, a priority send queue through the relays (queued →
 * sent → delivered, or failed after retries into the dead-letter queue), attachments it serves for
 * download, bulk jobs with per-recipient results, relays, conversations, a webhooks registry that
 * delivers signed events (retrying non-2xx answers), and 429 with Retry-After.
 */
export class TxtCoopEmulator {
	readonly server: SandboxServer;
	config: TxtCoopConfig;
	messages: CoopMessage[] = [];
	jobs: BulkJob[] = [];
	hooks: Hook[] = [];
	readonly deliveries: Delivery[] = [];
	private readonly requestTimes = new Map<string, number[]>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private ticker?: NodeJS.Timeout;
	private seq = 0;
	/** Storage on another origin, as signed links (S3-like): it refuses requests that also carry an Authorization header. */
	readonly storage = new SandboxServer({ name: 'txtcoop storage' });

	constructor(config: Partial<TxtCoopConfig> = {}) {
		this.config = { ...defaultConfig(), ...config };
		this.server = new SandboxServer({
			name: 'txtcoop',
			redact: (headers) => {
				const auth = headers.authorization;
				if (auth === undefined) return headers;
				return { ...headers, authorization: this.keyOf(auth) ? '<valid>' : '<invalid>' };
			},
			errorBody: (status, message) => error(status, 'Error', message).body,
		});
		this.routes();
		this.storageRoutes();
		this.server.onReset(() => this.clear());
	}

	async start(port = 0): Promise<string> {
		await this.storage.start();
		const url = await this.server.start(port);
		this.ticker = setInterval(() => this.tick(), this.config.stepMs);
		return url;
	}

	async stop(): Promise<void> {
		if (this.ticker) clearInterval(this.ticker);
		this.clear();
		await this.server.stop();
		await this.storage.stop();
	}

	sent(): CoopMessage[] {
		return this.messages.filter((m) => m.direction === 'sent');
	}

	private clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.messages = [];
		this.jobs = [];
		this.hooks = [];
		this.deliveries.length = 0;
		this.requestTimes.clear();
	}

	private keyOf(authorization: string | undefined): string | undefined {
		const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
		return key && this.config.apiKeys.includes(key) ? key : undefined;
	}

	private authed(request: SandboxRequest, handle: () => SandboxReply): SandboxReply {
		const key = this.keyOf(request.headers.authorization);
		if (!key) return error(401, 'Unauthorized', 'Invalid, revoked or expired API key');
		const { limit, windowMs } = this.config.rateLimit;
		const now = Date.now();
		const times = (this.requestTimes.get(key) ?? []).filter((t) => t > now - windowMs);
		this.requestTimes.set(key, times);
		if (times.length >= limit) {
			const wait = Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
			return { ...error(429, 'Too Many Requests', 'Rate limit exceeded'), headers: { 'Retry-After': String(wait) } };
		}
		times.push(now);
		return handle();
	}

	private route(method: string, path: string, handle: (request: SandboxRequest) => SandboxReply): void {
		this.server.route(method, path, (request) => this.authed(request, () => handle(request)));
	}

	// ---- messages -------------------------------------------------------------------------------

	private createMessage(fields: Partial<CoopMessage> & Pick<CoopMessage, 'to' | 'direction'>): CoopMessage {
		const now = new Date().toISOString();
		const message: CoopMessage = {
			id: id('msg'),
			from: this.config.relays[0].phoneNumbers[0],
			attachments: [],
			priority: 0,
			status: 'queued',
			attempts: 0,
			lastError: null,
			queuedAt: now,
			sentAt: null,
			deliveredAt: null,
			createdAt: now,
			seq: ++this.seq,
			...fields,
		};
		this.messages.push(message);
		return message;
	}

	private view(message: CoopMessage) {
		const { seq: _seq, attachments, ...rest } = message;
		return { ...rest, attachments: attachments.map(({ sourceUrl: _source, ...a }) => a) };
	}

	private send(request: SandboxRequest): SandboxReply {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const { to, attachments = [], priority = 0, fromNumber } = body;
		if (!isRecipient(to)) return badRequest('to must be an E.164 phone number, an Apple ID email or a group GUID');
		if (!Array.isArray(attachments) || attachments.length > 10) return badRequest('attachments must be an array of at most 10 URLs');
		if (!attachments.every(isHttpUrl)) return badRequest('attachments must be http(s) URLs');
		if ((typeof body.body !== 'string' || !body.body) && !attachments.length)
			return badRequest('body is required unless attachments is provided');
		if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100)
			return badRequest('priority must be from 0 to 100');
		const numbers = this.config.relays.flatMap((relay) => relay.phoneNumbers);
		if (fromNumber !== undefined && !numbers.includes(String(fromNumber))) return badRequest('fromNumber is not a registered phone number');

		const message = this.createMessage({
			direction: 'sent',
			to,
			body: typeof body.body === 'string' && body.body ? body.body : undefined,
			priority,
			...(fromNumber ? { from: String(fromNumber) } : {}),
		});
		message.attachments = (attachments as string[]).map((url) => this.attachment(message.id, url));
		void this.emit('message.queued', this.view(message));
		const { attachments: _a, ...created } = this.view(message);
		return { status: 201, body: created };
	}

	private attachment(messageId: string, sourceUrl: string): Attachment {
		const attachmentId = id('att');
		const fileName = decodeURIComponent(new URL(sourceUrl).pathname.split('/').pop() || 'file');
		const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
		const mimeType =
			{ jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', pdf: 'application/pdf' }[extension] ??
			'application/octet-stream';
		return {
			id: attachmentId,
			fileName,
			mimeType,
			size: Buffer.byteLength(this.fileBytes(sourceUrl)),
			sourceUrl,
			downloadUrl:
				this.config.attachments.host === 'storage'
					? `${this.storage.url}/bucket/${messageId}/${attachmentId}?signature=${createHash('sha256').update(attachmentId).digest('hex').slice(0, 16)}`
					: `${this.server.url}/files/${messageId}/${attachmentId}`,
		};
	}

	/** The sandbox cannot fetch the internet: a file's bytes stand in, derived from its URL. */
	private fileBytes(sourceUrl: string): Buffer {
		return Buffer.from(`sandbox copy of ${sourceUrl}\n`);
	}

	/** The relays work the queue: highest priority first, a few per step. */
	private tick(force = false): void {
		if (this.config.paused && !force) return;
		const now = new Date().toISOString();
		for (const message of this.messages.filter((m) => m.direction === 'sent' && m.status === 'sent')) {
			message.status = 'delivered';
			message.deliveredAt = now;
		}
		const queued = this.messages
			.filter((m) => m.direction === 'sent' && m.status === 'queued')
			.sort((a, b) => b.priority - a.priority || a.seq - b.seq)
			.slice(0, this.config.perStep);
		for (const message of queued) {
			message.attempts++;
			if (this.config.failingRecipients.includes(message.to)) {
				message.lastError = 'Recipient is not reachable on iMessage';
				if (message.attempts >= this.config.maxAttempts) {
					message.status = 'failed';
					void this.emit('message.failed', this.view(message));
				}
				continue;
			}
			message.status = 'sent';
			message.sentAt = now;
			void this.emit('message.sent', this.view(message));
		}
	}

	private queueStats() {
		const sent = this.messages.filter((m) => m.direction === 'sent');
		return {
			pending: sent.filter((m) => m.status === 'queued' && m.attempts === 0).length,
			processing: sent.filter((m) => m.status === 'sent').length,
			failed: sent.filter((m) => m.status === 'queued' && m.attempts > 0).length,
			deadLetter: sent.filter((m) => m.status === 'failed').length,
		};
	}

	// ---- bulk jobs, relays, conversations ----------------------------------------------------------

	private createJob(request: SandboxRequest): SandboxReply {
		const list = ((request.body ?? {}) as Record<string, unknown>).messages;
		if (!Array.isArray(list) || !list.length) return badRequest('messages must be a non-empty array of {to, body}');
		const bad = list.findIndex(
			(m) =>
				!isRecipient((m as Record<string, unknown>)?.to) ||
				typeof (m as Record<string, unknown>)?.body !== 'string' ||
				!(m as { body: string }).body,
		);
		if (bad >= 0) return badRequest(`messages[${bad}] needs a valid to and a body`);
		const job: BulkJob = { jobId: id('bulk'), createdAt: new Date().toISOString(), messageIds: [] };
		for (const entry of list as Array<{ to: string; body: string }>) {
			job.messageIds.push(this.createMessage({ direction: 'sent', to: entry.to, body: entry.body, jobId: job.jobId }).id);
		}
		this.jobs.push(job);
		return { status: 201, body: { jobId: job.jobId, status: 'processing', totalRecipients: list.length, createdAt: job.createdAt } };
	}

	private jobView(job: BulkJob) {
		const messages = job.messageIds.map((messageId) => this.messages.find((m) => m.id === messageId)!);
		const count = (status: string) => messages.filter((m) => m.status === status).length;
		const done = count('delivered') + count('failed');
		return {
			jobId: job.jobId,
			status: done === messages.length ? 'completed' : 'processing',
			totalRecipients: messages.length,
			progress: { queued: count('queued'), sent: count('sent'), delivered: count('delivered'), failed: count('failed') },
			createdAt: job.createdAt,
		};
	}

	private conversations() {
		const byParticipant = new Map<string, CoopMessage[]>();
		for (const message of this.messages) {
			const participant = message.direction === 'sent' ? message.to : message.from;
			byParticipant.set(participant, [...(byParticipant.get(participant) ?? []), message]);
		}
		return [...byParticipant.entries()].map(([participant, list]) => {
			const last = list[list.length - 1];
			return {
				id: `conv_${createHash('sha1').update(participant).digest('hex').slice(0, 12)}`,
				participants: [participant],
				messageCount: list.length,
				lastMessageAt: last.createdAt,
				lastMessage: last.body ?? null,
			};
		});
	}

	// ---- webhooks -------------------------------------------------------------------------------

	private hookView({ secret, ...hook }: Hook) {
		return { ...hook, signed: !!secret };
	}

	/** Each subscribed, enabled webhook gets the event, signed with its own secret; non-2xx is retried twice. */
	async emit(event: string, data: unknown, signing: Signing = 'valid'): Promise<Delivery[]> {
		const payload = { event, timestamp: new Date().toISOString(), data };
		const hooks = this.hooks.filter((hook) => hook.enabled && hook.events.includes(event));
		return await Promise.all(hooks.map(async (hook) => await this.deliver(hook, event, payload, signing, 0)));
	}

	private async deliver(hook: Hook, event: string, payload: unknown, signing: Signing, retry: number): Promise<Delivery> {
		const sender = new WebhookSender();
		sender.target = { url: hook.url, secret: hook.secret };
		const delivery = (await sender.deliver(event, payload, signing))!;
		this.deliveries.push(delivery);
		const ok = delivery.status !== null && delivery.status >= 200 && delivery.status < 300;
		if (!ok && retry < 2 && this.hooks.includes(hook)) {
			const timer = setTimeout(
				() => {
					this.timers.delete(timer);
					void this.deliver(hook, event, payload, signing, retry + 1);
				},
				this.config.stepMs * 2 ** (retry + 1),
			);
			this.timers.add(timer);
		}
		return delivery;
	}

	private saveHook(hook: Hook | undefined, body: Record<string, unknown>): SandboxReply {
		const url = body.url ?? hook?.url;
		const events = body.events ?? hook?.events;
		if (!isHttpUrl(url)) return badRequest('url must be an http(s) URL');
		if (!Array.isArray(events) || !events.length || !events.every((e) => EVENTS.includes(String(e)))) {
			return badRequest(`events must be a non-empty list of: ${EVENTS.join(', ')}`);
		}
		if (body.secret !== undefined && typeof body.secret !== 'string') return badRequest('secret must be a string');
		if (hook) {
			Object.assign(hook, { url, events, ...(body.secret !== undefined ? { secret: body.secret } : {}) });
			return { status: 200, body: this.hookView(hook) };
		}
		const created: Hook = {
			id: id('wh'),
			url: String(url),
			events: events as string[],
			secret: body.secret as string | undefined,
			enabled: true,
			createdAt: new Date().toISOString(),
		};
		this.hooks.push(created);
		return { status: 201, body: this.hookView(created) };
	}

	// ---- routes ---------------------------------------------------------------------------------

	private storageRoutes(): void {
		this.storage.route('GET', '/bucket/:messageId/:attachmentId', ({ query, headers }) => {
			if (headers.authorization) return { status: 400, body: { error: 'Only one auth mechanism allowed: the link is signed' } };
			const attachment = this.messages.find((x) => x.id === query.messageId)?.attachments.find((a) => a.id === query.attachmentId);
			const signature = createHash('sha256').update(query.attachmentId).digest('hex').slice(0, 16);
			if (!attachment || query.signature !== signature) return { status: 403, body: { error: 'Signature does not match' } };
			return { status: 200, raw: this.fileBytes(attachment.sourceUrl), headers: { 'Content-Type': attachment.mimeType } };
		});
	}

	private routes(): void {
		const find = <T>(list: T[], match: (entry: T) => boolean) => list.find(match);
		this.route('POST', '/api/v1/messages', (r) => this.send(r));
		this.route('GET', '/api/v1/messages', ({ query }) => {
			const participant = query.participant;
			const list = this.messages
				.filter((m) => !query.direction || m.direction === query.direction)
				.filter((m) => !participant || m.to === participant || m.from === participant)
				.sort((a, b) => b.seq - a.seq)
				.map((m) => this.view(m));
			return paginate(list, query, this.config.lists);
		});
		this.route('GET', '/api/v1/messages/queue/stats', () => ({ status: 200, body: this.queueStats() }));
		this.route('GET', '/api/v1/messages/bulk', ({ query }) =>
			paginate(
				[...this.jobs].reverse().map((job) => this.jobView(job)),
				query,
				this.config.lists,
			),
		);
		this.route('POST', '/api/v1/messages/bulk', (r) => this.createJob(r));
		this.route('GET', '/api/v1/messages/bulk/:jobId', ({ query }) => {
			const job = find(this.jobs, (j) => j.jobId === query.jobId);
			return job ? { status: 200, body: this.jobView(job) } : notFound('Bulk job');
		});
		this.route('GET', '/api/v1/messages/bulk/:jobId/results', ({ query }) => {
			const job = find(this.jobs, (j) => j.jobId === query.jobId);
			if (!job) return notFound('Bulk job');
			const results = job.messageIds.map((messageId) => {
				const m = this.messages.find((x) => x.id === messageId)!;
				return {
					to: m.to,
					messageId: m.id,
					status: m.status,
					error: m.status === 'failed' ? m.lastError : null,
					deliveredAt: m.deliveredAt,
				};
			});
			const { page, limit, ...rest } = query;
			return paginate(results, { ...rest, ...(page ? { page } : {}), limit: limit ?? '100' }, this.config.lists);
		});
		this.route('GET', '/api/v1/messages/:id/status', ({ query }) => {
			const m = find(this.messages, (x) => x.id === query.id);
			if (!m) return notFound('Message');
			const { id: messageId, status, attempts, lastError, queuedAt, sentAt, deliveredAt } = m;
			return { status: 200, body: { id: messageId, status, attempts, lastError, queuedAt, sentAt, deliveredAt } };
		});
		this.route('GET', '/api/v1/messages/:id/attachments', ({ query }) => {
			const m = find(this.messages, (x) => x.id === query.id);
			if (!m) return notFound('Message');
			const attachments = this.view(m).attachments;
			return { status: 200, body: { data: this.config.attachments.form === 'urls' ? attachments.map((a) => a.downloadUrl) : attachments } };
		});
		this.route('GET', '/files/:messageId/:attachmentId', ({ query }) => {
			const attachment = find(this.messages, (x) => x.id === query.messageId)?.attachments.find((a) => a.id === query.attachmentId);
			if (!attachment) return notFound('Attachment');
			return { status: 200, raw: this.fileBytes(attachment.sourceUrl), headers: { 'Content-Type': attachment.mimeType } };
		});
		this.route('GET', '/api/v1/relays', () => ({ status: 200, body: { data: this.config.relays } }));
		this.route('GET', '/api/v1/relays/:id', ({ query }) => {
			const relay = find(this.config.relays, (x) => x.id === query.id);
			return relay ? { status: 200, body: { data: relay } } : notFound('Relay');
		});
		this.route('GET', '/api/v1/conversations', ({ query }) => paginate(this.conversations(), query, this.config.lists));
		this.route('GET', '/api/v1/conversations/lookup', ({ query }) => ({
			status: 200,
			body: { data: this.conversations().filter((c) => c.participants.includes(query.participant)) },
		}));
		this.route('GET', '/api/v1/conversations/:id', ({ query }) => {
			const conversation = find(this.conversations(), (c) => c.id === query.id);
			return conversation ? { status: 200, body: conversation } : notFound('Conversation');
		});
		this.route('GET', '/api/v1/webhooks', () => ({ status: 200, body: { data: this.hooks.map((h) => this.hookView(h)) } }));
		this.route('POST', '/api/v1/webhooks', (r) => this.saveHook(undefined, (r.body ?? {}) as Record<string, unknown>));
		this.route('PUT', '/api/v1/webhooks/:id', (r) => {
			const hook = find(this.hooks, (h) => h.id === r.query.id);
			return hook ? this.saveHook(hook, (r.body ?? {}) as Record<string, unknown>) : notFound('Webhook');
		});
		this.route('DELETE', '/api/v1/webhooks/:id', ({ query }) => {
			const index = this.hooks.findIndex((h) => h.id === query.id);
			if (index < 0) return notFound('Webhook');
			this.hooks.splice(index, 1);
			return { status: 204 };
		});
		this.route('PATCH', '/api/v1/webhooks/:id/toggle', ({ query }) => {
			const hook = find(this.hooks, (h) => h.id === query.id);
			if (!hook) return notFound('Webhook');
			hook.enabled = !hook.enabled;
			return { status: 200, body: this.hookView(hook) };
		});
		this.controlRoutes();
	}

	private controlRoutes(): void {
		const s = this.server;
		// An iMessage arriving on one of the Macs.
		s.controlRoute('POST', '/inbound', async ({ body }) => {
			const { from, text, signing = 'valid' } = (body ?? {}) as Record<string, string>;
			if (!isRecipient(from) || !text) return { status: 400, body: { error: 'inbound needs from and text' } };
			const relay = this.config.relays[0];
			const message = this.createMessage({ direction: 'received', to: relay.phoneNumbers[0], from, body: text, status: 'received' });
			const deliveries = await this.emit('message.received', this.view(message), signing as Signing);
			return { status: 200, body: { messageId: message.id, deliveries } };
		});
		s.controlRoute('POST', '/relays/:id/:state', async ({ query }) => {
			const relay = this.config.relays.find((x) => x.id === query.id);
			if (!relay || !['online', 'offline'].includes(query.state)) return { status: 404, body: { error: 'No such relay or state' } };
			relay.status = query.state as 'online' | 'offline';
			relay.lastHeartbeat = new Date().toISOString();
			return { status: 200, body: { relay, deliveries: await this.emit(`relay.${relay.status}`, relay) } };
		});
		// One step of the relays, even while paused: lets a test watch the queue order.
		s.controlRoute('POST', '/step', () => {
			this.tick(true);
			return { status: 200, body: this.queueStats() };
		});
		s.controlRoute('GET', '/webhooks', () => ({ status: 200, body: { webhooks: this.hooks.map((h) => this.hookView(h)) } }));
		s.controlRoute('GET', '/deliveries', () => ({ status: 200, body: { deliveries: this.deliveries } }));
		s.controlRoute('GET', '/messages', () => ({ status: 200, body: { messages: this.messages.map((m) => this.view(m)) } }));
		s.controlRoute('POST', '/config', ({ body }) => {
			const patch = (body ?? {}) as Partial<TxtCoopConfig>;
			for (const key of ['rateLimit', 'failingRecipients', 'maxAttempts', 'perStep', 'paused', 'lists', 'attachments'] as const) {
				if (patch[key] !== undefined) (this.config as unknown as Record<string, unknown>)[key] = patch[key];
			}
			return { status: 200, body: { ok: true } };
		});
	}
}
