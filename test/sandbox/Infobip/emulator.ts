// The Infobip emulator: the API as docs/gateways/infobip.md describes it, and no kinder; where that page says
// the gateway's documents are silent, each plausible answer is a mode of its config.
import { randomBytes } from 'crypto';

import { SandboxServer, type SandboxReply, type SandboxRequest } from '../http';
import { WebhookSender, type Delivery, type Signing, type WebhookTarget } from '../webhooks';
import { CHANNELS, defaultConfig, PHONE_CHANNELS, type Bulk, type BulkStatus, type IbMessage, type InfobipConfig } from './state';

type Json = Record<string, unknown>;
interface Violation {
	property: string;
	violation: string;
}

const MAX_DAYS_AHEAD = 180;
const SEND_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;
const UNITS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600 };
const SPEED_UNITS: Record<string, number> = { MINUTE: 60, HOUR: 3600, DAY: 86_400 };

const legacyError = (status: number, messageId: string, text: string): SandboxReply => ({
	status,
	body: { requestError: { serviceException: { messageId, text } } },
});
const apiError = (
	status: number,
	description: string,
	violations: Violation[] = [],
	action = 'Check the syntax, violations and adjust the request.',
): SandboxReply => ({
	status,
	body: { errorCode: `E${status}`, description, action, violations, resources: [] },
});
const pending = { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' };
const rejected = { groupId: 5, groupName: 'REJECTED', id: 52, name: 'REJECTED_DESTINATION', description: 'Message rejected' };
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const id = () => randomBytes(10).toString('hex');

/**
 * Infobip's Messages API as its documents describe it: App keys, one request with many messages and
 * destinations, the schema's violations in Infobip's error shape, scheduled bulks that wait for
 * `sendAt` (reschedule, pause, resume, cancel), a sending speed limit, delivery and seen reports pushed
 * to each message's URL and handed out once when pulled, inbound messages, a balance, and 429 past a rate.
 */
export class InfobipEmulator {
	readonly server: SandboxServer;
	config: InfobipConfig;
	messages: IbMessage[] = [];
	bulks = new Map<string, Bulk>();
	/** Reports and inbound messages not pulled yet: Infobip hands each out once. */
	reports: Json[] = [];
	inbound: Json[] = [];
	readonly deliveries: Delivery[] = [];
	private readonly requestTimes = new Map<string, number[]>();
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(config: Partial<InfobipConfig> = {}) {
		this.config = { ...defaultConfig(), ...config };
		this.server = new SandboxServer({
			name: 'Infobip',
			redact: (headers) => {
				const auth = headers.authorization;
				return auth === undefined ? headers : { ...headers, authorization: this.keyOf(auth) ? '<valid>' : '<invalid>' };
			},
			errorBody: (status, message) => apiError(status, message).body,
		});
		this.routes();
		this.controlRoutes();
		this.server.onReset(() => this.clear());
	}

	async start(port = 0): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		this.clear();
		await this.server.stop();
	}

	/** Messages Infobip sent (delivered or not), as the recipients' phones would count them. */
	sent(): IbMessage[] {
		return this.messages.filter((message) => message.sentAt);
	}

	private clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.messages = [];
		this.bulks.clear();
		this.reports = [];
		this.inbound = [];
		this.deliveries.length = 0;
		this.requestTimes.clear();
	}

	private later(ms: number, run: () => void): void {
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				run();
			},
			Math.max(0, ms),
		);
		this.timers.add(timer);
	}

	/** Real milliseconds for a span of the sandbox's (possibly quickened) clock. */
	private scaled(ms: number): number {
		return (ms * this.config.msPerSecond) / 1000;
	}

	private keyOf(header: string): string | undefined {
		const match = /^App\s+(.+)$/.exec(header.trim());
		return match && this.config.apiKeys.includes(match[1]) ? match[1] : undefined;
	}

	private authed(request: SandboxRequest, handle: () => SandboxReply): SandboxReply {
		const key = this.keyOf(request.headers.authorization ?? '');
		if (!key) return legacyError(401, 'UNAUTHORIZED', 'Invalid login details');
		const now = Date.now();
		const { limit, windowMs } = this.config.rateLimit;
		const times = (this.requestTimes.get(key) ?? []).filter((t) => t > now - windowMs);
		this.requestTimes.set(key, times);
		if (times.length >= limit) return legacyError(429, 'TOO_MANY_REQUESTS', 'Too many requests');
		times.push(now);
		return handle();
	}

	private route(method: string, path: string, handle: (request: SandboxRequest) => SandboxReply): void {
		this.server.route(method, path, (request) => this.authed(request, () => handle(request)));
	}

	// ---- sending ------------------------------------------------------------------------------------

	/** The schema's violations, with Infobip's property paths (`messages[0].destinations[1].to`). */
	private violations(body: unknown): Violation[] {
		const found: Violation[] = [];
		const add = (property: string, violation: string): void => {
			found.push({ property, violation });
		};
		if (!isObject(body) || !Array.isArray(body.messages) || !body.messages.length)
			return [{ property: 'messages', violation: 'must not be empty' }];
		body.messages.forEach((message: unknown, m: number) => {
			const at = `messages[${m}]`;
			if (!isObject(message)) {
				add(at, 'must be an object');
				return;
			}
			if (!CHANNELS.includes(String(message.channel))) add(`${at}.channel`, `must be one of ${CHANNELS.join(', ')}`);
			if (typeof message.sender !== 'string' || !message.sender) add(`${at}.sender`, 'must not be blank');
			if (!Array.isArray(message.destinations) || !message.destinations.length) add(`${at}.destinations`, 'must not be empty');
			const failover = Array.isArray(message.failover) ? message.failover.filter(isObject) : [];
			const channels = [message.channel, ...failover.map((step) => step.channel)].map(String);
			(Array.isArray(message.destinations) ? message.destinations : []).forEach((destination: unknown, d: number) => {
				const where = `${at}.destinations[${d}]`;
				const checkTo = (to: unknown, channel: string, path: string) => {
					if (typeof to !== 'string' || !to) add(path, 'must not be blank');
					else if (PHONE_CHANNELS.includes(channel) && !/^\d{6,15}$/.test(to)) add(path, 'is not a valid phone number');
				};
				// Seed 002: a To Destination, or (required with failover) a Channels Destination, one address per channel.
				const byChannel =
					isObject(destination) && Array.isArray(destination.byChannel) ? destination.byChannel.filter(isObject) : undefined;
				if (byChannel) {
					byChannel.forEach((entry, c) => checkTo(entry.to, String(entry.channel), `${where}.byChannel[${c}].to`));
					const named = byChannel.map((entry) => String(entry.channel));
					if (new Set(named).size !== named.length) add(`${where}.byChannel`, 'must have one destination per channel');
					const missing = channels.filter((channel) => !named.includes(channel));
					if (missing.length) add(`${where}.byChannel`, `must name a destination for ${missing.join(', ')}`);
				} else if (failover.length) {
					add(where, 'must be a Channels Destination (byChannel) when the message has failover');
				} else {
					checkTo(isObject(destination) ? destination.to : undefined, String(message.channel), `${where}.to`);
				}
				const messageId = isObject(destination) ? destination.messageId : undefined;
				if (messageId !== undefined && (typeof messageId !== 'string' || messageId.length > 200))
					add(`${at}.destinations[${d}].messageId`, 'size must be between 0 and 200');
			});
			const content = isObject(message.content) ? message.content : undefined;
			const contentBody = content && isObject(content.body) ? content.body : undefined;
			if (!contentBody || typeof contentBody.type !== 'string') add(`${at}.content.body`, 'must not be null');
			else if (contentBody.type === 'TEXT' && (typeof contentBody.text !== 'string' || !contentBody.text))
				add(`${at}.content.body.text`, 'must not be blank');
			else if (contentBody.type === 'IMAGE' && (this.config.imageShape === 'header' || typeof contentBody.url !== 'string'))
				add(`${at}.content.body`, this.config.imageShape === 'header' ? 'type IMAGE is not supported here' : 'url must not be blank');
			const header = content && isObject(content.header) ? content.header : undefined;
			if (header?.type === 'IMAGE' && (this.config.imageShape === 'body' || typeof header.url !== 'string'))
				add(`${at}.content.header`, this.config.imageShape === 'body' ? 'type IMAGE is not supported here' : 'url must not be blank');
			// Seed 002: a button's type, text and postbackData are all required.
			(content && Array.isArray(content.buttons) ? content.buttons : []).forEach((button: unknown, b: number) => {
				for (const field of ['type', 'text', 'postbackData'])
					if (!isObject(button) || typeof button[field] !== 'string' || !button[field])
						add(`${at}.content.buttons[${b}].${field}`, 'must not be blank');
			});
			const validity = isObject(message.options) && isObject(message.options.validityPeriod) ? message.options.validityPeriod : undefined;
			if (validity && !(Number(validity.amount) * (UNITS[String(validity.timeUnit ?? 'MINUTES')] ?? NaN) >= 10)) {
				add(`${at}.options.validityPeriod`, 'must be at least 10 seconds');
			}
		});
		const options = isObject(body.options) ? body.options : {};
		const schedule = isObject(options.schedule) ? options.schedule : {};
		// Seed 002 has it under options.schedule; beside it, it is no field of the request.
		if (options.sendingSpeedLimit !== undefined)
			add('options.sendingSpeedLimit', 'is not a field of options: it belongs in options.schedule');
		const speed = schedule.sendingSpeedLimit;
		if (speed !== undefined && (!isObject(speed) || !Number.isInteger(speed.amount) || Number(speed.amount) < 1))
			add('options.schedule.sendingSpeedLimit.amount', 'must be a whole number of 1 or more');
		if (schedule.bulkId !== undefined && (typeof schedule.bulkId !== 'string' || schedule.bulkId.length > 100))
			add('options.schedule.bulkId', 'size must be between 0 and 100');
		if (schedule.sendAt !== undefined) {
			const at = Date.parse(String(schedule.sendAt).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
			if (!SEND_AT.test(String(schedule.sendAt)) || Number.isNaN(at))
				add('options.schedule.sendAt', "must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ");
			else if (at > Date.now() + MAX_DAYS_AHEAD * 86_400_000)
				add('options.schedule.sendAt', `must be at most ${MAX_DAYS_AHEAD} days ahead`);
		}
		return found;
	}

	private send(request: SandboxRequest, validateOnly: boolean): SandboxReply {
		const violations = this.violations(request.body);
		if (violations.length) return apiError(400, 'Request cannot be processed.', violations);
		if (validateOnly) return { status: 200, body: { description: 'Request is valid.' } };
		const body = request.body as Json;
		const options = isObject(body.options) ? body.options : {};
		const schedule = isObject(options.schedule) ? options.schedule : {};
		const bulkId = typeof schedule.bulkId === 'string' && schedule.bulkId ? schedule.bulkId : id();
		if (this.bulks.has(bulkId))
			return apiError(400, 'Request cannot be processed.', [{ property: 'options.schedule.bulkId', violation: 'must be unique' }]);
		const speed = isObject(schedule.sendingSpeedLimit) ? schedule.sendingSpeedLimit : undefined;
		const bulk: Bulk = {
			bulkId,
			status: 'PENDING',
			messageIds: [],
			...(typeof schedule.sendAt === 'string' ? { sendAt: schedule.sendAt } : {}),
			...(speed ? { perMs: Number(speed.amount) / (1000 * (SPEED_UNITS[String(speed.timeUnit ?? 'MINUTE')] ?? 60)) } : {}),
		};
		const answers: Json[] = [];
		for (const message of body.messages as Json[]) {
			const content = message.content as Json;
			const webhooks = isObject(message.webhooks) ? message.webhooks : {};
			for (const given of message.destinations as Json[]) {
				// A Channels Destination goes first to its address on the message's own channel.
				const byChannel = Array.isArray(given.byChannel) ? (given.byChannel as Json[]) : undefined;
				const destination = byChannel
					? { messageId: given.messageId, to: byChannel.find((entry) => entry.channel === message.channel)?.to }
					: given;
				if (this.config.statusAnswer === 'rejected' || this.config.rejectedNumbers.includes(String(destination.to))) {
					answers.push({ messageId: destination.messageId ?? id(), status: rejected, destination: String(destination.to) });
					continue;
				}
				const stored: IbMessage = {
					messageId: typeof destination.messageId === 'string' && destination.messageId ? destination.messageId : id(),
					bulkId,
					channel: String(message.channel),
					sender: String(message.sender),
					to: String(destination.to),
					text: String((content.body as Json).text ?? ''),
					status: 'PENDING',
					...(typeof webhooks.callbackData === 'string' ? { callbackData: webhooks.callbackData } : {}),
					...(isObject(webhooks.delivery) ? { deliveryUrl: String(webhooks.delivery.url) } : {}),
					...(isObject(webhooks.seen) ? { seenUrl: String(webhooks.seen.url) } : {}),
				};
				this.messages.push(stored);
				bulk.messageIds.push(stored.messageId);
				answers.push({
					messageId: stored.messageId,
					...(this.config.statusAnswer === 'none' ? {} : { status: pending }),
					destination: stored.to,
				});
			}
		}
		this.bulks.set(bulkId, bulk);
		this.plan(bulk);
		return { status: 200, body: { bulkId, messages: answers } };
	}

	/** Starts the bulk at its sendAt (now when unscheduled), at its speed limit. */
	private plan(bulk: Bulk): void {
		const at = bulk.sendAt ? Date.parse(bulk.sendAt.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Date.now();
		const token = `${bulk.sendAt ?? 'now'}`;
		this.later(this.scaled(at - Date.now()), () => {
			if (bulk.status !== 'PENDING' || (bulk.sendAt ?? 'now') !== token) return;
			bulk.status = 'PROCESSING';
			this.work(bulk, 0);
		});
	}

	private work(bulk: Bulk, from: number): void {
		if (bulk.status !== 'PROCESSING') return;
		const batch = bulk.perMs ? Math.max(1, Math.floor(bulk.perMs * 100)) : bulk.messageIds.length;
		for (const messageId of bulk.messageIds.slice(from, from + batch)) this.deliver(this.messages.find((m) => m.messageId === messageId)!);
		const next = from + batch;
		if (next >= bulk.messageIds.length) bulk.status = 'FINISHED';
		else this.later(this.scaled(bulk.perMs ? batch / bulk.perMs : 0), () => this.work(bulk, next));
	}

	private deliver(message: IbMessage): void {
		if (message.status !== 'PENDING') return;
		const now = new Date().toISOString();
		const failed = this.config.failingNumbers.includes(message.to);
		message.sentAt = now;
		message.doneAt = now;
		message.status = failed ? 'UNDELIVERABLE' : 'DELIVERED';
		this.config.balance = Math.round((this.config.balance - this.config.pricePerMessage) * 10_000) / 10_000;
		const report = {
			event: 'DELIVERY',
			bulkId: message.bulkId,
			messageId: message.messageId,
			channel: message.channel,
			sender: message.sender,
			destination: message.to,
			sentAt: now,
			doneAt: now,
			messageCount: 1,
			...(message.callbackData ? { callbackData: message.callbackData } : {}),
			price: { pricePerMessage: this.config.pricePerMessage, currency: 'EUR' },
			status: failed
				? { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED', description: 'Message sent not delivered' }
				: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
			error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
		};
		const target = message.deliveryUrl ? this.messageTarget(message.deliveryUrl) : this.config.subscription;
		if (target) void this.push(target, { results: [report] });
		else this.reports.push(report);
	}

	/** Posts `{results}` as Infobip does, signed with the target's security profile (HMAC or Basic). */
	async push(target: WebhookTarget, payload: Json, signing: Signing = 'valid'): Promise<Delivery | undefined> {
		const sender = new WebhookSender();
		sender.target = target;
		const delivery = await sender.deliver(String((payload.results as Json[])[0]?.event ?? 'push'), payload, signing);
		if (delivery) this.deliveries.push(delivery);
		return delivery;
	}

	/** A URL given with a message: signed with the account's security profile secret. */
	private messageTarget(url: string): WebhookTarget {
		return { url, secret: this.config.pushSecret };
	}

	// ---- routes -------------------------------------------------------------------------------------

	private pull(list: Json[], query: Record<string, string>, match: (entry: Json) => boolean): SandboxReply | Json[] {
		const limit = query.limit === undefined ? 50 : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
			return apiError(400, 'Request cannot be processed.', [{ property: 'limit', violation: 'must be between 1 and 1000' }]);
		const taken = list.filter(match).slice(0, limit);
		for (const entry of taken) list.splice(list.indexOf(entry), 1);
		return taken;
	}

	private bulk(query: Record<string, string>): Bulk | SandboxReply {
		return this.bulks.get(query.bulkId ?? '') ?? legacyError(404, 'NOT_FOUND', `Bulk ${query.bulkId ?? ''} not found`);
	}

	private routes(): void {
		this.route('POST', '/messages-api/1/messages', (r) => this.send(r, false));
		this.route('POST', '/messages-api/1/messages/validate', (r) => this.send(r, true));
		this.route('GET', '/messages-api/1/reports', ({ query }) => {
			const taken = this.pull(
				this.reports,
				query,
				(r) =>
					(!query.bulkId || r.bulkId === query.bulkId) &&
					(!query.messageId || r.messageId === query.messageId) &&
					(!query.channel || r.channel === query.channel),
			);
			if (!Array.isArray(taken)) return taken;
			return { status: 200, body: !taken.length && this.config.emptyPull === 'emptyObject' ? {} : { results: taken } };
		});
		this.route('GET', '/messages-api/1/inbound', ({ query }) => {
			const taken = this.pull(this.inbound, query, (m) => !query.channel || m.channel === query.channel);
			return Array.isArray(taken)
				? { status: 200, body: { results: taken, messageCount: taken.length, pendingMessageCount: this.inbound.length } }
				: taken;
		});
		this.route('GET', '/messages-api/1/bulks', ({ query }) => {
			const bulk = this.bulk(query);
			return 'bulkId' in bulk ? { status: 200, body: { bulkId: bulk.bulkId, sendAt: bulk.sendAt ?? null } } : bulk;
		});
		this.route('PUT', '/messages-api/1/bulks', ({ query, body }) => {
			const bulk = this.bulk(query);
			if (!('bulkId' in bulk)) return bulk;
			const sendAt = isObject(body) ? body.sendAt : undefined;
			if (typeof sendAt !== 'string' || !SEND_AT.test(sendAt))
				return apiError(400, 'Request cannot be processed.', [
					{ property: 'sendAt', violation: "must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ" },
				]);
			if (bulk.status !== 'PENDING' && bulk.status !== 'PAUSED')
				return apiError(400, `Bulk ${bulk.bulkId} is ${bulk.status} and can no longer be rescheduled.`);
			bulk.sendAt = sendAt;
			if (bulk.status === 'PENDING') this.plan(bulk);
			return { status: 200, body: { bulkId: bulk.bulkId, sendAt } };
		});
		this.route('GET', '/messages-api/1/bulks/status', ({ query }) => {
			const bulk = this.bulk(query);
			return 'bulkId' in bulk ? { status: 200, body: { bulkId: bulk.bulkId, status: bulk.status } } : bulk;
		});
		this.route('PUT', '/messages-api/1/bulks/status', ({ query, body }) => {
			const bulk = this.bulk(query);
			if (!('bulkId' in bulk)) return bulk;
			const wanted = (isObject(body) ? body.status : undefined) as BulkStatus | undefined;
			if (!wanted || !['PAUSED', 'PROCESSING', 'CANCELED'].includes(wanted)) {
				return apiError(400, 'Request cannot be processed.', [
					{ property: 'status', violation: 'must be one of PAUSED, PROCESSING, CANCELED' },
				]);
			}
			if (bulk.status === 'FINISHED' || bulk.status === 'CANCELED')
				return apiError(400, `Bulk ${bulk.bulkId} is ${bulk.status} and can no longer change.`);
			if (wanted === 'CANCELED') {
				bulk.status = 'CANCELED';
				for (const message of this.messages)
					if (message.bulkId === bulk.bulkId && message.status === 'PENDING') message.status = 'CANCELED';
			} else if (wanted === 'PAUSED') {
				bulk.status = 'PAUSED';
			} else if (bulk.status === 'PAUSED') {
				// Resumed: pending again, due at its sendAt (or now, when that has passed).
				bulk.status = 'PENDING';
				this.plan(bulk);
			}
			return { status: 200, body: { bulkId: bulk.bulkId, status: bulk.status } };
		});
		this.route('GET', '/account/1/balance', () => ({ status: 200, body: { balance: this.config.balance, currency: 'EUR' } }));
	}

	private controlRoutes(): void {
		const s = this.server;
		s.controlRoute('GET', '/messages', () => ({ status: 200, body: { messages: this.messages } }));
		s.controlRoute('GET', '/bulks', () => ({ status: 200, body: { bulks: [...this.bulks.values()] } }));
		s.controlRoute('GET', '/deliveries', () => ({ status: 200, body: { deliveries: this.deliveries } }));
		s.controlRoute('POST', '/config', ({ body }) => {
			const patch = (body ?? {}) as Partial<InfobipConfig>;
			for (const key of [
				'rateLimit',
				'msPerSecond',
				'failingNumbers',
				'rejectedNumbers',
				'statusAnswer',
				'emptyPull',
				'imageShape',
				'pricePerMessage',
				'balance',
				'subscription',
				'pushSecret',
			] as const) {
				if (patch[key] !== undefined) (this.config as unknown as Record<string, unknown>)[key] = patch[key];
			}
			return { status: 200, body: { ok: true } };
		});
		// A message arriving on one of the account's numbers: pushed to the subscription, or kept for a pull.
		s.controlRoute('POST', '/inbound', async ({ body }) => {
			const { from, to, text, channel = 'SMS', signing = 'valid' } = (body ?? {}) as Record<string, string>;
			if (!from || !to || !text) return { status: 400, body: { error: 'inbound needs from, to and text' } };
			const result = {
				event: 'MO',
				channel,
				sender: from,
				destination: to,
				content: [{ type: 'TEXT', text }],
				receivedAt: new Date().toISOString(),
				messageId: id(),
				pairedMessageId: null,
				callbackData: null,
				price: { pricePerMessage: 0, currency: 'EUR' },
			};
			const subscription = this.config.subscription;
			if (!subscription) {
				this.inbound.push(result);
				return { status: 200, body: { messageId: result.messageId, delivery: null } };
			}
			const delivery = await this.push(subscription, { results: [result] }, signing as Signing);
			return { status: 200, body: { messageId: result.messageId, delivery: delivery ?? null } };
		});
		// A recipient opening a message: a seen report to the message's seen URL.
		s.controlRoute('POST', '/seen', async ({ body }) => {
			const message = this.messages.find((m) => m.messageId === (body as Json | undefined)?.messageId);
			if (!message?.seenUrl) return { status: 404, body: { error: 'no such message, or it has no seen URL' } };
			const now = new Date().toISOString();
			const delivery = await this.push(this.messageTarget(message.seenUrl), {
				results: [
					{
						event: 'SEEN',
						messageId: message.messageId,
						bulkId: message.bulkId,
						channel: message.channel,
						sender: message.sender,
						destination: message.to,
						sentAt: message.sentAt,
						seenAt: now,
					},
				],
			});
			return { status: 200, body: { delivery: delivery ?? null } };
		});
	}
}
