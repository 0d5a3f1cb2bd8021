import axios, { type AxiosInstance } from 'axios';
import { createHmac } from 'crypto';

import { INFINIREACH_API_KEY, startSandbox, type Sandbox } from '../index';
import { startReceiver, type Received, type Receiver } from '../receiver';
import { waitUntil } from '../wait';

const send = { to: '+14155550123', message: 'hi', from: '+15559876543', channel: 'sms' };

describe('InfiniReach sandbox', () => {
	let sandbox: Sandbox;
	let api: AxiosInstance;
	let control: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ infiniReach: { stepMs: 5 } });
		api = axios.create({
			baseURL: sandbox.urls.infiniReach,
			headers: { 'X-API-Key': INFINIREACH_API_KEY, 'User-Agent': 'sandbox-tests/1.0' },
			validateStatus: () => true,
		});
		control = axios.create({ baseURL: `${sandbox.urls.infiniReach}/__sandbox`, validateStatus: () => true });
	});
	afterEach(async () => {
		await control.post('/reset');
		await control.post('/config', {
			rateLimit: { limit: 100, windowMs: 60_000, scope: 'sends', hint: 'none' },
			stepMs: 5,
			duplicateAnswer: 'conflict',
			botFilter: true,
		});
	});
	afterAll(async () => await sandbox.stop());

	it('refuses a missing or wrong key with the 401 envelope, and logs no key', async () => {
		const missing = await api.post('/api/v1/messages', send, { headers: { 'X-API-Key': '' } });
		const wrong = await api.get('/api/v1/messages', { headers: { 'X-API-Key': 'nope' } });
		expect([missing.status, missing.data]).toEqual([401, { success: false, error: 'Invalid or missing API key' }]);
		expect(wrong.status).toBe(401);
		const { data } = await control.get('/requests');
		expect(JSON.stringify(data)).not.toContain(INFINIREACH_API_KEY);
		expect(data.requests[1].headers['x-api-key']).toBe('<invalid>');
	});

	it.each([
		['an unknown channel', { channel: 'telegram' }, 'channel is required'],
		['a short number', { to: '1234' }, 'to must be an E.164'],
		['a group on SMS', { to: '120363043049692322@g.us' }, 'only be reached on the whatsapp channel'],
		['an empty message', { message: '' }, 'message is required'],
		['1601 characters', { message: 'x'.repeat(1601) }, 'at most 1600'],
		['no sender', { from: undefined }, 'from is required'],
		['an unregistered sender', { from: '+15550001111' }, 'from does not match a registered device'],
	])('rejects %s with a 400 that says why', async (_name, patch, reason) => {
		const response = await api.post('/api/v1/messages', { ...send, ...patch });
		expect(response.status).toBe(400);
		expect(response.data.error).toContain(reason);
	});

	it('accepts group contact keys on WhatsApp, sending to the group and keeping the key for the contact row', async () => {
		for (const to of ['group:69b605fdd822e2a741b3bd95:120363423156426110@g.us', '69b605fdd822e2a741b3bd95:120363043049692322@g.us']) {
			expect((await api.post('/api/v1/messages', { ...send, channel: 'whatsapp', to })).status).toBe(201);
		}
		expect(sandbox.infiniReach.outbound().map((m) => [m.e164To, m.contactKey])).toEqual([
			['120363423156426110@g.us', 'group:69b605fdd822e2a741b3bd95:120363423156426110@g.us'],
			['120363043049692322@g.us', '69b605fdd822e2a741b3bd95:120363043049692322@g.us'],
		]);
	});

	it('refuses an empty or generic User-Agent at its bot filter, and a POST that is not JSON', async () => {
		const none = await api.get('/api/v1/devices', { headers: { 'User-Agent': '' } });
		const library = await api.get('/api/v1/devices', { headers: { 'User-Agent': 'axios/1.13.2' } });
		const text = await api.post('/api/v1/messages', 'hi', { headers: { 'Content-Type': 'text/plain' } });
		expect([none.status, library.status, text.status]).toEqual([403, 403, 400]);
		expect(text.data.error).toBe('Content-Type must be application/json');
	});

	it.each([
		['conflict', 409, { success: false, error: 'Duplicate externalId: this message was already sent' }],
		['flagged', 200, { success: true, duplicate: true }],
		['silent', 201, { success: true }],
	])('sends once per externalId, answering a repeat as %s', async (mode, status, body) => {
		await control.post('/config', { duplicateAnswer: mode });
		const first = await api.post('/api/v1/messages', { ...send, externalId: 'order-1' });
		const again = await api.post('/api/v1/messages', { ...send, externalId: 'order-1' });
		expect(first.status).toBe(201);
		expect([again.status, again.data]).toEqual([status, expect.objectContaining(body)]);
		if (status !== 409) expect(again.data.messageId).toBe(first.data.messageId);
		expect(sandbox.infiniReach.outbound()).toHaveLength(1);
	});

	it.each([
		['none', undefined, undefined],
		['header', expect.stringMatching(/^[1-3]$/), undefined],
		['body', undefined, expect.any(Number)],
		['both', expect.stringMatching(/^[1-3]$/), expect.any(Number)],
	])('answers 429 past the limit, with a hint: %s', async (hint, header, retryAfter) => {
		await control.post('/config', { rateLimit: { limit: 2, windowMs: 3_000, hint } });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await api.post('/api/v1/messages', send)).status);
		const limited = await api.post('/api/v1/messages', send);
		expect(statuses).toEqual([201, 201, 429]);
		expect(limited.headers['retry-after']).toEqual(header);
		expect(limited.data).toEqual({ success: false, error: 'Rate limit exceeded', ...(retryAfter ? { retryAfter } : {}) });
		expect(sandbox.infiniReach.outbound()).toHaveLength(2);
	});

	it('counts every send request toward the limit, refused ones too; with scope "all", reads as well', async () => {
		await control.post('/config', { rateLimit: { limit: 2, windowMs: 3_000 } });
		const refused = await api.post('/api/v1/messages', { ...send, to: 'nope' });
		await api.get('/api/v1/messages');
		const accepted = await api.post('/api/v1/messages', send);
		const limited = await api.post('/api/v1/messages', send);
		expect([refused.status, accepted.status, limited.status]).toEqual([400, 201, 429]);

		await control.post('/reset');
		await control.post('/config', { rateLimit: { limit: 2, windowMs: 3_000, scope: 'all' } });
		const reads = [(await api.get('/api/v1/devices')).status, (await api.get('/api/v1/messages')).status];
		expect([...reads, (await api.post('/api/v1/messages', send)).status]).toEqual([200, 200, 429]);
	});

	it('moves messages queued → sent → delivered, or failed for failing numbers', async () => {
		await control.post('/config', { stepMs: 300 });
		const ok = await api.post('/api/v1/messages', send);
		const bad = await api.post('/api/v1/messages', { ...send, to: '+15550000666' });
		expect((await api.get(`/api/v1/messages/${ok.data.messageId}`)).data.message.status).toBe('queued');
		const status = async (id: string) => (await api.get(`/api/v1/messages/${id}`)).data.message.status as string;
		await waitUntil(async () => (await status(ok.data.messageId)) === 'delivered');
		expect(await status(ok.data.messageId)).toBe('delivered');
		// Each message keeps its own timers: on a busy machine the second may end a step later than the first.
		await waitUntil(async () => !['queued', 'sent'].includes(await status(bad.data.messageId)));
		expect(await status(bad.data.messageId)).toBe('failed');
		expect((await api.get('/api/v1/messages/unknown')).status).toBe(404);
	});

	it('filters and pages history as documented', async () => {
		for (let i = 0; i < 5; i++) await api.post('/api/v1/messages', { ...send, message: `note ${i}`, to: `+1415555010${i}` });
		await control.post('/inbound', { from: '+14155550101', to: '+15559876543', text: 'Reply NOTE' });

		const page = await api.get('/api/v1/messages', { params: { limit: 2, offset: 1, order: 'asc' } });
		expect(page.data).toMatchObject({ total: 6, returned: 2, limit: 2, offset: 1, order: 'asc' });
		expect(page.data.messages.map((m: { body: string }) => m.body)).toEqual(['note 1', 'note 2']);

		const thread = await api.get('/api/v1/messages', { params: { from: '+15559876543', to: '+14155550101' } });
		expect(thread.data.messages.map((m: { body: string }) => m.body)).toEqual(['Reply NOTE', 'note 1']);
		const oneWay = await api.get('/api/v1/messages', {
			params: { e164From: '+15559876543', e164To: '+14155550101', conversation: 'strict' },
		});
		expect(oneWay.data.total).toBe(1);
		const search = await api.get('/api/v1/messages', { params: { q: 'note', direction: 'inbound' } });
		expect(search.data.total).toBe(1);
		expect((await api.get('/api/v1/messages', { params: { limit: 501 } })).status).toBe(400);
		expect((await api.get('/api/v1/messages', { params: { since: Date.now() + 60_000 } })).data.total).toBe(0);
	});

	it('lists devices with their SIM numbers', async () => {
		const { data } = await api.get('/api/v1/devices');
		expect(data.devices.map((d: { id: string }) => d.id)).toEqual(['device-pixel', 'device-spare']);
	});

	it('injects faults: a 503 burst with Retry-After, a delay, and a dropped answer after handling', async () => {
		await control.post('/faults', [
			{ type: 'status', status: 503, count: 2, retryAfter: 1, path: '/api/v1/messages', method: 'POST' },
			{ type: 'drop', afterHandling: true, method: 'POST' },
		]);
		expect((await api.post('/api/v1/messages', send)).status).toBe(503);
		expect((await api.post('/api/v1/messages', send)).headers['retry-after']).toBe('1');
		await expect(api.post('/api/v1/messages', send)).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(sandbox.infiniReach.outbound()).toHaveLength(1);
		expect((await api.post('/api/v1/messages', send)).status).toBe(201);
	});

	describe('webhooks', () => {
		let receiver: Receiver;
		let received: Received[] = [];
		beforeAll(async () => {
			receiver = await startReceiver();
			received = receiver.received;
		});
		afterAll(async () => await receiver.stop());
		beforeEach(() => (received.length = 0));

		it('posts signed delivery and inbound events to the registered URL', async () => {
			const url = receiver.url;
			await control.post('/webhook', { url, secret: 'shh' });
			await api.post('/api/v1/messages', send);
			await control.post('/inbound', { from: '+14155550123', to: '+15559876543', text: 'hello' });
			await waitUntil(() => received.length >= 2);

			const events = received.map((r) => JSON.parse(r.body)).sort((a, b) => a.event.localeCompare(b.event));
			expect(events.map((e) => e.event)).toEqual(['message.delivered', 'message.inbound']);
			// The seed's payload, and nothing more: a workflow cannot come to rely on an invented field.
			for (const event of events) {
				expect(Object.keys(event).sort()).toEqual(['data', 'event', 'timestamp']);
				expect(Object.keys(event.data).sort()).toEqual(['body', 'deviceId', 'direction', 'from', 'messageId', 'status', 'timestamp', 'to']);
			}
			expect(events[1].data).toMatchObject({
				direction: 'inbound',
				from: '+14155550123',
				to: '+15559876543',
				body: 'hello',
				status: 'delivered',
			});
			for (const { headers, body } of received) {
				expect(headers['x-webhook-signature']).toBe(createHmac('sha256', 'shh').update(body).digest('hex'));
			}
		});

		it('can send unsigned or wrongly signed events on request', async () => {
			const url = receiver.url;
			await control.post('/webhook', { url, secret: 'shh', events: ['message.inbound'] });
			await control.post('/inbound', { from: '+14155550123', to: '+15559876543', text: 'a', signing: 'none' });
			await control.post('/inbound', { from: '+14155550123', to: '+15559876543', text: 'b', signing: 'wrong' });
			expect(received[0].headers['x-webhook-signature']).toBeUndefined();
			expect(received[1].headers['x-webhook-signature']).not.toBe(createHmac('sha256', 'shh').update(received[1].body).digest('hex'));
			const { data } = await control.get('/deliveries');
			expect(data.deliveries.map((d: { status: number }) => d.status)).toEqual([200, 200]);
		});
	});
});
