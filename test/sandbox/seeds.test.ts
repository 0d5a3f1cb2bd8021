// The sandbox against each gateway's API as docs/gateways/<gateway>.md writes it down (from the user's
// excerpts of the gateways' documents): the documented endpoints, example requests, fields and limits,
// walked against its emulator. A sandbox that drifts from its page (a missing route, an extra promise, a
// wrong limit) fails here, not in a user's workflow.
import axios, { type AxiosInstance } from 'axios';

import {
	INFINIREACH_API_KEY,
	INFOBIP_API_KEY,
	INFOPROMO_TOKEN,
	startSandbox,
	TXTCOOP_API_KEY,
	WHATSINFINITY_SESSION,
	type Sandbox,
} from './index';

let sandbox: Sandbox;
beforeAll(async () => {
	// InfiniReach's messages stay queued: the history walk filters by that status.
	sandbox = await startSandbox({ infiniReach: { stepMs: 60_000 }, txtCoop: { stepMs: 5 } });
});
afterAll(async () => await sandbox.stop());

const client = (baseURL: string, headers: Record<string, string>): AxiosInstance =>
	axios.create({ baseURL, headers: { 'User-Agent': 'seed-walk/1.0', ...headers }, validateStatus: () => true });
const keys = (value: unknown) => Object.keys(value as object).sort();

describe('InfiniReach sandbox against docs/gateways/infinireach.md', () => {
	let api: AxiosInstance;
	beforeAll(() => {
		api = client(sandbox.urls.infiniReach, { 'X-API-Key': INFINIREACH_API_KEY });
	});
	beforeEach(() => sandbox.infiniReach.server.reset());

	// "Send SMS", "Send WhatsApp" and the two group examples, exactly as the seed writes them.
	it.each([
		['SMS', { to: '+1234567890', message: 'Hello from InfiniReach!', from: '+15559876543', channel: 'sms' }],
		['WhatsApp', { to: '+1234567890', message: 'Hello via WhatsApp!', from: '+15559876543', channel: 'whatsapp' }],
		['a group JID', { to: '120363043049692322@g.us', message: 'Hello group via WhatsApp!', from: '+15559876543', channel: 'whatsapp' }],
		[
			'a contact key',
			{
				to: 'group:69b605fdd822e2a741b3bd95:120363423156426110@g.us',
				message: 'Hello group using contact key',
				from: '+15559876543',
				channel: 'whatsapp',
			},
		],
		[
			'the request body example',
			{ to: '+1234567890', message: 'Hello from InfiniReach!', from: '+15559876543', channel: 'sms', externalId: 'optional-unique-id' },
		],
	])('POST /api/v1/messages takes the seed example for %s and answers {success, queued, messageId, jobId}', async (_name, body) => {
		const response = await api.post('/api/v1/messages', body);
		expect(response.status).toBeLessThan(300);
		expect(keys(response.data)).toEqual(['jobId', 'messageId', 'queued', 'success']);
	});

	it.each([
		['to', { to: undefined }],
		['message', { message: undefined }],
		['from', { from: undefined }],
		['channel', { channel: undefined }],
		['a message over 1600 characters', { message: 'x'.repeat(1601) }],
	])('refuses a send without %s (400)', async (_name, patch) => {
		const response = await api.post('/api/v1/messages', {
			to: '+1234567890',
			message: 'x',
			from: '+15559876543',
			channel: 'sms',
			...patch,
		});
		expect(response.status).toBe(400);
	});

	it('takes exactly 1600 characters, and refuses a missing key with 401', async () => {
		expect(
			(await api.post('/api/v1/messages', { to: '+1234567890', message: 'x'.repeat(1600), from: '+15559876543', channel: 'sms' })).status,
		).toBe(201);
		expect((await api.get('/api/v1/messages', { headers: { 'X-API-Key': '' } })).status).toBe(401);
	});

	it('GET /api/v1/messages takes every documented parameter and answers the documented envelope and rows', async () => {
		await api.post('/api/v1/messages', { to: '+1234567890', message: 'invoice 7', from: '+15559876543', channel: 'sms' });
		const params = {
			limit: 500,
			offset: 0,
			order: 'asc',
			direction: 'outbound',
			from: '+15559876543',
			to: '+1234567890',
			conversation: 'strict',
			channel: 'sms',
			status: 'queued',
			q: 'INVOICE',
			since: '2026-03-01T00:00:00Z',
			until: String(Date.now() + 60_000),
		};
		const response = await api.get('/api/v1/messages', { params });
		expect(response.status).toBe(200);
		expect(keys(response.data)).toEqual(['filters', 'limit', 'messages', 'offset', 'order', 'returned', 'total']);
		expect(keys(response.data.filters)).toEqual(['channel', 'direction', 'from', 'q', 'since', 'status', 'to', 'until']);
		expect(response.data.messages.map(keys)).toEqual([['_id', 'body', 'createdAt', 'direction', 'e164From', 'e164To', 'status']]);
		// The aliases: e164From, e164To, pair.
		const aliased = await api.get('/api/v1/messages', { params: { e164From: '+15559876543', e164To: '+1234567890', pair: 'false' } });
		expect(aliased.data.total).toBe(1);
		// Defaults: 100 a page, newest first.
		expect((await api.get('/api/v1/messages')).data).toMatchObject({ limit: 100, offset: 0, order: 'desc' });
	});

	it('allows 100 send requests a minute per key, then 429', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 101; i++)
			statuses.push(
				(await api.post('/api/v1/messages', { to: '+1234567890', message: `n${i}`, from: '+15559876543', channel: 'sms' })).status,
			);
		expect(statuses.filter((s) => s === 201)).toHaveLength(100);
		expect(statuses[100]).toBe(429);
	});
});

