import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import type { Departure } from '../../harness/credentials-helper';
import { runNode } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { API_KEY, credentials, gateway, sendParameters, serialized } from './fixtures';
import { errorOf } from '../../harness/common-shapes';

const accepted = (id: string) => ({ success: true, queued: true, messageId: id, jobId: `job-${id}` });

describe('InfiniReach → Message → Send: limits, retries and errors', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('paces a run to Requests Per Minute: the first N go at once, the next waits for the window and a second of margin', async () => {
		const recipients: string[] = [];
		gateway()
			.post('/api/v1/messages')
			.times(5)
			.reply(201, (_uri, body) => (recipients.push((body as IDataObject).to as string), accepted(`m${recipients.length}`)));
		const departures: Departure[] = [];

		const { items, error } = await runNode(
			{ type: 'infiniReach', parameters: sendParameters({ options: { requestsPerMinute: 2 } }), credentials, departures },
			[1, 2, 3, 4, 5].map((n) => ({ to: `+1415555010${n}`, text: `hello ${n}` })),
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		const start = departures[0].at;
		expect(departures.map((d) => d.at - start)).toEqual([0, 0, 61_000, 61_000, 122_000]);
		// Items are in flight together, yet leave in item order.
		expect(recipients).toEqual([1, 2, 3, 4, 5].map((n) => `+1415555010${n}`));
	});

	it('waits out a 429 for its Retry-After header, then sends', async () => {
		const scope = gateway()
			.post('/api/v1/messages')
			.reply(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '7' })
			.post('/api/v1/messages')
			.reply(201, accepted('m1'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(fakeClock.sleeps).toEqual([7_000]);
		expect(items[0].json.messageId).toBe('m1');
	});

	it('honours a retryAfter field in a 429 body when there is no header', async () => {
		gateway()
			.post('/api/v1/messages')
			.reply(429, { error: 'Too many requests', retryAfter: 3 })
			.post('/api/v1/messages')
			.reply(201, accepted('m1'));

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(fakeClock.sleeps).toEqual([3_000]);
	});

	it('backs off on 503 with growing waits, then succeeds', async () => {
		gateway()
			.post('/api/v1/messages')
			.times(3)
			.reply(503, { error: 'Service unavailable' })
			.post('/api/v1/messages')
			.reply(201, accepted('m1'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(items[0].json.messageId).toBe('m1');
		expect(fakeClock.sleeps).toEqual([1_000, 2_000, 4_000]);
	});

	it('gives up after the bounded number of tries with a clear error', async () => {
		const scope = gateway().post('/api/v1/messages').times(6).reply(503, { error: 'Service unavailable' });

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe('InfiniReach answered 503: Service unavailable [item 0]');
		expect(error?.description).toContain('kept failing after 6 tries');
	});

	it('explains a 401 and keeps the API key out of the error', async () => {
		gateway().post('/api/v1/messages').reply(401, { error: 'Invalid or missing API key' });

		const { error, items } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(items).toEqual([]);
		expect(error?.message).toBe('InfiniReach answered 401: Invalid or missing API key [item 0]');
		// A wrong Base URL is answered 401 as readily as a wrong key: the advice names both.
		expect(error?.description).toBe(
			'The API key was refused (missing, mistyped, revoked or expired), or the Base URL (https://api.infinireach.io) is not InfiniReach\'s. Check both in the "InfiniReach API" credential.',
		);
		expect(error?.httpCode).toBe('401');
		expect(fakeClock.sleeps).toEqual([]);
		expect(serialized(error)).not.toContain(API_KEY);
	});

	it('surfaces the gateway message of a 400 with what to fix', async () => {
		gateway().post('/api/v1/messages').reply(400, { error: 'from does not match a registered device' });

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error?.message).toBe('InfiniReach answered 400: from does not match a registered device [item 0]');
		expect(error?.description).toContain('must match a registered device number exactly');
	});

	it('re-sends after a dropped connection with the same externalId, so the gateway can drop the duplicate', async () => {
		const ids: string[] = [];
		gateway()
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.reply(201, accepted('m1'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(items[0].json.messageId).toBe('m1');
		expect(ids).toHaveLength(2);
		expect(ids[0]).toBe(ids[1]);
	});

	it.each([
		['a 409', 409, { success: false, error: 'Duplicate externalId' }, null],
		['a 2xx flagged duplicate', 200, { success: true, duplicate: true, messageId: 'm1', jobId: 'job-m1' }, 'm1'],
		['a 2xx saying it was already sent', 200, { success: true, message: 'Message already sent', messageId: 'm1' }, 'm1'],
	])('reports the item sent when the re-send with the same externalId meets %s', async (_name, status, body, messageId) => {
		const ids: string[] = [];
		gateway()
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.reply(status, body);

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(ids[0]).toBe(ids[1]);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				success: true,
				duplicate: true,
				fate: 'sent',
				status: 'queued',
				gatewayStatus: 'duplicate',
				messageId,
				externalId: ids[0],
				to: '+14155550123',
			}),
		]);
	});

	it('marks a first-time send as no duplicate', async () => {
		gateway().post('/api/v1/messages').reply(201, accepted('m1'));
		const { items } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);
		expect(items[0].json).toMatchObject({ duplicate: false, status: 'queued', messageId: 'm1' });
	});

	it('waits out a whole minute for a 429 without Retry-After before it gives up, then sends', async () => {
		const scope = gateway()
			.post('/api/v1/messages')
			.times(6)
			.reply(429, { error: 'Too many requests' })
			.post('/api/v1/messages')
			.reply(201, accepted('m1'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items[0].json.messageId).toBe('m1');
		// Six tries used to be all: the seventh comes once the window (and a second of margin) has passed.
		expect(fakeClock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
	});

	it('fails a 429 without a hint only after the minute has passed, and says so', async () => {
		const scope = gateway().post('/api/v1/messages').times(7).reply(429, { error: 'Too many requests' });

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'hi' },
		]);

		expect(scope.isDone()).toBe(true);
		expect(fakeClock.sleeps.reduce((a, b) => a + b, 0)).toBe(61_000);
		expect(error?.message).toBe('InfiniReach answered 429: Too many requests [item 0]');
		expect(error?.description).toContain(
			"Still rate limited after waiting 61 s, longer than InfiniReach's 60-second rate window (it said nothing of when to retry)",
		);
	});

	it('keeps waiting past the minute while the gateway takes other sends on the key: it is shared, not closed', async () => {
		// Item 0 is refused at once and again a window later, while item 1 went through: another process
		// (or this run) is using the key, and item 0's turn comes in the next window.
		const item0 = (b: IDataObject) => b.to === '+14155550101';
		const tries: number[] = [];
		const scope = gateway()
			.post('/api/v1/messages', item0)
			.times(2)
			.reply(() => (tries.push(fakeClock.now()), [429, { error: 'Too many requests' }]))
			.post('/api/v1/messages', (b: IDataObject) => b.to === '+14155550102')
			.reply(201, accepted('m2'))
			.post('/api/v1/messages', item0)
			.reply(() => (tries.push(fakeClock.now()), [201, accepted('m1')]));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550101', text: 'hi' },
			{ to: '+14155550102', text: 'hi' },
		]);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json.messageId)).toEqual(['m1', 'm2']);
		// At once, then after the window and its second of margin, then past the point where a key that took
		// nothing would have failed it, when the pacer sees a place free.
		expect(tries.map((at) => at - tries[0])).toEqual([0, 61_000, expect.any(Number)]);
		expect(tries[2] - tries[0]).toBeGreaterThan(61_000);
	});

	it('with Continue On Fail, reports the failed item and sends the rest', async () => {
		gateway()
			.post('/api/v1/messages', (b) => b.to === '+14155550101')
			.reply(201, accepted('m1'))
			.post('/api/v1/messages', (b) => b.to === '+14155550103')
			.reply(201, accepted('m3'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials, continueOnFail: true }, [
			{ to: '+14155550101', text: 'one' },
			{ to: 'not a number', text: 'two' },
			{ to: '+14155550103', text: 'three' },
		]);

		expect(error).toBeUndefined();
		expect(nock.isDone()).toBe(true);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.messageId).toBe('m1');
		expect(errorOf(items[1])?.message).toBe(
			'Invalid "To": "not a number" is not a phone number: it contains letters or symbols. Write it in international format with + and the country code (e.g. +14155550123), or set Default Country for national numbers. [item 1]',
		);
		expect(items[2].json.messageId).toBe('m3');
	});
});

