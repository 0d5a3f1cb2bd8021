import { runNode } from '../../harness/n8n';
import { API_KEY, SESSION, credentials, failure, gateway, ok } from './fixtures';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest-of-a-png')]);
const status = { status: 'qr', isReady: false, hasQR: true, queueSize: 0, rateLimitRemaining: 10, lastActiveAt: null };
const session = (operation: string, extra: Record<string, unknown> = {}) => ({
	type: 'whatsInfinity',
	parameters: { resource: 'session', operation, ...extra },
	credentials,
});

describe('WhatsInfinity → Session', () => {
	it('Create sends the session ID and key in the body and reports the session', async () => {
		let body: unknown;
		gateway()
			.post('/create-session', (b) => ((body = b), true))
			.reply(200, ok({ sessionId: SESSION, status: 'qr' }, 'req-create'));

		const { items, error } = await runNode(session('create'));

		expect(error).toBeUndefined();
		expect(body).toEqual({ sessionId: SESSION, apiKey: API_KEY });
		expect(items.map((i) => i.json)).toEqual([{ sessionId: SESSION, status: 'qr', requestId: 'req-create' }]);
		expect(JSON.stringify(items)).not.toContain(API_KEY);
	});

	it('Get QR Code returns the PNG as binary data in the chosen field, with the status', async () => {
		// Not "Accept: application/json": the answer is a PNG.
		gateway().matchHeader('accept', '*/*').get(`/qr/${SESSION}`).reply(200, PNG, { 'Content-Type': 'image/png' });
		gateway().get(`/check-session/${SESSION}`).reply(200, ok(status, 'req-status'));

		const { items, error } = await runNode(session('getQr', { binaryPropertyName: 'qrImage' }));

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ sessionId: SESSION, ...status, requestId: 'req-status', qrExpiresInSeconds: 60 });
		const binary = items[0].binary!.qrImage;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileName: `${SESSION}-qr.png`, fileExtension: 'png' });
		expect(Buffer.from(binary.data, 'base64')).toEqual(PNG);
	});

	const active = { ...status, status: 'active', isReady: true, hasQR: false };

	// The docs do not say how "no QR pending" is answered: every plausible form gets the same explanation.
	it.each([
		[
			'a 404',
			() =>
				gateway()
					.get(`/qr/${SESSION}`)
					.reply(404, failure('Not Found', 'No QR available', 'req-qr')),
		],
		[
			'a 400',
			() =>
				gateway()
					.get(`/qr/${SESSION}`)
					.reply(400, failure('Bad Request', 'Session already connected', 'req-qr')),
		],
		[
			'JSON in place of the image',
			() =>
				gateway()
					.get(`/qr/${SESSION}`)
					.reply(200, ok({ qr: null, status: 'active' }), { 'Content-Type': 'application/json' }),
		],
		['an empty answer', () => gateway().get(`/qr/${SESSION}`).reply(204)],
	])('Get QR Code explains from the session status when no QR is pending, answered as %s', async (_name, answer) => {
		answer();
		gateway().get(`/check-session/${SESSION}`).times(2).reply(200, ok(active, 'req-status'));

		const { error } = await runNode(session('getQr'));

		expect(error?.message).toBe(`No QR code to scan: the session "${SESSION}" is active [item 0]`);
		expect(error?.description).toBe('The session is connected already: it can send now, and there is nothing to scan or pair.');
	});

	it('Get QR Code keeps the gateway error when the session does wait for a scan', async () => {
		gateway()
			.get(`/qr/${SESSION}`)
			.reply(400, failure('Bad Request', 'QR not ready yet', 'req-qr'));
		gateway().get(`/check-session/${SESSION}`).reply(200, ok(status, 'req-status'));

		const { error } = await runNode(session('getQr'));

		expect(error?.message).toBe('WhatsInfinity answered 400: Bad Request (request ID req-qr) [item 0]');
	});

	it.each([
		['409', () => gateway().post('/pairing-code').reply(409, failure('Conflict', 'Session is already connected'))],
		['400', () => gateway().post('/pairing-code').reply(400, failure('Bad Request', 'Session already connected'))],
		[
			'200 without a code',
			() =>
				gateway()
					.post('/pairing-code')
					.reply(200, ok({ status: 'active', message: 'Already connected' })),
		],
	])('Get Pairing Code on a connected session, answered %s, says it is connected', async (_name, answer) => {
		answer();
		gateway().get(`/check-session/${SESSION}`).reply(200, ok(active));

		const { error } = await runNode(session('getPairingCode', { phoneNumber: '919999999999' }));

		expect(error?.message).toBe(`No pairing code: the session "${SESSION}" is active [item 0]`);
	});

	it('Get Pairing Code reads the code under "code" too, and outputs it as pairingCode', async () => {
		gateway()
			.post('/pairing-code')
			.reply(200, ok({ code: '12345678' }));
		const { items } = await runNode(session('getPairingCode', { phoneNumber: '919999999999' }));
		expect(items[0].json).toMatchObject({ pairingCode: '12345678' });
	});

	it.each([['409'], ['400']])('Create of a session that exists with this key (answered %s) reports it', async (code) => {
		gateway().post('/create-session').reply(Number(code), failure('Conflict', 'Session already exists'));
		gateway().get(`/check-session/${SESSION}`).reply(200, ok(active, 'req-status'));

		const { items, error } = await runNode(session('create'));

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ sessionId: SESSION, ...active, requestId: 'req-status', alreadyExisted: true });
	});

	it('Create of a session that exists with another key fails and says so', async () => {
		gateway().post('/create-session').reply(409, failure('Conflict', 'Session already exists'));
		gateway().get(`/check-session/${SESSION}`).reply(401, failure('Unauthorized', 'Invalid or missing API key'));

		const { error } = await runNode(session('create'));

		expect(error?.message).toBe('WhatsInfinity answered 409: Conflict (request ID req-err) [item 0]');
		expect(error?.description).toContain('A session with this ID may exist with another key');
	});

	it('Get Pairing Code sends the number as digits without +', async () => {
		let body: unknown;
		gateway()
			.post('/pairing-code', (b) => ((body = b), true))
			.reply(200, ok({ pairingCode: 'K7Q2M9XD' }));

		const { items } = await runNode(session('getPairingCode', { phoneNumber: '+91 99999 99999' }));

		expect(body).toEqual({ sessionId: SESSION, phoneNumber: '919999999999' });
		expect(items[0].json).toMatchObject({ pairingCode: 'K7Q2M9XD', phoneNumber: '919999999999', requestId: 'req-1' });
	});

	it('Get Status reads check-session for the credential session', async () => {
		gateway()
			.get(`/check-session/${SESSION}`)
			.reply(200, ok({ ...status, status: 'active', isReady: true }));

		const { items } = await runNode(session('getStatus'));

		expect(items[0].json).toMatchObject({ sessionId: SESSION, status: 'active', isReady: true, requestId: 'req-1' });
	});

	it('Get Many returns one item per session', async () => {
		gateway()
			.get('/all-sessions')
			.reply(
				200,
				ok([
					{ sessionId: 'a', status: 'active' },
					{ sessionId: 'b', status: 'disconnected' },
				]),
			);

		const { items } = await runNode(session('getAll'));

		expect(items.map((i) => [i.json.sessionId, i.json.status, i.pairedItem])).toEqual([
			['a', 'active', { item: 0 }],
			['b', 'disconnected', { item: 0 }],
		]);
	});

	it.each([
		[false, { sessionId: SESSION, wipe: false }],
		[true, { sessionId: SESSION, wipe: true }],
	])('Restart with wipe %s', async (wipe, expected) => {
		let body: unknown;
		gateway()
			.post('/restart-session', (b) => ((body = b), true))
			.reply(200, ok({ status: wipe ? 'qr' : 'connecting' }));

		const { items } = await runNode(session('restart', { wipe }));

		expect(body).toEqual(expected);
		expect(items[0].json).toMatchObject({ wiped: wipe, status: wipe ? 'qr' : 'connecting' });
	});

	it('Delete removes the session', async () => {
		let body: unknown;
		gateway()
			.post('/delete-session', (b) => ((body = b), true))
			.reply(200, ok({}));

		const { items } = await runNode(session('delete'));

		expect(body).toEqual({ sessionId: SESSION });
		expect(items[0].json).toMatchObject({ sessionId: SESSION, deleted: true });
	});

	it('Rotate Key outputs the new key and says to update the credential', async () => {
		gateway()
			.post('/rotate-key', { sessionId: SESSION })
			.reply(200, ok({ apiKey: 'wi_new_key_0000000000000000' }, 'req-rot'));

		const { items } = await runNode(session('rotateKey'));

		expect(items[0].json).toEqual({
			sessionId: SESSION,
			apiKey: 'wi_new_key_0000000000000000',
			requestId: 'req-rot',
			action: 'Update the "WhatsInfinity API" credential with this apiKey now: the previous key no longer works.',
		});
	});

	it('refuses a key shorter than 16 characters before any request, without showing it', async () => {
		const scope = gateway().get(/.*/).reply(200, ok(status));

		const { error } = await runNode({
			...session('getStatus'),
			credentials: { whatsInfinityApi: { ...credentials.whatsInfinityApi, apiKey: 'short-key' } },
		});

		expect(error?.message).toBe(
			'The API key in the "WhatsInfinity API" credential is 9 characters long; WhatsInfinity needs at least 16 [item 0]',
		);
		expect(JSON.stringify(error)).not.toContain('short-key');
		expect(scope.isDone()).toBe(false);
	});

	it('surfaces the envelope of a 401 with its request ID', async () => {
		gateway()
			.get(`/check-session/${SESSION}`)
			.reply(401, failure('Unauthorized', 'Invalid or missing API key', 'req-401'));

		const { error } = await runNode(session('getStatus'));

		expect(error?.message).toBe('WhatsInfinity answered 401: Unauthorized (request ID req-401) [item 0]');
		expect(error?.description).toContain('"WhatsInfinity API" credential');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
