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
	status: 'queued' | 'sent' | 'delivered' | 'failed' | 'received';
	deviceId: string;
	externalId?: string;
	createdAt: string;
	updatedAt: string;
	/** Creation order, for a stable sort. */
	seq: number;
}

export interface InfiniReachConfig {
	apiKeys: string[];
	devices: Device[];
	/** Sends allowed per key in any window (100 per minute, as documented). */
	rateLimit: { limit: number; windowMs: number };
	/** Recipients whose messages fail instead of being delivered. */
	failingNumbers: string[];
	/** How long a message stays queued, then sent, before its final status. */
	stepMs: number;
	/** Registered in the dashboard for the real service; through the control endpoint here. */
	webhook?: { url: string; secret?: string; events?: string[] };
}

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
		rateLimit: { limit: 100, windowMs: 60_000 },
		failingNumbers: ['+15550000666'],
		stepMs: 100,
	};
}
