// The one list of gateways the test tools read: the sandbox starts an emulator for each (ports in
// this order from its base port), `npm run sandbox` prints each, and the e2e stack gives n8n each
// one's credentials and wiring. Adding a gateway adds an entry here; nodes and credentials are
// listed once, in package.json's `n8n` section, which the harness reads as n8n does.
import type { Credential, N8n } from './e2e/n8n';
import { InfobipEmulator } from './sandbox/Infobip/emulator';
import { SANDBOX_KEY as INFOBIP_API_KEY, type InfobipConfig } from './sandbox/Infobip/state';
import { InfiniReachEmulator } from './sandbox/InfiniReach/emulator';
import { InfopromoEmulator, SANDBOX_TOKEN as INFOPROMO_TOKEN, type InfopromoConfig } from './sandbox/Infopromo/emulator';
import { SANDBOX_API_KEY as INFINIREACH_API_KEY, type InfiniReachConfig } from './sandbox/InfiniReach/state';
import { TxtCoopEmulator } from './sandbox/TxtCoop/emulator';
import { SANDBOX_KEY as TXTCOOP_API_KEY, type TxtCoopConfig } from './sandbox/TxtCoop/state';
import { WhatsInfinityEmulator } from './sandbox/WhatsInfinity/emulator';
import { SANDBOX_SESSION as WHATSINFINITY_SESSION, type WhatsInfinityConfig } from './sandbox/WhatsInfinity/state';

export { INFINIREACH_API_KEY, INFOBIP_API_KEY, INFOPROMO_TOKEN, TXTCOOP_API_KEY, WHATSINFINITY_SESSION };

/** The secret the InfiniReach sandbox signs with, and its e2e credential checks. */
export const WEBHOOK_SECRET = 'sandbox-webhook-secret';
export const AUTO_REPLY = { workflowId: 'irAutoReply00001', webhookId: 'infinireach-auto-reply', path: 'webhook' };
export const SESSION_WATCH = { workflowId: 'wiWatch000000001' };
/** Registers itself with txtcoop when activated (the e2e test activates it through the API). */
export const IMESSAGE_REPLY = { workflowId: 'tcAutoReply00001', webhookId: 'txtcoop-inbound', path: 'webhook' };
/** The Infobip Trigger of the example workflows: reports and inbound messages, HMAC-signed. */
export const INFOBIP_EVENTS = { workflowId: 'ibEvents00000001', webhookId: 'infobip-events', path: 'webhook' };
export const INFOBIP_WEBHOOK_SECRET = 'infobip-sandbox-hmac-secret';

/** The Infopromo Trigger of the example workflows: polls for inbound messages. */
export const INFOPROMO_INBOUND = { workflowId: 'ipInbound0000001' };

/** The examples of one inbox (docs/one-inbox.md): their workflows, and the Data Table of opt-outs. */
export const ONE_INBOX = {
	workflowId: 'oneInbox00000001',
	campaignId: 'oneInboxCampaign',
	failoverId: 'whatsAppFailover',
	webhooks: { infiniReach: 'one-inbox-infinireach', infobip: 'one-inbox-infobip' },
};
export const OPT_OUTS_TABLE = {
	name: 'opt_outs',
	columns: [
		{ name: 'number', type: 'string' as const },
		{ name: 'gateway', type: 'string' as const },
		{ name: 'channel', type: 'string' as const },
		{ name: 'ourNumber', type: 'string' as const },
	],
};

/** The session the WhatsInfinity examples create (the sandbox's own session exists from the start). */
export const NEW_SESSION = { sessionId: 'shop-e2e', apiKey: 'n8n-new-session-key-0001' };

interface GatewayEntry<Emulator, Config> {
	label: string;
	create(config?: Partial<Config>): Emulator;
	/** The sandbox account, as `npm run sandbox` prints it. */
	account: string;
	/** Credentials pointing at the emulator, with the IDs the example workflows name. */
	credentials(url: string): Credential[];
	/** Workflows that run by themselves once n8n starts (published before it starts). */
	activeWorkflows?: string[];
	/** What the gateway's dashboard would be told once n8n is up (where it has no API for it). */
	afterStart?(emulator: Emulator, n8n: N8n): void;
}

const entry = <Emulator, Config>(gateway: GatewayEntry<Emulator, Config>) => gateway;

