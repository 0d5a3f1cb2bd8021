// `npm run bench`: the package against n8n's own nodes, in the real n8n the e2e tests install
// (.n8n-runtime, see test/e2e/install-n8n.sh), interleaved round by round so a noisy neighbour hurts
// both alike. Prints a table of ratios and writes it as JSON and SVG under test/bench/results/.
// It asserts no timing (these machines are shared); it fails only when a run loses, duplicates or
// starts what it must not, since then its figures would mean nothing.
import axios from 'axios';
import { createHmac } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';

import { N8n } from '../e2e/n8n';
import { NODE24, ROOT, RUNTIME, WORK } from '../e2e/paths';
import { run, waitFor } from '../e2e/processes';
import { QueueStack } from '../e2e/queue-stack';
import { ensureRuntime } from '../e2e/stack';
import { InfobipEmulator } from '../sandbox/Infobip/emulator';
import { SANDBOX_KEY as INFOBIP_KEY } from '../sandbox/Infobip/state';
import { InfiniReachEmulator } from '../sandbox/InfiniReach/emulator';
import { SANDBOX_API_KEY } from '../sandbox/InfiniReach/state';
import { RECORD_LIMIT } from '../../nodes/shared/campaign-record';
import { cpuMs, load, median, settle, startStub, type Delivery, type LoadResult } from './measure';
import { printTable, row, writeResults, type Row } from './report';
import {
	chargebeeTrigger,
	httpSends,
	infiniReachTrigger,
	infobipSends,
	nodeSends,
	webhookNode,
	type TriggerWorkflow,
	type Workflow,
} from './workflows';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SEND_ROUNDS = env('BENCH_SEND_ROUNDS', 5);
const SENDS = 1_000;
const TRIGGER_ROUNDS = env('BENCH_TRIGGER_ROUNDS', 10);
const TRIGGER_CHUNK = 100;
const CONCURRENCY = 10;
const FORGED = 200;
const CAMPAIGN = 250;
const CAMPAIGN_LIMIT = 100;
const INFOBIP_RECIPIENTS = 10_000;
const DRY_RUN_ITEMS = 10_000;
const PORT = 6188;
const SECRET = 'bench-webhook-secret';
const OWNER = { email: 'bench@example.com', password: 'Bench-password-1' };

const FOLDER = join(WORK, 'bench');
const RESULTS = join(ROOT, 'test/bench/results');
const log = (line: string) => console.log(`[bench] ${line}`);

