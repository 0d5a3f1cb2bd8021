import nock from 'nock';

import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { runNode, testCredential } from '../../harness/n8n';
import { BASE_URL, credentials, gateway, httpCredentials, ok, refused, sendParameters, TOKEN } from './fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies of any shape, read by the assertions
type Json = Record<string, any>;
const record = (to: string, uid: string) => ({ uid, to, from: 'YourName', status: 'Delivered', sms_type: 'plain' });

describe('Infopromo → SMS → Send', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it("sends shared texts together as comma-separated recipients, personalised ones one by one; each item gets its recipient's result", async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, (_uri, b) =>
				ok(
					String((b as Json).recipient)
						.split(',')
						.map((to, i) => record(to, `u-${to}-${i}`)),
				),
			);

		const { items, error } = await runNode(
			{ type: 'infopromo', parameters: sendParameters(), credentials },
			[
				{ to: '+31 6 12345678', text: 'Sale today' },
				{ to: '+31612345679', text: 'Hi Ann' },
				{ to: '0612345680', text: 'Sale today' },
			].map((item, i) => (i === 2 ? { ...item, to: '+31612345680' } : item)),
		);

		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{ sender_id: 'YourName', type: 'plain', message: 'Sale today', recipient: '31612345678,31612345680' },
			{ sender_id: 'YourName', type: 'plain', message: 'Hi Ann', recipient: '31612345679' },
		]);
		expect(items.map((i) => [i.pairedItem, i.json.recipient, i.json.uid])).toEqual([
			[{ item: 0 }, '31612345678', 'u-31612345678-0'],
			[{ item: 1 }, '31612345679', 'u-31612345679-0'],
			[{ item: 2 }, '31612345680', 'u-31612345680-1'],
		]);
	});

	it('chunks at Recipients Per Request', async () => {
		const recipients: string[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (recipients.push(b.recipient), true))
			.times(3)
			.reply(200, ok('Your message was successfully delivered'));

		const { items } = await runNode(
			{ type: 'infopromo', parameters: sendParameters({ options: { recipientsPerRequest: 2 } }), credentials },
			[1, 2, 3, 4, 5].map((n) => ({ to: `+3161234567${n}`, text: 'Same' })),
		);

		expect(recipients).toEqual(['31612345671,31612345672', '31612345673,31612345674', '31612345675']);
		// The answer's data is text here: each item keeps it, with its own recipient.
		expect(items[4].json).toEqual({
			recipient: '31612345675',
			details: 'Your message was successfully delivered',
			gateway: 'infopromo',
			messageId: null,
			to: '31612345675',
			fate: 'sent',
			status: 'queued',
			gatewayStatus: 'success',
			encoding: 'GSM-7',
			segments: 1,
			ucs2Characters: [],
		});
	});

	it('sends each type with the fields it needs, and the schedule as Y-m-d H:i in the chosen time zone', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (bodies.push(b), true))
			.times(3)
			.reply(200, ok(record('31612345678', 'x')));

		await runNode(
			{ type: 'infopromo', parameters: sendParameters({ type: 'mms', mediaUrl: 'https://f.example.com/a.png' }), credentials },
			[{ to: '+31612345678', text: 'Look' }],
		);
		await runNode({ type: 'infopromo', parameters: sendParameters({ type: 'voice', language: 'nl-nl', gender: 'male' }), credentials }, [
			{ to: '+31612345678', text: 'Hello' },
		]);
		await runNode(
			{
				type: 'infopromo',
				parameters: sendParameters({ options: { scheduleTime: '2026-11-22T15:30:00Z', timezone: 'Asia/Kolkata', dltTemplateId: 'dlt-9' } }),
				credentials,
			},
			[{ to: '+31612345678', text: 'Later' }],
		);

		expect(bodies).toEqual([
			{ sender_id: 'YourName', type: 'mms', message: 'Look', media_url: 'https://f.example.com/a.png', recipient: '31612345678' },
			{ sender_id: 'YourName', type: 'voice', message: 'Hello', language: 'nl-nl', gender: 'male', recipient: '31612345678' },
			{
				sender_id: 'YourName',
				type: 'plain',
				message: 'Later',
				dlt_template_id: 'dlt-9',
				schedule_time: '2026-11-22 21:00',
				recipient: '31612345678',
			},
		]);
	});

	it("reads a Schedule Time picked in the editor in the workflow's zone, writes it in the platform's, never early, and says which zone", async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, ok([record('31612345678', 'u1')]));
		const run = async (options: Json) =>
			await runNode(
				// What n8n's date picker stores: YYYY-MM-DDTHH:mm:ss, no zone; with seconds, which the platform's Y-m-d H:i has not.
				{
					type: 'infopromo',
					parameters: sendParameters({ options: { scheduleTime: '2026-11-23T09:30:45', ...options } }),
					credentials,
					timezone: 'Asia/Kolkata',
				},
				[{ to: '+31612345678', text: 'Later' }],
			);

		const inLondon = await run({ timezone: 'Europe/London' });
		const inWorkflowZone = await run({});

		// 09:30:45 in Kolkata is 04:00:45 UTC: the next minute, 04:01, in London (GMT in November).
		expect(bodies.map((body) => body.schedule_time)).toEqual(['2026-11-23 04:01', '2026-11-23 09:31']);
		expect([inLondon.items[0].json.scheduleTime, inLondon.items[0].json.scheduleTimeZone]).toEqual(['2026-11-23 04:01', 'Europe/London']);
		expect([inWorkflowZone.items[0].json.scheduleTime, inWorkflowZone.items[0].json.scheduleTimeZone]).toEqual([
			'2026-11-23 09:31',
			'Asia/Kolkata',
		]);
	});

	it('on a host that takes one number a request, says to set Recipients Per Request to 1, which then sends each', async () => {
		gateway().post('/api/v3/sms/send').reply(422, refused('The recipient must be a valid number.'));
		const bodies: Json[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, (_uri, b) => ok([record(String((b as Json).recipient), `u-${String((b as Json).recipient)}`)]));
		const items = [
			{ to: '+31612345678', text: 'Hi' },
			{ to: '+31612345679', text: 'Hi' },
		];

		const together = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials }, items);
		const one = await runNode(
			{ type: 'infopromo', parameters: sendParameters({ options: { recipientsPerRequest: 1 } }), credentials },
			items,
		);

		expect(together.error?.description).toMatch(/set Recipients Per Request to 1/);
		expect(bodies.map((body) => body.recipient)).toEqual(['31612345678', '31612345679']);
		expect(one.items.map((item) => item.json.uid)).toEqual(['u-31612345678', 'u-31612345679']);
	});

	it('takes the type from each item by expression (n8n checks nothing about it before the run)', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/api/v3/sms/send', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, ok([]));

		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters({ type: '={{ $json.type }}' }), credentials }, [
			{ to: '+31612345678', text: 'a', type: 'whatsapp' },
			{ to: '+31612345678', text: 'b', type: 'otp' },
		]);

		expect(error).toBeUndefined();
		expect(bodies.map((b) => b.type)).toEqual(['whatsapp', 'otp']);
	});

	it.each([
		[
			'a sender name over 11 characters',
			{ senderId: 'MyLongShopName' },
			{},
			'Sender ID "MyLongShopName" is neither a phone number nor a name of at most 11 letters and digits [item 0]',
		],
		['an empty message', {}, { text: ' ' }, 'The message is empty [item 0]'],
		['an MMS without media', { type: 'mms', mediaUrl: '={{ "" }}' }, {}, 'An MMS needs an image: "" is not an http(s) URL [item 0]'],
		['a voice message without a language', { type: 'voice', language: '={{ "" }}' }, {}, 'A voice message needs a language [item 0]'],
		[
			'a Schedule Time in the past',
			{ options: { scheduleTime: '2026-11-22T11:00:00Z' } },
			{},
			'Schedule Time 2026-11-22T11:00:00.000Z is in the past [item 0]',
		],
		['an invalid number', {}, { to: '+31 6' }, 'Invalid "To"'.replace('To', 'Recipient')],
	])('refuses %s before any request', async (_name, parameters, item, message) => {
		const scope = gateway().post(/.*/).reply(200, ok({}));

		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters(parameters), credentials }, [
			{ to: '+31612345678', text: 'hi', ...item },
		]);

		expect(error?.message).toContain(message);
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it.each([
		['HTTP 422', 422],
		['HTTP 200 with status "error"', 200],
	])("turns an error answered as %s into the platform's words", async (_name, status) => {
		gateway().post('/api/v3/sms/send').reply(status, refused('The selected type is invalid.'));

		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials }, [{ to: '+31612345678', text: 'hi' }]);

		expect(error?.message).toBe(`Infopromo answered ${status}: The selected type is invalid. [item 0]`);
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	it('treats a success body that is not the documented envelope as an error of unknown fate, not an empty result', async () => {
		gateway().post('/api/v3/sms/send').reply(200, { sent: true });
		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials }, [{ to: '+31612345678', text: 'hi' }]);
		// The request was taken, and nothing says whether the message went out: not sent again.
		expect(error?.message).toBe(
			'Infopromo may have sent this message: Infopromo answered 200: an answer without the documented {"status": "success", "data": …} envelope [item 0]',
		);
		expect(error?.description).toMatch(/^It was not sent again \(the platform has no idempotency key\)/);
	});

	it('never re-sends when the answer is lost, and says where to check what went out', async () => {
		const scope = gateway()
			.post('/api/v3/sms/send')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials }, [{ to: '+31612345678', text: 'hi' }]);

		expect(scope.isDone()).toBe(true);
		expect(fakeClock.sleeps).toEqual([]);
		expect(error?.message).toBe(
			'Infopromo may have sent this message: The connection to Infopromo at https://sms.infopromo.digital broke before it answered (after 1 try) [item 0]',
		);
		expect(error?.description).toContain('Check SMS → Get Many (direction Outgoing) for 31612345678');
	});

	it('says a platform it could not reach sent nothing, rather than "may have sent"', async () => {
		gateway()
			.post('/api/v3/sms/send')
			.times(6)
			.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

		const { error } = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials }, [{ to: '+31612345678', text: 'hi' }]);

		expect(error?.message).toBe('Infopromo could not be reached at https://sms.infopromo.digital after 6 tries [item 0]');
	});

	it("with the HTTP API style, puts api_token in the body of a send, and a read's token in a Bearer header (n8n sends no GET body), never in the URL, under /api/http", async () => {
		let body: Json = {};
		const send = nock(BASE_URL, { badheaders: ['authorization'] })
			.post('/api/http/sms/send', (b) => ((body = b), true))
			.reply(200, ok([record('31612345678', 'h1')]));
		const read = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
			.get('/api/http/sms/h1')
			.query((query) => Object.keys(query).length === 0)
			.reply(200, ok(record('31612345678', 'h1')));

		const sent = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials: httpCredentials }, [
			{ to: '+31612345678', text: 'hi' },
		]);
		const got = await runNode({
			type: 'infopromo',
			parameters: { resource: 'sms', operation: 'get', uid: 'h1' },
			credentials: httpCredentials,
		});

		expect(got.error?.message).toBeUndefined();
		expect([send.isDone(), read.isDone()]).toEqual([true, true]);
		expect(body).toMatchObject({ api_token: TOKEN, recipient: '31612345678' });
		expect(sent.items[0].json.uid).toBe('h1');
		expect(got.items[0].json.uid).toBe('h1');
		expect(JSON.stringify([sent.items, got.items])).not.toContain(TOKEN);
	});
});

