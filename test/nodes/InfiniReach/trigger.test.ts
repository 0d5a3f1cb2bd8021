import { createHmac } from 'crypto';

import { callWebhook, runWebhookMethod } from '../../harness/n8n';
import { API_KEY, BASE_URL, WEBHOOK_SECRET, serialized } from './fixtures';

const signedCredentials = { infiniReachApi: { apiKey: API_KEY, baseUrl: BASE_URL, webhookSecret: WEBHOOK_SECRET } };
const unsignedCredentials = { infiniReachApi: { apiKey: API_KEY, baseUrl: BASE_URL, webhookSecret: '' } };

const inbound = {
	event: 'message.inbound',
	timestamp: '2026-11-22T12:00:00.000Z',
	data: {
		messageId: 'm1',
		direction: 'inbound',
		from: '+14155550123',
		to: '+14155550100',
		body: 'STOP',
		deviceId: 'd1',
		timestamp: '2026-11-22T11:59:59.000Z',
		status: 'received',
	},
};
// Exactly as sent, spacing included: the signature covers these bytes.
const rawBody = JSON.stringify(inbound, null, 1);
const hmac = (body: string, encoding: 'hex' | 'base64' = 'hex', secret = WEBHOOK_SECRET) =>
	createHmac('sha256', secret).update(body).digest(encoding);

function trigger(parameters: Record<string, unknown> = {}, credentials = signedCredentials) {
	return { type: 'infiniReachTrigger', parameters: { events: ['message.inbound'], ...parameters }, credentials };
}

describe('InfiniReach Trigger', () => {
	it('starts the workflow for a correctly signed event, with the data flattened', async () => {
		const result = await callWebhook(trigger(), {
			body: rawBody,
			headers: { 'X-Webhook-Signature': hmac(rawBody) },
		});

		expect(result.statusCode).toBe(200);
		expect(result.started).toBe(true);
		expect(result.items.map((i) => i.json)).toEqual([
			{
				event: 'message.inbound',
				eventTimestamp: '2026-11-22T12:00:00.000Z',
				...inbound.data,
				payload: inbound,
				eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
			},
		]);
	});

	it('reads the raw body on demand when n8n has not kept it yet', async () => {
		const result = await callWebhook(trigger(), { body: rawBody, headers: { 'X-Webhook-Signature': hmac(rawBody) }, rawBody: 'onDemand' });
		expect(result.started).toBe(true);
	});

	it('refuses a signed delivery with 401 when n8n hands over no raw body, rather than checking re-serialised JSON', async () => {
		const compact = JSON.stringify(inbound);
		const result = await callWebhook(trigger(), { body: compact, headers: { 'X-Webhook-Signature': hmac(compact) }, rawBody: 'none' });

		expect([result.statusCode, result.started]).toEqual([401, false]);
		expect(result.responseBody).toEqual({ error: 'Webhook refused: n8n kept no raw request body, so the signature cannot be checked' });
	});

	it('takes unsigned deliveries without a raw body when no secret is set', async () => {
		const result = await callWebhook(trigger({}, unsignedCredentials), { body: rawBody, rawBody: 'none' });
		expect(result.started).toBe(true);
	});

	it('accepts a "sha256=" prefix on the signature', async () => {
		const result = await callWebhook(trigger(), {
			body: rawBody,
			headers: { 'x-webhook-signature': `sha256=${hmac(rawBody)}` },
		});
		expect(result.started).toBe(true);
	});

	it.each([
		['a missing signature', {}, 'missing signature'],
		['a wrong signature', { 'X-Webhook-Signature': hmac(rawBody, 'hex', 'another secret') }, 'signature does not match'],
		['a signature of other bytes', { 'X-Webhook-Signature': hmac(JSON.stringify(inbound)) }, 'signature does not match'],
		['a signature that is not hex', { 'X-Webhook-Signature': 'not-a-signature' }, 'signature is not hex'],
	])('answers 401 and starts nothing for %s', async (_name, headers, reason) => {
		const result = await callWebhook(trigger(), { body: rawBody, headers });

		expect(result.statusCode).toBe(401);
		expect(result.started).toBe(false);
		expect(result.responseBody).toEqual({ error: `Webhook refused: ${reason}` });
		expect(serialized(result)).not.toContain(WEBHOOK_SECRET);
	});

	it('follows the signature options: header name, algorithm and base64 encoding', async () => {
		const signature = createHmac('sha512', WEBHOOK_SECRET).update(rawBody).digest('base64');
		const options = { signature: { header: 'x-infini-reach-signature', algorithm: 'sha512', encoding: 'base64' } };

		const good = await callWebhook(trigger(options), { body: rawBody, headers: { 'X-Infini-Reach-Signature': signature } });
		const wrongHeader = await callWebhook(trigger(options), { body: rawBody, headers: { 'X-Webhook-Signature': signature } });

		expect(good.started).toBe(true);
		expect(wrongHeader.statusCode).toBe(401);
	});

	it('acknowledges events it does not listen to without starting the workflow', async () => {
		const delivered = JSON.stringify({ ...inbound, event: 'message.delivered' });
		const result = await callWebhook(trigger(), {
			body: delivered,
			headers: { 'X-Webhook-Signature': hmac(delivered) },
		});

		expect(result.statusCode).toBe(200);
		expect(result.started).toBe(false);
		expect(result.responseBody).toEqual({ received: true, started: false });
	});

	it('splits a batch into one item per wanted event', async () => {
		const batch = JSON.stringify([
			inbound,
			{ ...inbound, event: 'message.failed', data: { ...inbound.data, messageId: 'm2' } },
			{ ...inbound, event: 'device.offline', data: { deviceId: 'd1' } },
		]);
		const result = await callWebhook(trigger({ events: ['message.inbound', 'message.failed'] }), {
			body: batch,
			headers: { 'X-Webhook-Signature': hmac(batch) },
		});

		expect(result.items.map((i) => [i.json.event, i.json.messageId])).toEqual([
			['message.inbound', 'm1'],
			['message.failed', 'm2'],
		]);
	});

	it('without a Webhook Secret in the credential, accepts unsigned events', async () => {
		const result = await callWebhook(trigger({}, unsignedCredentials), { body: rawBody });
		expect(result.started).toBe(true);
	});

	it('registers nothing on activation: the URL is set in the dashboard', async () => {
		expect(await runWebhookMethod(trigger(), 'checkExists')).toBe(false);
		expect(await runWebhookMethod(trigger(), 'create')).toBe(true);
		expect(await runWebhookMethod(trigger(), 'delete')).toBe(true);
	});
});
