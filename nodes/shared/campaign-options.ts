import type { INodeProperties } from 'n8n-workflow';

import { RECORD_LIMIT } from './campaign-record';

/** The Campaign Key's options, the same on every send and bulk operation (see campaign.ts). */

export function campaignKeyOption(): INodeProperties {
	return {
		displayName: 'Campaign Key',
		name: 'campaignKey',
		type: 'string',
		default: '',
		placeholder: 'spring-sale-2027',
		description: `A name for the campaign. Each recipient then gets each message of it at most once from this node: one already sent under this key (by an earlier run, Retry On Fail, another execution or worker) is skipped, and its output says so; identical items of one run are sent once. The node remembers its last ${RECORD_LIMIT.toLocaleString('en-US')} messages. Empty: every item is sent.`,
	};
}

export function resendUnknownOption(): INodeProperties {
	return {
		displayName: 'Resend Messages of Unknown Fate',
		name: 'resendUnknownFate',
		type: 'boolean',
		default: false,
		description:
			'Whether to send again, under the Campaign Key, messages whose earlier request got no answer (a 5xx, a dropped connection, a crash): the gateway may have delivered them, so a recipient can get one twice. Off: they fail, naming what to check.',
	};
}

/** The Campaign Key options of an operation, side by side. */
export function campaignOptions(): INodeProperties[] {
	return [campaignKeyOption(), resendUnknownOption()];
}