describe('Infopromo: the token stays out of errors in the HTTP API style too', () => {
	it('a refused read (token in the query) and a refused send (token in the body) do not echo it', async () => {
		nock(BASE_URL).get('/api/http/sms/x1').query(true).reply(401, refused('Unauthenticated.'));
		nock(BASE_URL).post('/api/http/sms/send').reply(200, refused('Invalid API token'));

		const read = await runNode({
			type: 'infopromo',
			parameters: { resource: 'sms', operation: 'get', uid: 'x1' },
			credentials: httpCredentials,
		});
		const sent = await runNode({ type: 'infopromo', parameters: sendParameters(), credentials: httpCredentials }, [
			{ to: '+31612345678', text: 'hi' },
		]);

		expect([read.error?.message, sent.error?.message]).toEqual([
			'Infopromo answered 401: Unauthenticated. [item 0]',
			'Infopromo answered 200: Invalid API token [item 0]',
		]);
		expect(JSON.stringify([read.error, sent.error])).not.toContain(TOKEN);
	});
});

describe('Infopromo → SMS → Get Many, campaigns, account', () => {
	const page = (n: number, last: number, data: unknown[]) =>
		ok({ current_page: n, data, last_page: last, next_page_url: n < last ? `x?page=${n + 1}` : null, per_page: 2, total: 5 });

	it('walks the Laravel pages with Return All, with the filters', async () => {
		const asked: Json[] = [];
		gateway()
			.get('/api/v3/sms')
			.query((q) => (asked.push(q), true))
			.times(3)
			.reply(200, (uri) => {
				const n = Number(new URL(uri, BASE_URL).searchParams.get('page'));
				return page(n, 3, n < 3 ? [{ uid: `${n}a` }, { uid: `${n}b` }] : [{ uid: '3a' }]);
			});

		const { items } = await runNode({
			type: 'infopromo',
			parameters: {
				resource: 'sms',
				operation: 'getAll',
				returnAll: true,
				filters: { direction: 'incoming', smsType: 'plain', startDate: '2026-11-01T00:00:00Z', timezone: 'UTC' },
			},
			credentials,
		});

		expect(items.map((i) => i.json.uid)).toEqual(['1a', '1b', '2a', '2b', '3a']);
		expect(asked.map((q) => q.page)).toEqual(['1', '2', '3']);
		expect(asked[0]).toEqual({ page: '1', direction: 'incoming', sms_type: 'plain', start_date: '2026-11-01', timezone: 'UTC' });
	});

	it('Campaign → Create sends to contact lists with the schedule; Get reads it', async () => {
		let body: Json = {};
		gateway()
			.post('/api/v3/sms/campaign', (b) => ((body = b), true))
			.reply(200, ok({ uid: 'c1', status: 'scheduled' }));
		gateway()
			.get('/api/v3/campaign/c1/view')
			.reply(200, ok({ uid: 'c1', status: 'delivered' }));

		const created = await runNode({
			type: 'infopromo',
			parameters: {
				resource: 'campaign',
				operation: 'create',
				contactListIds: 'l1, l2',
				senderId: 'YourName',
				type: 'whatsapp',
				message: 'News',
				options: { scheduleTime: '2027-01-15T08:00:00Z', timezone: 'UTC' },
			},
			credentials,
		});
		const got = await runNode({
			type: 'infopromo',
			parameters: { resource: 'campaign', operation: 'get', campaignUid: 'c1' },
			credentials,
		});

		expect(created.error).toBeUndefined();
		expect(body).toEqual({
			contact_list_id: 'l1,l2',
			sender_id: 'YourName',
			type: 'whatsapp',
			message: 'News',
			schedule_time: '2027-01-15 08:00',
		});
		expect([created.items[0].json, got.items[0].json]).toEqual([
			// The campaign's recipient is its contact lists.
			{
				uid: 'c1',
				gateway: 'infopromo',
				messageId: 'c1',
				to: expect.any(String),
				fate: 'sent',
				status: 'queued',
				gatewayStatus: 'scheduled',
			},
			{ uid: 'c1', status: 'delivered' },
		]);
	});

	it('Account → Get Balance and Get Profile', async () => {
		gateway()
			.get('/api/v3/balance')
			.reply(200, ok({ remaining_balance: '500 units' }));
		gateway()
			.get('/api/v3/me')
			.reply(200, ok({ email: 'a@example.com' }));
		expect(
			(await runNode({ type: 'infopromo', parameters: { resource: 'account', operation: 'getBalance' }, credentials })).items[0].json,
		).toEqual({ remaining_balance: '500 units' });
		expect(
			(await runNode({ type: 'infopromo', parameters: { resource: 'account', operation: 'getProfile' }, credentials })).items[0].json,
		).toEqual({ email: 'a@example.com' });
	});

	it('with the HTTP API style on a host that has only the SMS paths seed 004 shows there, says to use the v3 style for the balance', async () => {
		nock(BASE_URL).get('/api/http/balance').reply(404, { status: 'error', message: 'Not Found' });

		const { error } = await runNode({
			type: 'infopromo',
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: httpCredentials,
		});

		expect(error?.message).toBe('Infopromo answered 404: Not Found [item 0]');
		expect(error?.description).toMatch(/this host has no such path under \/api\/http .*use the OAuth 2.0 \(v3\) API Style/);
	});
});

