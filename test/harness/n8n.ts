import { createHash } from 'crypto';
import { EventEmitter } from 'events';
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	HookContext,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { readFileSync } from 'fs';
import { basename, join } from 'path';

import { ROOT } from '../e2e/paths';
import { TestCredentialsHelper, type Departure } from './credentials-helper';
import './processed-data';
import { checkCommonEvents, checkSendResults, knowNodeTypes } from './common-shapes';
import { TestNodeTypes } from './node-types';

/** Node types are named as in a real install: `<package name>.<node name>`. */
export const PACKAGE = 'n8n-nodes-message-gateways';

/**
 * The package's nodes and credentials as n8n finds them: listed in package.json's `n8n` section,
 * each file exporting a class named after it (here the TypeScript source of each `dist/` path).
 */
function fromManifest<T>(list: 'nodes' | 'credentials'): T[] {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: Record<string, string[]> };
	return manifest.n8n[list].map((distPath) => {
		// Beside this file's tree: the TypeScript sources under jest, their compiled copies in .tools/.
		const source = join(__dirname, '../..', distPath.replace(/^dist\//, '').replace(/\.js$/, ''));
		const className = basename(source).replace(/\.(node|credentials)$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name, as n8n loads the built files
		const Class = (require(source) as Record<string, new () => T>)[className];
		if (!Class) throw new Error(`${distPath} in package.json exports no class ${className}`);
		return new Class();
	});
}

const nodeClasses = fromManifest<INodeType>('nodes');
const credentialClasses = fromManifest<ICredentialType>('credentials');

/**
 * What n8n's credential tester runs for a credential's `test` request: a declarative node whose one
 * property routes to that request, executed by n8n-core's RoutingNode with the credential applied.
 */
function credentialTestNode(type: ICredentialType): INodeType {
	return {
		description: {
			displayName: `Test ${type.displayName}`,
			name: `credentialTest.${type.name}`,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type.name, required: true }],
			requestDefaults: type.test?.request,
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: {} } }],
		},
	};
}

const nodeTypes = new TestNodeTypes(
	Object.fromEntries(
		[...nodeClasses, ...credentialClasses.filter((type) => type.test).map(credentialTestNode)].map((type) => [
			`${PACKAGE}.${type.description.name}`,
			type,
		]),
	),
);
const credentialTypes = new Map(credentialClasses.map((type) => [type.name, type]));
knowNodeTypes((type) => nodeTypes.getByNameAndVersion(`${PACKAGE}.${type}`) as INodeType);

export interface NodeSetup {
	/** Node name without the package prefix, e.g. `infiniReach`. */
	type: string;
	parameters: INodeParameters;
	/** The node's version in the saved workflow (default 1). */
	typeVersion?: number;
	/** Credentials by type, as the user would have entered them. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** n8n's "On Error: Continue (using error output)": failed items leave on a second output (NodeRun.errorItems). */
	errorOutput?: boolean;
	/** n8n's Retry On Fail: the node runs again, up to `maxTries` in all, when it fails. */
	retryOnFail?: { maxTries: number };
	staticData?: IDataObject;
	/**
	 * The ID n8n gives the credentials. Default: one per distinct credential data, as if each were a
	 * credential of its own; give the same ID to model one credential edited between calls.
	 */
	credentialId?: string;
	/** Filled with each authenticated request as it leaves the node, with the package clock's time. */
	departures?: Departure[];
	/** The workflow's time zone (its settings), as the user set it. */
	timezone?: string;
}

/** How many times node code read each credential type (n8n's credentialsHelper.getDecrypted). */
export const credentialReads = new Map<string, number>();

