// Infobip inside a real n8n 2.41.1, installed as users install it, against the sandbox.
import axios from 'axios';

import { INFOBIP_API_KEY } from '../../sandbox';
import { nodeOutput } from '../n8n';
import { waitFor } from '../processes';
import { INFOBIP_EVENTS, type Stack } from '../stack';

/** The Infobip scenarios, run against a lane's stack (see the *.e2e.ts files). */
export function infobipScenarios(stack: () => Stack): void {
	describe('Infobip in a real n8n', () => {
		const emulator = () => stack().sandbox.infobip;
		const sends = () => emulator().server.log.filter((r) => r.method === 'POST' && r.path === '/messages-api/1/messages');

		beforeEach(() => emulator().server.reset());

		it('sends a 2,000-recipient campaign, half of it personalised, in 2 requests: each recipient exactly once', async () => {
			// Its 2,000 delivery reports stay with Infobip to be pulled, rather than starting 2,000 executions.
			const subscription = emulator().config.subscription;
			emulator().config.subscription = undefined;
			try {
				const { ok, data, output } = await stack().n8n.execute('ibCampaign000001');

				expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
				// One message to the 1,000 who get the same text, 1,000 personalised ones: 2,000 destinations, 1,000 a request.
				expect(sends()).toHaveLength(2);
				const recipients = emulator().messages.map((m) => m.to);
				expect(recipients).toHaveLength(2000);
				expect(new Set(recipients).size).toBe(2000);
				const items = nodeOutput(data.data, 'Send Campaign');
				expect(items).toHaveLength(2000);
				expect(items.slice(0, 2).map((i) => [i.destination, i.bulkId])).toEqual([
					['447491100000', 'spring-2000'],
					['447491100001', 'spring-2000'],
				]);
				expect(new Set(items.map((i) => i.messageId)).size).toBe(2000);
				await waitFor('every message delivered', async () => (emulator().sent().length === 2000 ? true : undefined));
			} finally {
				emulator().config.subscription = subscription;
			}
		});

		it('schedules a campaign and cancels it before sendAt: nothing is delivered', async () => {
			const { ok, data, output } = await stack().n8n.execute('ibScheduled00001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			expect(nodeOutput(data.data, 'Schedule Campaign').map((i) => i.bulkId)).toEqual(['doors-open', 'doors-open', 'doors-open']);
			expect(nodeOutput(data.data, 'Check Status')).toEqual([{ bulkId: 'doors-open', status: 'CANCELED' }]);
			expect(emulator().bulks.get('doors-open')).toMatchObject({
				status: 'CANCELED',
				sendAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
			});
			expect(emulator().sent()).toEqual([]);
		});

		it('starts the trigger for signed delivery reports and inbound messages, and refuses unsigned and forged ones', async () => {
			const inbound = async (text: string, signing: string) =>
				(
					await axios.post(`${stack().sandbox.urls.infobip}/__sandbox/inbound`, {
						from: '447491163443',
						to: '447860099299',
						text,
						channel: 'WHATSAPP',
						signing,
					})
				).data.delivery.status;

			expect(await inbound('unsigned', 'none')).toBe(401);
			expect(await inbound('forged', 'wrong')).toBe(401);
			expect(await inbound('Is my order on its way? 📦', 'valid')).toBe(200);
			// A message without a delivery URL of its own: its report goes to the subscription, signed.
			const api = axios.create({ baseURL: stack().sandbox.urls.infobip, headers: { Authorization: `App ${INFOBIP_API_KEY}` } });
			await api.post('/messages-api/1/messages', {
				messages: [
					{
						channel: 'SMS',
						sender: 'InfoSMS',
						destinations: [{ to: '447491163443', messageId: 'report-me' }],
						content: { body: { type: 'TEXT', text: 'Shipped' } },
					},
				],
			});

			const executions = await waitFor('both executions', async () => {
				const list = await stack().n8n.executions(INFOBIP_EVENTS.workflowId);
				return list.length === 2 && list.every((e) => e.finished) ? list : undefined;
			});
			const summaries = executions.flatMap((e) => nodeOutput(e.data, 'Summarise').map((i) => i.summary)).sort();
			expect(summaries).toEqual(['From 447491163443: Is my order on its way? 📦', 'report-me is DELIVERED']);
			expect(executions.map((e) => [e.mode, e.status])).toEqual([
				['webhook', 'success'],
				['webhook', 'success'],
			]);
		});
	});
}
