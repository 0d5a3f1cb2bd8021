import { createHmac } from 'crypto';
import { WebhookContext } from 'n8n-core';

import { KEEP_MS, REREAD_GAP_MS } from '../../nodes/shared/kept-credentials';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import { callWebhook, credentialReads, type NodeSetup } from '../harness/n8n';

// What a delivery costs a trigger in n8n: credential reads and parameter reads each go through n8n's
// expression machinery (a sandbox per request under the default engine), and the answer must be JSON.

const SECRET = 'whsec-cost-test-0123456789';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

// Each delivery is another message (the same one twice would be a gateway's retry, acknowledged as a repeat).
let messages = 0;
const infiniReachMessage = () =>
	JSON.stringify({ event: 'message.inbound', timestamp: 't', data: { messageId: `m${++messages}`, from: '+14155550123', body: 'hi' } });
const infobipMessage = () =>
	JSON.stringify({
		results: [
			{ event: 'MO', channel: 'SMS', messageId: `mo${++messages}`, sender: '447491163443', content: [{ type: 'TEXT', text: 'hi' }] },
		],
	});
const infiniReachBody = infiniReachMessage();
const infobipBody = infobipMessage();
const txtCoopBody = JSON.stringify({ event: 'message.received', timestamp: 't', data: { id: 'r1', text: 'hi' } });