function executionTime(data: Awaited<ReturnType<N8n['execute']>>['data'], node: string): number {
	const time = data.data.resultData.runData[node]?.[0]?.executionTime;
	if (time === undefined) throw new Error(`The run has no time for node "${node}"`);
	return time;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

// --- (1) per-item sends -----------------------------------------------------------------------
async function sends(n8n: N8n, stub: Awaited<ReturnType<typeof startStub>>, rounds: number, engine = ''): Promise<Row[]> {
	const times: Record<'node' | 'json' | 'fields', number[]> = { node: [], json: [], fields: [] };
	const ids = { node: 'benchSendNode001', json: 'benchSendJson001', fields: 'benchSendField01' } as const;
	for (let round = 1; round <= rounds; round++) {
		const order = (['node', 'json', 'fields'] as const).map((_, i, all) => all[(i + round) % all.length]);
		for (const contender of order) {
			const before = stub.posts();
			const result = await n8n.execute(ids[contender]);
			if (!result.ok) throw new Error(`The ${contender} send run failed:\n${result.output.slice(-2000)}`);
			const posts = stub.posts() - before;
			if (posts !== SENDS) throw new Error(`The ${contender} run sent ${posts} requests for ${SENDS} items`);
			times[contender].push(executionTime(result.data, 'Send'));
		}
		log(
			`sends${engine} round ${round}: node ${times.node.at(-1)} ms, HTTP Request (JSON body) ${times.json.at(-1)} ms, (fields) ${times.fields.at(-1)} ms`,
		);
	}
	const nodeMs = median(times.node);
	return [
		row({
			scenario: `1. ${SENDS} sends${engine}`,
			measure: 'node time (ms)',
			package: nodeMs,
			peer: median(times.json),
			peerName: 'HTTP Request, JSON body',
			goal: { ratio: 1, better: 'lower' },
		}),
		row({
			scenario: `1. ${SENDS} sends${engine}`,
			measure: 'node time (ms)',
			package: nodeMs,
			peer: median(times.fields),
			peerName: 'HTTP Request, body fields',
		}),
	];
}

// --- (2) triggers -------------------------------------------------------------------------------
// Every delivery another message: the same one twice is a gateway's retry, which the trigger acknowledges
// without starting anything (its Repeat Window).
let deliveries = 0;
const inbound = (): string =>
	JSON.stringify({
		event: 'message.inbound',
		// Chargebee's trigger starts on any event_type with "*"; the others ignore the field.
		event_type: 'message.inbound',
		timestamp: '2026-11-23T12:00:00.000Z',
		data: {
			messageId: `m${++deliveries}`,
			direction: 'inbound',
			from: '+14155550123',
			to: '+15559876543',
			body: 'Hello',
			deviceId: 'd1',
			status: 'delivered',
		},
	});
const signedInbound: Delivery = () => {
	const body = inbound();
	return { body, headers: { 'X-Webhook-Signature': createHmac('sha256', SECRET).update(body).digest('hex') } };
};

interface TriggerFigures {
	cpuPerRequest: number;
	perSecond: number;
	results: LoadResult[];
}

async function triggers(n8n: N8n, workflows: TriggerWorkflow[], rounds: number): Promise<Map<string, TriggerFigures>> {
	const pid = n8n.pid!;
	const cpu = new Map<string, number>();
	const wall = new Map<string, number>();
	const results = new Map<string, LoadResult[]>();
	for (const workflow of workflows) await load(`${n8n.baseUrl}/webhook/${workflow.path}`, 20, CONCURRENCY, signedInbound); // warm-up
	await settle(pid);
	for (let round = 1; round <= rounds; round++) {
		const order = workflows.map((_, i, all) => all[(i + round) % all.length]);
		for (const workflow of order) {
			const before = cpuMs(pid);
			const result = await load(`${n8n.baseUrl}/webhook/${workflow.path}`, TRIGGER_CHUNK, CONCURRENCY, signedInbound);
			// The executions a delivery started finish after its answer: their CPU belongs to it.
			await settle(pid);
			cpu.set(workflow.id, (cpu.get(workflow.id) ?? 0) + cpuMs(pid) - before);
			wall.set(workflow.id, (wall.get(workflow.id) ?? 0) + result.ms);
			results.set(workflow.id, [...(results.get(workflow.id) ?? []), result]);
		}
		log(`triggers round ${round}/${rounds}`);
	}
	const figures = new Map<string, TriggerFigures>();
	const requests = rounds * TRIGGER_CHUNK;
	for (const workflow of workflows) {
		figures.set(workflow.id, {
			cpuPerRequest: cpu.get(workflow.id)! / requests,
			perSecond: requests / (wall.get(workflow.id)! / 1000),
			results: results.get(workflow.id)!,
		});
	}
	return figures;
}

function checkAnswers(name: string, results: LoadResult[], status: number): void {
	for (const result of results) {
		const wrong = Object.entries(result.statuses).filter(([code]) => Number(code) !== status);
		if (wrong.length)
			throw new Error(`${name}: answers other than ${status}: ${JSON.stringify(result.statuses)} ${JSON.stringify(result.bodies)}`);
	}
}

async function forged(n8n: N8n, workflow: TriggerWorkflow): Promise<{ cpuPerRequest: number; result: LoadResult }> {
	const pid = n8n.pid!;
	await settle(pid);
	const before = cpuMs(pid);
	const result = await load(`${n8n.baseUrl}/webhook/${workflow.path}`, FORGED, CONCURRENCY, () => ({
		body: inbound(),
		headers: { 'X-Webhook-Signature': 'f'.repeat(64) },
	}));
	await settle(pid);
	return { cpuPerRequest: (cpuMs(pid) - before) / FORGED, result };
}

// --- (3) a paced campaign --------------------------------------------------------------------------
interface CampaignFigures {
	fraction: number;
	accepted: number;
	unique: number;
	tooMany: number;
	lost: number;
	duplicates: number;
	spanS: number;
}

function campaignFigures(emulator: InfiniReachEmulator, count = CAMPAIGN): CampaignFigures {
	const sends = emulator.server.log.filter((r) => r.method === 'POST' && r.path === '/api/v1/messages');
	const accepted = sends.filter((r) => r.status !== undefined && r.status < 300);
	const unique = new Set(accepted.map((r) => (r.body as { to: string }).to)).size;
	const times = accepted.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
	const spanMs = times.length ? times[times.length - 1] - times[0] : 0;
	// Under a rolling limit of L a minute, N messages need (ceil(N / L) - 1) minutes at the least.
	const idealMs = (Math.ceil(unique / CAMPAIGN_LIMIT) - 1) * 60_000;
	return {
		fraction: spanMs ? idealMs / spanMs : 0,
		accepted: accepted.length,
		unique,
		tooMany: sends.filter((r) => r.status === 429).length,
		lost: count - unique,
		duplicates: accepted.length - unique,
		spanS: spanMs / 1000,
	};
}

async function campaign(
	n8n: N8n,
	node: InfiniReachEmulator,
	peer: InfiniReachEmulator,
): Promise<{ rows: Row[]; node: CampaignFigures; peer: CampaignFigures }> {
	log(
		`campaign: ${CAMPAIGN} messages each at ${CAMPAIGN_LIMIT} a minute, the node and the HTTP Request node side by side (about 2 minutes)`,
	);
	const [a, b] = await Promise.all([n8n.execute('benchCampNode001'), n8n.execute('benchCampHttp001')]);
	if (!a.ok) throw new Error(`The node's campaign failed:\n${a.output.slice(-2000)}`);
	const figures = { node: campaignFigures(node), peer: campaignFigures(peer) };
	if (!b.ok) log(`the HTTP Request node's campaign failed (${b.output.slice(-300)})`);
	if (figures.node.lost || figures.node.duplicates)
		throw new Error(`The node's campaign lost ${figures.node.lost} and duplicated ${figures.node.duplicates} messages`);
	const note = (f: CampaignFigures) =>
		`${f.unique}/${CAMPAIGN} delivered in ${f.spanS.toFixed(1)} s, ${f.tooMany} × 429, ${f.lost} lost, ${f.duplicates} duplicated`;
	return {
		...figures,
		rows: [
			row({
				scenario: `3. paced campaign, ${CAMPAIGN} at ${CAMPAIGN_LIMIT}/min`,
				measure: 'fraction of the limit',
				package: figures.node.fraction,
				peer: figures.peer.fraction,
				peerName: 'HTTP Request, batches of 100 a minute',
				goal: { ratio: 0.95, better: 'higher' },
				note: `node: ${note(figures.node)}; peer: ${note(figures.peer)}`,
			}),
		],
	};
}

// --- (7) a campaign on two queue-mode workers sharing one key ----------------------------------------
const QUEUE_RECIPIENTS = 300;
const QUEUE_CAMPAIGN = 'irQueueCamp00001';

/**
 * n8n's queue mode: one campaign of 300 at 100 a minute, started as two executions at once that run
 * on two workers, each with its own pacer on the one key (the gateway gives no hint with its 429s);
 * against the same campaign as one execution, its worker alone on the key.
 */
async function queueMode(): Promise<Row[]> {
	const emulator = new InfiniReachEmulator({
		botFilter: false,
		stepMs: 3_600_000,
		rateLimit: { limit: CAMPAIGN_LIMIT, windowMs: 60_000, scope: 'sends', hint: 'none' },
	});
	const url = await emulator.start();
	const stack = new QueueStack({
		folder: join(WORK, 'bench-queue'),
		port: 6500,
		workers: 2,
		owner: OWNER,
		credentials: [
			{
				id: 'irSandboxCred001',
				name: 'InfiniReach Sandbox',
				type: 'infiniReachApi',
				data: { apiKey: SANDBOX_API_KEY, baseUrl: url, webhookSecret: '' },
			},
		],
		// The workflow the queue-mode e2e test runs, with the credential it names.
		workflows: [join(ROOT, 'test/e2e/queue/infinireach-queue-campaign.json')],
		publish: [QUEUE_CAMPAIGN],
		webhookPaths: ['queue-campaign'],
	});
	const recipients = Array.from({ length: QUEUE_RECIPIENTS }, (_, i) => ({ phone: `+1415555${2000 + i}`, name: `R${i}` }));
	let started = 0;
	const run = async (campaignKey: string, parts: number) => {
		emulator.server.reset();
		const size = QUEUE_RECIPIENTS / parts;
		await Promise.all(
			Array.from(
				{ length: parts },
				async (_, part) =>
					await axios.post(`${stack.webhookBase}/webhook/queue-campaign`, {
						campaignKey,
						recipients: recipients.slice(part * size, (part + 1) * size),
					}),
			),
		);
		started += parts;
		await waitFor(
			`${started} finished campaign executions`,
			async () => {
				const statuses = await stack.n8n.executionStatuses(QUEUE_CAMPAIGN);
				return total(statuses) - (statuses.running ?? 0) - (statuses.new ?? 0) >= started ? statuses : undefined;
			},
			10 * 60_000,
			1_000,
		);
		const figures = campaignFigures(emulator, QUEUE_RECIPIENTS);
		if (figures.lost || figures.duplicates)
			throw new Error(`The queue-mode campaign ${campaignKey} lost ${figures.lost} and duplicated ${figures.duplicates} messages`);
		return figures;
	};
	try {
		log('queue mode: starting Redis, Postgres, an n8n main, two workers and a webhook processor');
		await stack.start();
		log(
			`queue mode: ${QUEUE_RECIPIENTS} at ${CAMPAIGN_LIMIT} a minute on one key, as two executions on two workers, then as one (about 6 minutes)`,
		);
		const shared = await run('bench-two-workers', 2);
		// The key's window empties first, and the workers' pacers have a window without a 429 behind them.
		await new Promise((resolve) => setTimeout(resolve, 62_000));
		const alone = await run('bench-one-worker', 1);
		const note = (f: CampaignFigures) => `${f.unique}/${QUEUE_RECIPIENTS} delivered in ${f.spanS.toFixed(1)} s, ${f.tooMany} × 429`;
		log(`queue mode: two workers ${note(shared)}; one worker ${note(alone)}`);
		return [
			row({
				scenario: `7. queue mode, ${QUEUE_RECIPIENTS} at ${CAMPAIGN_LIMIT}/min on one key`,
				measure: 'fraction of the limit',
				package: shared.fraction,
				peer: alone.fraction,
				peerName: 'one worker alone on the key',
				goal: { ratio: 0.9, better: 'higher' },
				note: `two workers: ${note(shared)}; one worker: ${note(alone)}`,
			}),
			row({
				scenario: `7. queue mode, ${QUEUE_RECIPIENTS} at ${CAMPAIGN_LIMIT}/min on one key`,
				measure: '429 answers',
				package: shared.tooMany,
				peer: QUEUE_RECIPIENTS,
				peerName: 'messages sent',
				goal: { ratio: 0.05, better: 'lower' },
			}),
		];
	} finally {
		await stack.stop();
		await emulator.stop();
	}
}

// --- (8) what a Campaign Key costs a send, as the node's record grows ------------------------------
const KEY_ROUNDS = env('BENCH_KEY_ROUNDS', 3);
const KEY_SIZES = (process.env.BENCH_KEY_SIZES ?? '0,100000,1000000').split(',').map(Number);

/**
 * Writes the node's Campaign Key record as n8n's store keeps it after `messages` sent ones: one entry (a
 * hash) a message, the oldest gone past RECORD_LIMIT — so at 1,000,000 it holds the last 100,000.
 */
async function writeRecord(n8n: N8n, workflowId: string, nodeId: string, messages: number): Promise<number> {
	const entries = Math.min(messages, RECORD_LIMIT);
	const script = `
		const { createHash } = require('crypto');
		const sqlite3 = require('sqlite3');
		const data = Array.from({ length: ${entries} }, (_, i) => createHash('md5').update('c:earlier-' + i).digest('base64'));
		const db = new sqlite3.Database(${JSON.stringify(join(n8n.options.folder, '.n8n/database.sqlite'))});
		db.configure('busyTimeout', 30000);
		db.serialize(() => {
			db.run('DELETE FROM processed_data WHERE workflowId = ? AND context = ?', [${JSON.stringify(workflowId)}, ${JSON.stringify(`n:${nodeId}`)}]);
			if (${entries} > 0)
				db.run("INSERT INTO processed_data (workflowId, context, value, createdAt, updatedAt) VALUES (?, ?, ?, datetime('now'), datetime('now'))",
					[${JSON.stringify(workflowId)}, ${JSON.stringify(`n:${nodeId}`)}, JSON.stringify({ mode: 'entries', data })]);
		});
		db.close((error) => { if (error) { console.error(error.message); process.exit(1); } });`;
	const result = await run(NODE24, ['-e', script], { env: { ...process.env, NODE_PATH: join(RUNTIME, 'n8n/node_modules') } });
	if (result.code !== 0) throw new Error(`Writing the Campaign Key record failed: ${result.stderr}`);
	return entries;
}

async function campaignKeyCost(n8n: N8n, stub: Awaited<ReturnType<typeof startStub>>, keyed: Workflow): Promise<Row[]> {
	const nodeId = (keyed.nodes as Array<{ id: string; name: string }>).find((node) => node.name === 'Send')!.id;
	const rows: Row[] = [];
	const runOf = async (id: string) => {
		const before = stub.posts();
		const result = await n8n.execute(id);
		if (!result.ok) throw new Error(`The run ${id} failed:\n${result.output.slice(-2000)}`);
		// Each run is a new campaign (its key has the execution's ID): every message must go.
		if (stub.posts() - before !== SENDS) throw new Error(`The run ${id} sent ${stub.posts() - before} requests for ${SENDS} items`);
		return executionTime(result.data, 'Send');
	};
	for (const size of KEY_SIZES) {
		const times: Record<'key' | 'none', number[]> = { key: [], none: [] };
		let entries = 0;
		for (let round = 1; round <= KEY_ROUNDS; round++) {
			// The record as it stands after `size` earlier messages, before every keyed run (each adds its own).
			entries = await writeRecord(n8n, keyed.id, nodeId, size);
			const order = round % 2 ? (['key', 'none'] as const) : (['none', 'key'] as const);
			for (const contender of order) times[contender].push(await runOf(contender === 'key' ? keyed.id : 'benchSendNode001'));
			log(`campaign key, ${size} earlier messages, round ${round}: with key ${times.key.at(-1)} ms, without ${times.none.at(-1)} ms`);
		}
		rows.push(
			row({
				scenario: `8. ${SENDS} sends, Campaign Key, ${size.toLocaleString('en-US')} earlier messages`,
				measure: 'node time (ms)',
				package: median(times.key),
				peer: median(times.none),
				peerName: 'the same sends without a key',
				goal: { ratio: 1.2, better: 'lower' },
				note: `the node's record held ${entries.toLocaleString('en-US')} entries (n8n keeps its last ${RECORD_LIMIT.toLocaleString('en-US')})`,
			}),
		);
	}
	return rows;
}

// --- (4) cold load, and (6) installed size ---------------------------------------------------------
const INSTALLED = (n8n: N8n) => join(n8n.options.folder, '.n8n/nodes/node_modules');

async function coldLoad(n8n: N8n): Promise<Row[]> {
	const installed = join(INSTALLED(n8n), 'n8n-nodes-message-gateways');
	const base = join(RUNTIME, 'n8n/node_modules/n8n-nodes-base');
	// Prints the load time, the bytes of the files it loaded from the folder, and the time of a first
	// phone number check (the package loads its numbering plan then, not with the nodes).
	const script = (files: string[], folder: string, phone?: string) => `
		require('n8n-workflow');
		const { statSync } = require('fs');
		const started = process.hrtime.bigint();
		for (const file of ${JSON.stringify(files)}) for (const Class of Object.values(require(file))) if (typeof Class === 'function') new Class();
		const loaded = Number(process.hrtime.bigint() - started) / 1e6;
		const bytes = () => Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(folder)})).reduce((n, f) => n + statSync(f).size, 0);
		const loadedBytes = bytes();
		let firstNumber = 0;
		if (${JSON.stringify(Boolean(phone))}) {
			const phone = require(${JSON.stringify(phone ?? '')});
			const checked = process.hrtime.bigint();
			phone.normalizePhoneNumber('(415) 555-0123', { defaultCountry: 'US' });
			firstNumber = Number(process.hrtime.bigint() - checked) / 1e6;
		}
		console.log(JSON.stringify({ loaded, loadedBytes, firstNumber, withNumbers: bytes() }));`;
	const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const ours = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => join(installed, file));
	// The peer: n8n's own Telegram package of a node, its trigger and credential.
	const theirs = [
		'dist/nodes/Telegram/Telegram.node.js',
		'dist/nodes/Telegram/TelegramTrigger.node.js',
		'dist/credentials/TelegramApi.credentials.js',
	].map((file) => join(base, file));
	type Load = { loaded: number; loadedBytes: number; firstNumber: number; withNumbers: number };
	const time = async (files: string[], folder: string, phone?: string): Promise<Load> => {
		const result = await run(NODE24, ['-e', script(files, folder, phone)], {
			env: { ...process.env, NODE_PATH: join(RUNTIME, 'n8n/node_modules') },
		});
		if (result.code !== 0) throw new Error(`Cold load failed: ${result.stderr}`);
		return JSON.parse(result.stdout.trim().split('\n').pop()!) as Load;
	};
	const ourLoads: Load[] = [];
	const theirTimes: number[] = [];
	for (let i = 0; i < 7; i++) {
		// Bytes counted over the whole nodes folder: the package's dependencies, if it has any, are there.
		ourLoads.push(await time(ours, INSTALLED(n8n), join(installed, 'dist/nodes/shared/phone.js')));
		theirTimes.push((await time(theirs, base)).loaded);
	}
	const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
	const { loadedBytes, withNumbers } = ourLoads[0];
	return [
		row({
			scenario: `4. cold load (${ours.length} files)`,
			measure: 'ms',
			package: median(ourLoads.map((l) => l.loaded)),
			peer: median(theirTimes),
			peerName: "n8n's Telegram node, trigger, credential",
			note: `every node and credential of the package, ${kb(loadedBytes)} loaded; the first phone number loads ${kb(withNumbers - loadedBytes)} more in ${median(ourLoads.map((l) => l.firstNumber)).toFixed(1)} ms; goal: under 50 ms (it was 29 ms)`,
		}),
	];
}

