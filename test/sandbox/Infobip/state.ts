import type { WebhookTarget } from '../webhooks';

export const SANDBOX_KEY = 'ib_sandbox_key_0123456789abcdef';

export const CHANNELS = ['SMS', 'MMS', 'WHATSAPP', 'VIBER_BM', 'VIBER_BOT', 'RCS', 'APPLE_MB', 'INSTAGRAM_DM', 'LINE_ON', 'MESSENGER'];
/** Channels whose destinations are phone numbers. */
export const PHONE_CHANNELS = ['SMS', 'MMS', 'WHATSAPP', 'VIBER_BM', 'RCS'];

export type BulkStatus = 'PENDING' | 'PAUSED' | 'PROCESSING' | 'CANCELED' | 'FINISHED';

export interface IbMessage {
	messageId: string;
	bulkId: string;
	channel: string;
	sender: string;
	to: string;
	text: string;
	status: 'PENDING' | 'DELIVERED' | 'UNDELIVERABLE' | 'CANCELED';
	callbackData?: string;
	deliveryUrl?: string;
	seenUrl?: string;
	sentAt?: string;
	doneAt?: string;
}

export interface Bulk {
	bulkId: string;
	sendAt?: string;
	status: BulkStatus;
	messageIds: string[];
	/** `sendingSpeedLimit` in messages per millisecond of the emulator's clock. */
	perMs?: number;
}

export interface InfobipConfig {
	apiKeys: string[];
	/** Requests per key in any window: past it, 429 (Infobip publishes per-endpoint limits). */
	rateLimit: { limit: number; windowMs: number };
	/** Sandbox milliseconds per real second: 1000 = real time; smaller makes speed limits and schedules quicker. */
	msPerSecond: number;
	/** Destinations whose messages are undeliverable. */
	failingNumbers: string[];
	/**
	 * Destinations Infobip rejects when the request arrives: the answer gives their message status group 5
	 * (REJECTED, one of the groups the documents list) and nothing is sent to them.
	 */
	rejectedNumbers: string[];
	/**
	 * The status a send's answer gives each destination it takes, which the documents leave to the
	 * moment: PENDING (the usual), REJECTED for all of them, or none at all (an answer that says nothing).
	 */
	statusAnswer: 'pending' | 'rejected' | 'none';
	/** What a pull with nothing to hand out answers: `{"results": []}`, or `{}` (the documents show only a full answer). */
	emptyPull: 'results' | 'emptyObject';
	/** Where a message's image may go, which the seed does not show: an IMAGE body, an IMAGE header, or either. */
	imageShape: 'body' | 'header' | 'either';
	/** Each message costs this much. */
	pricePerMessage: number;
	balance: number;
	/** Where the account's subscription pushes inbound messages (and reports of messages without a URL of their own). */
	subscription?: WebhookTarget;
	/** The HMAC secret pushes to per-message URLs are signed with (a security profile). */
	pushSecret?: string;
}

export function defaultConfig(): InfobipConfig {
	return {
		apiKeys: [SANDBOX_KEY],
		rateLimit: { limit: 100, windowMs: 1_000 },
		msPerSecond: 1000,
		failingNumbers: ['15550000666'],
		rejectedNumbers: [],
		statusAnswer: 'pending',
		emptyPull: 'results',
		imageShape: 'either',
		pricePerMessage: 0.01,
		balance: 100,
	};
}