describe('WhatsInfinity sandbox against docs/gateways/whatsinfinity.md', () => {
	const { sessionId, apiKey } = WHATSINFINITY_SESSION;
	let api: AxiosInstance;
	beforeAll(() => {
		api = client(sandbox.urls.whatsInfinity, { 'x-api-key': apiKey });
	});
	beforeEach(() => sandbox.whatsInfinity.server.reset());

	const envelope = (response: { data: Record<string, unknown> }) => response.data;

	it('answers every endpoint the seed lists, with the standard envelope and a requestId', async () => {
		const created = await api.post(
			'/create-session',
			{ sessionId: 'mysession', apiKey: 'your-session-api-key' },
			{ headers: { 'x-api-key': '' } },
		);
		const own = { headers: { 'x-api-key': 'your-session-api-key' } };
		const qr = await api.get('/qr/mysession', { ...own, responseType: 'arraybuffer' });
		const pairing = await api.post('/pairing-code', { sessionId: 'mysession', phoneNumber: '919999999999' }, own);
		const check = await api.get(`/check-session/${sessionId}`);
		const all = await api.get('/all-sessions', { headers: { 'x-api-key': '' } });
		const restart = await api.post('/restart-session', { sessionId: 'mysession', wipe: false }, own);
		const rotate = await api.post('/rotate-key', { sessionId: 'mysession' }, own);
		const removed = await api.post('/delete-session', { sessionId: 'mysession' }, { headers: { 'x-api-key': rotate.data.data.apiKey } });

		expect(
			[created, pairing, check, all, restart, rotate, removed].map((r) => [
				r.status < 300,
				envelope(r).success,
				typeof envelope(r).requestId,
			]),
		).toEqual(Array(7).fill([true, true, 'string']));
		expect([qr.status, qr.headers['content-type']]).toEqual([200, 'image/png']);
		expect(pairing.data.data.pairingCode).toMatch(/^\d{8}$/);
		expect(keys(check.data.data)).toEqual(
			expect.arrayContaining(['hasQR', 'isReady', 'lastActiveAt', 'queueSize', 'rateLimitRemaining', 'status']),
		);
		expect(['active', 'connecting', 'qr', 'pairing', 'disconnected', 'disabled']).toContain(check.data.data.status);
		expect(rotate.data.data.apiKey).toEqual(expect.any(String));
	});

	it('sends text and every media type, and answers a dry run as the seed shows', async () => {
		const text = await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: 'Hello from my app!', typing: true });
		expect([text.status, keys(text.data.data)]).toEqual([200, expect.arrayContaining(['messageId', 'queued'])]);
		for (const type of ['media', 'image', 'video', 'audio', 'document']) {
			const media = await api.post('/send', {
				sessionId,
				to: '919999999999',
				type,
				url: 'https://files.example.com/invoice.pdf',
				caption: 'April invoice',
				fileName: 'invoice.pdf',
			});
			expect([type, media.status]).toEqual([type, 200]);
		}
		const dry = await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: 'Dry run test', dryRun: true });
		expect(dry.data.data).toEqual({ queued: true, dryRun: true, to: '919999999999@s.whatsapp.net', payload: { text: 'Dry run test' } });
	});

	it.each([
		['a number with +', { to: '+919999999999' }, 400],
		['6 digits', { to: '123456' }, 400],
		['16 digits', { to: '1234567890123456' }, 400],
		['65001 characters', { message: 'x'.repeat(65_001) }, 400],
		['a URL that is not http(s)', { type: 'image', message: undefined, url: 'ftp://files.example.com/a.png' }, 400],
		['a number not on WhatsApp', { to: '15550000000' }, 422],
	])('refuses %s as the error reference says', async (_name, patch, status) => {
		const response = await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: 'hi', ...patch });
		expect([response.status, response.data.success, typeof response.data.requestId]).toEqual([status, false, 'string']);
	});

	it('takes 65000 characters and 7 to 15 digits; refuses a short or missing key with 401', async () => {
		expect((await api.post('/send', { sessionId, to: '1234567', type: 'text', message: 'x'.repeat(65_000) })).status).toBe(200);
		expect((await api.post('/send', { sessionId, to: '123456789012345', type: 'text', message: 'x' })).status).toBe(200);
		expect((await api.get(`/check-session/${sessionId}`, { headers: { 'x-api-key': 'short-key-15chr' } })).status).toBe(401);
		expect((await api.post('/create-session', { sessionId: 'bad id!', apiKey: 'your-session-api-key' })).status).toBe(400);
	});

	it('allows 10 messages a minute per session, then 429 with retryAfter', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 10; i++)
			statuses.push((await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: `n${i}` })).status);
		const limited = await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: 'one too many' });
		expect(statuses).toEqual(Array(10).fill(200));
		expect([limited.status, limited.data.error, typeof limited.data.retryAfter]).toEqual([429, 'Rate limit exceeded', 'number']);
	});

	it('queues up to 100 messages for a disconnected session, then 503', async () => {
		await axios.post(`${sandbox.urls.whatsInfinity}/__sandbox/sessions/${sessionId}/disconnect`);
		sandbox.whatsInfinity.config.rateLimit = { limit: 1_000, windowMs: 60_000 };
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 101; i++)
				statuses.push((await api.post('/send', { sessionId, to: '919999999999', type: 'text', message: `q${i}` })).status);
			expect(statuses.filter((s) => s === 200)).toHaveLength(100);
			expect(statuses[100]).toBe(503);
		} finally {
			sandbox.whatsInfinity.config.rateLimit = { limit: 10, windowMs: 60_000 };
		}
	});
});

