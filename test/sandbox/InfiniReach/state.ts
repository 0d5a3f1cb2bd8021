export interface Device {
	id: string;
	name: string;
	status: 'online' | 'offline';
	simSlots: Array<{ phoneNumber: string; smsReady: boolean }>;
	/** WhatsApp instances answer for this number too. */
	whatsapp?: boolean;
}

export interface StoredMessage {
	_id: string;
	jobId: string;
	direction: 'inbound' | 'outbound';
	channel: 'sms' | 'whatsapp';
	e164From: string;
	e164To: string;
	body: string;
	status: 'queued' | 'sent' | 'delivered' | 'failed';
	deviceId: string;
	externalId?: string;
	/** The app's contact key as the send gave it (`group:<instanceId>:<id>@g.us`), matched to a contact row. */
	contactKey?: string;
	createdAt: string;
	updatedAt: string;
	/** Creation order, for a stable sort. */
	seq: number;
}

export interface InfiniReachConfig {
	apiKeys: string[];
	devices: Device[];
	/** Requests allowed per key in any window: "Message Sending 100 requests/minute". */
	rateLimit: RateLimit;
	/** How a send repeating an earlier externalId is answered: the docs say only that it is not sent twice. */
	duplicateAnswer: DuplicateAnswer;
	/** The bot filter in front of the API: refuses an empty or generic User-Agent with 403. */
	botFilter: boolean;
	/** Recipients whose messages fail instead of being delivered. */
	failingNumbers: string[];
	/** How long a message stays queued, then sent, before its final status. */
	stepMs: number;
	/** Registered in the dashboard for the real service; through the control endpoint here. */
	webhook?: { url: string; secret?: string; events?: string[] };
}

/**
 * What the docs leave open, as modes. `scope`: which requests count (every send request, or every
 * request of the key). `hint`: whether a 429 says when to retry (nothing is promised: none by default).
 */
export interface RateLimit {
	limit: number;
	windowMs: number;
	scope?: 'sends' | 'all';
	hint?: 'none' | 'header' | 'body' | 'both';
}

/** `conflict`: 409; `flagged`: 200 with `duplicate: true`; `silent`: 200 with the first answer again. */
export type DuplicateAnswer = 'conflict' | 'flagged' | 'silent';

export const SANDBOX_API_KEY = 'ir_sandbox_key_0123456789abcdef';

export function defaultConfig(): InfiniReachConfig {
	return {
		apiKeys: [SANDBOX_API_KEY],
		devices: [
			{
				id: 'device-pixel',
				name: 'Pixel 8',
				status: 'online',
				whatsapp: true,
				simSlots: [
					{ phoneNumber: '+15559876543', smsReady: true },
					{ phoneNumber: '+15559876544', smsReady: true },
				],
			},
			{ id: 'device-spare', name: 'Spare phone', status: 'offline', simSlots: [{ phoneNumber: '+15559870000', smsReady: true }] },
		],
		rateLimit: { limit: 100, windowMs: 60_000, scope: 'sends', hint: 'none' },
		duplicateAnswer: 'conflict',
		botFilter: true,
		failingNumbers: ['+15550000666'],
		stepMs: 100,
	};
}
