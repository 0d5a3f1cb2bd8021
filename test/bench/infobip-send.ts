// `npm run bench`: 10,000 Infobip recipients through the node in n8n-core (the test harness), against
// the Infobip emulator on loopback, beside the same node sending one recipient per request. It prints
// requests and time for each, and their ratios; it asserts nothing (these machines are shared and noisy).
import '../harness/env';

import { runNode } from '../harness/n8n';
import { InfobipEmulator } from '../sandbox/Infobip/emulator';
import { SANDBOX_KEY } from '../sandbox/Infobip/state';

const RECIPIENTS = 10_000;
const ROUNDS = 3;

const items = Array.from({ length: RECIPIENTS }, (_, i) => ({
	to: `+4474911${String(i).padStart(5, '0')}`,
	// Half the items share a text (one message, many destinations); half are personalised.
	text: i % 2 ? `Hi guest ${i}, your code is SPRING${i}` : 'Our spring sale starts today',
}));

interface Result {
	requests: number;
	ms: number;
	outputs: number;
}

async function run(emulator: InfobipEmulator, url: string, messagesPerRequest: number): Promise<Result> {
	emulator.server.reset();
	const started = process.hrtime.bigint();
	const { items: outputs, error } = await runNode(
		{
			type: 'infobip',
			parameters: {
				resource: 'message',
				operation: 'send',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '={{ $json.to }}',
				text: '={{ $json.text }}',
				campaign: { bulkId: `bench-${messagesPerRequest}-${Date.now()}`, messagesPerRequest },
			},
			credentials: { infobipApi: { apiKey: SANDBOX_KEY, baseUrl: url } },
		},
		items,
	);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (error) throw new Error(`The run failed: ${error.message}`);
	const requests = emulator.server.log.filter((r) => r.method === 'POST').length;
	return { requests, ms, outputs: outputs.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
	// Deliveries are not what is measured: the emulator keeps them for minutes, on its own clock.
	const emulator = new InfobipEmulator({ rateLimit: { limit: 1_000_000, windowMs: 1_000 }, msPerSecond: 60_000, pricePerMessage: 0 });
	const url = await emulator.start();
	try {
		const batched: Result[] = [];
		const perItem: Result[] = [];
		// Interleaved, so that a noisy neighbour hurts both alike.
		for (let round = 1; round <= ROUNDS; round++) {
			batched.push(await run(emulator, url, 1000));
			perItem.push(await run(emulator, url, 1));
			console.log(
				`round ${round}: node ${batched[round - 1].requests} requests in ${(batched[round - 1].ms / 1000).toFixed(2)} s; one request per item ${perItem[round - 1].requests} requests in ${(perItem[round - 1].ms / 1000).toFixed(2)} s`,
			);
		}
		const node = { requests: median(batched.map((r) => r.requests)), ms: median(batched.map((r) => r.ms)) };
		const peer = { requests: median(perItem.map((r) => r.requests)), ms: median(perItem.map((r) => r.ms)) };
		console.log(`\nInfobip send, ${RECIPIENTS} recipients (half personalised), n8n-core, medians of ${ROUNDS} rounds:`);
		console.log(`  node (Messages Per Request 1000): ${node.requests} requests, ${(node.ms / 1000).toFixed(2)} s  (goal: at most 10 requests)`);
		console.log(`  one request per item:            ${peer.requests} requests, ${(peer.ms / 1000).toFixed(2)} s`);
		console.log(`  ratio node/per-item: requests ${(node.requests / peer.requests).toFixed(4)}, time ${(node.ms / peer.ms).toFixed(3)}`);
		if (batched.some((r) => r.outputs !== RECIPIENTS) || perItem.some((r) => r.outputs !== RECIPIENTS)) {
			throw new Error('A run did not answer every item');
		}
	} finally {
		await emulator.stop();
	}
}

main().catch((error: Error) => {
	console.error(`Benchmark failed: ${error.message}`);
	process.exit(1);
});