/** Everything installing the package put into n8n's nodes folder: the package and its dependencies. */
function installedSize(n8n: N8n): Row {
	const walk = (dir: string): { bytes: number; files: number } =>
		readdirSync(dir, { withFileTypes: true }).reduce(
			(sum, entry) => {
				if (entry.name === '.package-lock.json') return sum;
				const inner = entry.isDirectory() ? walk(join(dir, entry.name)) : { bytes: statSync(join(dir, entry.name)).size, files: 1 };
				return { bytes: sum.bytes + inner.bytes, files: sum.files + inner.files };
			},
			{ bytes: 0, files: 0 },
		);
	const { bytes, files } = walk(INSTALLED(n8n));
	return row({
		scenario: '6. installed size',
		measure: 'bytes',
		package: bytes,
		peer: 1_000_000,
		peerName: 'the goal, 1 MB',
		goal: { ratio: 1, better: 'lower' },
		note: `${files} files in the nodes folder after installing the package (it was 10.5 MB in 1,194 files)`,
	});
}

function report(rows: Row[], extra: object): void {
	console.log('');
	printTable(rows);
	const files = writeResults(RESULTS, rows, extra);
	console.log(`\nwritten: ${files.join(', ')}`);
}

// --- (5) Infobip requests per 10,000 recipients -------------------------------------------------
async function infobip(n8n: N8n, emulator: InfobipEmulator): Promise<Row[]> {
	const posts = async (id: string) => {
		emulator.server.reset();
		// 10,000 items of run data are more than `n8n execute` prints before it exits: the exit code
		// says whether the run succeeded, the emulator counts the requests, the time is the whole run's.
		const started = Date.now();
		const result = await n8n.cli(['execute', `--id=${id}`]);
		if (result.code !== 0) throw new Error(`The Infobip run ${id} failed:\n${(result.stdout + result.stderr).slice(-2000)}`);
		const accepted = emulator.server.log.filter((r) => r.method === 'POST' && (r.status ?? 500) < 300);
		const messages = accepted.reduce(
			(sum, r) =>
				sum +
				((r.body as { messages?: Array<{ destinations?: unknown[] }> }).messages ?? []).reduce(
					(n, m) => n + (m.destinations?.length ?? 0),
					0,
				),
			0,
		);
		if (messages !== INFOBIP_RECIPIENTS)
			throw new Error(`The Infobip run ${id} sent ${messages} destinations for ${INFOBIP_RECIPIENTS} recipients`);
		return { requests: emulator.server.log.filter((r) => r.method === 'POST').length, ms: Date.now() - started };
	};
	const batched = await posts('benchInfobip1000');
	const perItem = await posts('benchInfobip0001');
	log(`Infobip: ${batched.requests} requests in ${batched.ms} ms; one per recipient: ${perItem.requests} in ${perItem.ms} ms`);
	return [
		row({
			scenario: `5. Infobip, ${INFOBIP_RECIPIENTS} recipients`,
			measure: 'requests',
			package: batched.requests,
			peer: perItem.requests,
			peerName: 'one request per recipient',
			goal: { ratio: 10 / INFOBIP_RECIPIENTS, better: 'lower' },
		}),
		row({
			scenario: `5. Infobip, ${INFOBIP_RECIPIENTS} recipients`,
			measure: 'run time (ms)',
			package: batched.ms,
			peer: perItem.ms,
			peerName: 'one request per recipient',
		}),
	];
}