describe('Infopromo API credential test', () => {
	it('reads the balance (v3) or the SMS list (HTTP style, the read its documents show there) with the token', async () => {
		const v3 = gateway()
			.get('/api/v3/balance')
			.reply(200, ok({ remaining_balance: '1' }));
		const page = ok({ current_page: 1, data: [], last_page: 1, per_page: 25, total: 0 });
		const http = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
			.get('/api/http/sms')
			.query((query) => Object.keys(query).length === 0)
			.reply(200, page);
		const inQuery = nock(BASE_URL, { badheaders: ['authorization'] })
			.get('/api/http/sms')
			.query({ api_token: TOKEN })
			.reply(200, page);
		expect((await testCredential('infopromoApi', credentials.infopromoApi)).error).toBeUndefined();
		expect((await testCredential('infopromoApi', httpCredentials.infopromoApi)).error).toBeUndefined();
		expect((await testCredential('infopromoApi', { ...httpCredentials.infopromoApi, readAuth: 'query' })).error).toBeUndefined();
		expect([v3.isDone(), http.isDone(), inQuery.isDone()]).toEqual([true, true, true]);
	});

	it('fails on HTTP 200 with status "error" too, without echoing the token', async () => {
		gateway().get('/api/v3/balance').reply(200, refused('Invalid API token'));
		const { error } = await testCredential('infopromoApi', credentials.infopromoApi);
		expect(error?.message).toBe('Infopromo refused the API token');
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});
});
