import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import type { Departure } from '../../harness/credentials-helper';
import { runNode } from '../../harness/n8n';
import { API_KEY, BASE_URL, SESSION, credentials, failure, gateway, ok, textParameters } from './fixtures';
import { errorOf } from '../../harness/common-shapes';

const sent = (n: number | string) => ok({ queued: false, messageId: `wamid-${n}` }, `req-${n}`);

describe('WhatsInfinity → Message', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('Send Text posts the documented body and reports messageId, queued and requestId', async () => {
		let body: unknown;
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, sent(1));

		const { items, error } = await runNode(
			{ type: 'whatsInfinity', parameters: textParameters({ options: { typing: true } }), credentials },
			[{ to: '+91 99999-99999', text: 'Hello from n8n' }],
		);

		expect(error).toBeUndefined();
		expect(body).toEqual({ sessionId: SESSION, to: '919999999999', type: 'text', message: 'Hello from n8n', typing: true });
		expect(items).toEqual([
			{
				json: {
					messageId: 'wamid-1',
					queued: false,
					requestId: 'req-1',
					sessionId: SESSION,
					to: '919999999999',
					type: 'text',
					gateway: 'whatsinfinity',
					fate: 'sent',
					status: 'sent',
					gatewayStatus: 'sent',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Send Media posts type, url, caption and file name', async () => {
		let body: unknown;
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, ok({ queued: true, messageId: 'wamid-doc' }));

		const { items } = await runNode({
			type: 'whatsInfinity',
			parameters: {
				resource: 'message',
				operation: 'sendMedia',
				to: '+919999999999',
				mediaType: 'document',
				url: 'https://files.example.com/invoice.pdf',
				caption: 'April invoice',
				fileName: 'invoice.pdf',
			},
			credentials,
		});

		expect(body).toEqual({
			sessionId: SESSION,
			to: '919999999999',
			type: 'document',
			url: 'https://files.example.com/invoice.pdf',
			caption: 'April invoice',
			fileName: 'invoice.pdf',
		});
		expect(items[0].json).toMatchObject({ messageId: 'wamid-doc', queued: true, type: 'document' });
	});

	it('Send Media leaves out "typing", which the API documents for text only', async () => {
		let body: IDataObject = {};
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, ok({ queued: true }));
		const parameters = {
			resource: 'message',
			operation: 'sendMedia',
			to: '+919999999999',
			mediaType: 'image',
			url: 'https://f.example.com/a.png',
			options: { typing: true },
		};

		const { error } = await runNode({ type: 'whatsInfinity', parameters, credentials });

		expect(error).toBeUndefined();
		expect(body).toEqual({ sessionId: SESSION, to: '919999999999', type: 'image', url: 'https://f.example.com/a.png' });
	});

	it('Send Text sends "typing" when asked', async () => {
		let body: IDataObject = {};
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, ok({ queued: true }));

		await runNode({ type: 'whatsInfinity', parameters: textParameters({ options: { typing: true } }), credentials }, [
			{ to: '+919999999999', text: 'hi' },
		]);

		expect(body).toEqual({ sessionId: SESSION, to: '919999999999', type: 'text', message: 'hi', typing: true });
	});

	it('sends a number the numbering plan does not know only with Skip Number Validation', async () => {
		let body: IDataObject = {};
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, ok({ queued: true }));

		const refused = await runNode({ type: 'whatsInfinity', parameters: textParameters(), credentials }, [
			{ to: '+1234567890', text: 'hi' },
		]);
		const sent = await runNode({ type: 'whatsInfinity', parameters: textParameters({ options: { skipValidation: true } }), credentials }, [
			{ to: '+1234567890', text: 'hi' },
		]);

		expect(refused.error?.message).toContain('"+1234567890" is not a valid phone number: it is too short for its country code.');
		expect(refused.error?.message).toContain('turn on "Skip Number Validation"');
		expect(sent.error).toBeUndefined();
		expect(body.to).toBe('1234567890');
	});

	it('normalises national numbers with the Default Country', async () => {
		let body: IDataObject = {};
		gateway()
			.post('/send', (b) => ((body = b), true))
			.reply(200, sent(1));

		await runNode({ type: 'whatsInfinity', parameters: textParameters({ options: { defaultCountry: 'GB' } }), credentials }, [
			{ to: '07400 123456', text: 'hi' },
		]);

		expect(body.to).toBe('447400123456');
	});

	it('paces a campaign to 10 a minute per session by default', async () => {
		let count = 0;
		gateway()
			.post('/send')
			.times(12)
			.reply(200, () => sent(++count));
		const departures: Departure[] = [];

		const { items, error } = await runNode(
			{ type: 'whatsInfinity', parameters: textParameters(), credentials, departures },
			Array.from({ length: 12 }, (_, i) => ({ to: `+9199999000${String(i).padStart(2, '0')}`, text: `hi ${i}` })),
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect(departures.map((d) => (d.at - departures[0].at) / 1000)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 61, 61]);
	});

	it('does not pace the gateway’s own check of a dry run, which sends nothing', async () => {
		const bodies: IDataObject[] = [];
		gateway()
			.post('/send', (b) => (bodies.push(b), true))
			.times(12)
			.reply(200, ok({ queued: true, dryRun: true, to: '919999999999@s.whatsapp.net' }));

		const { items } = await runNode(
			{ type: 'whatsInfinity', parameters: textParameters({ options: { dryRun: true, gatewayCheck: true } }), credentials },
			Array.from({ length: 12 }, (_, index) => ({ to: `+9199999999${String(index).padStart(2, '0')}`, text: 'test' })),
		);

		expect(fakeClock.sleeps).toEqual([]);
		expect(bodies).toHaveLength(12);
		expect(bodies.every((b) => b.dryRun === true)).toBe(true);
		expect(items[0].json).toMatchObject({
			dryRun: true,
			wouldBe: 'sent',
			fate: 'skipped',
			skippedBecause: 'dryRun',
			messageId: null,
			gatewayCheck: { to: '919999999999@s.whatsapp.net' },
		});
	});

	it('waits out a 429 for the retryAfter in its body, then sends', async () => {
		gateway()
			.post('/send')
			.reply(429, failure('Rate limit exceeded', 'Too many requests', 'req-429', { retryAfter: 30 }))
			.post('/send')
			.reply(200, sent(1));

		const { items, error } = await runNode({ type: 'whatsInfinity', parameters: textParameters(), credentials }, [
			{ to: '+919999999999', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(fakeClock.sleeps).toEqual([30_000]);
		expect(items[0].json.messageId).toBe('wamid-1');
	});

	it('retries a full queue (503) with back-off: it was not accepted, so nothing doubles', async () => {
		const scope = gateway()
			.post('/send')
			.times(2)
			.reply(503, failure('Request failed', 'Message queue full', 'req-503'))
			.post('/send')
			.reply(200, sent(1));

		const { error } = await runNode({ type: 'whatsInfinity', parameters: textParameters(), credentials }, [
			{ to: '+919999999999', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(fakeClock.sleeps).toEqual([1_000, 2_000]);
	});

	it('reports a number not on WhatsApp (422) on its item and, with Continue On Fail, sends the rest', async () => {
		gateway()
			.post('/send', (b) => b.to === '919999999991')
			.reply(200, sent(1))
			.post('/send', (b) => b.to === '919999999992')
			.reply(422, failure('Request failed', 'Number not registered on WhatsApp', 'req-422'))
			.post('/send', (b) => b.to === '919999999993')
			.reply(200, sent(3));

		const { items, error } = await runNode(
			{ type: 'whatsInfinity', parameters: textParameters(), credentials, continueOnFail: true },
			[1, 2, 3].map((n) => ({ to: `+91999999999${n}`, text: 'hi' })),
		);

		expect(error).toBeUndefined();
		expect(nock.isDone()).toBe(true);
		expect(items.map((i) => [i.pairedItem, i.json.messageId ?? errorOf(i)?.message])).toEqual([
			[{ item: 0 }, 'wamid-1'],
			[{ item: 1 }, 'WhatsInfinity answered 422: Request failed (request ID req-422) [item 1]'],
			[{ item: 2 }, 'wamid-3'],
		]);
		expect(errorOf(items[1])?.description).toContain('not registered on WhatsApp');
		expect(errorOf(items[1])?.description).toContain('Number not registered on WhatsApp');
	});

	it('does not re-send when the connection drops after sending: the gateway has no idempotency key', async () => {
		const scope = gateway()
			.post('/send')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

		const { error } = await runNode({ type: 'whatsInfinity', parameters: textParameters(), credentials }, [
			{ to: '+919999999999', text: 'hi' },
		]);

		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe(`The connection to WhatsInfinity at ${BASE_URL} broke before it answered (after 1 try) [item 0]`);
		expect(error?.description).toMatch(/^Network error ECONNRESET\. The request may have reached the gateway, so it was not sent again/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
