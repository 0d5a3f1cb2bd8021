// The package in n8n's queue mode: Redis and Postgres, an n8n main, two workers and a webhook processor,
// all from the runtime the other e2e tests use, against the InfiniReach sandbox at 100 sends a minute,
// and the Infobip sandbox (a gateway without idempotency key) for one campaign started twice at once.
import axios from 'axios';
import { createHmac } from 'crypto';
import { join } from 'path';

import { AUTO_REPLY, INFINIREACH_API_KEY, INFOBIP_API_KEY, WEBHOOK_SECRET } from '../gateways';
import { InfiniReachEmulator } from '../sandbox/InfiniReach/emulator';
import { InfobipEmulator } from '../sandbox/Infobip/emulator';
import { WORK, WORKFLOWS } from './paths';
import { waitFor } from './processes';
import { QueueStack } from './queue-stack';
import './shapes';

jest.setTimeout(20 * 60_000);

const LIMIT = 100;
// Two halves of 100 on two workers at 100 a minute: the gateway's window refuses one process's sends and
// the rest go in the next window. One window is what the assertions need; the rate is the bench's (scenario 7).
const RECIPIENTS = 200;
const CAMPAIGN = 'irQueueCamp00001';
const INFOBIP_CAMPAIGN = 'ibQueueCamp00001';
const REPLY_ONCE = { workflowId: 'irReplyOnce00001', path: 'infinireach-reply-once/webhook' };
const OVERLAPPING = 100;

const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({ phone: `+1415555${String(1000 + i)}`, name: `P${i}` }));
const halves = [recipients.slice(0, RECIPIENTS / 2), recipients.slice(RECIPIENTS / 2)];

