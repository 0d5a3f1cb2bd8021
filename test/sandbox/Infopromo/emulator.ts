// The Infopromo emulator: the API as docs/gateways/infopromo.md describes it, and no kinder; where that page says
// the gateway's documents are silent, each plausible answer is a mode of its config.
import { randomBytes } from 'crypto';

import { SandboxServer, type SandboxReply, type SandboxRequest } from '../http';

type Json = Record<string, unknown>;

export const SANDBOX_TOKEN = 'ip_sandbox_token_0123456789abcdef';

const TYPES = ['plain', 'unicode', 'voice', 'mms', 'whatsapp', 'viber', 'otp'];
const SCHEDULE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export interface InfopromoMessage {
	uid: string;
	to: string;
	from: string;
	message: string;
	sms_type: string;
	direction: 'outgoing' | 'incoming';
	send_by: 'api' | 'from' | 'to';
	status: string;
	created_at: string;
	schedule_time?: string;
	campaign_uid?: string;
}

export interface InfopromoConfig {
	tokens: string[];
	/** How errors are answered: as HTTP errors, or (as some hosts do) HTTP 200 with status "error". */
	errors: 'http' | 'ok200';
	/** `data` of a send, documented only as "sms reports with all details": a list, one record, or text. */
	sendAnswer: 'records' | 'record' | 'text';
	/** The list's order, which the documents do not give. */
	order: 'newestFirst' | 'oldestFirst';
	perPage: number;
	/** Contact lists (groups) by ID, for campaigns. */
	contactLists: Record<string, string[]>;
	/** The account's time zone: schedule times are read in it. */
	timezone: string;
	balance: number;
	/** Sandbox milliseconds per real second (schedules come sooner when smaller). */
	msPerSecond: number;
	/** Inbound messages there from the start: old news to a trigger that starts watching. */
	inbox: Array<{ from: string; text: string }>;
	/**
	 * Where the HTTP API style takes the token of a read (GET) besides the body, which the documents
	 * show and n8n cannot send: nowhere, a Bearer header (Laravel's token check), or the query string.
	 */
	httpReads: 'bodyOnly' | 'bearerToo' | 'queryToo';
	/** Whether a send takes several comma-separated recipients (gateways.md; the seed shows one number), or one only. */
	commaRecipients: 'accepted' | 'refused';
	/** Which paths the HTTP API style has: the v3 ones (balance, profile, campaigns too), or only SMS as seed 004 shows. */
	httpPaths: 'all' | 'smsOnly';
	/** What a list record carries of what the trigger reads, which the documents do not list: all, or no uid. */
	listRecords: 'full' | 'withoutUid';
	/** Whether the list honours `direction` (gateways.md) or, as a host might, lists every message with its direction. */
	directionFilter: 'honoured' | 'ignored';
}

export function defaultConfig(): InfopromoConfig {
	return {
		tokens: [SANDBOX_TOKEN],
		errors: 'http',
		sendAnswer: 'records',
		order: 'newestFirst',
		perPage: 25,
		contactLists: { '6065ecdc9184a': ['31612345001', '31612345002', '31612345003'] },
		timezone: 'UTC',
		balance: 1000,
		msPerSecond: 1000,
		inbox: [],
		// The documents put a read's token in its body, which n8n cannot send: no kinder by default.
		httpReads: 'bodyOnly',
		httpPaths: 'all',
		commaRecipients: 'accepted',
		listRecords: 'full',
		directionFilter: 'honoured',
	};
}

const uid = () => randomBytes(7).toString('hex').slice(0, 13);

/**
 * Infopromo (the "Ultimate SMS" platform) as its documents describe it: `/api/v3` with a Bearer token
 * and `/api/http` with `api_token` in the body or query, the `{status, data|message}` envelope, every
 * send type's checks, comma-separated recipients, scheduled sends, Laravel pagination, campaigns to
 * contact lists, balance and profile, and inbound messages it can be told to receive.
 */