describe('txtcoop sandbox against docs/gateways/txtcoop.md', () => {
	let api: AxiosInstance;
	beforeAll(() => {
		api = client(sandbox.urls.txtCoop, { Authorization: `Bearer ${TXTCOOP_API_KEY}` });
	});
	beforeEach(() => sandbox.txtCoop.server.reset());

	it('POST /api/v1/messages takes every documented field and answers 201 as the seed shows', async () => {
		const response = await api.post('/api/v1/messages', {
			to: '+15551234567',
			body: 'Hello!',
			attachments: ['https://files.example.com/a.png'],
			priority: 100,
			fromNumber: '+15555550100',
		});
		expect(response.status).toBe(201);
		expect(response.data).toMatchObject({
			id: expect.any(String),
			status: 'queued',
			to: '+15551234567',
			body: 'Hello!',
			priority: 100,
			createdAt: expect.any(String),
		});
	});

	it.each([
		['neither body nor attachments', { to: '+15551234567' }],
		['11 attachments', { to: '+15551234567', attachments: Array.from({ length: 11 }, (_, i) => `https://f.example.com/${i}.png`) }],
		['priority 101', { to: '+15551234567', body: 'x', priority: 101 }],
	])('refuses %s', async (_name, body) => {
		expect((await api.post('/api/v1/messages', body)).status).toBe(400);
	});

	it('takes an Apple ID email and a group GUID as "to", and attachments without a body', async () => {
		for (const to of ['anna@icloud.com', 'chat123456789012345678'])
			expect((await api.post('/api/v1/messages', { to, body: 'x' })).status).toBe(201);
		expect((await api.post('/api/v1/messages', { to: '+15551234567', attachments: ['https://f.example.com/a.png'] })).status).toBe(201);
	});

	it('lists messages with direction, participant, page and limit (1 to 100, default 20)', async () => {
		for (let i = 0; i < 25; i++) await api.post('/api/v1/messages', { to: '+15551234567', body: `m${i}` });
		expect((await api.get('/api/v1/messages', { params: { direction: 'sent', participant: '+15551234567' } })).data.data).toHaveLength(20);
		expect((await api.get('/api/v1/messages', { params: { page: 2, limit: 100 } })).status).toBe(200);
		expect([
			(await api.get('/api/v1/messages', { params: { limit: 0 } })).status,
			(await api.get('/api/v1/messages', { params: { limit: 101 } })).status,
		]).toEqual([400, 400]);
	});

	it('answers status, attachments and queue stats with the documented fields', async () => {
		const sent = await api.post('/api/v1/messages', { to: '+15551234567', body: 'x', attachments: ['https://f.example.com/a.png'] });
		const status = await api.get(`/api/v1/messages/${sent.data.id}/status`);
		expect(keys(status.data)).toEqual(['attempts', 'deliveredAt', 'id', 'lastError', 'queuedAt', 'sentAt', 'status']);
		const attachments = await api.get(`/api/v1/messages/${sent.data.id}/attachments`);
		expect(attachments.status).toBe(200);
		expect(keys((await api.get('/api/v1/messages/queue/stats')).data)).toEqual(['deadLetter', 'failed', 'pending', 'processing']);
	});

	it('creates a bulk job from {messages:[{to, body}]} and serves the job, the list and its results', async () => {
		const job = await api.post('/api/v1/messages/bulk', {
			messages: [
				{ to: '+15551234567', body: 'a' },
				{ to: '+15551234568', body: 'b' },
			],
		});
		expect(job.status).toBe(201);
		expect(job.data).toMatchObject({
			jobId: expect.any(String),
			status: expect.any(String),
			totalRecipients: 2,
			createdAt: expect.any(String),
		});
		for (const path of [
			'/api/v1/messages/bulk',
			`/api/v1/messages/bulk/${job.data.jobId}`,
			`/api/v1/messages/bulk/${job.data.jobId}/results`,
		]) {
			expect([path, (await api.get(path)).status]).toEqual([path, 200]);
		}
	});
});