// --- the stack ---------------------------------------------------------------------------------------
async function startN8n(expressionEngine?: string): Promise<N8n> {
	const n8n = new N8n({
		folder: FOLDER,
		port: PORT,
		brokerPort: PORT + 1,
		owner: OWNER,
		env: expressionEngine ? { N8N_EXPRESSION_ENGINE: expressionEngine } : {},
	});
	await n8n.start(join(FOLDER, `n8n${expressionEngine ? `-${expressionEngine}` : ''}.log`));
	return n8n;
}

// --- (9) Dry Run ----------------------------------------------------------------------------------

/**
 * A dry run of 10,000 items against a real run of the same items, in the node's own time: the
 * per-item path (InfiniReach, through the stub that answers at once) and the batch path (Infobip).
 * A dry run that sends a single request fails the bench.
 */
async function dryRun(n8n: N8n, stub: Awaited<ReturnType<typeof startStub>>, emulator: InfobipEmulator): Promise<Row[]> {
	const timed = async (id: string) => {
		const result = await n8n.execute(id);
		if (!result.ok) throw new Error(`The run ${id} failed: ${result.output.slice(-2000)}`);
		return executionTime(result.data, 'Send');
	};
	const infobipPosts = () => emulator.server.log.filter((r) => r.method === 'POST').length;
	const before = stub.posts();
	const irDry = await timed('benchDryRunIr001');
	if (stub.posts() !== before) throw new Error(`An InfiniReach dry run sent ${stub.posts() - before} requests`);
	const irReal = await timed('benchRealRunIr01');
	if (stub.posts() - before !== DRY_RUN_ITEMS)
		throw new Error(`The real InfiniReach run sent ${stub.posts() - before} of ${DRY_RUN_ITEMS}`);
	emulator.server.reset();
	const ibDry = await timed('benchDryRunIb001');
	if (infobipPosts()) throw new Error(`An Infobip dry run sent ${infobipPosts()} requests`);
	const ibReal = await timed('benchInfobip1000');
	log(
		`Dry Run, ${DRY_RUN_ITEMS} items: InfiniReach ${irDry} ms (real run ${irReal} ms), Infobip ${ibDry} ms (real run ${ibReal} ms); 0 requests`,
	);
	const scenario = `9. Dry Run, ${DRY_RUN_ITEMS.toLocaleString('en-US')} items, 0 requests`;
	return [
		row({ scenario, measure: 'InfiniReach node ms', package: irDry, peer: irReal, peerName: 'a real run of the same items' }),
		row({ scenario, measure: 'Infobip node ms', package: ibDry, peer: ibReal, peerName: 'a real run of the same items' }),
	];
}

