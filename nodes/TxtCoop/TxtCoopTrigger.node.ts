import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyField } from '../shared/common-event';
import { repeatWindowField } from '../shared/fields';
import { savedParameter } from '../shared/parameters';
import {
	commonEventsIf,
	DELIVERY_WEBHOOK,
	REPEAT_WINDOW_MINUTES,
	envelopeEventKey,
	envelopeEvents,
	signedWebhook,
} from '../shared/webhook';
import { CREDENTIAL_TYPE } from './transport';
import { events } from './helpers/common';
import { registration, type Registration } from './helpers/webhooks';

export class TxtCoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'txtcoop Trigger',
		name: 'txtCoopTrigger',
		icon: { light: 'file:txtcoop.svg', dark: 'file:txtcoop.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default: the common event (version 1 keeps txtcoop's own payload).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on txtcoop message and relay events',
		defaults: { name: 'txtcoop Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ ...DELIVERY_WEBHOOK }],
		properties: [
			{
				displayName:
					'Registers its URL with txtcoop when the workflow is activated, with a secret of its own, and removes it when deactivated. Only requests signed with that secret start the workflow.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Message Failed', value: 'message.failed', description: 'A message could not be sent' },
					{ name: 'Message Queued', value: 'message.queued', description: 'A message entered the queue' },
					{ name: 'Message Received', value: 'message.received', description: 'An iMessage arrived' },
					{ name: 'Message Sent', value: 'message.sent', description: 'A Mac sent a message' },
					{ name: 'Relay Offline', value: 'relay.offline', description: 'A Mac stopped answering' },
					{ name: 'Relay Online', value: 'relay.online', description: 'A Mac came online' },
				],
				default: ['message.received'],
				description: 'Events that start the workflow',
			},
			simplifyField(),
			repeatWindowField(REPEAT_WINDOW_MINUTES),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registration.exists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registration.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registration.delete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = this.getWorkflowStaticData('node') as Registration;
		// txtcoop signs `X-Webhook-Signature` as hex HMAC-SHA256 of the raw body: the defaults.
		return await signedWebhook(this, {
			check: () => ({
				secret,
				// Deliveries reach this URL only while the workflow is active: no secret yet means it is still registering.
				notReadyWithoutSecret: 'the trigger is still registering with txtcoop; retry shortly',
			}),
			items: (body) => envelopeEvents(body, savedParameter<string[]>(this, 'events', [])),
			eventKey: envelopeEventKey,
			commonEvents: commonEventsIf(this, events),
		});
	}
}