describe('Infobip sandbox against docs/gateways/infobip.md', () => {
	let api: AxiosInstance;
	beforeAll(() => {
		api = client(sandbox.urls.infobip, { Authorization: `App ${INFOBIP_API_KEY}` });
	});
	beforeEach(() => sandbox.infobip.server.reset());

	const sample = {
		channel: 'SMS',
		sender: '447491163443',
		destinations: [{ to: '111111111' }],
		content: { body: { text: 'May the Force be with you.', type: 'TEXT' } },
	};

	it("takes the seed's request sample and answers as its response sample", async () => {
		const response = await api.post('/messages-api/1/messages', { messages: [sample] });
		expect(response.status).toBe(200);
		expect(keys(response.data)).toEqual(['bulkId', 'messages']);
		expect(response.data.messages).toEqual([
			{
				messageId: expect.any(String),
				status: { groupId: 1, groupName: 'PENDING', id: 26, name: expect.any(String), description: expect.any(String) },
				destination: '111111111',
			},
		]);
	});

	it('takes every channel of the enum, and refuses another', async () => {
		for (const channel of ['SMS', 'MMS', 'WHATSAPP', 'VIBER_BM', 'VIBER_BOT', 'RCS', 'APPLE_MB', 'INSTAGRAM_DM', 'LINE_ON', 'MESSENGER']) {
			expect([channel, (await api.post('/messages-api/1/messages', { messages: [{ ...sample, channel }] })).status]).toEqual([
				channel,
				200,
			]);
		}
		expect((await api.post('/messages-api/1/messages', { messages: [{ ...sample, channel: 'TELEGRAM' }] })).status).toBe(400);
	});

	it.each([
		['a messageId over 200 characters', { messages: [{ ...sample, destinations: [{ to: '111111111', messageId: 'x'.repeat(201) }] }] }],
		['a bulkId over 100 characters', { messages: [sample], options: { schedule: { bulkId: 'x'.repeat(101) } } }],
		["a sendAt not in yyyy-MM-dd'T'HH:mm:ss.SSSZ", { messages: [sample], options: { schedule: { sendAt: '2026-12-24 09:00' } } }],
		[
			'a sendAt over 180 days ahead',
			{
				messages: [sample],
				options: { schedule: { sendAt: new Date(Date.now() + 181 * 86_400_000).toISOString().replace('Z', '+0000') } },
			},
		],
		['a validity under 10 seconds', { messages: [{ ...sample, options: { validityPeriod: { amount: 5, timeUnit: 'SECONDS' } } }] }],
		['no destinations', { messages: [{ ...sample, destinations: [] }] }],
	])('refuses %s with violations', async (_name, body) => {
		const response = await api.post('/messages-api/1/messages', body);
		expect([response.status, Array.isArray(response.data.violations) && response.data.violations.length > 0]).toEqual([400, true]);
	});

	it('takes the request options: schedule (with its sendingSpeedLimit, seed 002) and tracking', async () => {
		const response = await api.post('/messages-api/1/messages', {
			messages: [sample],
			options: {
				schedule: {
					bulkId: 'seed-bulk',
					sendAt: new Date(Date.now() + 86_400_000).toISOString().replace('Z', '+0000'),
					sendingSpeedLimit: { amount: 10, timeUnit: 'MINUTE' },
				},
				tracking: { shortenUrl: true, trackClicks: true, removeProtocol: false },
			},
		});
		expect([response.status, response.data.bulkId]).toEqual([200, 'seed-bulk']);
	});
});