export class InfopromoEmulator {
	readonly server: SandboxServer;
	config: InfopromoConfig;
	messages: InfopromoMessage[] = [];
	campaigns: Json[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(config: Partial<InfopromoConfig> = {}) {
		this.config = { ...defaultConfig(), ...config };
		this.server = new SandboxServer({
			name: 'Infopromo',
			redact: (headers) => {
				const auth = headers.authorization;
				return auth === undefined
					? headers
					: { ...headers, authorization: this.config.tokens.includes(auth.replace(/^Bearer\s+/i, '')) ? '<valid>' : '<invalid>' };
			},
			errorBody: (_status, message) => ({ status: 'error', message }),
			secretFields: ['api_token'],
		});
		for (const style of ['v3', 'http'] as const) this.routes(style);
		this.controlRoutes();
		this.server.onReset(() => this.clear());
		for (const { from, text } of this.config.inbox) this.receive(from, text);
	}

	async start(port = 0): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		this.clear();
		await this.server.stop();
	}

	/** Outgoing messages the platform sent (delivered), as the recipients' phones would count them. */
	sent(): InfopromoMessage[] {
		return this.messages.filter((m) => m.direction === 'outgoing' && m.status === 'Delivered');
	}

	private clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.messages = [];
		this.campaigns = [];
	}

	private error(status: number, message: string): SandboxReply {
		return { status: this.config.errors === 'ok200' ? 200 : status, body: { status: 'error', message } };
	}

	private ok(data: unknown): SandboxReply {
		return { status: 200, body: { status: 'success', data } };
	}

	/**
	 * v3: `Authorization: Bearer`. http: `api_token` in the JSON body, GETs included (seed 004); on a
	 * GET, which n8n sends without a body, a host may also take a Bearer header or the query (httpReads).
	 */
	private authed(style: 'v3' | 'http', request: SandboxRequest, handle: () => SandboxReply): SandboxReply {
		const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Json;
		const bearer = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
		const reads = request.method === 'GET' ? this.config.httpReads : 'bodyOnly';
		let token: string;
		if (style === 'v3') token = bearer;
		else if (body.api_token !== undefined) token = String(body.api_token);
		else if (reads === 'bearerToo') token = bearer;
		else if (reads === 'queryToo') token = String(request.query.api_token ?? '');
		else token = '';
		if (!this.config.tokens.includes(token)) return this.error(401, 'Unauthenticated.');
		return handle();
	}

	private route(style: 'v3' | 'http', method: string, path: string, handle: (request: SandboxRequest) => SandboxReply): void {
		this.server.route(method, `/api/${style}${path}`, (request) => {
			const documented = ['/sms', '/sms/send', '/sms/:uid'].includes(path);
			if (style === 'http' && this.config.httpPaths === 'smsOnly' && !documented) return this.error(404, 'Not Found');
			return this.authed(style, request, () => handle(request));
		});
	}

	// ---- sending ------------------------------------------------------------------------------------

	/** `Y-m-d H:i` in the account's time zone, as epoch milliseconds. */
	private scheduleMs(text: string): number | undefined {
		const match = SCHEDULE.exec(text);
		if (!match) return undefined;
		const [, y, m, d, h, min] = match.map(Number);
		const asUtc = Date.UTC(y, m - 1, d, h, min);
		// The zone's offset at that time, from how Intl writes it there.
		const written = new Date(asUtc).toLocaleString('en-US', { timeZone: this.config.timezone, hourCycle: 'h23' });
		const offset = Date.parse(`${written} UTC`) - asUtc;
		return asUtc - offset;
	}

	private checkSend(body: Json): string | undefined {
		if (typeof body.sender_id !== 'string' || !/^(\d{5,15}|[A-Za-z0-9]{1,11})$/.test(body.sender_id)) {
			return 'The sender id must be a phone number or an alphanumeric string of at most 11 characters.';
		}
		if (!TYPES.includes(String(body.type))) return `The selected type is invalid. Use one of: ${TYPES.join(', ')}.`;
		if (typeof body.message !== 'string' || !body.message.trim()) return 'The message field is required.';
		if (body.type === 'mms' && !/^https?:\/\//.test(String(body.media_url ?? '')))
			return 'The media url field is required when type is mms.';
		if (body.type === 'voice' && (!body.language || !body.gender)) return 'The language and gender fields are required when type is voice.';
		if (body.schedule_time !== undefined) {
			const at = this.scheduleMs(String(body.schedule_time));
			if (at === undefined) return 'The schedule time does not match the format Y-m-d H:i.';
			if (at <= Date.now() - 60_000) return 'The schedule time must be a date after now.';
		}
		return undefined;
	}

	private send(body: Json, recipients: string[], campaign?: string): InfopromoMessage[] {
		const now = new Date().toISOString();
		const at = body.schedule_time ? this.scheduleMs(String(body.schedule_time)) : undefined;
		const stored = recipients.map((to) => ({
			uid: uid(),
			to,
			from: String(body.sender_id),
			message: String(body.message),
			sms_type: String(body.type),
			direction: 'outgoing' as const,
			send_by: 'api' as const,
			status: at ? 'Scheduled' : 'Delivered',
			created_at: now,
			...(body.schedule_time ? { schedule_time: String(body.schedule_time) } : {}),
			...(campaign ? { campaign_uid: campaign } : {}),
		}));
		this.messages.push(...stored);
		this.config.balance -= stored.length;
		if (at) {
			const timer = setTimeout(
				() => {
					this.timers.delete(timer);
					for (const message of stored) message.status = 'Delivered';
				},
				Math.max(0, ((at - Date.now()) * this.config.msPerSecond) / 1000),
			);
			this.timers.add(timer);
		}
		return stored;
	}

	private sendAnswer(stored: InfopromoMessage[]): unknown {
		if (this.config.sendAnswer === 'text')
			return `Your message was successfully ${stored[0]?.status === 'Scheduled' ? 'scheduled' : 'delivered'}`;
		if (this.config.sendAnswer === 'record') return stored[0];
		return stored;
	}

	private page(list: InfopromoMessage[], query: Record<string, string>, path: string): SandboxReply {
		const page = Math.max(1, Number(query.page ?? 1) || 1);
		const per = this.config.perPage;
		const ordered = this.config.order === 'newestFirst' ? [...list].reverse() : list;
		const lastPage = Math.max(1, Math.ceil(ordered.length / per));
		const url = (n: number) => `${this.server.url}${path}?page=${n}`;
		return this.ok({
			current_page: page,
			data: ordered
				.slice((page - 1) * per, page * per)
				.map((record) =>
					this.config.listRecords === 'withoutUid' ? Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'uid')) : record,
				),
			first_page_url: url(1),
			from: (page - 1) * per + 1,
			last_page: lastPage,
			last_page_url: url(lastPage),
			next_page_url: page < lastPage ? url(page + 1) : null,
			path: `${this.server.url}${path}`,
			per_page: per,
			prev_page_url: page > 1 ? url(page - 1) : null,
			to: Math.min(page * per, ordered.length),
			total: ordered.length,
		});
	}

	private routes(style: 'v3' | 'http'): void {
		this.route(style, 'POST', '/sms/send', ({ body }) => {
			const fields = (body ?? {}) as Json;
			const recipients = String(fields.recipient ?? '')
				.split(',')
				.map((r) => r.trim())
				.filter(Boolean);
			if (recipients.length > 1 && this.config.commaRecipients === 'refused')
				return this.error(422, 'The recipient must be a valid number.');
			if (!recipients.length || recipients.some((r) => !/^\d{8,15}$/.test(r)))
				return this.error(422, 'The recipient must be one or more numbers, separated by commas.');
			const problem = this.checkSend(fields);
			if (problem) return this.error(422, problem);
			return this.ok(this.sendAnswer(this.send(fields, recipients)));
		});
		this.route(style, 'GET', '/sms/:uid', ({ query }) => {
			const found = this.messages.find((m) => m.uid === query.uid);
			return found ? this.ok(found) : this.error(404, 'SMS info not found');
		});
		this.route(style, 'GET', '/sms', ({ query }) => {
			const list = this.messages.filter(
				(m) =>
					(!query.direction ||
						this.config.directionFilter === 'ignored' ||
						(query.direction === 'api' ? m.send_by === 'api' : m.direction === query.direction)) &&
					(!query.sms_type || m.sms_type === query.sms_type) &&
					(!query.start_date || m.created_at.slice(0, 10) >= query.start_date) &&
					(!query.end_date || m.created_at.slice(0, 10) <= query.end_date),
			);
			return this.page(list, query, `/api/${style}/sms`);
		});
		this.route(style, 'POST', '/sms/campaign', ({ body }) => {
			const fields = (body ?? {}) as Json;
			const lists = String(fields.contact_list_id ?? '')
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean);
			const unknown = lists.find((id) => !this.config.contactLists[id]);
			if (!lists.length || unknown) return this.error(422, `The contact list ${unknown ?? ''} was not found.`.replace('  ', ' '));
			const problem = this.checkSend(fields);
			if (problem) return this.error(422, problem);
			const campaign = {
				uid: uid(),
				campaign_name: `API campaign ${this.campaigns.length + 1}`,
				status: fields.schedule_time ? 'scheduled' : 'delivered',
				contact_list_id: lists.join(','),
			};
			const recipients = [...new Set(lists.flatMap((id) => this.config.contactLists[id]))];
			const stored = this.send(fields, recipients, campaign.uid);
			this.campaigns.push({ ...campaign, total_recipients: stored.length });
			return this.ok({ ...campaign, total_recipients: stored.length });
		});
		this.route(style, 'GET', '/campaign/:uid/view', ({ query }) => {
			const found = this.campaigns.find((c) => c.uid === query.uid);
			if (!found) return this.error(404, 'Campaign not found');
			const messages = this.messages.filter((m) => m.campaign_uid === query.uid);
			return this.ok({
				...found,
				delivered: messages.filter((m) => m.status === 'Delivered').length,
				scheduled: messages.filter((m) => m.status === 'Scheduled').length,
			});
		});
		this.route(style, 'GET', '/balance', () => this.ok({ remaining_balance: `${this.config.balance} units`, expired_on: null }));
		this.route(style, 'GET', '/me', () =>
			this.ok({
				uid: 'sandbox-user',
				first_name: 'Sandbox',
				last_name: 'Account',
				email: 'sandbox@example.com',
				locale: 'en',
				timezone: this.config.timezone,
			}),
		);
	}

	/** A message arriving on the account's number: it shows in the incoming list. */
	private receive(from: string, text: string, to = '31600000000'): InfopromoMessage {
		const message: InfopromoMessage = {
			uid: uid(),
			to,
			from,
			message: text,
			sms_type: 'plain',
			direction: 'incoming',
			send_by: 'to',
			status: 'Delivered',
			created_at: new Date().toISOString(),
		};
		this.messages.push(message);
		return message;
	}

	private controlRoutes(): void {
		const s = this.server;
		s.controlRoute('GET', '/messages', () => ({ status: 200, body: { messages: this.messages } }));
		s.controlRoute('POST', '/config', ({ body }) => {
			const patch = (body ?? {}) as Partial<InfopromoConfig>;
			for (const key of [
				'errors',
				'sendAnswer',
				'order',
				'perPage',
				'contactLists',
				'timezone',
				'balance',
				'msPerSecond',
				'inbox',
				'httpReads',
				'httpPaths',
				'commaRecipients',
				'listRecords',
				'directionFilter',
			] as const) {
				if (patch[key] !== undefined) (this.config as unknown as Record<string, unknown>)[key] = patch[key];
			}
			return { status: 200, body: { ok: true } };
		});
		s.controlRoute('POST', '/inbound', ({ body }) => {
			const { from, to, text } = (body ?? {}) as Record<string, string>;
			if (!from || !text) return { status: 400, body: { error: 'inbound needs from and text' } };
			return { status: 200, body: { uid: this.receive(from, text, to).uid } };
		});
	}
}
