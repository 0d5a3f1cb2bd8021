import nock from 'nock';

import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { runNode } from '../../harness/n8n';
import { accepted, API_KEY, credentials, gateway, sendParameters } from './fixtures';
import { errorOf } from '../../harness/common-shapes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies of any shape, read by the assertions
type Json = Record<string, any>;

describe('Infobip → Message → Send: all items as few requests as possible', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('sends a number given as sender with its + as Infobip writes numbers (digits), and a name as it is', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, (_uri, b) => accepted(b as Json));
		for (const sender of ['+447860099299', 'InfoSMS']) {
			const { error } = await runNode({ type: 'infobip', parameters: sendParameters({ sender }), credentials }, [
				{ to: '+447491163443', text: 'hi' },
			]);
			expect(error).toBeUndefined();
		}
		expect(bodies.map((body) => body.messages[0].sender)).toEqual(['447860099299', 'InfoSMS']);
	});

	it('packs shared texts into one message with many destinations and personalised ones into messages of their own, in one request', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.reply(200, (_uri, b) => accepted(b as Json));

		const items = [
			{ to: '+44 7491 163443', text: 'Sale starts now' },
			{ to: '+447491163444', text: 'Hi Ann, your order shipped' },
			{ to: '+447491163445', text: 'Sale starts now' },
			{ to: '+447491163446', text: 'Hi Bo, your order shipped' },
			{ to: '+447491163447', text: 'Sale starts now' },
		];
		const { items: out, error } = await runNode(
			{ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'spring-sale' } }), credentials },
			items,
		);

		expect(error).toBeUndefined();
		expect(bodies).toHaveLength(1);
		const [body] = bodies;
		expect(body.options).toEqual({ schedule: { bulkId: 'spring-sale' } });
		expect(body.messages.map((m: Json) => [m.channel, m.sender, m.content.body.text, m.destinations.map((d: Json) => d.to)])).toEqual([
			['SMS', 'InfoSMS', 'Sale starts now', ['447491163443', '447491163445', '447491163447']],
			['SMS', 'InfoSMS', 'Hi Ann, your order shipped', ['447491163444']],
			['SMS', 'InfoSMS', 'Hi Bo, your order shipped', ['447491163446']],
		]);
		expect(body.messages[0].content).toEqual({ body: { type: 'TEXT', text: 'Sale starts now' } });
		expect(
			out.map((i) => [i.pairedItem, i.json.messageId, i.json.destination, i.json.bulkId, (i.json.statusDetails as Json).groupName]),
		).toEqual([0, 1, 2, 3, 4].map((n) => [{ item: n }, `spring-sale-${n}`, `44749116344${3 + n}`, 'spring-sale', 'PENDING']));
		// The common send result: Infobip's PENDING group is "queued".
		expect(out.map((i) => [i.json.to, i.json.fate, i.json.status, i.json.gatewayStatus])).toEqual(
			[0, 1, 2, 3, 4].map((n) => [`44749116344${3 + n}`, 'sent', 'queued', 'PENDING']),
		);
		expect(JSON.stringify(out)).not.toContain(API_KEY);
	});

	it('splits at Messages Per Request: the next requests are <bulkId>-2, -3', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.times(3)
			.reply(200, (_uri, b) => accepted(b as Json));

		const { items } = await runNode(
			{ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'b', messagesPerRequest: 2 } }), credentials },
			[1, 2, 3, 4, 5].map((n) => ({ to: `+44749116344${n}`, text: 'Same' })),
		);

		expect(bodies.map((b) => [b.options.schedule.bulkId, b.messages[0].destinations.length])).toEqual([
			['b', 2],
			['b-2', 2],
			['b-3', 1],
		]);
		expect(items.map((i) => i.json.bulkId)).toEqual(['b', 'b', 'b-2', 'b-2', 'b-3']);
	});

	it("sends the message options, the schedule in Infobip's format, the speed limit and tracking", async () => {
		let body: Json = {};
		gateway()
			.post('/messages-api/1/messages', (b) => ((body = b), true))
			.reply(200, (_uri, b) => accepted(b as Json));

		const { error } = await runNode(
			{
				type: 'infobip',
				parameters: sendParameters({
					channel: 'WHATSAPP',
					options: {
						header: 'Order',
						footer: 'Reply STOP to opt out',
						buttons: { button: [{ type: 'REPLY', text: 'Track', postbackData: 'track-1' }] },
						validity: { period: { amount: 48, timeUnit: 'HOURS' } },
						callbackData: 'order=1',
						campaignReferenceId: 'spring',
						deliveryUrl: 'https://n8n.example.com/webhook/x/webhook',
						intermediateReport: true,
						seenUrl: 'https://n8n.example.com/webhook/x/webhook',
						failover: { step: [{ channel: 'SMS', sender: 'InfoSMS' }] },
						indiaDlt: { dlt: { principalEntityId: 'pe-1', contentTemplateId: 'ct-1', telemarketerId: '' } },
						entityId: 'ent',
						applicationId: 'app',
						adaptationMode: false,
						messageId: 'my-own-id',
					},
					campaign: {
						bulkId: 'c1',
						sendAt: '2026-11-23T09:30:00.000Z',
						speed: { limit: { amount: 100, timeUnit: 'HOUR' } },
						tracking: { settings: { shortenUrl: true, trackClicks: false, trackingUrl: 'https://t.example.com' } },
					},
				}),
				credentials,
			},
			[{ to: '+447491163443', text: 'Shipped' }],
		);

		expect(error).toBeUndefined();
		expect(body).toEqual({
			messages: [
				{
					channel: 'WHATSAPP',
					sender: 'InfoSMS',
					content: {
						body: { type: 'TEXT', text: 'Shipped' },
						header: { type: 'TEXT', text: 'Order' },
						footer: { text: 'Reply STOP to opt out' },
						buttons: [{ type: 'REPLY', text: 'Track', postbackData: 'track-1' }],
					},
					options: {
						platform: { entityId: 'ent', applicationId: 'app' },
						validityPeriod: { amount: 48, timeUnit: 'HOURS' },
						adaptationMode: false,
						regional: { indiaDlt: { principalEntityId: 'pe-1', contentTemplateId: 'ct-1' } },
						campaignReferenceId: 'spring',
					},
					webhooks: {
						delivery: { url: 'https://n8n.example.com/webhook/x/webhook', intermediateReport: true },
						seen: { url: 'https://n8n.example.com/webhook/x/webhook' },
						callbackData: 'order=1',
					},
					failover: [{ channel: 'SMS', sender: 'InfoSMS' }],
					// With failover, seed 002 wants a "Channels Destination": the address on each channel.
					destinations: [
						{
							messageId: 'my-own-id',
							byChannel: [
								{ channel: 'WHATSAPP', to: '447491163443' },
								{ channel: 'SMS', to: '447491163443' },
							],
						},
					],
				},
			],
			options: {
				// n8n fills the collection's other defaults: removeProtocol goes out as false.
				tracking: { shortenUrl: true, trackClicks: false, trackingUrl: 'https://t.example.com', removeProtocol: false },
				// Seed 002: the sending speed limit is part of the schedule.
				schedule: { bulkId: 'c1', sendAt: '2026-11-23T09:30:00.000+0000', sendingSpeedLimit: { amount: 100, timeUnit: 'HOUR' } },
			},
		});
	});

	it.each([
		[
			'Send At in the past',
			{ campaign: { sendAt: '2026-11-22T11:00:00Z' } },
			{},
			'Send At 2026-11-22T11:00:00.000Z is in the past [item 0]',
		],
		[
			'Send At over 180 days ahead',
			{ campaign: { sendAt: '2027-06-01T00:00:00Z' } },
			{},
			'Send At 2027-06-01T00:00:00.000Z is more than 180 days ahead [item 0]',
		],
		[
			'a validity over 48 hours',
			{ options: { validity: { period: { amount: 49, timeUnit: 'HOURS' } } } },
			{},
			'Validity Period 49 hours is out of range [item 0]',
		],
		[
			'a failover on its own channel',
			{ options: { failover: { step: [{ channel: 'SMS', sender: 'x' }] } } },
			{},
			"Failover repeats the message's own channel SMS [item 0]",
		],
		['an empty text', {}, { text: ' ' }, 'The text is empty [item 0]'],
	])('refuses %s with a clear error and sends nothing', async (_name, parameters, item, message) => {
		const scope = gateway().post('/messages-api/1/messages').reply(200, {});

		const { error } = await runNode({ type: 'infobip', parameters: sendParameters(parameters), credentials }, [
			{ to: '+447491163443', text: 'hi', ...item },
		]);

		expect(error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it('puts an image in the body or the header as Image Placement says, and gives a button without Postback Data its text', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.times(2)
			.reply(200, (_uri, b) => accepted(b as Json));
		const options = (imagePlacement: string) => ({
			imageUrl: 'https://f.example.com/offer.png',
			imagePlacement,
			header: 'Ignored beside an image header',
			buttons: { button: [{ type: 'REPLY', text: 'Yes please', postbackData: '' }] },
		});
		for (const placement of ['body', 'header'])
			await runNode({ type: 'infobip', parameters: sendParameters({ channel: 'WHATSAPP', options: options(placement) }), credentials }, [
				{ to: '+447491163443', text: 'Our offer' },
			]);

		const button = { type: 'REPLY', text: 'Yes please', postbackData: 'Yes please' };
		expect(bodies.map((body) => body.messages[0].content)).toEqual([
			{
				body: { type: 'IMAGE', url: 'https://f.example.com/offer.png', text: 'Our offer' },
				header: { type: 'TEXT', text: 'Ignored beside an image header' },
				buttons: [button],
			},
			{ body: { type: 'TEXT', text: 'Our offer' }, header: { type: 'IMAGE', url: 'https://f.example.com/offer.png' }, buttons: [button] },
		]);
	});

	it("reads a Send At picked in the editor (a wall time without zone) in the workflow's time zone, not the server's", async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.reply(200, (_uri, b) => accepted(b as Json));
		const { error } = await runNode(
			{
				type: 'infobip',
				// What n8n's date picker stores: YYYY-MM-DDTHH:mm:ss, no zone.
				parameters: sendParameters({ campaign: { sendAt: '2026-11-23T09:30:00' } }),
				credentials,
				timezone: 'America/New_York',
			},
			[{ to: '+447491163443', text: 'Later' }],
		);

		expect(error).toBeUndefined();
		expect(bodies[0].options.schedule.sendAt).toBe('2026-11-23T14:30:00.000+0000');
	});

	it('checks phone numbers before any request: a bad one fails alone with Continue On Fail, and never enters the request', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.reply(200, (_uri, b) => accepted(b as Json));

		const { items, error } = await runNode(
			{ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'b' } }), credentials, continueOnFail: true },
			[
				{ to: '+447491163443', text: 'x' },
				{ to: '+1 234', text: 'x' },
				{ to: '+447491163445', text: 'x' },
			],
		);

		expect(error).toBeUndefined();
		expect(bodies[0].messages[0].destinations.map((d: Json) => d.to)).toEqual(['447491163443', '447491163445']);
		expect(items.map((i) => [i.pairedItem, i.json.messageId ?? errorOf(i)?.message])).toEqual([
			[{ item: 0 }, 'b-0'],
			[{ item: 1 }, expect.stringMatching(/^Invalid "To": "\+1 234" is not a valid phone number.*\[item 1\]$/)],
			[{ item: 2 }, 'b-2'],
		]);
	});

	it('a 400 whose violations name recipients fails only those items, and the rest go again (nothing was accepted)', async () => {
		const bodies: Json[] = [];
		gateway()
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.reply(400, {
				errorCode: 'E400',
				description: 'Request cannot be processed.',
				action: 'Check the syntax, violations and adjust the request.',
				violations: [{ property: 'messages[0].destinations[1].to', violation: 'is not a valid phone number' }],
				resources: [],
			})
			.post('/messages-api/1/messages', (b) => (bodies.push(b), true))
			.reply(200, (_uri, b) => accepted(b as Json));

		const { items } = await runNode(
			{
				type: 'infobip',
				parameters: sendParameters({ campaign: { bulkId: 'b' }, options: { skipValidation: true } }),
				credentials,
				continueOnFail: true,
			},
			[
				{ to: '+447491163443', text: 'x' },
				{ to: '+1234567', text: 'x' },
				{ to: '+447491163445', text: 'x' },
			],
		);

		expect(bodies.map((b) => b.messages[0].destinations.map((d: Json) => d.to))).toEqual([
			['447491163443', '1234567', '447491163445'],
			['447491163443', '447491163445'],
		]);
		expect(items.map((i) => i.json.messageId ?? errorOf(i)?.message)).toEqual([
			'b-0',
			'Infobip refused this recipient: messages[0].destinations[1].to: is not a valid phone number [item 1]',
			'b-2',
		]);
	});

	it('never re-sends a request whose answer was lost, and names the bulk and message IDs to look up', async () => {
		const scope = gateway()
			.post('/messages-api/1/messages')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		const { items, error } = await runNode(
			{ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'lost' } }), credentials, continueOnFail: true },
			[
				{ to: '+447491163443', text: 'x' },
				{ to: '+447491163444', text: 'x' },
			],
		);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(fakeClock.sleeps).toEqual([]);
		expect(errorOf(items[0])?.message).toBe(
			'Infobip may have accepted bulk lost: The connection to Infobip at https://xk92p.api.infobip.com broke before it answered (after 1 try) [item 0]',
		);
		expect(errorOf(items[1])?.description).toContain("Look up bulk lost (messageIds lost-0 … lost-1; this item's is lost-1)");
	});

	it('says a gateway it could not reach took nothing (its fate is known), rather than "may have accepted"', async () => {
		gateway()
			.post('/messages-api/1/messages')
			.times(6)
			.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

		const { error } = await runNode({ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'down' } }), credentials }, [
			{ to: '+447491163443', text: 'x' },
		]);

		expect(error?.message).toBe('Infobip could not be reached at https://xk92p.api.infobip.com after 6 tries [item 0]');
	});

	it('does not re-send after a 500 either: the items name the bulk to look up', async () => {
		const scope = gateway().post('/messages-api/1/messages').reply(500, { errorCode: 'E500', description: 'Internal server error' });
		const again = gateway().post('/messages-api/1/messages').reply(200, {});

		const { error } = await runNode({ type: 'infobip', parameters: sendParameters({ campaign: { bulkId: 'b500' } }), credentials }, [
			{ to: '+447491163443', text: 'x' },
		]);

		expect([scope.isDone(), again.isDone()]).toEqual([true, false]);
		expect(error?.message).toBe('Infobip may have accepted bulk b500: Infobip answered 500: Internal server error [item 0]');
		expect(error?.description).toContain("Look up bulk b500 (messageId b500-0; this item's is b500-0)");
		nock.cleanAll();
	});

	it('waits out a 429 for its Retry-After, then sends', async () => {
		gateway()
			.post('/messages-api/1/messages')
			.reply(
				429,
				{ requestError: { serviceException: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' } } },
				{ 'Retry-After': '2' },
			)
			.post('/messages-api/1/messages')
			.reply(200, (_uri, b) => accepted(b as Json));

		const { items, error } = await runNode({ type: 'infobip', parameters: sendParameters(), credentials }, [
			{ to: '+447491163443', text: 'x' },
		]);

		expect(error).toBeUndefined();
		expect(fakeClock.sleeps).toEqual([2_000]);
		expect((items[0].json.statusDetails as Json).groupName).toBe('PENDING');
	});

	it("turns the older error shape into an error with Infobip's words", async () => {
		gateway()
			.post('/messages-api/1/messages')
			.reply(401, { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } });

		const { error } = await runNode({ type: 'infobip', parameters: sendParameters(), credentials }, [{ to: '+447491163443', text: 'x' }]);

		expect(error?.message).toBe('Infobip answered 401: Invalid login details [item 0]');
		// Every Infobip account has its own Base URL: a 401 names it beside the key.
		expect(error?.description).toBe(
			'Check the API key in the "Infobip API" credential, and that its Base URL is your account\'s own (https://xxxxx.api.infobip.com).',
		);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});

	it('says an HTML page answered 200 (a wrong Base URL) cannot have sent anything, and that a re-run is safe', async () => {
		gateway()
			.post('/messages-api/1/messages')
			.reply(200, '<!doctype html><html><body>Welcome to nginx!</body></html>', { 'Content-Type': 'text/html' });

		const { error } = await runNode({ type: 'infobip', parameters: sendParameters(), credentials }, [{ to: '+447491163443', text: 'x' }]);

		expect(error?.message).not.toMatch(/may have accepted/);
		expect(error?.message).toMatch(/answered with a web page, not Infobip's API/);
		expect(error?.description).toMatch(/Base URL/);
	});

	it('Validate posts the same request to the validate endpoint and sends nothing', async () => {
		const validate = gateway().post('/messages-api/1/messages/validate').reply(200, { description: 'Request is valid.' });
		const send = gateway().post('/messages-api/1/messages').reply(200, {});

		const { items } = await runNode({ type: 'infobip', parameters: { ...sendParameters(), operation: 'validate' }, credentials }, [
			{ to: '+447491163443', text: 'x' },
		]);

		expect(validate.isDone()).toBe(true);
		expect(send.isDone()).toBe(false);
		expect(items[0].json).toMatchObject({ valid: true, to: '447491163443' });
		nock.cleanAll();
	});
});
