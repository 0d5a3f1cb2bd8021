// Inbound exactly once: a gateway's retry of a delivery the trigger already accepted starts nothing.
import { createHmac } from 'crypto';

import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import { callWebhook, type NodeSetup } from '../harness/n8n';

const SECRET = 'whsec-repeats-0123456789';
const signed = (body: string) => ({ body, headers: { 'X-Webhook-Signature': createHmac('sha256', SECRET).update(body).digest('hex') } });

const infiniReach = (parameters: Record<string, unknown> = {}): NodeSetup => ({
	type: 'infiniReachTrigger',
	parameters: { events: ['message.inbound', 'message.delivered'], ...parameters },
	credentials: { infiniReachApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret: SECRET } },
});
const infobip = (): NodeSetup => ({
	type: 'infobipTrigger',
	parameters: { events: ['delivery', 'inbound'], verification: 'signature' },
	credentials: {
		infobipApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret: SECRET, webhookUsername: '', webhookPassword: '' },
	},
});
const txtCoop = (): NodeSetup => ({
	type: 'txtCoopTrigger',
	parameters: { events: ['message.failed'] },
	credentials: { txtCoopApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1' } },
	staticData: { 'node:Gateway': { webhookId: 'w1', secret: SECRET } },
});

const inbound = (messageId: string, body = 'hi') =>
	JSON.stringify({ event: 'message.inbound', timestamp: '2026-11-22T12:00:00Z', data: { messageId, from: '+14155550123', body } });

describe('a trigger and the gateway retrying a delivery', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('starts once for the same signed delivery sent three times, answering each with 200', async () => {
		const delivery = signed(inbound('m1'));
		const results = [];
		for (let i = 0; i < 3; i++) results.push(await callWebhook(infiniReach(), delivery));

		expect(results.map((r) => [r.statusCode, r.started])).toEqual([
			[200, true],
			[200, false],
			[200, false],
		]);
		expect(results[1].responseBody).toEqual({ received: true, started: false, repeat: true });
	});

	it('still refuses an unsigned or forged repeat with 401', async () => {
		await callWebhook(infiniReach(), signed(inbound('m1')));
		const unsigned = await callWebhook(infiniReach(), { body: inbound('m1') });
		const forged = await callWebhook(infiniReach(), { body: inbound('m1'), headers: { 'X-Webhook-Signature': 'ab'.repeat(32) } });

		expect([unsigned.statusCode, forged.statusCode]).toEqual([401, 401]);
		expect([unsigned.started, forged.started]).toEqual([false, false]);
	});

	it('starts for another message, and for another event of the same message', async () => {
		await callWebhook(infiniReach(), signed(inbound('m1')));
		const other = await callWebhook(infiniReach(), signed(inbound('m2')));
		const delivered = await callWebhook(
			infiniReach(),
			signed(JSON.stringify({ event: 'message.delivered', timestamp: 't', data: { messageId: 'm1', status: 'delivered' } })),
		);

		expect([other.started, delivered.started]).toEqual([true, true]);
	});

	it('starts again once the Repeat Window has passed, and every time with a window of 0', async () => {
		const delivery = signed(inbound('m1'));
		await callWebhook(infiniReach({ repeatWindow: 5 }), delivery);
		const within = await callWebhook(infiniReach({ repeatWindow: 5 }), delivery);
		await fakeClock.advance(5 * 60_000);
		const after = await callWebhook(infiniReach({ repeatWindow: 5 }), delivery);
		const off = await Promise.all([1, 2].map(async () => await callWebhook(infiniReach({ repeatWindow: 0 }), signed(inbound('m9')))));

		expect([within.started, after.started]).toEqual([false, true]);
		expect(off.map((r) => r.started)).toEqual([true, true]);
	});

	it("Infobip: a retried batch starts with only its new results, and a message's next status is new", async () => {
		const report = (messageId: string, status: string) => ({
			event: 'DELIVERY',
			channel: 'SMS',
			messageId,
			status: { groupName: status, name: status },
		});
		await callWebhook(infobip(), signed(JSON.stringify({ results: [report('a', 'PENDING')] })));
		const retried = await callWebhook(
			infobip(),
			signed(JSON.stringify({ results: [report('a', 'PENDING'), report('b', 'PENDING'), report('a', 'DELIVERED')] })),
		);

		expect(retried.started).toBe(true);
		expect(retried.items.map((item) => [item.json.messageId, (item.json.status as { name: string }).name])).toEqual([
			['b', 'PENDING'],
			['a', 'DELIVERED'],
		]);
	});

	it('txtcoop: a second failed attempt of a message is an event of its own', async () => {
		const failed = (attempts: number) =>
			signed(JSON.stringify({ event: 'message.failed', timestamp: 't', data: { id: 'msg_1', status: 'failed', attempts } }));
		const first = await callWebhook(txtCoop(), failed(1));
		const retry = await callWebhook(txtCoop(), failed(1));
		const second = await callWebhook(txtCoop(), failed(2));

		expect([first.started, retry.started, second.started]).toEqual([true, false, true]);
	});
});

describe('a repeat is marked only once its execution exists', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('starts the gateway retry of a delivery n8n failed to start (a 500), and only that once', async () => {
		const delivery = signed(inbound('m-lost'));
		const failed = await callWebhook(infiniReach(), { ...delivery, execution: 'fails' });
		const retry = await callWebhook(infiniReach(), delivery);
		const again = await callWebhook(infiniReach(), delivery);

		expect([failed.statusCode, failed.started]).toEqual([500, true]);
		expect([retry.statusCode, retry.started]).toEqual([200, true]);
		expect([again.statusCode, again.started]).toEqual([200, false]);
	});

	it('answers a retry that arrives while the first execution is being created with 503, and starts it if that fails', async () => {
		const delivery = signed(inbound('m-slow'));
		const first = await callWebhook(infiniReach(), { ...delivery, execution: 'held' });
		const during = await callWebhook(infiniReach(), delivery);
		first.answer(false);
		const after = await callWebhook(infiniReach(), delivery);

		expect(first.started).toBe(true);
		expect([during.statusCode, during.started, during.headers['retry-after']]).toEqual([503, false, '5']);
		expect([first.statusCode, after.statusCode, after.started]).toEqual([500, 200, true]);
	});

	it('gives each item an eventId that a retry repeats and another event does not', async () => {
		const first = await callWebhook(infiniReach({ repeatWindow: 0 }), signed(inbound('m1')));
		const retry = await callWebhook(infiniReach({ repeatWindow: 0 }), signed(inbound('m1')));
		const other = await callWebhook(infiniReach({ repeatWindow: 0 }), signed(inbound('m2')));
		const infobipReport = async () =>
			(
				await callWebhook(
					infobip(),
					signed(JSON.stringify({ results: [{ event: 'DELIVERY', messageId: 'x', status: { groupName: 'DELIVERED' } }] })),
				)
			).items;

		expect(first.items[0].json.eventId).toMatch(/^[0-9a-f]{32}$/);
		expect(retry.items[0].json.eventId).toBe(first.items[0].json.eventId);
		expect(other.items[0].json.eventId).not.toBe(first.items[0].json.eventId);
		expect((await infobipReport())[0].json.eventId).toMatch(/^[0-9a-f]{32}$/);
	});
});
