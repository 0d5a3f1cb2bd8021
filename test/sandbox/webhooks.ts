import { createHmac } from 'crypto';

/** How a delivery is signed: as the provider does, not at all, or with the wrong secret (for tests). */
export type Signing = 'valid' | 'none' | 'wrong';

export interface WebhookTarget {
	url: string;
	/** When set, deliveries carry a hex HMAC-SHA256 of the body in `header`. */
	secret?: string;
	header?: string;
	/** Only these events (all when empty). */
	events?: string[];
	/** A Basic security profile instead of a signature. */
	basic?: { username: string; password: string };
}

export interface Delivery {
	event: string;
	url: string;
	signing: Signing;
	status: number | null;
	error?: string;
	body: unknown;
	at: string;
}

/**
 * A delivery's bytes as a gateway might write them, never as a receiver would re-serialise them:
 * tab-indented, top-level keys in reverse order, non-ASCII text unescaped, a trailing newline. A
 * receiver that checks `JSON.stringify` of the parsed body instead of the raw bytes fails here.
 */
export function deliveryText(payload: unknown): string {
	const reordered =
		payload && typeof payload === 'object' && !Array.isArray(payload) ? Object.fromEntries(Object.entries(payload).reverse()) : payload;
	return `${JSON.stringify(reordered, null, '\t')}\n`;
}

/**
 * Posts events to a registered URL the way a gateway does. Signed independently of the package's
 * own signature code, so a bug there cannot hide behind the same bug here.
 */
export class WebhookSender {
	target?: WebhookTarget;
	readonly deliveries: Delivery[] = [];

	async deliver(event: string, payload: unknown, signing: Signing = 'valid'): Promise<Delivery | undefined> {
		const target = this.target;
		if (!target?.url) return undefined;
		if (target.events?.length && !target.events.includes(event)) return undefined;
		const text = deliveryText(payload);
		const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'gateway-sandbox' };
		const secret = signing === 'wrong' ? `${target.secret ?? ''}-not-the-secret` : target.secret;
		if (target.basic && signing !== 'none') {
			const password = signing === 'wrong' ? `${target.basic.password}-wrong` : target.basic.password;
			headers.Authorization = `Basic ${Buffer.from(`${target.basic.username}:${password}`).toString('base64')}`;
		} else if (secret && signing !== 'none') {
			headers[target.header ?? 'X-Webhook-Signature'] = createHmac('sha256', secret).update(text).digest('hex');
		}
		const delivery: Delivery = { event, url: target.url, signing, status: null, body: payload, at: new Date().toISOString() };
		this.deliveries.push(delivery);
		try {
			const response = await fetch(target.url, { method: 'POST', headers, body: text, signal: AbortSignal.timeout(5_000) });
			delivery.status = response.status;
			await response.arrayBuffer();
		} catch (error) {
			delivery.error = (error as Error).message;
		}
		return delivery;
	}
}