describe('Infopromo sandbox against docs/gateways/infopromo.md', () => {
	let v3: AxiosInstance;
	let http: AxiosInstance;
	beforeAll(() => {
		v3 = client(`${sandbox.urls.infopromo}/api/v3`, {
			Authorization: `Bearer ${INFOPROMO_TOKEN}`,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		});
		http = client(`${sandbox.urls.infopromo}/api/http`, { Accept: 'application/json', 'Content-Type': 'application/json' });
	});
	beforeEach(() => sandbox.infopromo.server.reset());

	// The seed's curl example, in both styles.
	const example = { recipient: '31612345678', sender_id: 'YourName', type: 'whatsapp', message: 'This is a test message' };

	it('takes the seed\'s send example on both endpoints and answers {status: "success", data}', async () => {
		for (const response of [
			await v3.post('/sms/send', example),
			await http.post('/sms/send', { api_token: INFOPROMO_TOKEN, ...example }),
		]) {
			expect([response.status, keys(response.data)]).toEqual([200, ['data', 'status']]);
			expect(response.data.status).toBe('success');
		}
	});

	it('reads one message by uid and the list, on both endpoints (the HTTP API with the token in the body)', async () => {
		const sent = await v3.post('/sms/send', example);
		const uid = sent.data.data[0].uid;
		expect((await v3.get(`/sms/${uid}`)).data).toMatchObject({ status: 'success', data: { uid } });
		expect((await http.request({ method: 'GET', url: `/sms/${uid}`, data: { api_token: INFOPROMO_TOKEN } })).data).toMatchObject({
			status: 'success',
			data: { uid },
		});
		expect((await v3.get('/sms')).data).toMatchObject({ status: 'success', data: { current_page: 1, data: expect.any(Array) } });
		expect((await http.request({ method: 'GET', url: '/sms', data: { api_token: INFOPROMO_TOKEN } })).data.status).toBe('success');
	});

	it.each([
		['an alphanumeric sender over 11 characters', { sender_id: 'ABCDEFGHIJKL' }],
		['no message', { message: '' }],
		['a schedule time not in Y-m-d H:i', { schedule_time: '24/12/2026 09:00' }],
	])('refuses %s with {status: "error", message}', async (_name, patch) => {
		const response = await v3.post('/sms/send', { ...example, ...patch });
		expect(keys(response.data)).toEqual(['message', 'status']);
		expect(response.data.status).toBe('error');
	});

	it('takes an 11-character alphanumeric sender, a numeric sender, and every type with what it needs', async () => {
		expect((await v3.post('/sms/send', { ...example, sender_id: 'ABCDEFGHIJK' })).data.status).toBe('success');
		expect((await v3.post('/sms/send', { ...example, sender_id: '31612345000' })).data.status).toBe('success');
		for (const extra of [
			{ type: 'plain' },
			{ type: 'unicode' },
			{ type: 'voice', language: 'en-gb', gender: 'female' },
			{ type: 'mms', media_url: 'https://f.example.com/a.png' },
			{ type: 'viber' },
			{ type: 'otp' },
		]) {
			expect([extra.type, (await v3.post('/sms/send', { ...example, ...extra })).data.status]).toEqual([extra.type, 'success']);
		}
	});
});
