import nock from 'nock';

import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { runNode } from '../../harness/n8n';
import { API_KEY, BASE_URL, credentials, gateway, page } from './fixtures';
import { errorOf } from '../../harness/common-shapes';

const message = (parameters: Record<string, unknown>) => ({
	type: 'txtCoop',
	parameters: { resource: 'message', ...parameters },
	credentials,
});
const queued = (id: string, to: string) => ({ id, status: 'queued', to, priority: 0, createdAt: '2026-11-22T12:00:00Z' });

describe('txtcoop → Message', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('Send posts to, body, attachments, priority and fromNumber with the Bearer key', async () => {
		let body: unknown;
		gateway()
			.post('/api/v1/messages', (b) => ((body = b), true))
			.reply(201, queued('msg_1', '+14155550123'));

		const { items, error } = await runNode(
			message({
				operation: 'send',
				to: '(415) 555-0123',
				body: 'Your table is ready',
				options: {
					defaultCountry: 'US',
					attachments: 'https://files.example.com/menu.pdf,\nhttps://files.example.com/map.png',
					priority: 80,
					fromNumber: '+1 415 555 0100',
				},
			}),
		);

		expect(error).toBeUndefined();
		expect(body).toEqual({
			to: '+14155550123',
			body: 'Your table is ready',
			attachments: ['https://files.example.com/menu.pdf', 'https://files.example.com/map.png'],
			priority: 80,
			fromNumber: '+14155550100',
		});
		expect(items).toEqual([
			{
				json: {
					...queued('msg_1', '+14155550123'),
					gateway: 'txtcoop',
					messageId: 'msg_1',
					fate: 'sent',
					status: 'queued',
					gatewayStatus: 'queued',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([
		['an Apple ID email', ' Anna@iCloud.com ', 'anna@icloud.com'],
		['a group GUID', 'iMessage;+;chat123456789', 'iMessage;+;chat123456789'],
	])('Send takes %s', async (_name, to, expected) => {
		let body: Record<string, unknown> = {};
		gateway()
			.post('/api/v1/messages', (b) => ((body = b), true))
			.reply(201, queued('msg_2', expected));

		await runNode(message({ operation: 'send', to, body: 'hi' }));

		expect(body.to).toBe(expected);
	});

	it('Send with attachments only leaves the body out', async () => {
		let body: Record<string, unknown> = {};
		gateway()
			.post('/api/v1/messages', (b) => ((body = b), true))
			.reply(201, queued('msg_3', '+14155550123'));

		await runNode(
			message({ operation: 'send', to: '+14155550123', body: '', options: { attachments: '={{ ["https://f.example.com/a.jpg"] }}' } }),
		);

		expect(body).toEqual({ to: '+14155550123', attachments: ['https://f.example.com/a.jpg'] });
	});

	it.each([
		['a bad recipient', { to: 'not a number' }, 'Invalid "To": "not a number" is not a phone number'],
		['a bad email', { to: 'anna@icloud' }, 'Invalid "To": "anna@icloud" is not an email address an Apple ID could have'],
		[
			'11 attachments',
			{ options: { attachments: Array.from({ length: 11 }, (_, i) => `https://f.example.com/${i}.jpg`).join(',') } },
			'There are 11 attachments; txtcoop takes at most 10',
		],
		['a non-http attachment', { options: { attachments: 'file:///etc/passwd' } }, 'Attachment "file:///etc/passwd" is not an http(s) URL'],
		['priority 101', { options: { priority: 101 } }, 'Priority 101 is out of range'],
		['an empty body without attachments', { body: '  ' }, 'The message has neither a body nor attachments'],
	])('Send refuses %s and sends nothing', async (_name, patch, text) => {
		const scope = nock(BASE_URL).post(/.*/).reply(201, {});

		const { error, items } = await runNode(message({ operation: 'send', to: '+14155550123', body: 'hi', ...patch }));

		expect(items).toEqual([]);
		expect(error?.message).toContain(text);
		expect(error?.message).toMatch(/\[item 0\]$/);
		expect(scope.isDone()).toBe(false);
	});

	it('Send waits out a 429 for its Retry-After header', async () => {
		gateway()
			.post('/api/v1/messages')
			.reply(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 }, { 'Retry-After': '12' })
			.post('/api/v1/messages')
			.reply(201, queued('msg_4', '+14155550123'));

		const { items, error } = await runNode(message({ operation: 'send', to: '+14155550123', body: 'hi' }));

		expect(error).toBeUndefined();
		expect(fakeClock.sleeps).toEqual([12_000]);
		expect(items[0].json.id).toBe('msg_4');
	});

	it('Send is not re-sent after a 503: txtcoop does not promise it sent nothing', async () => {
		const scope = gateway().post('/api/v1/messages').reply(503, { error: 'Service Unavailable', message: 'Try later', statusCode: 503 });
		const again = gateway().post('/api/v1/messages').reply(201, queued('msg_5', '+14155550123'));

		const { error } = await runNode(message({ operation: 'send', to: '+14155550123', body: 'hi' }));

		expect(scope.isDone()).toBe(true);
		expect(again.isDone()).toBe(false);
		expect(fakeClock.sleeps).toEqual([]);
		expect(error?.message).toBe('txtcoop answered 503: Try later [item 0]');
		expect(error?.description).toContain('The request may have been processed, so it was not re-sent');
		nock.cleanAll();
	});

	it('reads (idempotent) are still retried after a 503', async () => {
		gateway()
			.get('/api/v1/messages/queue/stats')
			.reply(503, { error: 'Service Unavailable', message: 'Try later', statusCode: 503 })
			.get('/api/v1/messages/queue/stats')
			.reply(200, { pending: 0, processing: 0, failed: 0, deadLetter: 0 });

		const { error } = await runNode(message({ operation: 'getQueueStats' }));

		expect(error).toBeUndefined();
		expect(fakeClock.sleeps).toEqual([1_000]);
	});

	it('turns the error envelope into an error that says how to fix it, without the key', async () => {
		gateway().post('/api/v1/messages').reply(401, { error: 'Unauthorized', message: 'API key revoked', statusCode: 401 });

		const { error } = await runNode(message({ operation: 'send', to: '+14155550123', body: 'hi' }));

		expect(error?.message).toBe('txtcoop answered 401: API key revoked [item 0]');
		expect(error?.description).toContain('"Txtcoop API" credential');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});

	it('asks for a Base URL when the credential has none, before any request', async () => {
		const { error } = await runNode({
			...message({ operation: 'getQueueStats' }),
			credentials: { txtCoopApi: { apiKey: API_KEY, baseUrl: '' } },
		});

		expect(error?.message).toBe('The "Txtcoop API" credential has no valid Base URL [item 0]');
		expect(error?.description).toBe("Set Base URL in the credential to your txtcoop server's address, starting with http:// or https://.");
	});

	it('with Continue On Fail, a failed send is reported on its item and the rest go out', async () => {
		gateway()
			.post('/api/v1/messages', (b) => b.to === '+14155550101')
			.reply(201, queued('msg_a', '+14155550101'))
			.post('/api/v1/messages', (b) => b.to === '+14155550102')
			.reply(400, { error: 'Bad Request', message: 'No relay is online for this number', statusCode: 400 })
			.post('/api/v1/messages', (b) => b.to === '+14155550103')
			.reply(201, queued('msg_c', '+14155550103'));

		const { items } = await runNode({ ...message({ operation: 'send', to: '={{ $json.to }}', body: 'hi' }), continueOnFail: true }, [
			{ to: '+14155550101' },
			{ to: '+14155550102' },
			{ to: '+14155550103' },
		]);

		expect(items.map((i) => [i.pairedItem, i.json.id ?? errorOf(i)?.message])).toEqual([
			[{ item: 0 }, 'msg_a'],
			[{ item: 1 }, 'txtcoop answered 400: No relay is online for this number [item 1]'],
			[{ item: 2 }, 'msg_c'],
		]);
	});

	it('Get Many walks the pages with Return All, 100 a page, with the filters', async () => {
		const asked: string[] = [];
		gateway()
			.get('/api/v1/messages')
			.query((q) => (asked.push(`${String(q.page)}/${String(q.limit)}/${String(q.direction)}/${String(q.participant)}`), true))
			.times(3)
			.reply(200, (uri) => {
				const pageNumber = Number(new URL(uri, BASE_URL).searchParams.get('page'));
				const count = pageNumber < 3 ? 100 : 30;
				return page(
					Array.from({ length: count }, (_, i) => ({ id: `m${pageNumber}-${i}` })),
					pageNumber,
					100,
					230,
				);
			});

		const { items } = await runNode(
			message({ operation: 'getAll', returnAll: true, filters: { direction: 'received', participant: 'Anna@iCloud.com' } }),
		);

		expect(asked).toEqual(['1/100/received/anna@icloud.com', '2/100/received/anna@icloud.com', '3/100/received/anna@icloud.com']);
		expect(items).toHaveLength(230);
	});

	it.each([
		['a bare list', (items: unknown[]) => items],
		['{data} without pagination', (items: unknown[]) => ({ data: items })],
		['{messages} without pagination', (items: unknown[]) => ({ messages: items })],
	])('Get Many walks answers shaped as %s to the first short page', async (_name, shape) => {
		const asked: number[] = [];
		gateway()
			.get('/api/v1/messages')
			.query(true)
			.times(3)
			.reply(200, (uri) => {
				const pageNumber = Number(new URL(uri, BASE_URL).searchParams.get('page'));
				asked.push(pageNumber);
				return shape(Array.from({ length: pageNumber < 3 ? 100 : 7 }, (_, i) => ({ id: `m${pageNumber}-${i}` })));
			});

		const { items, error } = await runNode(message({ operation: 'getAll', returnAll: true }));

		expect(error).toBeUndefined();
		expect(asked).toEqual([1, 2, 3]);
		expect(items).toHaveLength(207);
	});

	it('Get Many stops when a server without pagination ignores the page number', async () => {
		const full = Array.from({ length: 100 }, (_, i) => ({ id: `m${i}` }));
		const scope = gateway().get('/api/v1/messages').query(true).times(2).reply(200, { data: full });

		const { items, error } = await runNode(message({ operation: 'getAll', returnAll: true }));

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items.map((i) => i.json.id)).toEqual(full.map((m) => m.id));
	});

	it.each([
		['an object without a list', { result: 'ok' }, 'a list of messages (under "messages" or "data")'],
		['text', 'Service moved', 'JSON'],
	])('Get Many fails with what came back for %s, rather than an empty success', async (_name, answer, expected) => {
		gateway().get('/api/v1/messages').query(true).reply(200, answer);

		const { items, error } = await runNode(message({ operation: 'getAll', limit: 5 }));

		expect(items).toEqual([]);
		expect(error?.message).toBe(`txtcoop answered without ${expected} [item 0]`);
		expect(error?.description).toContain(`It answered: ${JSON.stringify(answer)}`);
	});

	it('Get Status fails on an empty answer rather than returning an empty item', async () => {
		gateway().get('/api/v1/relays/relay_1').reply(200, {});
		const { error } = await runNode({
			type: 'txtCoop',
			parameters: { resource: 'relay', operation: 'get', relayId: 'relay_1' },
			credentials,
		});
		expect(error?.message).toBe('txtcoop answered without the record asked for [item 0]');
	});

	it('Get Many with a Limit asks for one page of that size', async () => {
		gateway()
			.get('/api/v1/messages')
			.query({ page: '1', limit: '5' })
			.reply(200, page([{ id: 'a' }, { id: 'b' }], 1, 5, 2));

		const { items } = await runNode(message({ operation: 'getAll', limit: 5 }));

		expect(items.map((i) => i.json.id)).toEqual(['a', 'b']);
	});

	it('Get Status and Get Queue Stats read their endpoints', async () => {
		const status = { id: 'msg_1', status: 'delivered', attempts: 1, lastError: null, queuedAt: 'a', sentAt: 'b', deliveredAt: 'c' };
		gateway().get('/api/v1/messages/msg_1/status').reply(200, status);
		gateway().get('/api/v1/messages/queue/stats').reply(200, { pending: 5, processing: 2, failed: 0, deadLetter: 1 });

		const got = await runNode(message({ operation: 'getStatus', messageId: 'msg_1' }));
		const stats = await runNode(message({ operation: 'getQueueStats' }));

		expect(got.items[0].json).toEqual(status);
		expect(stats.items[0].json).toEqual({ pending: 5, processing: 2, failed: 0, deadLetter: 1 });
	});

	it('Get Attachments lists them, and with Download fetches each: the key only to the txtcoop host', async () => {
		gateway()
			.get('/api/v1/messages/msg_1/attachments')
			.reply(200, {
				data: [
					{ id: 'att_1', fileName: 'menu.pdf', mimeType: 'application/pdf', downloadUrl: `${BASE_URL}/files/att_1` },
					{ id: 'att_2', fileName: 'map.png', mimeType: 'image/png', url: 'https://cdn.example.net/att_2.png' },
				],
			});
		gateway()
			.matchHeader('accept', '*/*')
			.get('/files/att_1')
			.reply(200, Buffer.from('%PDF-1.7 menu'), { 'Content-Type': 'application/pdf' });
		const cdn = nock('https://cdn.example.net', { badheaders: ['authorization', 'x-api-key'] })
			.get('/att_2.png')
			.reply(200, Buffer.from('PNG bytes'), { 'Content-Type': 'image/png' });

		const { items, error } = await runNode(message({ operation: 'getAttachments', messageId: 'msg_1', download: true }));

		expect(error).toBeUndefined();
		expect(cdn.isDone()).toBe(true);
		expect(items[0].json).toMatchObject({ messageId: 'msg_1', attachments: [{ id: 'att_1' }, { id: 'att_2' }] });
		const binary = items[0].binary!;
		expect(binary.attachment_0).toMatchObject({ fileName: 'menu.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(binary.attachment_0.data, 'base64').toString()).toBe('%PDF-1.7 menu');
		expect(Buffer.from(binary.attachment_1.data, 'base64').toString()).toBe('PNG bytes');
	});

	it('Get Attachments takes attachments listed as plain URLs, and keeps the key on the txtcoop host', async () => {
		gateway()
			.get('/api/v1/messages/msg_2/attachments')
			.reply(200, { attachments: [`${BASE_URL}/files/photo.jpg`, 'https://storage.example.org/bucket/receipt.pdf?sig=x'] });
		gateway().matchHeader('accept', '*/*').get('/files/photo.jpg').reply(200, Buffer.from('JPEG'), { 'Content-Type': 'image/jpeg' });
		const storage = nock('https://storage.example.org', { badheaders: ['authorization'] })
			.get('/bucket/receipt.pdf')
			.query({ sig: 'x' })
			.reply(200, Buffer.from('%PDF'), { 'Content-Type': 'application/pdf' });

		const { items, error } = await runNode(message({ operation: 'getAttachments', messageId: 'msg_2', download: true }));

		expect(error).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(items[0].json.attachments).toEqual([
			{ url: `${BASE_URL}/files/photo.jpg` },
			{ url: 'https://storage.example.org/bucket/receipt.pdf?sig=x' },
		]);
		expect(items[0].binary!.attachment_0).toMatchObject({ fileName: 'photo.jpg' });
		expect(items[0].binary!.attachment_1).toMatchObject({ fileName: 'receipt.pdf' });
		expect(Buffer.from(items[0].binary!.attachment_1.data, 'base64').toString()).toBe('%PDF');
	});

	it('Get Attachments with Download fails on an attachment without a URL', async () => {
		gateway()
			.get('/api/v1/messages/msg_3/attachments')
			.reply(200, { data: [{ id: 'att_9', fileName: 'x.png' }] });

		const { error } = await runNode(message({ operation: 'getAttachments', messageId: 'msg_3', download: true }));

		expect(error?.message).toBe('txtcoop answered without a download URL for attachment 0 [item 0]');
	});
});
