export interface Relay {
	id: string;
	name: string;
	status: 'online' | 'offline';
	lastHeartbeat: string;
	phoneNumbers: string[];
}

export interface Attachment {
	id: string;
	fileName: string;
	mimeType: string;
	size: number;
	sourceUrl: string;
	downloadUrl: string;
}

export interface CoopMessage {
	id: string;
	direction: 'sent' | 'received';
	to: string;
	from: string;
	body?: string;
	attachments: Attachment[];
	priority: number;
	status: 'queued' | 'sent' | 'delivered' | 'failed' | 'received';
	attempts: number;
	lastError: string | null;
	queuedAt: string;
	sentAt: string | null;
	deliveredAt: string | null;
	createdAt: string;
	jobId?: string;
	seq: number;
}

export interface BulkJob {
	jobId: string;
	createdAt: string;
	messageIds: string[];
}

export interface Hook {
	id: string;
	url: string;
	events: string[];
	secret?: string;
	enabled: boolean;
	createdAt: string;
}

export interface TxtCoopConfig {
	apiKeys: string[];
	relays: Relay[];
	/** Requests per key in any window; 429 with Retry-After past it (the limit is not published). */
	rateLimit: { limit: number; windowMs: number };
	/** Recipients whose sends fail every attempt and end in the dead-letter queue. */
	failingRecipients: string[];
	maxAttempts: number;
	/** One step of the send queue (and of webhook retries). */
	stepMs: number;
	/** Messages the relays send per step. */
	perStep: number;
	/** Relays busy: the queue waits (to line messages up in tests). */
	paused: boolean;
	/**
	 * The list envelope, which the docs call only "paginated": `{data, pagination}`, `{data}` or a bare
	 * array (both still paged), or `unpaged`: every entry at once, whatever page is asked for.
	 */
	lists: 'paginated' | 'dataOnly' | 'bare' | 'unpaged';
	/** Attachments as records or as plain download URLs, served by the API host or by separate storage. */
	attachments: { form: 'objects' | 'urls'; host: 'api' | 'storage' };
}

export const SANDBOX_KEY = 'brk_test_sandbox_key_0123456789';

export function defaultConfig(): TxtCoopConfig {
	const now = new Date().toISOString();
	return {
		apiKeys: [SANDBOX_KEY],
		relays: [
			{ id: 'relay_office', name: 'Office Mac mini', status: 'online', lastHeartbeat: now, phoneNumbers: ['+15555550100'] },
			{ id: 'relay_home', name: 'Home MacBook', status: 'offline', lastHeartbeat: now, phoneNumbers: ['+15555550101'] },
		],
		rateLimit: { limit: 300, windowMs: 60_000 },
		failingRecipients: ['+15550000666'],
		maxAttempts: 3,
		stepMs: 50,
		perStep: 25,
		paused: false,
		lists: 'paginated',
		attachments: { form: 'objects', host: 'api' },
	};
}
