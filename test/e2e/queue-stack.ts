// n8n's queue mode, as users run it when one process is not enough: Redis and Postgres, a main, workers
// and a webhook processor, all from the runtime the other e2e tests use, each on a loopback port and
// stopped by PID. The queue-mode e2e test and the benchmark both start it.
import axios from 'axios';
import type { ChildProcess } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'fs';
import { basename, join } from 'path';

import { N8n, type Credential, type Owner } from './n8n';
import { stopGroup, waitFor } from './processes';
import { assertPortsFree, installServices, startPostgres, startRedis, type Service } from './services';
import { ensureRuntime } from './stack';

export interface QueueStackOptions {
	folder: string;
	/** The main's port; the others follow it: broker +1, Redis +70, Postgres +71, webhook processor +60, its broker +63, worker brokers +61… */
	port: number;
	workers: number;
	owner: Owner;
	credentials: Credential[];
	/** Workflow files to import, and the IDs of those to publish. */
	workflows: string[];
	publish: string[];
	/** Production webhook paths to wait for at the webhook processor before the stack counts as up. */
	webhookPaths: string[];
}

export class QueueStack {
	readonly services: Service[] = [];
	readonly workers: (ChildProcess | undefined)[] = [];
	private webhookProcessor?: ChildProcess;
	readonly n8n: N8n;

	constructor(readonly options: QueueStackOptions) {
		const { port } = options;
		this.n8n = new N8n({
			folder: join(options.folder, 'n8n'),
			port,
			brokerPort: port + 1,
			owner: options.owner,
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port + 71),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: '',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(port + 70),
			},
		});
	}

	/** Where production webhooks go: the webhook processor. */
	get webhookBase(): string {
		return `http://127.0.0.1:${this.options.port + 60}`;
	}

	async start(): Promise<void> {
		const { folder, port } = this.options;
		const ports = [
			port,
			port + 1,
			port + 60,
			port + 63,
			port + 70,
			port + 71,
			...Array.from({ length: this.options.workers }, (_, i) => port + 61 + i),
		];
		await assertPortsFree(ports);
		await ensureRuntime();
		// Fails here, rather than skipping, when Redis or Postgres cannot be installed.
		await installServices();
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(join(folder, 'workflows'), { recursive: true });
		for (const file of this.options.workflows) copyFileSync(file, join(folder, 'workflows', basename(file)));
		// npm, the services and n8n's CLI touch different folders: side by side.
		const service = async (starting: Promise<Service>) => void this.services.push(await starting);
		await Promise.all([
			this.n8n.installPackage(),
			service(startRedis(join(folder, 'redis'), port + 70)),
			(async () => {
				await service(startPostgres(join(folder, 'postgres'), port + 71));
				await this.n8n.importCredentials(this.options.credentials);
				await this.n8n.importWorkflows(join(folder, 'workflows'));
			})(),
		]);
		await this.n8n.start(join(folder, 'main.log'));
		// On the running main, through its API: a CLI `publish:workflow` would boot n8n once each.
		for (const id of this.options.publish) await this.n8n.activate(id);
		// The workers and the webhook processor boot side by side, each kept as it is up so that stop() stops it.
		await Promise.all([
			...Array.from({ length: this.options.workers }, async (_, index) => void (this.workers[index] = await this.startWorker(index))),
			(async () => {
				this.webhookProcessor = await this.n8n.startProcess(['webhook'], {
					brokerPort: port + 63,
					env: { N8N_PORT: String(port + 60) },
					logFile: join(folder, 'webhook.log'),
					ready: async () =>
						(await axios.get(`${this.webhookBase}/healthz`, { validateStatus: () => true, timeout: 2_000 }).catch(() => undefined))
							?.status === 200
							? true
							: undefined,
				});
			})(),
		]);
		// The main registers the active workflows' webhooks after it is up: until then the processor knows none.
		for (const path of this.options.webhookPaths) {
			await waitFor(`the webhook ${path} at the webhook processor`, async () => {
				const probe = await axios.get(`${this.webhookBase}/webhook/${path}`, { validateStatus: () => true });
				return /POST/.test(JSON.stringify(probe.data)) ? true : undefined;
			});
		}
	}

	/** A worker that runs one execution at a time, so that two executions go to two workers. */
	private async startWorker(index: number): Promise<ChildProcess> {
		return await this.n8n.startProcess(['worker', '--concurrency=1'], {
			brokerPort: this.options.port + 61 + index,
			// Its "ready" line is logged at info level.
			env: { N8N_LOG_LEVEL: 'info' },
			logFile: join(this.options.folder, `worker-${index}.log`),
			ready: async (log) => (/worker is now ready/i.test(log()) ? true : undefined),
		});
	}

	/** The executions worker `index` has started so far, from its log. */
	executionsStartedBy(index: number): string[] {
		const log = readFileSync(join(this.options.folder, `worker-${index}.log`), 'utf8');
		return [...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	}

	/** Kills a worker and its task runner with SIGKILL, as a crash or an OOM kill would. */
	async killWorker(index: number): Promise<void> {
		const worker = this.workers[index];
		this.workers[index] = undefined;
		if (!worker?.pid || worker.exitCode !== null) return;
		const exited = new Promise((resolve) => worker.once('exit', resolve));
		process.kill(-worker.pid, 'SIGKILL');
		await exited;
	}

	async stop(): Promise<void> {
		for (const child of [this.webhookProcessor, ...this.workers]) if (child) await stopGroup(child);
		await this.n8n.stop();
		for (const service of this.services.reverse()) await service.stop();
	}
}
