import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyField } from '../shared/common-event';
import { repeatWindowField, signatureOptions } from '../shared/fields';
import { savedParameter } from '../shared/parameters';
import {
	commonEventsIf,
	DELIVERY_WEBHOOK,
	REPEAT_WINDOW_MINUTES,
	envelopeEventKey,
	envelopeEvents,
	SIGNATURE_HEADER,
	signedWebhook,
	type SignatureOptionValues,
	urlPastedByHand,
} from '../shared/webhook';
import { events } from './helpers/common';
import { CREDENTIAL_TYPE } from './transport';

export class InfiniReachTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfiniReach Trigger',
		name: 'infiniReachTrigger',
		icon: { light: 'file:infinireach.svg', dark: 'file:infinireach.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default: the common event (version 1 keeps InfiniReach's own payload).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on InfiniReach message and device events',
		defaults: { name: 'InfiniReach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ ...DELIVERY_WEBHOOK }],
		properties: [
			{
				displayName:
					"InfiniReach has no API to register webhooks: copy this node's Production URL into the InfiniReach dashboard under Integrations → Webhooks and pick the same events there. Set a secret there and the same Webhook Secret in the credential, so that only signed requests start the workflow.",
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
					{ name: 'Device Offline', value: 'device.offline', description: 'A device stopped answering (white-label servers)' },
					{ name: 'Message Delivered', value: 'message.delivered', description: 'A sent message was delivered' },
					{ name: 'Message Failed', value: 'message.failed', description: 'A message could not be sent' },
					{ name: 'Message Inbound', value: 'message.inbound', description: 'A message was received' },
					{ name: 'Message Received', value: 'message.received', description: 'A message was received (white-label servers)' },
					{ name: 'Message Sent', value: 'message.sent', description: 'A device sent a message (white-label servers)' },
				],
				default: ['message.inbound'],
				description: 'Events that start the workflow; others are acknowledged and ignored',
			},
			simplifyField(),
			signatureOptions(SIGNATURE_HEADER),
			repeatWindowField(REPEAT_WINDOW_MINUTES),
		],
	};

	webhookMethods = urlPastedByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Without a secret in the credential, InfiniReach does not sign: deliveries are taken as they come.
		return await signedWebhook(this, {
			credentialType: CREDENTIAL_TYPE,
			check: (credentials) => ({
				secret: String(credentials.webhookSecret ?? ''),
				options: savedParameter<SignatureOptionValues>(this, 'signature', {}),
			}),
			items: (body) => envelopeEvents(body, savedParameter<string[]>(this, 'events', [])),
			eventKey: envelopeEventKey,
			commonEvents: commonEventsIf(this, events),
		});
	}
}
