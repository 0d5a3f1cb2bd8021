// txtcoop inside a real n8n 2.41.1, installed as users install it, against the sandbox.
import axios from 'axios';

import { nodeItems, nodeOutput } from '../n8n';
import { waitFor } from '../processes';
import { IMESSAGE_REPLY, type Stack } from '../stack';

/** The TxtCoop scenarios, run against a lane's stack (see the *.e2e.ts files). */
export function txtCoopScenarios(stack: () => Stack): void {
	describe('txtcoop in a real n8n', () => {
		const emulator = () => stack().sandbox.txtCoop;

		it('sends an iMessage with attachments, reads its status and downloads the files', async () => {
			const { ok, data, output } = await stack().n8n.execute('tcSend0000000001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			const [sent] = emulator().sent();
			expect(sent).toMatchObject({ to: '+14155550123', priority: 50, body: 'Here is the menu and the map.' });
			expect(sent.attachments.map((a) => a.fileName)).toEqual(['menu.pdf', 'map.png']);
			expect(nodeOutput(data.data, 'Get Status')[0]).toMatchObject({ id: sent.id, status: expect.stringMatching(/queued|sent|delivered/) });
			const [files] = nodeItems(data.data, 'Get Attachments');
			expect(files.binary?.attachment_0).toMatchObject({ fileName: 'menu.pdf', mimeType: 'application/pdf' });
			expect(files.binary?.attachment_1).toMatchObject({ fileName: 'map.png', mimeType: 'image/png' });
		});

		it('sends 100 recipients as one bulk job and reads every result', async () => {
			const { ok, data, output } = await stack().n8n.execute('tcBulk0000000001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			expect(nodeOutput(data.data, 'Create Bulk Job')).toEqual([expect.objectContaining({ totalRecipients: 100, itemCount: 100 })]);
			expect(emulator().jobs).toHaveLength(1);
			const results = nodeOutput(data.data, 'Get Results');
			expect(results).toHaveLength(100);
			expect(new Set(results.map((r) => r.to)).size).toBe(100);
			expect(results.every((r) => r.status === 'delivered')).toBe(true);
		});

		it('downloads attachments listed as plain URLs on another host without sending it the key', async () => {
			emulator().config.attachments = { form: 'urls', host: 'storage' };
			try {
				const { ok, data, output } = await stack().n8n.execute('tcSend0000000001');

				expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
				const [files] = nodeItems(data.data, 'Get Attachments');
				expect(files.binary?.attachment_0).toMatchObject({ fileName: expect.stringMatching(/^att_/) });
				// Storage refuses a request that also carries an Authorization header (400): both downloads succeeded without one.
				expect(emulator().storage.log.map((r) => [r.status, r.headers.authorization])).toEqual([
					[200, undefined],
					[200, undefined],
				]);
			} finally {
				emulator().config.attachments = { form: 'objects', host: 'api' };
			}
		});

		it('reads every bulk result from lists without a pagination object', async () => {
			emulator().config.lists = 'dataOnly';
			try {
				const { ok, data, output } = await stack().n8n.execute('tcBulk0000000001');

				expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
				expect(nodeOutput(data.data, 'Get Results')).toHaveLength(100);
			} finally {
				emulator().config.lists = 'paginated';
			}
		});

		it('registers on activation, answers signed inbound iMessages, refuses unsigned ones, unregisters on deactivation', async () => {
			const replyUrl = stack().n8n.webhookUrl(IMESSAGE_REPLY.webhookId, IMESSAGE_REPLY.path);
			expect(emulator().hooks).toEqual([]);

			await stack().n8n.activate(IMESSAGE_REPLY.workflowId);
			await waitFor('the registration', async () => (emulator().hooks.length ? true : undefined));
			expect(emulator().hooks).toEqual([
				expect.objectContaining({
					url: replyUrl,
					events: ['message.received'],
					enabled: true,
					secret: expect.stringMatching(/^[0-9a-f]{64}$/),
				}),
			]);

			const inbound = async (text: string, signing: string) =>
				(await axios.post(`${stack().sandbox.urls.txtCoop}/__sandbox/inbound`, { from: 'anna@icloud.com', text, signing })).data
					.deliveries[0].status;
			expect(await inbound('forged', 'none')).toBe(401);
			expect(await inbound('Table for two at 8?', 'valid')).toBe(200);

			const replies = await waitFor('the reply', async () => {
				const found = emulator()
					.sent()
					.filter((m) => m.to === 'anna@icloud.com');
				return found.length ? found : undefined;
			});
			expect(replies.map((m) => m.body)).toEqual(['Got it: "Table for two at 8?". We will reply soon.']);
			const executions = await stack().n8n.executions(IMESSAGE_REPLY.workflowId);
			expect(executions.map((e) => e.mode)).toEqual(['webhook']);

			await stack().n8n.deactivate(IMESSAGE_REPLY.workflowId);
			await waitFor('the registration to go', async () => (emulator().hooks.length ? undefined : true));
		});
	});
}
