// Infopromo inside a real n8n 2.41.1, installed as users install it, against the sandbox.
import axios from 'axios';
import { join } from 'path';

import { nodeOutput } from '../n8n';
import { waitFor } from '../processes';
import { INFOPROMO_INBOUND, type Stack } from '../stack';

/**
 * A trigger that polls only when the test makes it (not one of the examples in ../workflows): the
 * test makes one workflow of it for each list order.
 */
const WALK_WORKFLOW = join(__dirname, 'infopromo-inbound-walk.json');

/** The Infopromo scenarios, run against a lane's stack (see the *.e2e.ts files). */
export function infopromoScenarios(stack: () => Stack): void {
	describe('Infopromo in a real n8n', () => {
		const emulator = () => stack().sandbox.infopromo;
		const sends = () => emulator().server.log.filter((r) => r.method === 'POST' && r.path.endsWith('/sms/send'));
		const inbound = async (from: string, text: string) =>
			await axios.post(`${stack().sandbox.urls.infopromo}/__sandbox/inbound`, { from, text });

		// First, while nothing has reset the sandbox: the trigger's memory starts from what n8n saw first.
		it('the polling trigger starts once per new inbound message, and never for old ones', async () => {
			// "Old news" was in the inbox before n8n started: the first poll only notes where things stand.
			await waitFor(
				'the first poll',
				async () => (emulator().server.log.some((r) => r.path === '/api/v3/sms' && r.query.direction === 'incoming') ? true : undefined),
				90_000,
				1_000,
			);
			await inbound('31622222222', 'Is the shop open today?');
			const [first] = await waitFor(
				'the first execution',
				async () => {
					const list = await stack().n8n.executions(INFOPROMO_INBOUND.workflowId);
					return list.length && list.every((e) => e.finished) ? list : undefined;
				},
				90_000,
				2_000,
			);
			expect(nodeOutput(first.data, 'Summarise').map((i) => i.summary)).toEqual(['From 31622222222: Is the shop open today?']);

			await inbound('31633333333', 'Do you deliver?');
			const executions = await waitFor(
				'the second execution',
				async () => {
					const list = await stack().n8n.executions(INFOPROMO_INBOUND.workflowId);
					return list.length === 2 && list.every((e) => e.finished) ? list : undefined;
				},
				90_000,
				2_000,
			);
			const summaries = executions.flatMap((e) => nodeOutput(e.data, 'Summarise').map((i) => i.summary)).sort();
			expect(summaries).toEqual(['From 31622222222: Is the shop open today?', 'From 31633333333: Do you deliver?']);
		});

		it('sends a message of each type, the MMS and the voice call through the HTTP API style', async () => {
			emulator().server.reset();
			const { ok, data, output } = await stack().n8n.execute('ipSendTypes00001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			expect(emulator().messages.map((m) => [m.sms_type, m.to, m.message])).toEqual([
				['plain', '31612345678', 'Plain hello'],
				['unicode', '31612345678', 'Olá, até já'],
				['whatsapp', '31612345678', 'Hello on WhatsApp'],
				['viber', '31612345678', 'Hello on Viber'],
				['otp', '31612345678', 'Your code is 482913'],
				['mms', '31612345678', 'Our new menu'],
				['voice', '31612345678', 'Your table is ready'],
			]);
			expect(sends().map((r) => r.path)).toEqual([...Array(5).fill('/api/v3/sms/send'), '/api/http/sms/send', '/api/http/sms/send']);
			// The token went in the body (the sandbox's log keeps it redacted).
			expect(
				sends()
					.slice(5)
					.map((r) => (r.body as { api_token?: string }).api_token),
			).toEqual(['<redacted>', '<redacted>']);
			// Each item is the recipient's own record: the platform's status for the message (and in the vocabulary), and its uid.
			expect(
				nodeOutput(data.data, 'Send Each Type').map((i) => [
					i.recipient,
					i.gatewayStatus,
					i.status,
					i.fate,
					typeof i.uid,
					i.messageId === i.uid,
				]),
			).toEqual(Array(5).fill(['31612345678', 'Delivered', 'delivered', 'sent', 'string', true]));
		});

		it('sends 300 recipients with one text in 3 requests: each exactly once', async () => {
			emulator().server.reset();
			const { ok, data, output } = await stack().n8n.execute('ipCampaign000001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			expect(sends()).toHaveLength(3);
			const recipients = emulator()
				.sent()
				.map((m) => m.to);
			expect(new Set(recipients).size).toBe(300);
			expect(recipients).toHaveLength(300);
			const items = nodeOutput(data.data, 'Send Campaign');
			expect(items).toHaveLength(300);
			expect(items.every((i, n) => i.recipient === `3161200${String(n).padStart(4, '0')}` && typeof i.uid === 'string')).toBe(true);
		});

		it("schedules a send in the account's time zone, and it goes out at its time", async () => {
			emulator().server.reset();
			const { ok, output } = await stack().n8n.execute('ipScheduled00001');

			expect({ ok, error: ok ? undefined : output.slice(-2000) }).toEqual({ ok: true, error: undefined });
			const [message] = emulator().messages;
			expect([message.status, message.schedule_time]).toEqual(['Scheduled', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)]);
			await waitFor('the scheduled send', async () => (emulator().messages[0]?.status === 'Delivered' ? true : undefined), 30_000);
		});

		// Last: it resets the sandbox's list and restarts n8n.
		it('the polling trigger walks the list in either order: 60 old, then bursts of 1, 40 and 120, and 30 while n8n is stopped, each new message once', async () => {
			const n8n = stack().n8n;
			const arrive = async (count: number, tag: string): Promise<string[]> => {
				const uids: string[] = [];
				for (let i = 0; i < count; i++) uids.push((await inbound('31644444444', `${tag} ${i}`)).data.uid as string);
				return uids;
			};
			/** How often each message started an execution of the workflow, once `count` executions finished. */
			const startedWith = async (workflowId: string, count: number) => {
				const list = await waitFor(
					`${count} executions of the walking trigger`,
					async () => {
						const found = await n8n.executions(workflowId);
						return found.length >= count && found.every((e) => e.finished) ? found : undefined;
					},
					120_000,
					1_000,
				);
				const started = new Map<string, number>();
				for (const execution of list)
					for (const item of nodeOutput(execution.data, 'On Inbound Message'))
						started.set(String(item.uid), (started.get(String(item.uid)) ?? 0) + 1);
				return started;
			};
			/** How many messages the trigger's memory says the list held at its last poll. */
			const listed = async (workflowId: string) =>
				((await n8n.staticData(workflowId))['node:On Inbound Message'] as { lastPoll?: { incoming?: { total?: number } } } | undefined)
					?.lastPoll?.incoming?.total;
			/** One poll, on demand, awaited: n8n registers the trigger again in the background, which polls it. */
			const pollNow = async (workflowId: string, total: number) => {
				await n8n.pollNow(workflowId);
				await waitFor(
					`a poll that sees ${total} messages`,
					async () => ((await listed(workflowId)) === total ? true : undefined),
					60_000,
					500,
				);
			};
			const lines: string[] = [];
			for (const order of ['newestFirst', 'oldestFirst'] as const) {
				emulator().server.reset();
				emulator().config.order = order;
				// A workflow of its own for each order: a trigger's memory of a list holds its order.
				const workflowId = await n8n.createWorkflow(WALK_WORKFLOW, `Infopromo walk, ${order}`);
				const old = await arrive(60, `${order} old`);
				await n8n.activate(workflowId);
				await waitFor('the first poll', async () => ((await listed(workflowId)) === 60 ? true : undefined), 60_000, 500);
				const fresh: string[] = [];
				let executions = 0;
				for (const burst of [1, 40, 120]) {
					fresh.push(...(await arrive(burst, `${order} burst ${burst}`)));
					await pollNow(workflowId, 60 + fresh.length);
					await startedWith(workflowId, ++executions);
				}
				// n8n down for a while: what arrives meanwhile is there at its next start, which polls the active workflow.
				await n8n.restart(async () => {
					fresh.push(...(await arrive(30, `${order} while stopped`)));
				});
				const started = await startedWith(workflowId, ++executions);
				await n8n.deactivate(workflowId);

				expect(old.filter((uid) => started.has(uid))).toEqual([]);
				expect([...started.keys()].sort()).toEqual([...fresh].sort());
				expect([...started.values()].filter((count) => count !== 1)).toEqual([]);
				lines.push(`${order}: ${fresh.length} new messages in ${executions} polls, each started once; 0 of 60 old`);
			}
			console.log(`[infopromo trigger] ${lines.join('; ')}`);
		});
	});
}