export interface NodeRun {
	/** The node's first output. */
	items: INodeExecutionData[];
	/** Its error output, with `errorOutput`. */
	errorItems: INodeExecutionData[];
	/** The node's error when it failed (a plain object, as n8n stores it). */
	error?: { message: string; description?: string | null; name?: string; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

/** The ID of the one node every harness workflow has (node-scope records in n8n's store are keyed by it). */
export const NODE_ID = 'f0c1a7e2-0000-4000-8000-000000000001';
export const WORKFLOW_ID = 'wf-harness';

function buildNode(setup: NodeSetup): INode {
	return {
		id: NODE_ID,
		name: 'Gateway',
		type: `${PACKAGE}.${setup.type}`,
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		parameters: setup.parameters,
		credentials: Object.fromEntries(
			Object.entries(setup.credentials).map(([type, data]) => [
				type,
				{
					id: setup.credentialId ?? `cred-${type}-${createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 12)}`,
					name: `Test ${type}`,
				},
			]),
		),
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(setup.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
		...(setup.retryOnFail ? { retryOnFail: true, maxTries: setup.retryOnFail.maxTries, waitBetweenTries: 0 } : {}),
	};
}

function buildWorkflow(node: INode, staticData?: IDataObject, timezone?: string): Workflow {
	return new Workflow({
		id: 'wf-harness',
		name: 'Harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1', ...(timezone ? { timezone } : {}) },
	});
}

let executions = 0;

function buildAdditionalData(setup: NodeSetup, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
	const executionId = `exec-${++executions}`;
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, setup.credentials, credentialReads, setup.departures),
		hooks: new ExecutionLifecycleHooks(mode, executionId, {
			id: 'wf-harness',
			name: 'Harness',
			active: false,
			nodes: [],
			connections: {},
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
		}),
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		evalLlmMockHandler: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs a one-node workflow through n8n-core's WorkflowExecute, fed with `items`. */
export async function runNode(setup: NodeSetup, items: IDataObject[] = [{}]): Promise<NodeRun> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node, setup.staticData, setup.timezone);
	const additionalData = buildAdditionalData(setup, 'manual');
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items.map((json) => ({ json }))] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[node.name]?.[0];
	const outputs = { items: task?.data?.main?.[0] ?? [], errorItems: task?.data?.main?.[1] ?? [] };
	checkSendResults(setup, [...outputs.items, ...outputs.errorItems]);
	return { ...outputs, error: task?.error as NodeRun['error'], run };
}

/** Runs a credential's `test` request, as the editor's "Test" button does. */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<NodeRun> {
	const run = await runNode({ type: `credentialTest.${type}`, parameters: {}, credentials: { [type]: data } });
	// As n8n's credential tester does: a success body that matches a rule is a failure with its message.
	const body = run.items[0]?.json as Record<string, unknown> | undefined;
	for (const rule of credentialTypes.get(type)?.test?.rules ?? []) {
		if (!run.error && rule.type === 'responseSuccessBody' && body?.[rule.properties.key] === rule.properties.value) {
			return { ...run, error: { message: rule.properties.message } as NodeRun['error'] };
		}
	}
	return run;
}

/** Calls a node's loadOptions method as the editor does. */
export async function loadOptions(setup: NodeSetup, method: string): Promise<INodePropertyOptions[]> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node);
	const nodeType = nodeTypes.getByNameAndVersion(node.type);
	const context = new LoadOptionsContext(workflow, node, buildAdditionalData(setup, 'internal'), method);
	return await nodeType.methods!.loadOptions![method].call(context);
}

/** Calls a node's listSearch method (a resource locator's "From List") as the editor does. */
export async function listSearch(
	setup: NodeSetup,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node);
	const nodeType = nodeTypes.getByNameAndVersion(node.type);
	const context = new LoadOptionsContext(workflow, node, buildAdditionalData(setup, 'internal'), method);
	return await nodeType.methods!.listSearch![method].call(context, filter, paginationToken);
}

export interface WebhookCall {
	body: string | Buffer;
	headers?: Record<string, string>;
	/** How n8n hands over the raw bytes: kept on the request, read on demand, or not at all. */
	rawBody?: 'kept' | 'onDemand' | 'none';
	/**
	 * What becomes of a started execution: n8n creates it and answers (default); fails to create it
	 * and answers 500, as when its database is down; or has not answered yet (`held`: the result's
	 * `answer` finishes it later, as the test says).
	 */
	execution?: 'created' | 'fails' | 'held';
}

export interface WebhookResult {
	statusCode: number;
	/** Headers the node set on its answer, names in lower case. */
	headers: Record<string, string>;
	responseBody: unknown;
	/** Whether n8n would start an execution. */
	started: boolean;
	items: INodeExecutionData[];
	result: IWebhookResponseData;
	/** With `execution: 'held'`: n8n answers now, 200 (created) or 500 (not), and the connection closes. */
	answer(created: boolean): void;
}

