import type { INodeProperties } from 'n8n-workflow';

import type { Gateway, RequestContext } from './gateway';
import { processMemory } from './process-memory';

/** Loopback and private-network hosts: traffic to them need not cross the internet. */
const LOCAL_HOST =
	/^(localhost|127(\.\d{1,3}){3}|\[::1\]|10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}|[^.]+|.+\.(local|internal|lan))$/i;

/** Whether a Base URL would send the API key unencrypted over a network that may not be the user's own. */
export function sendsKeyInClear(baseUrl: string): boolean {
	const match = /^http:\/\/([^/:]+|\[[^\]]+\])/i.exec(baseUrl.trim());
	return !!match && !LOCAL_HOST.test(match[1]);
}

/** Shown in a credential under an http:// Base URL: the key would cross the network in clear text. */
export function clearTextNotice(): INodeProperties {
	return {
		displayName:
			'This Base URL is not encrypted (http://): the API key crosses the network in clear text, where anyone on the way can read it. Use https:// unless the server is on this machine or your private network.',
		name: 'clearTextNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { baseUrl: [{ _cnd: { startsWith: 'http://' } }] } },
	};
}

const warned = processMemory<string, true>();

/** Logs, once per process and host, that requests go unencrypted to a host that is not local (the host only, never the key). */
export function warnIfClearText(context: RequestContext, gateway: Gateway, baseUrl: string): void {
	if (!sendsKeyInClear(baseUrl) || warned.get(`${gateway.name} ${baseUrl}`)) return;
	warned.set(`${gateway.name} ${baseUrl}`, true);
	context.logger.warn(
		`${gateway.name}: the "${gateway.credentialName}" credential's Base URL ${baseUrl} is http://, so its API key crosses the network unencrypted. Use https:// if the server offers it.`,
	);
}
