import axios, { type AxiosInstance } from 'axios';
import type { ChildProcess } from 'child_process';
import { createWriteStream, readFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';

import { N8N_BIN, NODE24, ROOT, RUNTIME } from './paths';
import { run, runOrFail, startDetached, stopGroup, waitFor } from './processes';

export interface Owner {
	email: string;
	password: string;
}

export interface N8nOptions {
	/** Becomes N8N_USER_FOLDER: settings, database and installed community packages. */
	folder: string;
	port: number;
	/** Task-runner broker port of the server; CLI runs use the next ones. */
	brokerPort: number;
	owner?: Owner;
	/** More environment for every n8n process (N8N_EXPRESSION_ENGINE, say). */
	env?: Record<string, string>;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

const PACKAGE = 'n8n-nodes-message-gateways';
let cliRuns = 0;

/** A real n8n 2.41.1 on Node 24 (CONTRIBUTING.md, "Which n8n"), driven through its CLI and HTTP API. */
export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters?: Record<string, unknown>;
}

export class N8n {
	/** Checks every run the tests read (test/e2e/shapes.ts sets it in the jest lanes). */
	static checkRun?: (nodes: WorkflowNode[], runData: ExecutionData['data']['resultData']['runData']) => void;

	private server?: ChildProcess;
	private apiClient?: AxiosInstance;
	private restClient?: AxiosInstance;

	constructor(readonly options: N8nOptions) {}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	webhookUrl(webhookId: string, path: string): string {
		return `${this.baseUrl}/webhook/${webhookId}/${path}`;
	}

	private env(brokerPort = this.options.brokerPort): NodeJS.ProcessEnv {
		const owner = this.options.owner;
		return {
			PATH: `${join(NODE24, '..')}:${process.env.PATH ?? ''}`,
			HOME: process.env.HOME,
			N8N_USER_FOLDER: this.options.folder,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: 'e2e-sandbox-encryption-key-not-secret',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'warn',
			...(owner
				? {
						N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
						N8N_INSTANCE_OWNER_EMAIL: owner.email,
						N8N_INSTANCE_OWNER_PASSWORD_HASH: passwordHash(owner.password),
					}
				: {}),
			...this.options.env,
		};
	}

	/** One `n8n <command>`; each gets its own runner broker port so it can run beside the server. */
	async cli(args: string[]) {
		// `execute` prints its result through the logger at info level.
		const env = { ...this.env(this.options.brokerPort + 1 + (cliRuns++ % 50)), N8N_LOG_LEVEL: 'info' };
		return await run(NODE24, [N8N_BIN, ...args], { env });
	}

	private async cliOrFail(args: string[]) {
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(`n8n ${args.join(' ')} exited ${result.code}:\n${result.stderr}\n${result.stdout}`.slice(0, 6000));
		return result;
	}

	/** As a user's install does: the packed package (this checkout's, or another's), installed into the user folder's nodes/. */
	async installPackage(from = ROOT): Promise<void> {
		const packDir = join(this.options.folder, 'pack');
		mkdirSync(packDir, { recursive: true });
		await runOrFail('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], { cwd: from });
		const tarball = readdirSync(packDir).find((file) => file.startsWith(PACKAGE) && file.endsWith('.tgz'));
		if (!tarball) throw new Error(`npm pack left no tarball in ${packDir}`);
		const nodes = join(this.options.folder, '.n8n/nodes');
		mkdirSync(nodes, { recursive: true });
		writeFileSync(join(nodes, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		await runOrFail(
			'npm',
			['install', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', join(packDir, tarball)],
			{ cwd: nodes },
		);
	}

	async importCredentials(credentials: Credential[]): Promise<void> {
		const file = join(this.options.folder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.cliOrFail(['import:credentials', `--input=${file}`]);
		} finally {
			// The file holds the keys in plain text; n8n keeps them encrypted.
			rmSync(file, { force: true });
		}
	}

	async importWorkflows(directory: string): Promise<void> {
		await this.cliOrFail(['import:workflow', '--separate', `--input=${directory}`]);
	}

	/** Marks a workflow active before the server starts (import deactivates what it imports). */
	async publish(workflowId: string): Promise<void> {
		await this.cliOrFail(['publish:workflow', `--id=${workflowId}`]);
	}

	/**
	 * Runs a workflow from its Manual Trigger on the running server, as the editor's "Execute workflow"
	 * does, and waits for it to finish: the run's data, and whether it succeeded. A `n8n execute` would
	 * boot a second n8n for every run.
	 */
	async execute(workflowId: string, timeoutMs = 10 * 60_000): Promise<{ ok: boolean; data: ExecutionData; output: string }> {
		const rest = await this.rest();
		const workflow = (await rest.get(`/workflows/${workflowId}`)).data.data as { nodes: WorkflowNode[] };
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`Workflow ${workflowId} has no Manual Trigger to run it from`);
		const started = (await rest.post(`/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger.name } })).data.data as {
			executionId?: string;
		};
		if (!started.executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
		const api = await this.api();
		const execution = await waitFor(
			`execution ${started.executionId} of ${workflowId}`,
			async () => {
				const found = (await api.get(`/executions/${started.executionId}`, { params: { includeData: true } })).data as ApiExecution;
				return ['new', 'running', 'waiting'].includes(found.status) ? undefined : found;
			},
			timeoutMs,
			100,
		);
		const data = { data: execution.data! };
		if (execution.data) N8n.checkRun?.(workflow.nodes, execution.data.resultData.runData);
		const error = data.data?.resultData.error;
		return { ok: execution.status === 'success', data, output: `status ${execution.status}${error ? `: ${JSON.stringify(error)}` : ''}` };
	}

	private logFile?: string;

	async start(logFile: string): Promise<void> {
		this.logFile = logFile;
		this.server = await this.startProcess(['start'], {
			brokerPort: this.options.brokerPort,
			logFile,
			ready: async () =>
				(await axios.get(`${this.baseUrl}/healthz/readiness`, { validateStatus: () => true, timeout: 2_000 })).status === 200
					? true
					: undefined,
		});
	}

	get pid(): number | undefined {
		return this.server?.pid;
	}

	/**
	 * A process of this instance: `start` (the main), or as queue mode adds them `worker` (runs
	 * executions) or `webhook` (takes production webhooks), each with its own runner broker port;
	 * ready when `ready` says so.
	 */
	async startProcess(
		args: string[],
		options: {
			brokerPort: number;
			env?: Record<string, string>;
			logFile: string;
			ready: (log: () => string) => Promise<boolean | undefined>;
		},
	): Promise<ChildProcess> {
		const log = createWriteStream(options.logFile);
		let output = '';
		const child = startDetached(NODE24, [N8N_BIN, ...args], {
			env: { ...this.env(options.brokerPort), ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		for (const stream of [child.stdout!, child.stderr!]) {
			stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
			stream.pipe(log);
		}
		try {
			await waitFor(
				`n8n ${args.join(' ')} (log: ${options.logFile})`,
				async () => {
					if (child.exitCode !== null) throw new Error(`n8n ${args.join(' ')} exited with ${child.exitCode}; see ${options.logFile}`);
					return await options.ready(() => output);
				},
				120_000,
			);
		} catch (error) {
			// Not left running when it never became ready.
			await stopGroup(child);
			throw error;
		}
		return child;
	}

	async stop(): Promise<void> {
		if (this.server) await stopGroup(this.server);
		this.server = undefined;
		// A session and a key belong to the server that made them.
		this.restClient = this.apiClient = undefined;
	}

	/**
	 * Stops the main, does what happens meanwhile, and starts it again, as an upgrade or a crash and
	 * restart would: its log goes on in `<log>.restarted`.
	 */
	async restart(whileStopped: () => Promise<void> = async () => undefined): Promise<void> {
		if (!this.logFile) throw new Error('n8n was not started');
		const logFile = this.logFile;
		await this.stop();
		await whileStopped();
		await this.start(`${logFile.replace(/\.restarted$/, '')}.restarted`);
	}

	/**
	 * Makes a polling trigger poll now: n8n polls a trigger when it registers it, and registers again
	 * only a trigger whose parameters changed (it publishes in the background, comparing versions).
	 * The trigger's custom cron moves to the next minute of its hour: still once a year, a new version.
	 */
	async pollNow(workflowId: string): Promise<void> {
		const api = await this.api();
		type Node = { parameters: { pollTimes?: { item?: Array<{ mode?: string; cronExpression?: string }> } } };
		const current = (await api.get(`/workflows/${workflowId}`)).data as { name: string; nodes: Node[]; connections: unknown };
		const time = current.nodes.map((node) => node.parameters.pollTimes?.item?.[0]).find((item) => item?.mode === 'custom');
		if (!time?.cronExpression) throw new Error(`Workflow ${workflowId} has no polling trigger with a custom cron`);
		const [minute, ...rest] = time.cronExpression.split(' ');
		time.cronExpression = [String((Number(minute) + 1) % 60), ...rest].join(' ');
		await api.put(`/workflows/${workflowId}`, {
			name: current.name,
			nodes: current.nodes,
			connections: current.connections,
			settings: { executionOrder: 'v1' },
		});
		await this.activate(workflowId);
	}

	/** A workflow's static data (a polling trigger's memory), as n8n saved it. */
	async staticData(workflowId: string): Promise<Record<string, unknown>> {
		return ((await (await this.api()).get(`/workflows/${workflowId}`)).data.staticData ?? {}) as Record<string, unknown>;
	}

	/** Creates a workflow from a file's nodes and connections through the public API; its new ID. */
	async createWorkflow(file: string, name: string): Promise<string> {
		const { nodes, connections, settings } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		return String((await (await this.api()).post('/workflows', { name, nodes, connections, settings })).data.id);
	}

	/** The editor's own API (`/rest`), logged in as the owner. */
	/** A Data Table in the owner's project, created unless one of that name is there (the opt-out examples keep theirs in one). */
	async ensureDataTable(name: string, columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' }>): Promise<void> {
		const rest = await this.rest();
		const project = (await rest.get('/projects/personal')).data.data as { id: string };
		const existing = (await rest.get(`/projects/${project.id}/data-tables`, { params: { filter: JSON.stringify({ name }) } })).data
			.data as {
			data?: Array<{ name: string }>;
		};
		if (existing.data?.some((table) => table.name === name)) return;
		await rest.post(`/projects/${project.id}/data-tables`, { name, columns });
	}

	async rest(): Promise<AxiosInstance> {
		if (this.restClient) return this.restClient;
		const owner = this.options.owner;
		if (!owner) throw new Error("n8n's API needs an owner account");
		const rest = axios.create({ baseURL: `${this.baseUrl}/rest`, headers: { 'browser-id': 'e2e' } });
		const login = await rest.post('/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
		this.restClient = axios.create({ baseURL: `${this.baseUrl}/rest`, headers: { 'browser-id': 'e2e', cookie } });
		return this.restClient;
	}

	/** The public API (`/api/v1`), with a key created for the owner. */
	async api(): Promise<AxiosInstance> {
		if (this.apiClient) return this.apiClient;
		const rest = await this.rest();
		const scopes = (await rest.get('/api-keys/scopes')).data.data as string[];
		const created = await rest.post('/api-keys', { label: `e2e-${Date.now()}`, scopes, expiresAt: null });
		this.apiClient = axios.create({ baseURL: `${this.baseUrl}/api/v1`, headers: { 'X-N8N-API-KEY': created.data.data.rawApiKey } });
		return this.apiClient;
	}

	/** Activates a workflow on the running server: its triggers register themselves. */
	async activate(workflowId: string): Promise<void> {
		await (await this.api()).post(`/workflows/${workflowId}/activate`, {});
	}

	async deactivate(workflowId: string): Promise<void> {
		await (await this.api()).post(`/workflows/${workflowId}/deactivate`, {});
	}

	/** How many executions a workflow has, by status, over every page of the public API. */
	async executionStatuses(workflowId: string): Promise<Record<string, number>> {
		const api = await this.api();
		const counts: Record<string, number> = {};
		let cursor: string | undefined;
		do {
			const response = await api.get('/executions', { params: { workflowId, limit: 250, cursor } });
			for (const execution of response.data.data as ApiExecution[]) counts[execution.status] = (counts[execution.status] ?? 0) + 1;
			cursor = response.data.nextCursor ?? undefined;
		} while (cursor);
		return counts;
	}

	/** Executions of a workflow, newest first, with their data. */
	async executions(workflowId: string): Promise<ApiExecution[]> {
		const api = await this.api();
		const response = await api.get('/executions', { params: { workflowId, includeData: true, limit: 100 } });
		const executions = response.data.data as ApiExecution[];
		if (N8n.checkRun && executions.some((execution) => execution.data)) {
			const { nodes } = (await (await this.rest()).get(`/workflows/${workflowId}`)).data.data as { nodes: WorkflowNode[] };
			for (const execution of executions) if (execution.data) N8n.checkRun(nodes, execution.data.resultData.runData);
		}
		return executions;
	}
}

export interface ExecutionData {
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: OutputItem[][] }; error?: { message: string }; executionTime?: number }>>;
			error?: { message: string };
		};
	};
}

export interface ApiExecution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	data?: ExecutionData['data'];
}

export interface OutputItem {
	json: Record<string, unknown>;
	binary?: Record<string, { mimeType: string; fileName?: string; fileSize?: string; id?: string; data?: string }>;
}

/** The items a node produced in a run, with their binary data. */
export function nodeItems(data: ExecutionData['data'] | undefined, node: string): OutputItem[] {
	return data?.resultData.runData[node]?.[0]?.data?.main[0] ?? [];
}

/** The JSON of the items a node produced in a run. */
export function nodeOutput(data: ExecutionData['data'] | undefined, node: string): Array<Record<string, unknown>> {
	return nodeItems(data, node).map((item) => item.json);
}

/** bcrypt, from the n8n install itself (it ships bcryptjs), for the owner account set by environment. */
function passwordHash(password: string): string {
	const requireFromN8n = createRequire(join(RUNTIME, 'n8n/node_modules/n8n/package.json'));
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(value: string, rounds: number): string };
	return bcrypt.hashSync(password, 10);
}
