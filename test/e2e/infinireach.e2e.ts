// The package inside a real n8n 2.41.1, installed as users install it, against the InfiniReach sandbox.
import axios from 'axios';
import { join } from 'path';

import { INFINIREACH_API_KEY } from '../sandbox';
import { nodeOutput } from './n8n';
import { WORK } from './paths';
import { waitFor } from './processes';
import { AUTO_REPLY, ensureRuntime, startStack, type Stack } from './stack';

jest.setTimeout(10 * 60_000);

const owner = { email: 'e2e@example.com', password: 'E2e-Owner-Password-1' };

describe('InfiniReach in a real n8n', () => {
	let stack: Stack;
	const emulator = () => stack.sandbox.infiniReach;

	beforeAll(async () => {
		await ensureRuntime();
		stack = await startStack({
			folder: join(WORK, 'e2e'),
			port: 5688,
			brokerPort: 5690,
			owner,
			sandbox: { infiniReach: { stepMs: 20 } },
		});
	});
	afterAll(async () => await stack?.stop());
	beforeEach(() => {
		emulator().server.reset();
		emulator().config.rateLimit = { limit: 100, windowMs: 60_000 };
	});

	it('sends an SMS, normalising the number', async () => {
		const { ok, data } = await stack.n8n.execute('irSendSms0000001');

		expect(ok).toBe(true);
		const sent = emulator().outbound();
		expect(sent.map((m) => [m.channel, m.e164From, m.e164To, m.body])).toEqual([['sms', '+15559876543', '+14155550123', 'Hello from n8n!']]);
		expect(nodeOutput(data.data, 'Send SMS')).toEqual([
			expect.objectContaining({ messageId: sent[0]._id, jobId: sent[0].jobId, status: 'queued', to: '+14155550123' }),
		]);
	});

	it('sends WhatsApp to a number and to a group given as the app contact key', async () => {
		const { ok } = await stack.n8n.execute('irSendWhatsApp01');

		expect(ok).toBe(true);
		expect(emulator().outbound().map((m) => [m.channel, m.e164To])).toEqual([
			['whatsapp', '+14155550123'],
			['whatsapp', '120363423156426110@g.us'],
		]);
	});

	it('delivers a 50-recipient campaign exactly once through 429s and a lost answer', async () => {
		emulator().config.rateLimit = { limit: 20, windowMs: 2_000 };
		emulator().server.faults.add({ type: 'status', status: 429, retryAfter: 1, count: 3, method: 'POST' });
		// The gateway takes this send but the answer never arrives: only the externalId saves a duplicate.
		emulator().server.faults.add({ type: 'drop', afterHandling: true, method: 'POST' });

		const { ok, data, output } = await stack.n8n.execute('irCampaign000001');

		expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
		const sent = emulator().outbound();
		const recipients = sent.map((m) => m.e164To);
		expect(sent).toHaveLength(50);
		expect(new Set(recipients).size).toBe(50);
		expect(recipients.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `+1415555${1000 + i}`));
		const posts = emulator().server.log.filter((r) => r.method === 'POST');
		expect(posts.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
		expect(posts.length).toBeGreaterThan(50);
		const items = nodeOutput(data.data, 'Send Campaign');
		expect(items).toHaveLength(50);
		expect(new Set(items.map((i) => i.messageId)).size).toBe(50);
	});

	it('reads the whole history with Return All, 500 a page', async () => {
		emulator().config.rateLimit = { limit: 10_000, windowMs: 60_000 };
		const api = axios.create({ baseURL: stack.sandbox.urls.infiniReach, headers: { 'X-API-Key': INFINIREACH_API_KEY } });
		for (let i = 0; i < 520; i++) {
			await api.post('/api/v1/messages', { to: '+14155550123', from: '+15559876543', channel: i < 510 ? 'sms' : 'whatsapp', message: `m${i}` });
		}
		emulator().server.log.length = 0;

		const { ok, data } = await stack.n8n.execute('irHistory0000001');

		expect(ok).toBe(true);
		const items = nodeOutput(data.data, 'Get History');
		expect(items).toHaveLength(510);
		expect(items[0].body).toBe('m0');
		expect(items[509].body).toBe('m509');
		expect(emulator().server.log.map((r) => `${r.query.offset}/${r.query.limit}`)).toEqual(['0/500', '500/500']);
	});

	it('lists devices with their status', async () => {
		const { ok, data } = await stack.n8n.execute('irDevices0000001');

		expect(ok).toBe(true);
		expect(nodeOutput(data.data, 'Get Devices').map((d) => [d.id, d.status])).toEqual([
			['device-pixel', 'online'],
			['device-spare', 'offline'],
		]);
	});

	it('starts the auto-reply only for correctly signed inbound webhooks', async () => {
		const inbound = async (text: string, signing: 'valid' | 'none' | 'wrong') =>
			await axios.post(`${stack.sandbox.urls.infiniReach}/__sandbox/inbound`, { from: '+14155550199', to: '+15559876543', text, signing });

		const unsigned = await inbound('unsigned', 'none');
		const forged = await inbound('forged', 'wrong');
		// Non-ASCII text in a tab-indented, reordered body: only a check over the raw bytes accepts it.
		const signed = await inbound('Où est ma commande ? 📦', 'valid');

		expect([unsigned.data.delivery.status, forged.data.delivery.status, signed.data.delivery.status]).toEqual([401, 401, 200]);
		const replies = await waitFor('the auto-reply', async () => {
			const found = emulator().outbound();
			return found.length ? found : undefined;
		});
		expect(replies.map((m) => [m.e164From, m.e164To, m.body])).toEqual([
			['+15559876543', '+14155550199', 'Thanks for your message "Où est ma commande ? 📦"; we will get back to you shortly.'],
		]);
		const executions = await waitFor('the execution record', async () => {
			const list = await stack.n8n.executions(AUTO_REPLY.workflowId);
			return list.length && list.every((e) => e.finished) ? list : undefined;
		});
		expect(executions.map((e) => [e.mode, e.status])).toEqual([['webhook', 'success']]);
	});
});