export const GATEWAYS = {
	infiniReach: entry<InfiniReachEmulator, InfiniReachConfig>({
		label: 'InfiniReach',
		create: (config) => new InfiniReachEmulator(config),
		account: `API key ${INFINIREACH_API_KEY}`,
		credentials: (url) => [
			{
				id: 'irSandboxCred001',
				name: 'InfiniReach Sandbox',
				type: 'infiniReachApi',
				data: { apiKey: INFINIREACH_API_KEY, baseUrl: url, webhookSecret: WEBHOOK_SECRET },
			},
		],
		activeWorkflows: [AUTO_REPLY.workflowId],
		// Integrations → Webhooks in InfiniReach's dashboard: the auto-reply's URL, signed.
		afterStart: (emulator, n8n) => {
			emulator.webhooks.target = {
				url: n8n.webhookUrl(AUTO_REPLY.webhookId, AUTO_REPLY.path),
				secret: WEBHOOK_SECRET,
				events: ['message.inbound'],
			};
		},
	}),
	whatsInfinity: entry<WhatsInfinityEmulator, WhatsInfinityConfig>({
		label: 'WhatsInfinity',
		create: (config) => new WhatsInfinityEmulator(config),
		account: `session "${WHATSINFINITY_SESSION.sessionId}", key ${WHATSINFINITY_SESSION.apiKey}`,
		credentials: (url) => [
			{ id: 'wiSandboxCred001', name: 'WhatsInfinity Sandbox', type: 'whatsInfinityApi', data: { ...WHATSINFINITY_SESSION, baseUrl: url } },
			{ id: 'wiNewSession0001', name: 'WhatsInfinity New Session', type: 'whatsInfinityApi', data: { ...NEW_SESSION, baseUrl: url } },
		],
		activeWorkflows: [SESSION_WATCH.workflowId],
	}),
	txtCoop: entry<TxtCoopEmulator, TxtCoopConfig>({
		label: 'txtcoop',
		create: (config) => new TxtCoopEmulator(config),
		account: `API key ${TXTCOOP_API_KEY}`,
		credentials: (url) => [
			{ id: 'tcSandboxCred001', name: 'txtcoop Sandbox', type: 'txtCoopApi', data: { apiKey: TXTCOOP_API_KEY, baseUrl: url } },
		],
	}),
	infobip: entry<InfobipEmulator, InfobipConfig>({
		label: 'Infobip',
		create: (config) => new InfobipEmulator({ pushSecret: INFOBIP_WEBHOOK_SECRET, ...config }),
		account: `API key ${INFOBIP_API_KEY} (Authorization: App <key>)`,
		credentials: (url) => [
			{
				id: 'ibSandboxCred001',
				name: 'Infobip Sandbox',
				type: 'infobipApi',
				data: { apiKey: INFOBIP_API_KEY, baseUrl: url, webhookSecret: INFOBIP_WEBHOOK_SECRET },
			},
		],
		activeWorkflows: [INFOBIP_EVENTS.workflowId],
		// Developers → Subscriptions in Infobip's portal: inbound messages and reports to the trigger, HMAC-signed.
		afterStart: (emulator, n8n) => {
			emulator.config.subscription = { url: n8n.webhookUrl(INFOBIP_EVENTS.webhookId, INFOBIP_EVENTS.path), secret: INFOBIP_WEBHOOK_SECRET };
		},
	}),
	infopromo: entry<InfopromoEmulator, InfopromoConfig>({
		label: 'Infopromo',
		create: (config) => new InfopromoEmulator(config),
		account: `API token ${INFOPROMO_TOKEN} (Bearer on /api/v3, api_token on /api/http)`,
		credentials: (url) => [
			{
				id: 'ipSandboxCred001',
				name: 'Infopromo Sandbox',
				type: 'infopromoApi',
				data: { apiToken: INFOPROMO_TOKEN, baseUrl: url, apiStyle: 'v3' },
			},
			{
				id: 'ipSandboxHttp001',
				name: 'Infopromo Sandbox (HTTP API)',
				type: 'infopromoApi',
				data: { apiToken: INFOPROMO_TOKEN, baseUrl: url, apiStyle: 'http' },
			},
		],
		activeWorkflows: [INFOPROMO_INBOUND.workflowId],
	}),
};

export type GatewayKey = keyof typeof GATEWAYS;
export type Emulators = { [Key in GatewayKey]: ReturnType<(typeof GATEWAYS)[Key]['create']> };
export type EmulatorConfigs = { [Key in GatewayKey]?: Parameters<(typeof GATEWAYS)[Key]['create']>[0] };
export const GATEWAY_KEYS = Object.keys(GATEWAYS) as GatewayKey[];
