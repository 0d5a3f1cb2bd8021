// The one-inbox examples (docs/one-inbox.md) inside a real n8n 2.41.1: one auto-reply for the four
// gateways that receive messages, and opt-outs kept in an n8n Data Table that a campaign respects.
import axios from 'axios';

import { INFOBIP_WEBHOOK_SECRET, ONE_INBOX, WEBHOOK_SECRET } from '../../gateways';
import { nodeOutput, type ApiExecution } from '../n8n';
import { waitFor } from '../processes';
import type { Stack } from '../stack';

const DEVICE = '+15559876543';
const thanks = (text: string) => `Thanks for your message "${text}"; we will get back to you shortly.`;
const CONFIRMATION = 'You are unsubscribed and will get no more messages. Reply START to subscribe again.';

export function oneInboxScenarios(stack: () => Stack): void {
	describe('One inbox in a real n8n', () => {
		const sandbox = () => stack().sandbox;
		const control = (key: 'infiniReach' | 'infobip' | 'txtCoop' | 'infopromo') =>
			axios.create({ baseURL: `${sandbox().urls[key]}/__sandbox` });
		let seen = 0;
		/** The executions since the last call, once `count` more have finished. */
		const newExecutions = async (count: number): Promise<ApiExecution[]> => {
			const all = await waitFor(`${count} more executions of the one inbox`, async () => {
				const list = await stack().n8n.executions(ONE_INBOX.workflowId);
				return list.length >= seen + count && list.every((execution) => execution.finished || execution.status === 'error')
					? list
					: undefined;
			});
			const fresh = all.slice(0, all.length - seen);
			seen = all.length;
			return fresh;
		};
		const inbound = {
			infiniReach: async (from: string, text: string) =>
				await control('infiniReach').post('/inbound', { from, to: DEVICE, text, channel: 'sms' }),
			txtCoop: async (from: string, text: string) => await control('txtCoop').post('/inbound', { from, text }),
		};

		beforeAll(async () => {
			const { n8n } = stack();
			await n8n.activate(ONE_INBOX.workflowId);
			// What each dashboard is told: InfiniReach's webhook (status events too: the trigger must ignore them) and Infobip's subscription.
			sandbox().infiniReach.webhooks.target = {
				url: n8n.webhookUrl(ONE_INBOX.webhooks.infiniReach, 'webhook'),
				secret: WEBHOOK_SECRET,
				events: ['message.inbound', 'message.sent', 'message.delivered', 'message.failed'],
			};
			sandbox().infobip.config.subscription = {
				url: n8n.webhookUrl(ONE_INBOX.webhooks.infobip, 'webhook'),
				secret: INFOBIP_WEBHOOK_SECRET,
			};
			// The Infopromo Trigger's first poll notes where the inbox stands (nothing before it ever starts the workflow).
			await n8n.pollNow(ONE_INBOX.workflowId);
			await waitFor('the Infopromo Trigger to note the inbox', async () =>
				(await n8n.staticData(ONE_INBOX.workflowId))['node:Infopromo Inbound'] ? true : undefined,
			);
		});

		it('answers one message on each of the four receiving gateways once, on its own gateway; status events start nothing', async () => {
			await inbound.infiniReach('+14155553001', 'Hello by SMS');
			await control('infobip').post('/inbound', {
				from: '447491163443',
				to: '447860099299',
				text: 'Hello by WhatsApp',
				channel: 'WHATSAPP',
			});
			await inbound.txtCoop('+14155553002', 'Hello by iMessage');
			await control('infopromo').post('/inbound', { from: '31611112222', text: 'Hello by Infopromo' });
			await stack().n8n.pollNow(ONE_INBOX.workflowId);

			const executions = await newExecutions(4);
			expect(executions.map((execution) => execution.status)).toEqual(['success', 'success', 'success', 'success']);
			const replied = (node: string) => executions.flatMap((execution) => nodeOutput(execution.data, node));
			expect(replied('InfiniReach Reply').map((item) => [item.gateway, item.to, item.fate])).toEqual([
				['infinireach', '+14155553001', 'sent'],
			]);
			expect(replied('Infobip Reply').map((item) => [item.gateway, item.to, item.fate])).toEqual([['infobip', '447491163443', 'sent']]);
			expect(replied('txtcoop Reply').map((item) => [item.gateway, item.to, item.fate])).toEqual([['txtcoop', '+14155553002', 'sent']]);
			expect(replied('Infopromo Reply').map((item) => [item.gateway, item.to, item.fate])).toEqual([['infopromo', '31611112222', 'sent']]);

			// What reached each gateway: one reply each, on the channel the message came by.
			expect(
				sandbox()
					.infiniReach.outbound()
					.map((m) => [m.channel, m.e164To, m.body]),
			).toEqual([['sms', '+14155553001', thanks('Hello by SMS')]]);
			expect(sandbox().infobip.messages.map((m) => [m.channel, m.sender, m.to, m.text])).toEqual([
				['WHATSAPP', '447860099299', '447491163443', thanks('Hello by WhatsApp')],
			]);
			expect(
				sandbox()
					.txtCoop.sent()
					.map((m) => [m.to, m.body]),
			).toEqual([['+14155553002', thanks('Hello by iMessage')]]);
			expect(
				sandbox()
					.infopromo.messages.filter((m) => m.direction === 'outgoing')
					.map((m) => [m.to, m.message]),
			).toEqual([['31611112222', thanks('Hello by Infopromo')]]);

			// The replies' status events (InfiniReach's sent and delivered, Infobip's delivery report) reach the triggers, and start nothing.
			await waitFor("InfiniReach's delivered event and Infobip's delivery report for the replies, answered 200", async () => {
				const infiniReach = sandbox().infiniReach.webhooks.deliveries.filter((d) => d.event === 'message.delivered' && d.status === 200);
				const infobip = sandbox().infobip.deliveries.filter((d) => JSON.stringify(d.body).includes('"DELIVERY"') && d.status === 200);
				return infiniReach.length && infobip.length ? true : undefined;
			});
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			expect((await stack().n8n.executions(ONE_INBOX.workflowId)).length).toBe(seen);
			console.log(
				`[one inbox] 4 messages on 4 gateways: ${executions.length} executions, 4 replies, each on its own gateway; status events started nothing`,
			);
		});

		it('keeps a STOP from InfiniReach and from txtcoop in the Data Table, confirms each once; the campaign skips both, and START lets it reach that number again', async () => {
			const stopper = '+14155552007';
			const other = '+14155552042';
			await inbound.infiniReach(stopper, 'STOP');
			await newExecutions(1);
			await inbound.txtCoop(other, 'Stop please');
			await newExecutions(1);
			// The same person again: in the table already, so no second confirmation.
			await inbound.infiniReach(stopper, 'stop');
			await newExecutions(1);
			const confirmations = () => [
				...sandbox()
					.infiniReach.outbound()
					.filter((m) => m.body === CONFIRMATION)
					.map((m) => m.e164To),
				...sandbox()
					.txtCoop.sent()
					.filter((m) => m.body === CONFIRMATION)
					.map((m) => m.to),
			];
			expect(confirmations()).toEqual([stopper, other]);

			const campaign = async () => {
				const { ok, data, output } = await stack().n8n.execute(ONE_INBOX.campaignId);
				expect(output).toBe('status success');
				expect(ok).toBe(true);
				return { sent: nodeOutput(data.data, 'Send Offer'), skipped: nodeOutput(data.data, 'Skipped: Opted Out') };
			};
			const offers = () =>
				sandbox()
					.infiniReach.outbound()
					.filter((m) => m.body.includes('December offer'));
			const first = await campaign();
			expect(first.sent.filter((item) => item.fate === 'sent')).toHaveLength(98);
			expect(first.skipped.map((item) => [item.phone, item.reason])).toEqual([
				[stopper, `Not sent: ${stopper} replied STOP (see the opt_outs Data Table)`],
				[other, `Not sent: ${other} replied STOP (see the opt_outs Data Table)`],
			]);
			expect(offers()).toHaveLength(98);
			expect(offers().filter((m) => [stopper, other].includes(m.e164To))).toEqual([]);

			await inbound.txtCoop(other, 'START');
			await newExecutions(1);
			const second = await campaign();
			// The Campaign Key skips the 98 sent before; START let the next run reach the one who came back.
			expect(second.sent.filter((item) => item.fate === 'sent').map((item) => item.to)).toEqual([other]);
			expect(second.sent.filter((item) => item.fate === 'skipped')).toHaveLength(98);
			expect(second.skipped.map((item) => item.phone)).toEqual([stopper]);
			expect(offers()).toHaveLength(99);
			expect(confirmations()).toEqual([stopper, other]);
			console.log(
				`[one inbox] opt-outs: ${first.sent.length} sent and ${first.skipped.length} skipped; after START: ${second.sent.filter((item) => item.fate === 'sent').length} sent, ${second.skipped.length} skipped; ${confirmations().length} confirmations`,
			);
		});
	});
}