function webhookData(node: INode, nodeType: INodeType, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
	const description = nodeType.description.webhooks![0];
	return {
		httpMethod: 'POST',
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: 'wf-harness',
		workflowExecuteAdditionalData: additionalData,
		webhookId: 'hook-1',
	};
}

/** Delivers an HTTP request to a trigger's webhook() as n8n's webhook server would. */
export async function callWebhook(setup: NodeSetup, call: WebhookCall): Promise<WebhookResult> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node, setup.staticData);
	const nodeType = nodeTypes.getByNameAndVersion(node.type);
	const additionalData = buildAdditionalData(setup, 'webhook');

	const raw = Buffer.isBuffer(call.body) ? call.body : Buffer.from(call.body);
	const headers = Object.fromEntries(
		Object.entries({ 'content-type': 'application/json', ...(call.headers ?? {}) }).map(([k, v]) => [k.toLowerCase(), v]),
	);
	let parsed: unknown = {};
	if (String(headers['content-type']).includes('json')) {
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			parsed = {};
		}
	}
	const response = { statusCode: 200, body: undefined as unknown, ended: false, headers: {} as Record<string, string> };
	const closed = new EventEmitter();
	const res = {
		once(event: string, listener: () => void) {
			closed.once(event, listener);
			return res;
		},
		get statusCode() {
			return response.statusCode;
		},
		get writableFinished() {
			return response.ended;
		},
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
	};
	const req: Record<string, unknown> = { body: parsed, headers, query: {}, params: {}, method: 'POST' };
	if ((call.rawBody ?? 'kept') === 'kept') req.rawBody = raw;
	if (call.rawBody === 'onDemand') {
		req.readRawBody = async () => {
			req.rawBody = raw;
		};
	}
	additionalData.httpRequest = req as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];

	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData(node, nodeType, additionalData), [], null);
	const result = await nodeType.webhook!.call(context);
	const started = result.workflowData !== undefined;
	if (!result.noWebhookResponse && !response.ended) {
		// What n8n 2.41 answers itself for responseMode "onReceived" (webhook-helpers.ts): for a started
		// workflow the description's responseData (default "firstEntryJson", sent as that literal text)
		// comes first, then the webhookResponse.
		response.statusCode = 200;
		const responseData = started ? (nodeType.description.webhooks![0].responseData ?? 'firstEntryJson') : undefined;
		response.body =
			responseData === 'noData'
				? undefined
				: responseData || (result.webhookResponse ?? { message: started ? 'Workflow was started' : 'Webhook call received' });
	}
	const answer = (created: boolean) => {
		if (started && !created) {
			response.statusCode = 500;
			response.body = { code: 0, message: 'There was a problem executing the workflow' };
		}
		response.ended = true;
		closed.emit('close');
	};
	const execution = call.execution ?? 'created';
	if (execution !== 'held' || !started) answer(execution !== 'fails');
	checkCommonEvents(setup, result.workflowData?.[0] ?? []);
	return {
		get statusCode() {
			return response.statusCode;
		},
		headers: response.headers,
		get responseBody() {
			return response.body;
		},
		started,
		items: result.workflowData?.[0] ?? [],
		result,
		answer,
	};
}

/** Runs a trigger's checkExists / create / delete as n8n does on activation and deactivation. */
export async function runWebhookMethod(setup: NodeSetup, method: 'checkExists' | 'create' | 'delete'): Promise<boolean | undefined> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node, setup.staticData);
	const nodeType = nodeTypes.getByNameAndVersion(node.type);
	const additionalData = buildAdditionalData(setup, 'trigger');
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData(node, nodeType, additionalData));
	return await nodeType.webhookMethods!.default![method].call(context);
}

/**
 * Runs a polling trigger's poll() once, as n8n's poller does. Give the same `staticData` object to
 * successive polls: it is the workflow's memory between them.
 */
export async function runPoll(setup: NodeSetup, mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[][] | null> {
	const node = buildNode(setup);
	const workflow = buildWorkflow(node, setup.staticData);
	const nodeType = nodeTypes.getByNameAndVersion(node.type);
	const context = new PollContext(workflow, node, buildAdditionalData(setup, mode), mode, 'activate');
	const polled = await nodeType.poll!.call(context);
	checkCommonEvents(setup, polled?.[0] ?? []);
	return polled;
}