const infiniReach = (webhookSecret = SECRET, credentialId?: string): NodeSetup => ({
	type: 'infiniReachTrigger',
	parameters: { events: ['message.inbound'] },
	credentials: { infiniReachApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret } },
	credentialId,
});
const infobip = (verification: string, credentialId?: string): NodeSetup => ({
	type: 'infobipTrigger',
	parameters: { events: ['inbound'], verification },
	credentials: {
		infobipApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret: SECRET, webhookUsername: 'ib', webhookPassword: 'pw' },
	},
	credentialId,
});
const txtCoop = (): NodeSetup => ({
	type: 'txtCoopTrigger',
	parameters: { events: ['message.received'] },
	credentials: { txtCoopApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1' } },
	staticData: { 'node:Gateway': { webhookId: 'w1', secret: SECRET } },
});
const basic = `Basic ${Buffer.from('ib:pw').toString('base64')}`;

let uniqueIds = 0;
const freshId = () => `cost-${++uniqueIds}`;
const reads = (type: string) => credentialReads.get(type) ?? 0;

let clockFake: FakeClock;
let parameterReads: jest.SpyInstance;
beforeEach(() => {
	clockFake = useFakeClock();
	parameterReads = jest.spyOn(WebhookContext.prototype, 'getNodeParameter');
});
afterEach(() => {
	parameterReads.mockRestore();
	clockFake.restore();
});

describe('a delivery that starts a workflow', () => {
	it.each([
		['InfiniReach', () => infiniReach(SECRET, freshId()), infiniReachBody, { 'X-Webhook-Signature': sign(infiniReachBody) }],
		['Infobip (HMAC)', () => infobip('signature', freshId()), infobipBody, { 'X-Webhook-Signature': sign(infobipBody) }],
		['Infobip (Basic)', () => infobip('basicAuth', freshId()), infobipBody, { Authorization: basic }],
		['txtcoop', txtCoop, txtCoopBody, { 'X-Webhook-Signature': sign(txtCoopBody) }],
	])("%s: is acknowledged with JSON, not n8n's default text", async (_name, setup, body, headers) => {
		const result = await callWebhook(setup(), { body, headers });

		expect(result.started).toBe(true);
		expect(result.responseBody).toEqual({ received: true, started: true });
	});
});

describe('the hot path of a trigger', () => {
	it.each([
		[
			'InfiniReach',
			'infiniReachApi',
			() => infiniReach(SECRET, 'hot-infinireach'),
			infiniReachMessage,
			(body: string) => ({ 'X-Webhook-Signature': sign(body) }),
		],
		[
			'Infobip (HMAC)',
			'infobipApi',
			() => infobip('signature', 'hot-infobip'),
			infobipMessage,
			(body: string) => ({ 'X-Webhook-Signature': sign(body) }),
		],
		['Infobip (Basic)', 'infobipApi', () => infobip('basicAuth', 'hot-infobip-basic'), infobipMessage, () => ({ Authorization: basic })],
	])('%s: reads the credential once for many deliveries, and no parameter through n8n', async (_name, type, setup, message, headersFor) => {
		const before = reads(type);
		for (let i = 0; i < 5; i++) {
			const body = message();
			const result = await callWebhook(setup(), { body, headers: headersFor(body) });
			expect(result.started).toBe(true);
		}

		expect(reads(type) - before).toBe(1);
		expect(parameterReads).not.toHaveBeenCalled();
	});

	it('reads it again after a minute, so a secret replaced because it leaked stops working', async () => {
		const id = freshId();
		const before = reads('infiniReachApi');
		await callWebhook(infiniReach(SECRET, id), { body: infiniReachBody, headers: { 'X-Webhook-Signature': sign(infiniReachBody) } });
		// The user replaces the secret in the credential; deliveries signed with the old one...
		const oldSigned = () => {
			const body = infiniReachMessage();
			return { body, headers: { 'X-Webhook-Signature': sign(body) } };
		};
		expect((await callWebhook(infiniReach('whsec-new-secret', id), oldSigned())).started).toBe(true);
		await clockFake.advance(KEEP_MS);
		const late = await callWebhook(infiniReach('whsec-new-secret', id), oldSigned());

		expect([late.statusCode, late.started]).toEqual([401, false]);
		expect(reads('infiniReachApi') - before).toBe(2);
	});

	it('takes a rotated secret at once: a delivery that does not match memory reads the credential again', async () => {
		const id = freshId();
		await callWebhook(infiniReach(SECRET, id), { body: infiniReachBody, headers: { 'X-Webhook-Signature': sign(infiniReachBody) } });
		await clockFake.advance(REREAD_GAP_MS);
		const before = reads('infiniReachApi');
		const next = infiniReachMessage();
		const result = await callWebhook(infiniReach('whsec-rotated', id), {
			body: next,
			headers: { 'X-Webhook-Signature': sign(next, 'whsec-rotated') },
		});

		expect([result.statusCode, result.started]).toEqual([200, true]);
		expect(reads('infiniReachApi') - before).toBe(1);
	});

	it('refuses a flood of forged deliveries with at most one extra credential read a second, and no parameter through n8n', async () => {
		const id = freshId();
		await callWebhook(infiniReach(SECRET, id), { body: infiniReachBody, headers: { 'X-Webhook-Signature': sign(infiniReachBody) } });
		await clockFake.advance(REREAD_GAP_MS);
		const before = reads('infiniReachApi');
		for (let i = 0; i < 20; i++) {
			const forged = await callWebhook(infiniReach(SECRET, id), {
				body: infiniReachBody,
				headers: { 'X-Webhook-Signature': sign(infiniReachBody, 'guess') },
			});
			expect([forged.statusCode, forged.started]).toEqual([401, false]);
		}

		expect(reads('infiniReachApi') - before).toBe(1);
		expect(parameterReads).not.toHaveBeenCalled();
	});

	it('never trusts a remembered "no secret": a secret set since is enforced on the next delivery', async () => {
		const id = freshId();
		expect((await callWebhook(infiniReach('', id), { body: infiniReachBody })).started).toBe(true);
		const result = await callWebhook(infiniReach(SECRET, id), { body: infiniReachMessage() });

		expect([result.statusCode, result.started]).toEqual([401, false]);
	});

	it('reads no credential at all when Infobip verification is None', async () => {
		const before = reads('infobipApi');
		const result = await callWebhook(infobip('none', freshId()), { body: infobipBody });

		expect(result.started).toBe(true);
		expect(reads('infobipApi')).toBe(before);
	});

	it('still honours Events written as an expression, evaluated only after the signature checked out', async () => {
		const setup = { ...infiniReach(SECRET, freshId()), parameters: { events: '={{ ["message.inbound"] }}' } };
		const forged = await callWebhook(setup, { body: infiniReachBody, headers: { 'X-Webhook-Signature': sign(infiniReachBody, 'guess') } });
		expect(parameterReads).not.toHaveBeenCalled();
		const signed = await callWebhook(setup, { body: infiniReachBody, headers: { 'X-Webhook-Signature': sign(infiniReachBody) } });

		expect([forged.started, signed.started]).toEqual([false, true]);
		expect(parameterReads).toHaveBeenCalledWith('events', []);
	});
});
