// InfiniReach inside a real n8n 2.41.1, installed as users install it, against the sandbox.
import axios from 'axios';
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { INFINIREACH_API_KEY } from '../../sandbox';
import { nodeOutput } from '../n8n';
import { EXAMPLE_FILES } from '../paths';
import { waitFor } from '../processes';
import { AUTO_REPLY, type Stack } from '../stack';

/** The InfiniReach scenarios, run against a lane's stack (see the *.e2e.ts files). */
export function infiniReachScenarios(stack: () => Stack): void {
	describe('InfiniReach in a real n8n', () => {
		const emulator = () => stack().sandbox.infiniReach;

		beforeEach(() => {
			emulator().server.reset();
			emulator().config.rateLimit = { limit: 100, windowMs: 60_000, scope: 'sends', hint: 'none' };
		});

		it('sends an SMS to a national number with a Default Country, checked by the bundled libphonenumber-js', async () => {
			// n8n installed the package alone: libphonenumber-js reaches n8n only inside the package's build.
			const installed = join(stack().n8n.options.folder, '.n8n/nodes/node_modules');
			expect(readdirSync(installed).filter((name) => !name.startsWith('.'))).toEqual(['n8n-nodes-message-gateways']);
			expect(existsSync(join(installed, 'n8n-nodes-message-gateways/node_modules'))).toBe(false);

			const { ok, data } = await stack().n8n.execute('irSendSms0000001');

			expect(ok).toBe(true);
			const sent = emulator().outbound();
			expect(sent.map((m) => [m.channel, m.e164From, m.e164To, m.body])).toEqual([
				['sms', '+15559876543', '+14155550123', 'Hello from n8n!'],
			]);
			expect(nodeOutput(data.data, 'Send SMS')).toEqual([
				expect.objectContaining({ messageId: sent[0]._id, jobId: sent[0].jobId, status: 'queued', to: '+14155550123' }),
			]);
		});

		it("sends a scheduled CSV campaign once per recipient: a second run sends nothing, a new row only itself (Campaign Key, in n8n's own store)", async () => {
			const csv = (rows: string[]) => writeFileSync(join(EXAMPLE_FILES, 'weekly-recipients.csv'), ['name,phone', ...rows].join('\n'));
			const rows = ['Ada,+14155550101', 'Brian,(415) 555-0102', 'Chen,+1 415 555 0103'];
			csv(rows);

			const first = await stack().n8n.execute('irWeeklyCsv00001');
			const second = await stack().n8n.execute('irWeeklyCsv00001');
			csv([...rows, 'Dana,+14155550104']);
			const third = await stack().n8n.execute('irWeeklyCsv00001');

			expect([first.ok, second.ok, third.ok]).toEqual([true, true, true]);
			expect(
				emulator()
					.outbound()
					.map((m) => [m.e164To, m.body]),
			).toEqual([
				['+14155550101', "Hi Ada, this week's offer is waiting for you."],
				['+14155550102', "Hi Brian, this week's offer is waiting for you."],
				['+14155550103', "Hi Chen, this week's offer is waiting for you."],
				['+14155550104', "Hi Dana, this week's offer is waiting for you."],
			]);
			expect(nodeOutput(second.data.data, 'Send Weekly SMS').map((item) => [item.skipped, item.to])).toEqual([
				[true, '+14155550101'],
				[true, '+14155550102'],
				[true, '+14155550103'],
			]);
			expect(nodeOutput(third.data.data, 'Send Weekly SMS').map((item) => item.skipped ?? false)).toEqual([true, true, true, false]);
		});

		it("reports a failed run with the node's own error, and sends nothing", async () => {
			const { ok, data } = await stack().n8n.execute('irInvalidNumber1');

			expect(ok).toBe(false);
			expect(data.data.resultData.error?.message).toBe(
				'Invalid "To": "+1234567890" is not a valid phone number: it is too short for its country code. Write it in international format with + and the country code (e.g. +14155550123), or set Default Country for national numbers. If the gateway accepts it all the same (a test number, a new range), turn on "Skip Number Validation" in the options. [item 0]',
			);
			expect(emulator().server.log.filter((r) => r.method === 'POST')).toEqual([]);
		});

		it('sends WhatsApp to a number and to a group given as the app contact key', async () => {
			const { ok } = await stack().n8n.execute('irSendWhatsApp01');

			expect(ok).toBe(true);
			// The contact key reaches InfiniReach whole: it matches the contact row by the key's instance ID.
			expect(
				emulator()
					.outbound()
					.map((m) => [m.channel, m.e164To, m.contactKey]),
			).toEqual([
				['whatsapp', '+14155550123', undefined],
				['whatsapp', '120363423156426110@g.us', 'group:69b605fdd822e2a741b3bd95:120363423156426110@g.us'],
			]);
		});

		it('delivers a 50-recipient campaign exactly once through 429s and a lost answer', async () => {
			emulator().server.faults.add({ type: 'status', status: 429, retryAfter: 1, count: 3, method: 'POST' });
			// The gateway takes this send but the answer never arrives: only the externalId saves a duplicate.
			emulator().server.faults.add({ type: 'drop', afterHandling: true, method: 'POST' });

			const { ok, data, output } = await stack().n8n.execute('irCampaign000001');

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
			// The re-send after the lost answer met InfiniReach's 409 for its externalId: sent once, reported sent.
			expect(items.filter((i) => i.duplicate === true).map((i) => [i.success, i.fate, i.gatewayStatus])).toEqual([
				[true, 'sent', 'duplicate'],
			]);
			expect(new Set(items.filter((i) => !i.duplicate).map((i) => i.messageId)).size).toBe(49);
		});

		it('reads the whole history with Return All, 500 a page', async () => {
			emulator().config.rateLimit = { limit: 10_000, windowMs: 60_000 };
			const api = axios.create({
				baseURL: stack().sandbox.urls.infiniReach,
				headers: { 'X-API-Key': INFINIREACH_API_KEY, 'User-Agent': 'e2e-seeder/1.0' },
			});
			for (let i = 0; i < 520; i++) {
				await api.post('/api/v1/messages', {
					to: '+14155550123',
					from: '+15559876543',
					channel: i < 510 ? 'sms' : 'whatsapp',
					message: `m${i}`,
				});
			}
			emulator().server.log.length = 0;

			const { ok, data } = await stack().n8n.execute('irHistory0000001');

			expect(ok).toBe(true);
			const items = nodeOutput(data.data, 'Get History');
			expect(items).toHaveLength(510);
			expect(items[0].body).toBe('m0');
			expect(items[509].body).toBe('m509');
			expect(emulator().server.log.map((r) => `${r.query.offset}/${r.query.limit}`)).toEqual(['0/500', '500/500']);
		});

		it('lists devices with their status', async () => {
			const { ok, data } = await stack().n8n.execute('irDevices0000001');

			expect(ok).toBe(true);
			expect(nodeOutput(data.data, 'Get Devices').map((d) => [d.id, d.status])).toEqual([
				['device-pixel', 'online'],
				['device-spare', 'offline'],
			]);
		});

		it('starts the auto-reply only for correctly signed inbound webhooks, answering on the channel the message came by', async () => {
			const inbound = async (text: string, signing: 'valid' | 'none' | 'wrong', channel = 'sms') =>
				await axios.post(`${stack().sandbox.urls.infiniReach}/__sandbox/inbound`, {
					from: '+14155550199',
					to: '+15559876543',
					text,
					signing,
					channel,
				});

			const unsigned = await inbound('unsigned', 'none');
			const forged = await inbound('forged', 'wrong');
			// Non-ASCII text in a tab-indented, reordered body: only a check over the raw bytes accepts it.
			const signed = await inbound('Où est ma commande ? 📦', 'valid');

			expect([unsigned.data.delivery.status, forged.data.delivery.status, signed.data.delivery.status]).toEqual([401, 401, 200]);
			const replies = await waitFor('the auto-reply', async () => {
				const found = emulator().outbound();
				return found.length ? found : undefined;
			});
			expect(replies.map((m) => [m.channel, m.e164From, m.e164To, m.body])).toEqual([
				['sms', '+15559876543', '+14155550199', 'Thanks for your message "Où est ma commande ? 📦"; we will get back to you shortly.'],
			]);

			// The payload names no channel: the workflow finds it in the history, so WhatsApp is answered on WhatsApp.
			await inbound('Hola por WhatsApp', 'valid', 'whatsapp');
			const both = await waitFor('the WhatsApp auto-reply', async () => {
				const found = emulator().outbound();
				return found.length === 2 ? found : undefined;
			});
			expect([both[1].channel, both[1].e164To, both[1].body]).toEqual([
				'whatsapp',
				'+14155550199',
				'Thanks for your message "Hola por WhatsApp"; we will get back to you shortly.',
			]);

			const executions = await waitFor('the execution records', async () => {
				const list = await stack().n8n.executions(AUTO_REPLY.workflowId);
				return list.length === 2 && list.every((e) => e.finished) ? list : undefined;
			});
			expect(executions.map((e) => [e.mode, e.status])).toEqual([
				['webhook', 'success'],
				['webhook', 'success'],
			]);
		});
	});
}