async function main(): Promise<void> {
	await ensureRuntime();
	// BENCH_ONLY=queue: scenario 7 alone, which brings its own stack.
	if (process.env.BENCH_ONLY === 'queue') return report(await queueMode(), {});
	rmSync(FOLDER, { recursive: true, force: true });
	mkdirSync(join(FOLDER, 'workflows'), { recursive: true });
	const stub = await startStub();
	const campaignNode = new InfiniReachEmulator({ botFilter: false, stepMs: 3_600_000 });
	const campaignPeer = new InfiniReachEmulator({ botFilter: false, stepMs: 3_600_000 });
	const infobipEmulator = new InfobipEmulator({
		rateLimit: { limit: 1_000_000, windowMs: 1_000 },
		msPerSecond: 60_000,
		pricePerMessage: 0,
	});
	const urls = { node: await campaignNode.start(), peer: await campaignPeer.start(), infobip: await infobipEmulator.start() };
	let n8n: N8n | undefined;
	try {
		const triggerWorkflows = [
			infiniReachTrigger('benchTrigIR00001', 'benchIrStub00001'),
			webhookNode('benchTrigHook001'),
			chargebeeTrigger('benchTrigCb00001'),
		];
		const keyed = nodeSends('benchKeyCost0001', SENDS, 'benchIrStub00001', 1_000_000, { campaignKey: '=cost-{{ $execution.id }}' });
		const workflows: Workflow[] = [
			nodeSends('benchSendNode001', SENDS, 'benchIrStub00001', 1_000_000),
			keyed,
			httpSends('benchSendJson001', SENDS, stub.url, SANDBOX_API_KEY, 'json'),
			httpSends('benchSendField01', SENDS, stub.url, SANDBOX_API_KEY, 'fields'),
			nodeSends('benchCampNode001', CAMPAIGN, 'benchIrCamp00001', CAMPAIGN_LIMIT),
			httpSends('benchCampHttp001', CAMPAIGN, urls.peer, SANDBOX_API_KEY, 'json', { batchSize: CAMPAIGN_LIMIT, batchInterval: 60_000 }),
			infobipSends('benchInfobip1000', INFOBIP_RECIPIENTS, 'benchInfobip0001', 1000),
			infobipSends('benchInfobip0001', INFOBIP_RECIPIENTS, 'benchInfobip0001', 1),
			nodeSends('benchDryRunIr001', DRY_RUN_ITEMS, 'benchIrStub00001', 1_000_000, { dryRun: true }),
			nodeSends('benchRealRunIr01', DRY_RUN_ITEMS, 'benchIrStub00001', 1_000_000),
			infobipSends('benchDryRunIb001', DRY_RUN_ITEMS, 'benchInfobip0001', 1000, { dryRun: true }),
			...triggerWorkflows,
		];
		for (const workflow of workflows) writeFileSync(join(FOLDER, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow));

		const setup = new N8n({ folder: FOLDER, port: PORT, brokerPort: PORT + 1, owner: OWNER });
		log('installing the packed package into n8n and importing the bench workflows');
		// BENCH_PACKAGE: another checkout's built package (an older commit, for before-and-after figures).
		await setup.installPackage(process.env.BENCH_PACKAGE ?? ROOT);
		await setup.importCredentials([
			{
				id: 'benchIrStub00001',
				name: 'benchIrStub00001',
				type: 'infiniReachApi',
				data: { apiKey: SANDBOX_API_KEY, baseUrl: stub.url, webhookSecret: SECRET },
			},
			{
				id: 'benchIrCamp00001',
				name: 'benchIrCamp00001',
				type: 'infiniReachApi',
				data: { apiKey: SANDBOX_API_KEY, baseUrl: urls.node, webhookSecret: '' },
			},
			{ id: 'benchInfobip0001', name: 'benchInfobip0001', type: 'infobipApi', data: { apiKey: INFOBIP_KEY, baseUrl: urls.infobip } },
		]);
		await setup.importWorkflows(join(FOLDER, 'workflows'));
		for (const workflow of triggerWorkflows) await setup.publish(workflow.id);

		log('the installed package: cold load and size');
		const rows: Row[] = [...(await coldLoad(setup)), installedSize(setup)];
		// BENCH_ONLY=package: these two, which need no running n8n (a quick before-and-after of a build).
		if (process.env.BENCH_ONLY === 'package') return report(rows, {});

		log(`starting n8n (default expression engine) at ${setup.baseUrl}`);
		n8n = await startN8n();

		log(`Dry Run: ${DRY_RUN_ITEMS} items on InfiniReach and Infobip, beside a real run of the same items`);
		rows.push(...(await dryRun(n8n, stub, infobipEmulator)));
		// BENCH_ONLY=dry-run: this scenario alone (with the package rows above).
		if (process.env.BENCH_ONLY === 'dry-run') return report(rows, {});

		log(`Campaign Key: ${KEY_ROUNDS} rounds of ${SENDS} sends with and without a key, at ${KEY_SIZES.join(', ')} earlier messages`);
		rows.push(...(await campaignKeyCost(n8n, stub, keyed)));
		// BENCH_ONLY=campaign-key: this scenario alone (with the package rows above).
		if (process.env.BENCH_ONLY === 'campaign-key') return report(rows, {});

		log(`triggers: ${TRIGGER_ROUNDS} rounds of ${TRIGGER_CHUNK} signed deliveries to each, ${CONCURRENCY} at once`);
		const before = new Map<string, number>();
		for (const workflow of triggerWorkflows) before.set(workflow.id, total(await n8n.executionStatuses(workflow.id)));
		const figures = await triggers(n8n, triggerWorkflows, TRIGGER_ROUNDS);
		const [ours, hook, chargebee] = triggerWorkflows.map((workflow) => figures.get(workflow.id)!);
		for (const workflow of triggerWorkflows) checkAnswers(workflow.name, figures.get(workflow.id)!.results, 200);
		const jsonShare = (figures: TriggerFigures) => {
			const answers = figures.results.flatMap((r) => Object.entries(r.types));
			return (
				answers.filter(([type]) => type === 'application/json').reduce((n, [, count]) => n + count, 0) /
				answers.reduce((n, [, count]) => n + count, 0)
			);
		};
		const fake = await forged(n8n, triggerWorkflows[0]);
		checkAnswers('forged deliveries', [fake.result], 401);
		// Executions end after their answer: wait for the counts to stop moving.
		let counts: number[] = [];
		for (let i = 0; i < 60; i++) {
			const now = await Promise.all(triggerWorkflows.map(async (w) => total(await n8n!.executionStatuses(w.id)) - before.get(w.id)!));
			if (now.join() === counts.join() && now.every((c) => c >= TRIGGER_ROUNDS * TRIGGER_CHUNK + 20)) break;
			counts = now;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		const expected = TRIGGER_ROUNDS * TRIGGER_CHUNK + 20;
		log(
			`executions started: ${triggerWorkflows.map((w, i) => `${w.name} ${counts[i]}`).join(', ')} (deliveries: ${expected} each, then ${FORGED} forged to the InfiniReach Trigger)`,
		);
		if (counts[0] !== expected)
			throw new Error(`The InfiniReach Trigger started ${counts[0]} executions for ${expected} signed and ${FORGED} forged deliveries`);
		rows.push(
			row({
				scenario: '2. signed trigger',
				measure: 'n8n CPU ms per delivery',
				package: ours.cpuPerRequest,
				peer: chargebee.cpuPerRequest,
				peerName: 'Chargebee Trigger',
				goal: { ratio: 1, better: 'lower' },
			}),
			row({
				scenario: '2. signed trigger',
				measure: 'n8n CPU ms per delivery',
				package: ours.cpuPerRequest,
				peer: hook.cpuPerRequest,
				peerName: 'Webhook node',
			}),
			row({
				scenario: '2. signed trigger',
				measure: 'deliveries per second',
				package: ours.perSecond,
				peer: hook.perSecond,
				peerName: 'Webhook node',
			}),
			row({
				scenario: '2. signed trigger',
				measure: 'share of answers in JSON',
				package: jsonShare(ours),
				peer: jsonShare(hook),
				peerName: 'Webhook node',
				goal: { ratio: 1, better: 'higher' },
			}),
			row({
				scenario: '2. forged delivery (401)',
				measure: 'n8n CPU ms per request',
				package: fake.cpuPerRequest,
				peer: ours.cpuPerRequest,
				peerName: 'an accepted delivery',
				goal: { ratio: 1, better: 'lower' },
			}),
		);

		log(`sends: ${SEND_ROUNDS} rounds of ${SENDS} sends each through the node and the HTTP Request node`);
		rows.push(...(await sends(n8n, stub, SEND_ROUNDS)));
		rows.push(...(await infobip(n8n, infobipEmulator)));
		const campaignResult = await campaign(n8n, campaignNode, campaignPeer);
		rows.push(...campaignResult.rows);
		await n8n.stop();

		const legacyRounds = Math.max(3, Math.round(TRIGGER_ROUNDS / 2));
		log(`restarting n8n with N8N_EXPRESSION_ENGINE=legacy: triggers and sends again, ${legacyRounds} rounds`);
		n8n = await startN8n('legacy');
		const legacy = await triggers(n8n, triggerWorkflows, legacyRounds);
		const [oursLegacy, hookLegacy, chargebeeLegacy] = triggerWorkflows.map((workflow) => legacy.get(workflow.id)!);
		// The sends run on this server, started with the legacy engine: the same engine as the triggers above.
		const legacySends = await sends(n8n, stub, legacyRounds, ', legacy engine');
		rows.push(
			row({
				scenario: '2. signed trigger, legacy engine',
				measure: 'deliveries per second',
				package: oursLegacy.perSecond,
				peer: hookLegacy.perSecond,
				peerName: 'Webhook node',
				goal: { ratio: 0.9, better: 'higher' },
			}),
			row({
				scenario: '2. signed trigger, legacy engine',
				measure: 'n8n CPU ms per delivery',
				package: oursLegacy.cpuPerRequest,
				peer: chargebeeLegacy.cpuPerRequest,
				peerName: 'Chargebee Trigger',
			}),
		);
		rows.push(...legacySends);
		await n8n.stop();
		n8n = undefined;
		rows.push(...(await queueMode()));

		report(rows, { campaign: { node: campaignResult.node, peer: campaignResult.peer } });
	} finally {
		await n8n?.stop();
		await stub.stop();
		await campaignNode.stop();
		await campaignPeer.stop();
		await infobipEmulator.stop();
	}
}

main().catch((error: Error) => {
	console.error(`Benchmark failed: ${error.stack ?? error.message}`);
	process.exit(1);
});
