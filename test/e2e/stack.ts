import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';

import {
	INFINIREACH_API_KEY,
	startSandbox,
	TXTCOOP_API_KEY,
	WHATSINFINITY_SESSION,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox';
import { N8n, type Owner } from './n8n';
import { ROOT, WORKFLOWS } from './paths';
import { runOrFail } from './processes';

export const WEBHOOK_SECRET = 'sandbox-webhook-secret';
export const AUTO_REPLY = { workflowId: 'irAutoReply00001', webhookId: 'infinireach-auto-reply', path: 'webhook' };
export const SESSION_WATCH = { workflowId: 'wiWatch000000001' };
/** Registers itself with txtcoop when activated (the e2e test activates it through the API). */
export const IMESSAGE_REPLY = { workflowId: 'tcAutoReply00001', webhookId: 'txtcoop-inbound', path: 'webhook' };
/** The session the WhatsInfinity examples create (the sandbox's own session exists from the start). */
export const NEW_SESSION = { sessionId: 'shop-e2e', apiKey: 'n8n-new-session-key-0001' };
/** Workflows that run on their own once n8n starts. */
const ACTIVE_WORKFLOWS = [AUTO_REPLY.workflowId, SESSION_WATCH.workflowId];

export interface StackOptions {
	/** Scratch folder: the n8n user folder and logs. Emptied first. */
	folder: string;
	port: number;
	brokerPort: number;
	sandbox?: SandboxOptions;
	owner?: Owner;
	log?: (line: string) => void;
}

export interface Stack {
	n8n: N8n;
	sandbox: Sandbox;
	stop(): Promise<void>;
}

/** Installs n8n if needed (cached); the script is the one `npm run test:e2e` and `npm run dev` share. */
export async function ensureRuntime(): Promise<void> {
	await runOrFail('bash', [join(ROOT, 'test/e2e/install-n8n.sh')]);
}

/**
 * The sandbox plus a real n8n with this package installed as users install it, credentials that point
 * at the sandbox, the example workflows imported, the auto-reply trigger active, and the sandbox's
 * webhook registered to it (signed with the credential's secret).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	rmSync(options.folder, { recursive: true, force: true });
	mkdirSync(options.folder, { recursive: true });

	const sandbox = await startSandbox(options.sandbox);
	const n8n = new N8n({ folder: options.folder, port: options.port, brokerPort: options.brokerPort, owner: options.owner });
	const stop = async () => {
		await n8n.stop();
		await sandbox.stop();
	};
	try {
		log('installing the packed package into n8n');
		await n8n.installPackage();
		log('importing credentials and workflows');
		await n8n.importCredentials([
			{
				id: 'irSandboxCred001',
				name: 'InfiniReach Sandbox',
				type: 'infiniReachApi',
				data: { apiKey: INFINIREACH_API_KEY, baseUrl: sandbox.urls.infiniReach, webhookSecret: WEBHOOK_SECRET },
			},
			{
				id: 'wiSandboxCred001',
				name: 'WhatsInfinity Sandbox',
				type: 'whatsInfinityApi',
				data: { ...WHATSINFINITY_SESSION, baseUrl: sandbox.urls.whatsInfinity },
			},
			{
				id: 'wiNewSession0001',
				name: 'WhatsInfinity New Session',
				type: 'whatsInfinityApi',
				data: { ...NEW_SESSION, baseUrl: sandbox.urls.whatsInfinity },
			},
			{
				id: 'tcSandboxCred001',
				name: 'txtcoop Sandbox',
				type: 'txtCoopApi',
				data: { apiKey: TXTCOOP_API_KEY, baseUrl: sandbox.urls.txtCoop },
			},
		]);
		await n8n.importWorkflows(WORKFLOWS);
		for (const workflowId of ACTIVE_WORKFLOWS) await n8n.publish(workflowId);
		log('starting n8n');
		await n8n.start(join(options.folder, 'n8n.log'));
		sandbox.infiniReach.webhooks.target = {
			url: n8n.webhookUrl(AUTO_REPLY.webhookId, AUTO_REPLY.path),
			secret: WEBHOOK_SECRET,
			events: ['message.inbound'],
		};
	} catch (error) {
		await stop();
		throw error;
	}
	return { n8n, sandbox, stop };
}
