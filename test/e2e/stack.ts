import { existsSync, mkdirSync, rmSync } from 'fs';
import { join } from 'path';

import { GATEWAY_KEYS, GATEWAYS, OPT_OUTS_TABLE } from '../gateways';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { N8n, type Owner } from './n8n';
import { EXAMPLE_FILES, ROOT, WORKFLOWS } from './paths';
import { runOrFail } from './processes';

export { OPT_OUTS_TABLE } from '../gateways';
export { AUTO_REPLY, IMESSAGE_REPLY, INFOBIP_EVENTS, INFOPROMO_INBOUND, NEW_SESSION, SESSION_WATCH, WEBHOOK_SECRET } from '../gateways';

export interface StackOptions {
	/** Scratch folder: the n8n user folder and logs. Emptied first. */
	folder: string;
	port: number;
	brokerPort: number;
	sandbox?: SandboxOptions;
	owner: Owner;
	log?: (line: string) => void;
	/**
	 * Keep what an earlier run left in the folder (`npm run dev`): n8n's database with the workflows and
	 * credentials the user made. The package is installed again and the sandbox credentials imported again;
	 * the example workflows are imported and activated only into a new folder.
	 */
	keep?: boolean;
	/** More environment for n8n. */
	env?: Record<string, string>;
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
 * The sandbox plus a real n8n with this package installed as users install it, and each gateway of
 * test/gateways.ts wired in: its credentials pointing at its emulator, its active workflows, and what
 * its dashboard would be told (InfiniReach's signed webhook to the auto-reply); the example workflows imported.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const fresh = !(options.keep && existsSync(join(options.folder, '.n8n/database.sqlite')));
	if (fresh) rmSync(options.folder, { recursive: true, force: true });
	mkdirSync(options.folder, { recursive: true });

	const sandbox = await startSandbox(options.sandbox);
	mkdirSync(EXAMPLE_FILES, { recursive: true });
	const n8n = new N8n({
		folder: options.folder,
		port: options.port,
		brokerPort: options.brokerPort,
		owner: options.owner,
		env: { N8N_RESTRICT_FILE_ACCESS_TO: EXAMPLE_FILES, ...options.env },
	});
	const stop = async () => {
		await n8n.stop();
		await sandbox.stop();
	};
	try {
		log('installing the packed package into n8n, importing credentials and workflows');
		// npm and n8n's CLI touch different folders: side by side.
		await Promise.all([
			n8n.installPackage(),
			(async () => {
				await n8n.importCredentials(GATEWAY_KEYS.flatMap((key) => GATEWAYS[key].credentials(sandbox.urls[key])));
				if (fresh) await n8n.importWorkflows(WORKFLOWS);
			})(),
		]);
		log('starting n8n');
		await n8n.start(join(options.folder, 'n8n.log'));
		// Activated on the running server (a CLI `publish:workflow` before the start boots n8n once each).
		if (fresh) for (const workflowId of GATEWAY_KEYS.flatMap((key) => GATEWAYS[key].activeWorkflows ?? [])) await n8n.activate(workflowId);
		// The one-inbox examples keep opt-outs in this Data Table (docs/one-inbox.md).
		await n8n.ensureDataTable(OPT_OUTS_TABLE.name, OPT_OUTS_TABLE.columns);
		for (const key of GATEWAY_KEYS) (GATEWAYS[key].afterStart as ((emulator: unknown, n8n: N8n) => void) | undefined)?.(sandbox[key], n8n);
	} catch (error) {
		await stop();
		throw error;
	}
	return { n8n, sandbox, stop };
}

/** The owner of every e2e n8n: the public API and manual runs need one. */
export const E2E_OWNER: Owner = { email: 'e2e@example.com', password: 'E2e-Owner-Password-1' };
