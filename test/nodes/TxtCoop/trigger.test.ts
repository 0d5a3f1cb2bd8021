import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { callWebhook, runWebhookMethod, testCredential } from '../../harness/n8n';
import { API_KEY, credentials, gateway } from './fixtures';

const events = ['message.received', 'relay.offline'];
const trigger = (staticData: IDataObject) => ({ type: 'txtCoopTrigger', parameters: { events }, credentials, staticData });

describe('txtcoop Trigger: registration', () => {
	it('registers its URL with a generated secret, keeps both, and unregisters on deactivation', async () => {
		const staticData: IDataObject = {};
		let registered: IDataObject = {};
		gateway().get('/api/v1/webhooks').reply(200, { data: [] });
		gateway()
			.post('/api/v1/webhooks', (b) => ((registered = b), true))
			.reply(201, { id: 'wh_1', url: 'x', events, enabled: true });

		expect(await runWebhookMethod(trigger(staticData), 'checkExists')).toBe(false);
		expect(await runWebhookMethod(trigger(staticData), 'create')).toBe(true);

		expect(registered).toEqual({
			url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:5678\/webhook\/.+\/webhook$/),
			events,
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(staticData['node:Gateway']).toEqual({ webhookId: 'wh_1', secret: registered.secret });

		gateway()
			.get('/api/v1/webhooks')
			.reply(200, { data: [{ id: 'wh_1', url: registered.url, events }] });
		expect(await runWebhookMethod(trigger(staticData), 'checkExists')).toBe(true);

		const removal = gateway().delete('/api/v1/webhooks/wh_1').reply(204);
		expect(await runWebhookMethod(trigger(staticData), 'delete')).toBe(true);
		expect(removal.isDone()).toBe(true);
		expect(staticData['node:Gateway']).toEqual({});
	});

	it('has its secret in place before txtcoop hears of the URL: a delivery during registration is verified', async () => {
		const staticData: IDataObject = {};
		let during: Awaited<ReturnType<typeof callWebhook>> | undefined;
		gateway()
			.post('/api/v1/webhooks')
			.reply(201, async (_uri, body) => {
				// txtcoop delivers at once, before it answers the registration.
				const text = JSON.stringify({ event: 'message.received', timestamp: 't', data: { id: 'msg_0', body: 'early' } });
				const signature = createHmac('sha256', (body as IDataObject).secret as string)
					.update(text)
					.digest('hex');
				during = await callWebhook(trigger(staticData), { body: text, headers: { 'X-Webhook-Signature': signature } });
				return { id: 'wh_1' };
			});

		expect(await runWebhookMethod(trigger(staticData), 'create')).toBe(true);

		expect([during?.statusCode, during?.started, during?.items[0]?.json.body]).toEqual([200, true, 'early']);
		expect(staticData['node:Gateway']).toEqual({ webhookId: 'wh_1', secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
	});

	it('keeps no secret when the registration fails', async () => {
		const staticData: IDataObject = {};
		gateway().post('/api/v1/webhooks').reply(400, { error: 'Bad Request', message: 'url must be https', statusCode: 400 });

		await expect(runWebhookMethod(trigger(staticData), 'create')).rejects.toThrow('txtcoop answered 400: url must be https');
		expect(staticData['node:Gateway']).toEqual({});
	});

	it('replaces a registration at its URL that it cannot verify (no secret of its own)', async () => {
		// The URL this trigger registers, learnt from a first registration.
		let url = '';
		gateway()
			.post('/api/v1/webhooks', (b) => ((url = b.url), true))
			.reply(201, { id: 'wh_tmp' });
		await runWebhookMethod(trigger({}), 'create');
		gateway()
			.get('/api/v1/webhooks')
			.reply(200, { data: [{ id: 'wh_old', url, events }] });
		const removal = gateway().delete('/api/v1/webhooks/wh_old').reply(200, {});

		expect(await runWebhookMethod(trigger({}), 'checkExists')).toBe(false);
		expect(removal.isDone()).toBe(true);
	});

	it('treats a registration that is already gone as removed', async () => {
		gateway().delete('/api/v1/webhooks/wh_gone').reply(404, { error: 'Not Found', message: 'Webhook not found', statusCode: 404 });

		expect(await runWebhookMethod(trigger({ 'node:Gateway': { webhookId: 'wh_gone', secret: 's' } }), 'delete')).toBe(true);
	});
});

describe('txtcoop Trigger: deliveries', () => {
	const secret = 'a'.repeat(64);
	const registeredData = () => ({ 'node:Gateway': { webhookId: 'wh_1', secret } });
	const payload = JSON.stringify({
		event: 'message.received',
		timestamp: '2026-11-22T12:00:00Z',
		data: { id: 'msg_9', from: '+14155550123', body: 'On my way', conversationId: 'conv_1' },
	});
	const sign = (body: string, key = secret) => createHmac('sha256', key).update(body).digest('hex');

	it('starts the workflow for a delivery signed with its secret', async () => {
		const result = await callWebhook(trigger(registeredData()), { body: payload, headers: { 'X-Webhook-Signature': sign(payload) } });

		expect(result.started).toBe(true);
		expect(result.items[0].json).toMatchObject({ event: 'message.received', id: 'msg_9', from: '+14155550123', body: 'On my way' });
	});

	it.each([
		['no signature', {}, 'missing signature'],
		['another secret', { 'X-Webhook-Signature': sign(payload, 'b'.repeat(64)) }, 'signature does not match'],
	])('answers 401 to %s and starts nothing', async (_name, headers, reason) => {
		const result = await callWebhook(trigger(registeredData()), { body: payload, headers });

		expect([result.statusCode, result.started, result.responseBody]).toEqual([401, false, { error: `Webhook refused: ${reason}` }]);
		expect(JSON.stringify(result)).not.toContain(secret);
	});

	it('answers 503 with Retry-After (which txtcoop retries) while it has no secret yet, and starts nothing', async () => {
		const result = await callWebhook(trigger({}), { body: payload, headers: { 'X-Webhook-Signature': sign(payload) } });

		expect([result.statusCode, result.started, result.headers['retry-after']]).toEqual([503, false, '5']);
		expect(result.responseBody).toEqual({ error: 'Webhook not ready: the trigger is still registering with txtcoop; retry shortly' });
	});

	it('acknowledges events it does not listen to', async () => {
		const sent = JSON.stringify({ event: 'message.sent', timestamp: 't', data: {} });
		const result = await callWebhook(trigger(registeredData()), { body: sent, headers: { 'X-Webhook-Signature': sign(sent) } });

		expect([result.statusCode, result.started, result.responseBody]).toEqual([200, false, { received: true, started: false }]);
	});
});

describe('Txtcoop API credential test', () => {
	it('reads the queue stats with the Bearer key', async () => {
		const scope = gateway().get('/api/v1/messages/queue/stats').reply(200, { pending: 0, processing: 0, failed: 0, deadLetter: 0 });

		const { error } = await testCredential('txtCoopApi', credentials.txtCoopApi);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('fails for a revoked key without echoing it', async () => {
		gateway()
			.get('/api/v1/messages/queue/stats')
			.times(2)
			.reply(401, { error: 'Unauthorized', message: 'API key revoked', statusCode: 401 });

		const { error } = await testCredential('txtCoopApi', credentials.txtCoopApi);

		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
