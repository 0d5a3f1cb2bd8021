import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventKey } from '../shared/event-id';
import { simplifyField } from '../shared/common-event';
import { repeatWindowField, signatureOptions } from '../shared/fields';
import { savedParameter } from '../shared/parameters';
import {
	commonEventsIf,
	DELIVERY_WEBHOOK,
	REPEAT_WINDOW_MINUTES,
	type DeliveryCheck,
	SIGNATURE_HEADER,
	signedWebhook,
	type SignatureOptionValues,
	urlPastedByHand,
} from '../shared/webhook';
import { events } from './helpers/common';
import { CHANNELS } from './helpers/fields';
import { pushedResults } from './helpers/pushed-results';
import { CREDENTIAL_TYPE } from './transport';

export class InfobipTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip Trigger',
		name: 'infobipTrigger',
		icon: { light: 'file:infobip.svg', dark: 'file:infobip.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default: the common event (version 1 keeps Infobip's own results).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Infobip delivery reports, seen reports and inbound messages',
		defaults: { name: 'Infobip Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ ...DELIVERY_WEBHOOK }],
		properties: [
			{
				displayName:
					"Paste this node's Production URL into Infobip: as the webhook of a subscription (Infobip portal → Developers → Subscriptions) for reports and inbound messages, or as Delivery Report URL / Seen Report URL in the Infobip node's send options. Give the subscription a security profile: HMAC with the credential's Webhook Secret, or Basic with its Webhook Username and Password.",
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
					{ name: 'Delivery Report', value: 'delivery', description: 'A sent message was delivered, or failed for good' },
					{ name: 'Inbound Message', value: 'inbound', description: 'A message arrived (MO)' },
					{ name: 'Seen Report', value: 'seen', description: 'A recipient saw a message' },
				],
				default: ['delivery', 'inbound'],
				description: 'Results that start the workflow; the others are acknowledged and ignored',
			},
			{
				displayName: 'Channels',
				name: 'channels',
				type: 'multiOptions',
				options: CHANNELS.map((value) => ({ name: value, value })),
				default: [],
				description: 'Only results of these channels; none chosen: every channel',
			},
			{
				displayName: 'Verification',
				name: 'verification',
				type: 'options',
				// Read before the signature is checked, when no expression may run.
				noDataExpression: true,
				options: [
					{ name: 'HMAC Signature', value: 'signature', description: "The request is signed with the credential's Webhook Secret" },
					{ name: 'Basic Auth', value: 'basicAuth', description: "The request carries the credential's Webhook Username and Password" },
					{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
				],
				default: 'signature',
				description: 'How the trigger knows a request comes from Infobip; requests that fail get 401 and start nothing',
			},
			{ ...signatureOptions(SIGNATURE_HEADER), displayOptions: { show: { verification: ['signature'] } } },
			simplifyField(),
			repeatWindowField(REPEAT_WINDOW_MINUTES),
		],
	};

	webhookMethods = urlPastedByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const check = (credentials: IDataObject): DeliveryCheck => {
			const verification = savedParameter<string>(this, 'verification', 'signature');
			if (verification === 'signature') {
				return {
					secret: String(credentials.webhookSecret ?? ''),
					options: savedParameter<SignatureOptionValues>(this, 'signature', {}),
					refusedWithoutSecret: 'the "Infobip API" credential has no Webhook Secret to check the signature with',
				};
			}
			if (verification === 'basicAuth') {
				const username = String(credentials.webhookUsername ?? '');
				const password = String(credentials.webhookPassword ?? '');
				if (username) return { basicAuth: { username, password } };
				return { refusedWithoutSecret: 'the "Infobip API" credential has no Webhook Username to check Basic authorization against' };
			}
			return {};
		};
		return await signedWebhook(this, {
			// "None" needs no credential at all.
			credentialType: savedParameter<string>(this, 'verification', 'signature') === 'none' ? undefined : CREDENTIAL_TYPE,
			check,
			items: (body) => pushedResults(body, savedParameter<string[]>(this, 'events', []), savedParameter<string[]>(this, 'channels', [])),
			// Infobip's messageId, and the result itself: each status of a message is a report of its own.
			eventKey: (item) => eventKey(item.event, item.messageId, item.result),
			commonEvents: commonEventsIf(this, events),
		});
	}
}
