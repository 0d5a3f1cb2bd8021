import axios, { type AxiosInstance } from 'axios';
import { createHmac } from 'crypto';

import { startSandbox, TXTCOOP_API_KEY, type Sandbox } from '../index';
import { startReceiver, type Received, type Receiver } from '../receiver';
import { waitUntil } from '../wait';

describe('txtcoop sandbox', () => {
	let sandbox: Sandbox;
	let api: AxiosInstance;
	let control: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ txtCoop: { stepMs: 20 } });
		api = axios.create({
			baseURL: sandbox.urls.txtCoop,
			headers: { Authorization: `Bearer ${TXTCOOP_API_KEY}` },
			validateStatus: () => true,
		});
		control = axios.create({ baseURL: `${sandbox.urls.txtCoop}/__sandbox`, validateStatus: () => true });
	});
	afterEach(async () => {
		await control.post('/reset');
		await control.post('/config', {
			rateLimit: { limit: 300, windowMs: 60_000 },
			perStep: 25,
			paused: false,
			lists: 'paginated',
			attachments: { form: 'objects', host: 'api' },
		});
	});
	afterAll(async () => await sandbox.stop());

	it('refuses a bad key with the envelope, and limits with 429 and Retry-After', async () => {
		const refused = await api.get('/api/v1/relays', { headers: { Authorization: 'Bearer brk_live_revoked' } });
		expect([refused.status, refused.data]).toEqual([
			401,
			{ error: 'Unauthorized', message: 'Invalid, revoked or expired API key', statusCode: 401 },
		]);
		await control.post('/config', { rateLimit: { limit: 1, windowMs: 2_000 } });
		await api.get('/api/v1/relays');
		const limited = await api.get('/api/v1/relays');
		expect([limited.status, limited.data.statusCode, limited.headers['retry-after']]).toEqual([429, 429, expect.stringMatching(/^[12]$/)]);
	});

	it.each([
		['a bad recipient', { to: '555', body: 'x' }, 'to must be'],
		[
			'11 attachments',
			{ to: '+14155550123', attachments: Array.from({ length: 11 }, (_, i) => `https://f.example/${i}.png`) },
			'at most 10',
		],
		['no body and no attachments', { to: '+14155550123' }, 'body is required unless attachments'],
		['priority 101', { to: '+14155550123', body: 'x', priority: 101 }, 'priority must be from 0 to 100'],
		['an unknown fromNumber', { to: '+14155550123', body: 'x', fromNumber: '+19999999999' }, 'fromNumber is not a registered'],
	])('rejects %s with 400', async (_name, body, message) => {
		const response = await api.post('/api/v1/messages', body);
		expect([response.status, response.data.error]).toEqual([400, 'Bad Request']);
		expect(response.data.message).toContain(message);
	});

	it('works the queue by priority: queued → sent → delivered, failures into the dead letters', async () => {
		await control.post('/config', { paused: true, perStep: 1 });
		const low = await api.post('/api/v1/messages', { to: '+14155550123', body: 'low' });
		const high = await api.post('/api/v1/messages', { to: 'anna@icloud.com', body: 'high', priority: 90 });
		const bad = await api.post('/api/v1/messages', { to: '+15550000666', body: 'never' });
		expect([low.status, low.data.status]).toEqual([201, 'queued']);
		expect((await api.get('/api/v1/messages/queue/stats')).data).toEqual({ pending: 3, processing: 0, failed: 0, deadLetter: 0 });
		await control.post('/step');
		expect(
			sandbox.txtCoop
				.sent()
				.filter((m) => m.status !== 'queued')
				.map((m) => m.body),
		).toEqual(['high']);
		await control.post('/config', { perStep: 25, paused: false });
		await waitUntil(() => sandbox.txtCoop.messages.every((m) => ['delivered', 'failed'].includes(m.status)));

		const status = (await api.get(`/api/v1/messages/${high.data.id}/status`)).data;
		expect(status).toMatchObject({
			status: 'delivered',
			attempts: 1,
			lastError: null,
			sentAt: expect.any(String),
			deliveredAt: expect.any(String),
		});
		expect((await api.get(`/api/v1/messages/${bad.data.id}/status`)).data).toMatchObject({ status: 'failed', attempts: 3 });
		expect((await api.get('/api/v1/messages/queue/stats')).data).toEqual({ pending: 0, processing: 0, failed: 0, deadLetter: 1 });
	});

	it('serves attachments for download with the key', async () => {
		const sent = await api.post('/api/v1/messages', { to: '+14155550123', attachments: ['https://files.example.com/menu.pdf'] });
		const { data } = await api.get(`/api/v1/messages/${sent.data.id}/attachments`);
		expect(data.data).toEqual([
			expect.objectContaining({ fileName: 'menu.pdf', mimeType: 'application/pdf', downloadUrl: expect.stringContaining('/files/') }),
		]);
		const file = await api.get(data.data[0].downloadUrl, { responseType: 'arraybuffer' });
		expect(Buffer.from(file.data).toString()).toContain('https://files.example.com/menu.pdf');
		expect((await axios.get(data.data[0].downloadUrl, { validateStatus: () => true })).status).toBe(401);
	});

	it('can list attachments as plain URLs on separate storage, which refuses a request that also carries the key', async () => {
		await control.post('/config', { attachments: { form: 'urls', host: 'storage' } });
		const sent = await api.post('/api/v1/messages', { to: '+14155550123', attachments: ['https://files.example.com/menu.pdf'] });
		const { data } = await api.get(`/api/v1/messages/${sent.data.id}/attachments`);

		expect(data.data).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/bucket\/.+\?signature=[0-9a-f]{16}$/)]);
		expect(new URL(data.data[0]).origin).not.toBe(new URL(sandbox.urls.txtCoop).origin);
		const plain = await axios.get(data.data[0], { responseType: 'arraybuffer' });
		expect(Buffer.from(plain.data).toString()).toContain('https://files.example.com/menu.pdf');
		expect((await api.get(data.data[0])).status).toBe(400);
		expect((await axios.get(data.data[0].replace(/signature=\w+/, 'signature=0'), { validateStatus: () => true })).status).toBe(403);
	});

	it.each([
		['dataOnly', (body: { data: unknown[] }) => body.data],
		['bare', (body: unknown[]) => body],
	])('can answer lists as %s, still paged', async (shape, list) => {
		await control.post('/config', { lists: shape });
		for (let i = 0; i < 3; i++) await api.post('/api/v1/messages', { to: '+14155550123', body: `m${i}` });
		const page = (await api.get('/api/v1/messages', { params: { page: 2, limit: 2 } })).data;
		expect(page.pagination).toBeUndefined();
		expect((list as (b: unknown) => unknown[])(page)).toHaveLength(1);
	});

	it('can ignore paging altogether (unpaged)', async () => {
		await control.post('/config', { lists: 'unpaged' });
		for (let i = 0; i < 3; i++) await api.post('/api/v1/messages', { to: '+14155550123', body: `m${i}` });
		expect((await api.get('/api/v1/messages', { params: { page: 2, limit: 2 } })).data).toEqual({ data: expect.any(Array) });
		expect((await api.get('/api/v1/messages', { params: { page: 2, limit: 2 } })).data.data).toHaveLength(3);
	});

	it('pages messages and runs bulk jobs to per-recipient results', async () => {
		const messages = Array.from({ length: 30 }, (_, i) => ({ to: `+1415555${1000 + i}`, body: `hi ${i}` }));
		messages[5].to = '+15550000666';
		const job = await api.post('/api/v1/messages/bulk', { messages });
		expect(job.data).toMatchObject({ status: 'processing', totalRecipients: 30 });
		await waitUntil(() => sandbox.txtCoop.messages.every((m) => ['delivered', 'failed'].includes(m.status)));

		expect((await api.get(`/api/v1/messages/bulk/${job.data.jobId}`)).data).toMatchObject({
			status: 'completed',
			progress: { delivered: 29, failed: 1 },
		});
		const results = (await api.get(`/api/v1/messages/bulk/${job.data.jobId}/results`, { params: { page: 2, limit: 20 } })).data;
		expect(results.pagination).toEqual({ page: 2, limit: 20, total: 30, totalPages: 2 });
		expect(results.data).toHaveLength(10);
		const page = (await api.get('/api/v1/messages', { params: { page: 3, limit: 12, direction: 'sent' } })).data;
		expect([page.data.length, page.pagination.totalPages]).toEqual([6, 3]);
		expect((await api.get('/api/v1/messages', { params: { limit: 101 } })).status).toBe(400);
	});

	it('lists relays and conversations, and looks one up', async () => {
		await api.post('/api/v1/messages', { to: '+14155550123', body: 'a' });
		await control.post('/inbound', { from: '+14155550123', text: 'b' });
		expect((await api.get('/api/v1/relays')).data.data.map((r: { status: string }) => r.status)).toEqual(['online', 'offline']);
		const found = (await api.get('/api/v1/conversations/lookup', { params: { participant: '+14155550123' } })).data.data;
		expect(found).toEqual([expect.objectContaining({ participants: ['+14155550123'], messageCount: 2 })]);
		expect((await api.get(`/api/v1/conversations/${found[0].id}`)).data.id).toBe(found[0].id);
	});

	describe('webhooks', () => {
		let receiver: Receiver;
		let received: Received[] = [];
		beforeAll(async () => {
			receiver = await startReceiver();
			received = receiver.received;
		});
		afterAll(async () => await receiver.stop());
		beforeEach(() => {
			received.length = 0;
			receiver.status = 200;
		});
		const hookUrl = () => receiver.url;

		it('keeps a registry (create, list, update, toggle, delete) and never shows secrets', async () => {
			const created = await api.post('/api/v1/webhooks', { url: hookUrl(), events: ['message.received'], secret: 'shh' });
			expect(created.status).toBe(201);
			expect(created.data).toEqual({
				id: expect.stringMatching(/^wh_/),
				url: hookUrl(),
				events: ['message.received'],
				enabled: true,
				signed: true,
				createdAt: expect.any(String),
			});
			const updated = await api.put(`/api/v1/webhooks/${created.data.id}`, { events: ['relay.offline'] });
			expect(updated.data.events).toEqual(['relay.offline']);
			expect((await api.patch(`/api/v1/webhooks/${created.data.id}/toggle`)).data.enabled).toBe(false);
			expect(JSON.stringify((await api.get('/api/v1/webhooks')).data)).not.toContain('shh');
			expect((await api.delete(`/api/v1/webhooks/${created.data.id}`)).status).toBe(204);
			expect((await api.get('/api/v1/webhooks')).data.data).toEqual([]);
			expect((await api.post('/api/v1/webhooks', { url: hookUrl(), events: ['message.delivered'] })).status).toBe(400);
		});

		it('delivers signed events to subscribed hooks, and retries non-2xx answers', async () => {
			await api.post('/api/v1/webhooks', { url: hookUrl(), events: ['message.received', 'relay.offline'], secret: 'shh' });
			await control.post('/inbound', { from: '+14155550123', text: 'hello' });
			expect(received).toHaveLength(1);
			expect(received[0].headers['x-webhook-signature']).toBe(createHmac('sha256', 'shh').update(received[0].body).digest('hex'));
			expect(JSON.parse(received[0].body)).toMatchObject({ event: 'message.received', data: { from: '+14155550123', body: 'hello' } });

			receiver.status = 500;
			await control.post('/relays/relay_office/offline');
			await waitUntil(() => received.length >= 4);
			expect(received.slice(1).map((r) => JSON.parse(r.body).event)).toEqual(['relay.offline', 'relay.offline', 'relay.offline']);
		});
	});
});