describe('InfiniReach → Message → Send: bad input fails the item and sends nothing', () => {
	const cases: Array<[string, Record<string, unknown>, IDataObject, string]> = [
		[
			'an invalid number',
			{},
			{ to: '+1 234', text: 'hi' },
			'Invalid "To": "+1 234" is not a valid phone number: it is too short for its country code.',
		],
		['an empty recipient', {}, { to: '', text: 'hi' }, 'Invalid "To": The phone number is empty.'],
		[
			'a national number without a default country',
			{},
			{ to: '020 7946 0958', text: 'hi' },
			'Invalid "To": "020 7946 0958" has no country code, so it is not one number: it can be',
		],
		[
			'an unknown default country',
			{ options: { defaultCountry: 'XX' } },
			{ to: '020 7946 0958', text: 'hi' },
			'Invalid "To": Default Country "XX" is not a known two-letter ISO country code',
		],
		[
			'a WhatsApp group on the SMS channel',
			{},
			{ to: '120363043049692322@g.us', text: 'hi' },
			'Invalid "To": "120363043049692322@g.us" is a WhatsApp group, which only the "whatsapp" channel can reach.',
		],
		['an empty message', {}, { to: '+14155550123', text: '   ' }, 'The message is empty [item 0]'],
		// An expression that gives an object would otherwise send "[object Object]".
		['a message that is an object', {}, { to: '+14155550123', text: { order: 1 } }, 'The message is an object, not text [item 0]'],
		['a message that is a list', {}, { to: '+14155550123', text: ['a', 'b'] }, 'The message is a list, not text [item 0]'],
		[
			'a message over 1600 characters',
			{},
			{ to: '+14155550123', text: 'x'.repeat(1601) },
			'The message is 1601 characters long; InfiniReach accepts at most 1600 [item 0]',
		],
		['a missing sender', { from: '={{ "" }}' }, { to: '+14155550123', text: 'hi' }, 'No sender ("From") is set [item 0]'],
		['an unknown channel', { channel: '={{ "telegram" }}' }, { to: '+14155550123', text: 'hi' }, 'Unknown channel "telegram" [item 0]'],
	];

	it.each(cases)('%s', async (_name, parameters, item, message) => {
		const scope = nock('https://api.infinireach.io').post(/.*/).reply(201, {});

		const { error, items } = await runNode({ type: 'infiniReach', parameters: sendParameters(parameters), credentials }, [item]);

		expect(items).toEqual([]);
		expect(error?.message).toContain(message);
		expect(error?.message).toMatch(/\[item 0\]$/);
		expect(error?.context?.itemIndex).toBe(0);
		expect(scope.isDone()).toBe(false);
	});

	it('accepts exactly 1600 characters', async () => {
		const scope = nock('https://api.infinireach.io').post('/api/v1/messages').reply(201, { messageId: 'ok' });
		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'x'.repeat(1600) },
		]);
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});