describe('InfiniReach in n8n queue mode (Redis, Postgres, a main, two workers, a webhook processor)', () => {
	const emulator = new InfiniReachEmulator({
		botFilter: false,
		stepMs: 3_600_000,
		rateLimit: { limit: LIMIT, windowMs: 60_000, scope: 'sends', hint: 'none' },
	});
	const infobip = new InfobipEmulator({ rateLimit: { limit: 1_000_000, windowMs: 1_000 }, msPerSecond: 60_000, pricePerMessage: 0 });
	let stack: QueueStack;

	beforeAll(async () => {
		const url = await emulator.start();
		const infobipUrl = await infobip.start();
		stack = new QueueStack({
			folder: join(WORK, 'e2e-queue'),
			port: 6400,
			workers: 2,
			owner: { email: 'queue@example.com', password: 'Queue-Owner-Password-1' },
			credentials: [
				{
					id: 'irSandboxCred001',
					name: 'InfiniReach Sandbox',
					type: 'infiniReachApi',
					data: { apiKey: INFINIREACH_API_KEY, baseUrl: url, webhookSecret: WEBHOOK_SECRET },
				},
				{ id: 'ibSandboxCred001', name: 'Infobip Sandbox', type: 'infobipApi', data: { apiKey: INFOBIP_API_KEY, baseUrl: infobipUrl } },
			],
			workflows: [
				join(__dirname, 'queue/infinireach-queue-campaign.json'),
				join(__dirname, 'queue/infobip-queue-campaign.json'),
				join(WORKFLOWS, 'infinireach-auto-reply.json'),
				join(__dirname, 'queue/infinireach-reply-once.json'),
			],
			publish: [CAMPAIGN, INFOBIP_CAMPAIGN, AUTO_REPLY.workflowId, REPLY_ONCE.workflowId],
			webhookPaths: ['queue-campaign', 'queue-infobip', `${AUTO_REPLY.webhookId}/${AUTO_REPLY.path}`, REPLY_ONCE.path],
		});
		await stack.start();
	});

	afterAll(async () => {
		await stack?.stop();
		await emulator.stop();
		await infobip.stop();
	});

	const startCampaign = async (campaignKey: string) =>
		await Promise.all(
			halves.map(async (part) => await axios.post(`${stack.webhookBase}/webhook/queue-campaign`, { campaignKey, recipients: part })),
		);
	const sentTo = () => emulator.outbound().map((message) => message.e164To);
	const refused = () => emulator.server.log.filter((request) => request.method === 'POST' && request.status === 429).length;
	const finished = async (count: number) =>
		await waitFor(
			`${count} finished campaign executions`,
			async () => {
				const statuses = await stack.n8n.executionStatuses(CAMPAIGN);
				return (statuses.success ?? 0) + (statuses.error ?? 0) + (statuses.crashed ?? 0) >= count ? statuses : undefined;
			},
			10 * 60_000,
			2_000,
		);
	/** What each failed execution of the campaign said: shown when a count is not what a test expects. */
	const failures = async () =>
		(await stack.n8n.executions(CAMPAIGN))
			.filter((execution) => execution.status === 'error')
			.map((execution) => `${execution.id}: ${execution.data?.resultData.error?.message}`);

	it('sends a 200-recipient campaign as two executions on the two workers: each recipient once', async () => {
		await startCampaign('launch-1');
		await waitFor(
			`${RECIPIENTS} messages at the gateway`,
			async () => (sentTo().length >= RECIPIENTS ? true : undefined),
			8 * 60_000,
			1_000,
		);
		expect({ success: (await finished(2)).success, failures: await failures() }).toEqual({ success: 2, failures: [] });

		const sent = sentTo();
		expect(sent.length).toBe(RECIPIENTS);
		expect(new Set(sent).size).toBe(RECIPIENTS);
		// One execution on each worker: the two pacers on the key were in two processes.
		expect([stack.executionsStartedBy(0).length, stack.executionsStartedBy(1).length]).toEqual([1, 1]);
		// The rate is the benchmark's to measure (npm run bench, scenario 7); this is for the log.
		const times = emulator
			.outbound()
			.map((message) => Date.parse(message.createdAt))
			.sort((a, b) => a - b);
		console.log(
			`[queue mode] ${RECIPIENTS} recipients on 2 workers in ${((times[times.length - 1] - times[0]) / 1000).toFixed(0)} s, ${refused()} × 429`,
		);
	});

	it('sends nothing when the campaign runs again with the same Campaign Key: every message is skipped from the record', async () => {
		const before = sentTo().length;
		const requestsBefore = emulator.server.log.filter((request) => request.method === 'POST').length;
		await startCampaign('launch-1');
		expect({ success: (await finished(4)).success, failures: await failures() }).toEqual({ success: 4, failures: [] });
		expect(sentTo().length).toBe(before);
		// Not one request: both workers' records of the first run are all in n8n's store.
		expect(emulator.server.log.filter((request) => request.method === 'POST').length).toBe(requestsBefore);
	});

	it('runs one Infobip campaign started twice at once, one execution on each worker (both alive): no recipient gets it twice', async () => {
		const people = Array.from({ length: OVERLAPPING }, (_, i) => ({ phone: `+4474911${String(i).padStart(5, '0')}`, name: `P${i}` }));
		const started = [stack.executionsStartedBy(0).length, stack.executionsStartedBy(1).length];
		await Promise.all(
			[1, 2].map(
				async () => await axios.post(`${stack.webhookBase}/webhook/queue-infobip`, { campaignKey: 'overlap-1', recipients: people }),
			),
		);
		const executions = await waitFor(
			'both executions of the Infobip campaign',
			async () => {
				const all = await stack.n8n.executions(INFOBIP_CAMPAIGN);
				return all.length >= 2 && all.every((execution) => ['success', 'error', 'crashed'].includes(execution.status)) ? all : undefined;
			},
			5 * 60_000,
			1_000,
		);
		const perRecipient = new Map<string, number>();
		for (const message of infobip.messages) perRecipient.set(message.to, (perRecipient.get(message.to) ?? 0) + 1);
		const duplicates = [...perRecipient.values()].reduce((sum, count) => sum + count - 1, 0);
		const missing = people.filter(({ phone }) => !perRecipient.has(phone.slice(1))).length;
		// Each item's fate, from both executions' outputs: sent, or not sent by this one (the other had it).
		const items = executions.flatMap((execution) => execution.data?.resultData.runData['Send Campaign']?.[0]?.data?.main[0] ?? []);
		const fates = items.reduce<Record<string, number>>((counts, item) => {
			const json = item.json as { error?: string; fate?: string };
			const fate = json.error ? (/unknown|may have/i.test(json.error) ? 'unknown' : 'failed') : (json.fate ?? 'sent');
			return { ...counts, [fate]: (counts[fate] ?? 0) + 1 };
		}, {});
		const onWorkers = [stack.executionsStartedBy(0).length - started[0], stack.executionsStartedBy(1).length - started[1]];
		console.log(
			`[queue mode] Infobip campaign of ${OVERLAPPING} started twice at once (executions on the workers: ${onWorkers.join(' and ')}): ${duplicates} duplicates, ${missing} never sent; item fates ${JSON.stringify(fates)}`,
		);
		expect({ duplicates, missing }).toEqual({ duplicates: 0, missing: 0 });
		expect(onWorkers).toEqual([1, 1]);
		expect(items).toHaveLength(2 * OVERLAPPING);
		expect(fates.sent).toBe(OVERLAPPING);
	});

	it('completes a campaign whose worker was killed mid-way when it is run again, without a duplicate', async () => {
		emulator.server.reset();
		await startCampaign('launch-2');
		await waitFor('the first window of the second campaign', async () => (sentTo().length >= LIMIT ? true : undefined), 3 * 60_000, 500);
		await stack.killWorker(0);
		await startCampaign('launch-2');
		await waitFor(
			'every recipient of the second campaign',
			async () => (new Set(sentTo()).size >= RECIPIENTS ? true : undefined),
			10 * 60_000,
			2_000,
		);
		// Every execution of the second campaign but the killed one ends (its other half, the two re-runs):
		// a duplicate would have arrived by then.
		const killed = stack.executionsStartedBy(0);
		await waitFor(
			'the surviving executions of the second campaign',
			async () => {
				const newest = (await stack.n8n.executions(CAMPAIGN)).slice(0, 4);
				return newest.length === 4 &&
					newest.every((execution) => killed.includes(execution.id) || ['success', 'error'].includes(execution.status))
					? true
					: undefined;
			},
			10 * 60_000,
			1_000,
		);

		const sent = sentTo();
		expect(new Set(sent).size).toBe(RECIPIENTS);
		expect(sent.length).toBe(RECIPIENTS);
	});

	it('starts one execution, on a worker, for a signed webhook sent three times through the webhook processor, and none for a forged one', async () => {
		const before = Object.values(await stack.n8n.executionStatuses(AUTO_REPLY.workflowId)).reduce((a, b) => a + b, 0);
		const body = JSON.stringify({
			event: 'message.inbound',
			timestamp: '2026-11-23T12:00:00Z',
			data: { messageId: 'queue-in-1', direction: 'inbound', from: '+14155550199', to: '+15559876543', body: 'Hello' },
		});
		const url = `${stack.webhookBase}/webhook/${AUTO_REPLY.webhookId}/${AUTO_REPLY.path}`;
		const post = async (signature: string) =>
			await axios.post(url, body, {
				headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': signature },
				validateStatus: () => true,
			});
		const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');

		const forged = await post('0'.repeat(64));
		const answers = [await post(signature), await post(signature), await post(signature)];

		expect(forged.status).toBe(401);
		expect(answers.map((answer) => [answer.status, answer.data.started])).toEqual([
			[200, true],
			[200, false],
			[200, false],
		]);
		const statuses = await waitFor(
			'the auto-reply execution',
			async () => {
				const counts = await stack.n8n.executionStatuses(AUTO_REPLY.workflowId);
				return Object.values(counts).reduce((a, b) => a + b, 0) - before >= 1 && !counts.running && !counts.new ? counts : undefined;
			},
			120_000,
			1_000,
		);
		// n8n created every execution before it answered (`started`): the count cannot grow now.
		expect(Object.values(await stack.n8n.executionStatuses(AUTO_REPLY.workflowId)).reduce((a, b) => a + b, 0) - before).toBe(1);
		expect(statuses.success).toBeGreaterThanOrEqual(1);
	});

	it('replies once to an event delivered to the webhook processor and then to the main: each process starts it, Remove Duplicates on eventId lets one through', async () => {
		const body = JSON.stringify({
			event: 'message.inbound',
			timestamp: '2026-11-23T12:05:00Z',
			data: { messageId: 'queue-in-2', direction: 'inbound', from: '+14155550198', to: '+15559876543', body: 'Twice?' },
		});
		const headers = {
			'Content-Type': 'application/json',
			'X-Webhook-Signature': createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex'),
		};
		const repliesTo = () => emulator.outbound().filter((message) => message.e164To === '+14155550198').length;
		const settled = async (count: number) =>
			await waitFor(
				`${count} finished reply-once executions`,
				async () => {
					const counts = await stack.n8n.executionStatuses(REPLY_ONCE.workflowId);
					return (counts.success ?? 0) + (counts.error ?? 0) >= count && !counts.running && !counts.new ? counts : undefined;
				},
				120_000,
				1_000,
			);

		// A gateway's retry that a load balancer sends to another process: each has its own memory of repeats.
		const first = await axios.post(`${stack.webhookBase}/webhook/${REPLY_ONCE.path}`, body, { headers, validateStatus: () => true });
		await settled(1);
		const second = await axios.post(`http://127.0.0.1:${stack.options.port}/webhook/${REPLY_ONCE.path}`, body, {
			headers,
			validateStatus: () => true,
		});
		const counts = await settled(2);

		expect([first.status, first.data.started, second.status, second.data.started]).toEqual([200, true, 200, true]);
		expect(counts.success).toBe(2);
		expect(repliesTo()).toBe(1);
		console.log(`[queue mode] one event through the webhook processor, then the main: 2 executions, ${repliesTo()} reply`);
	});
});
