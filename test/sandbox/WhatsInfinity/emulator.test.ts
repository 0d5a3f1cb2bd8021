import axios, { type AxiosInstance } from 'axios';

import { startSandbox, WHATSINFINITY_SESSION, type Sandbox } from '../index';

const KEY = WHATSINFINITY_SESSION.apiKey;
const SESSION = WHATSINFINITY_SESSION.sessionId;
const text = (to = '919999999999', extra: Record<string, unknown> = {}) => ({
	sessionId: SESSION,
	to,
	type: 'text',
	message: 'hi',
	...extra,
});

describe('WhatsInfinity sandbox', () => {
	let sandbox: Sandbox;
	let api: AxiosInstance;
	let control: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox();
		api = axios.create({ baseURL: sandbox.urls.whatsInfinity, headers: { 'x-api-key': KEY }, validateStatus: () => true });
		control = axios.create({ baseURL: `${sandbox.urls.whatsInfinity}/__sandbox`, validateStatus: () => true });
	});
	afterEach(async () => {
		await control.post('/reset');
		await control.post('/config', {
			rateLimit: { limit: 10, windowMs: 60_000 },
			queueMax: 100,
			undocumented: { existingSession: 'ok', pairingWhenActive: 'conflict', qrWhenNone: 'notFound', pairingField: 'pairingCode' },
		});
	});

	const undocumented = (patch: Record<string, string>) =>
		control.post('/config', {
			undocumented: { existingSession: 'ok', pairingWhenActive: 'conflict', qrWhenNone: 'notFound', pairingField: 'pairingCode', ...patch },
		});

	it.each([
		['ok', 200, 409],
		['conflict', 409, 409],
		['badRequest', 400, 400],
	])('answers creating an existing session in mode %s: %s with its key, %s with another', async (mode, same, other) => {
		await undocumented({ existingSession: mode });
		expect((await api.post('/create-session', { sessionId: SESSION, apiKey: KEY })).status).toBe(same);
		expect((await api.post('/create-session', { sessionId: SESSION, apiKey: 'another-key-0000000' })).status).toBe(other);
	});

	it.each([
		['conflict', 409, false],
		['badRequest', 400, false],
		['ok', 200, true],
	])('answers a pairing code for a connected session in mode %s', async (mode, status, success) => {
		await undocumented({ pairingWhenActive: mode });
		const response = await api.post('/pairing-code', { sessionId: SESSION, phoneNumber: '919999999999' });
		expect([response.status, response.data.success, response.data.data?.pairingCode]).toEqual([status, success, undefined]);
	});

	it.each([
		['notFound', 404, 'application/json; charset=utf-8'],
		['badRequest', 400, 'application/json; charset=utf-8'],
		['json', 200, 'application/json; charset=utf-8'],
		['empty', 204, undefined],
	])('answers a QR request with no scan pending in mode %s, never with an image', async (mode, status, type) => {
		await undocumented({ qrWhenNone: mode });
		const response = await api.get(`/qr/${SESSION}`);
		expect([response.status, response.headers['content-type']]).toEqual([status, type]);
	});

	it('can put the pairing code under "code"', async () => {
		await undocumented({ pairingField: 'code' });
		await api.post('/create-session', { sessionId: 'fresh', apiKey: 'fresh-session-key-01' });
		const pairing = await api.post(
			'/pairing-code',
			{ sessionId: 'fresh', phoneNumber: '919999999999' },
			{ headers: { 'x-api-key': 'fresh-session-key-01' } },
		);
		expect(pairing.data.data).toEqual({ code: expect.stringMatching(/^\d{8}$/) });
	});
	afterAll(async () => await sandbox.stop());

	it('answers every request with the envelope and a requestId, errors included', async () => {
		const good = await api.get(`/check-session/${SESSION}`);
		const bad = await api.get(`/check-session/${SESSION}`, { headers: { 'x-api-key': 'wrong-key-wrong-key' } });
		const lost = await api.get('/nowhere');
		expect(good.data).toMatchObject({ success: true, requestId: expect.any(String), data: { status: 'active', isReady: true } });
		expect([bad.status, bad.data]).toEqual([
			401,
			{ success: false, requestId: expect.any(String), error: 'Unauthorized', details: 'Invalid or missing API key' },
		]);
		expect(lost.data).toMatchObject({ success: false, requestId: expect.any(String) });
	});

	it('takes a session from creation through QR, pairing and scanning to active', async () => {
		const key = 'another-key-0123456789';
		const created = await api.post('/create-session', { sessionId: 'new-one', apiKey: key });
		expect([created.status, created.data.data.status]).toEqual([201, 'qr']);
		expect((await api.post('/create-session', { sessionId: 'new-one', apiKey: 'different-key-000000' })).status).toBe(409);
		expect((await api.post('/create-session', { sessionId: 'bad id!', apiKey: key })).data.error).toBe('Invalid sessionId');

		const qr = await api.get('/qr/new-one', { headers: { 'x-api-key': key }, responseType: 'arraybuffer' });
		expect(qr.headers['content-type']).toBe('image/png');
		expect(Buffer.from(qr.data).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

		const pairing = await api.post(
			'/pairing-code',
			{ sessionId: 'new-one', phoneNumber: '919999999999' },
			{ headers: { 'x-api-key': key } },
		);
		// "an 8-digit pairing code"
		expect(pairing.data.data.pairingCode).toMatch(/^\d{8}$/);
		await control.post('/sessions/new-one/scan');
		const status = await api.get('/check-session/new-one', { headers: { 'x-api-key': key } });
		expect(status.data.data).toMatchObject({ status: 'active', isReady: true, hasQR: false });
		expect((await api.get('/qr/new-one', { headers: { 'x-api-key': key } })).status).toBe(404);
	});

	it.each([
		['a number with +', text('+919999999999'), 'Invalid phone number'],
		['a long message', text('919999999999', { message: 'x'.repeat(65_001) }), 'Message too long'],
		['a bad URL', { sessionId: SESSION, to: '919999999999', type: 'image', url: 'files/a.png' }, 'Invalid URL format'],
		['an unknown type', { sessionId: SESSION, to: '919999999999', type: 'sticker' }, 'type must be'],
	])('rejects %s with 400', async (_name, body, details) => {
		const response = await api.post('/send', body);
		expect(response.status).toBe(400);
		expect(response.data.details).toContain(details);
	});

	it('sends, dry-runs without counting, refuses unregistered numbers with 422 and limits with 429', async () => {
		await control.post('/config', { rateLimit: { limit: 2, windowMs: 5_000 } });
		const dry = await api.post('/send', text('919999999999', { dryRun: true }));
		expect(dry.data.data).toMatchObject({ dryRun: true, to: '919999999999@s.whatsapp.net' });
		expect((await api.post('/send', text('15550000000'))).status).toBe(422);
		expect((await api.post('/send', text())).data.data).toMatchObject({ queued: false, messageId: expect.stringMatching(/^wamid\./) });
		expect((await api.post('/send', text())).status).toBe(200);
		const limited = await api.post('/send', text());
		expect(limited.status).toBe(429);
		expect(limited.data).toMatchObject({ error: 'Rate limit exceeded', retryAfter: expect.any(Number) });
		expect(sandbox.whatsInfinity.sent()).toHaveLength(2);
	});

	it('queues while disconnected, answers 503 when the queue is full, and sends the queue on reconnect', async () => {
		await control.post('/config', { rateLimit: { limit: 100, windowMs: 60_000 }, queueMax: 2 });
		await control.post(`/sessions/${SESSION}/disconnect`);
		expect((await api.post('/send', text())).data.data.queued).toBe(true);
		expect((await api.post('/send', text())).data.data.queued).toBe(true);
		const full = await api.post('/send', text());
		expect([full.status, full.data.details]).toEqual([503, 'Message queue full']);
		expect((await api.get(`/check-session/${SESSION}`)).data.data.queueSize).toBe(2);

		await control.post(`/sessions/${SESSION}/scan`);
		expect(sandbox.whatsInfinity.sent()).toHaveLength(2);
	});

	it('rotates the key: the old one stops working', async () => {
		const rotated = await api.post('/rotate-key', { sessionId: SESSION });
		const newKey = rotated.data.data.apiKey as string;
		expect((await api.get(`/check-session/${SESSION}`)).status).toBe(401);
		expect((await api.get(`/check-session/${SESSION}`, { headers: { 'x-api-key': newKey } })).status).toBe(200);
	});

	it('restarts with wipe back to qr, and deletes', async () => {
		expect((await api.post('/restart-session', { sessionId: SESSION, wipe: true })).data.data.status).toBe('qr');
		expect((await api.post('/delete-session', { sessionId: SESSION })).data.data.deleted).toBe(true);
		expect((await api.get(`/check-session/${SESSION}`)).status).toBe(404);
	});
});
