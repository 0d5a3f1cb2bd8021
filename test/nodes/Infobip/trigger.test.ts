import { createHmac } from 'crypto';

import { callWebhook } from '../../harness/n8n';
import { credentials, WEBHOOK_SECRET } from './fixtures';

const delivery = {
	event: 'DELIVERY',
	channel: 'SMS',
	bulkId: 'b',
	messageId: 'm1',
	destination: '447491163443',
	status: { groupName: 'DELIVERED' },
	callbackData: 'order=1',
};
const seen = { event: 'SEEN', channel: 'WHATSAPP', messageId: 'm2', seenAt: '2026-11-23T10:00:00.000+0000' };
const inbound = {
	event: 'MO',
	channel: 'WHATSAPP',
	sender: '447491163443',
	destination: '447860099299',
	content: [{ type: 'TEXT', text: 'Is my order on its way?' }],
	messageId: 'mo1',
};
const raw = JSON.stringify({ results: [delivery, seen, inbound] }, null, 2);
const sign = (body: string, secret = WEBHOOK_SECRET) => createHmac('sha256', secret).update(body).digest('hex');

const trigger = (parameters: Record<string, unknown> = {}, creds = credentials) => ({
	type: 'infobipTrigger',
	parameters: { events: ['delivery', 'inbound'], ...parameters },
	credentials: creds,
});

describe('Infobip Trigger', () => {
	it('starts with one item per wanted result, flattened, the raw result kept, for a signed request', async () => {
		const result = await callWebhook(trigger(), { body: raw, headers: { 'X-Webhook-Signature': sign(raw) } });

		expect(result.started).toBe(true);
		expect(result.items.map((i) => i.json)).toEqual([
			{ ...delivery, event: 'delivery', result: delivery, eventId: expect.stringMatching(/^[0-9a-f]{32}$/) },
			{ ...inbound, event: 'inbound', text: 'Is my order on its way?', result: inbound, eventId: expect.stringMatching(/^[0-9a-f]{32}$/) },
		]);
	});

	it('filters by channel, and names events of older payloads by their fields', async () => {
		const old = JSON.stringify({
			results: [
				{ channel: 'SMS', messageId: 'x', status: {}, doneAt: 't' },
				{ channel: 'WHATSAPP', messageId: 'y', seenAt: 't' },
			],
		});
		const result = await callWebhook(trigger({ events: ['delivery', 'seen'], channels: ['WHATSAPP'] }), {
			body: old,
			headers: { 'X-Webhook-Signature': sign(old) },
		});

		expect(result.items.map((i) => [i.json.event, i.json.messageId])).toEqual([['seen', 'y']]);
	});

	it.each([
		['no signature', {}, 'missing signature'],
		['another secret', { 'X-Webhook-Signature': sign(raw, 'not-the-secret') }, 'signature does not match'],
	])('answers 401 to %s and starts nothing', async (_name, headers, reason) => {
		const result = await callWebhook(trigger(), { body: raw, headers });
		expect([result.statusCode, result.started, result.responseBody]).toEqual([401, false, { error: `Webhook refused: ${reason}` }]);
		expect(JSON.stringify(result)).not.toContain(WEBHOOK_SECRET);
	});

	it('refuses everything (401) when HMAC is chosen but the credential has no secret', async () => {
		const result = await callWebhook(trigger({}, { infobipApi: { ...credentials.infobipApi, webhookSecret: '' } }), { body: raw });
		expect([result.statusCode, result.started]).toEqual([401, false]);
	});

	it('checks Basic authorization instead when chosen', async () => {
		const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
		const good = await callWebhook(trigger({ verification: 'basicAuth' }), {
			body: raw,
			headers: { Authorization: basic('infobip', 'hook-pass') },
		});
		const bad = await callWebhook(trigger({ verification: 'basicAuth' }), {
			body: raw,
			headers: { Authorization: basic('infobip', 'guess') },
		});
		const none = await callWebhook(trigger({ verification: 'basicAuth' }), { body: raw });

		expect([good.started, bad.statusCode, none.statusCode]).toEqual([true, 401, 401]);
		expect(bad.responseBody).toEqual({ error: 'Webhook refused: Basic authorization does not match' });
	});

	it('acknowledges results it does not listen to', async () => {
		const only = JSON.stringify({ results: [seen] });
		const result = await callWebhook(trigger(), { body: only, headers: { 'X-Webhook-Signature': sign(only) } });
		expect([result.statusCode, result.started, result.responseBody]).toEqual([200, false, { received: true, started: false }]);
	});
});
