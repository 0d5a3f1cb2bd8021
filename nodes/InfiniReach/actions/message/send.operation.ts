import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignKeyOption, sendOnce, type CampaignMessage } from '../../../shared/campaign';
import { careOptions } from '../../../shared/care-options';
import { smsText } from '../../../shared/sms-text';
import { idLocator, numberOptions, optionsCollection, perMinuteOption, phoneOptionsFrom } from '../../../shared/fields';
import { itemError, parseInput, type ItemResult } from '../../../shared/items';
import { takeSendSlot, type RunState, type CampaignOperation } from '../../../shared/operation';
import { checkText, itemOptions } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { CHANNELS, normalizeRecipient, type Channel } from '../../helpers/recipient';
import { infiniReach } from '../../transport';

const MAX_MESSAGE_LENGTH = 1600;
const DEFAULT_REQUESTS_PER_MINUTE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		required: true,
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: 'sms',
		description: 'Whether the device sends the message as an SMS or through its WhatsApp instance',
	},
	// Version 1: a dropdown filled from the API, which an AI agent cannot fill. Kept for saved workflows.
	{
		displayName: 'From Name or ID',
		name: 'from',
		type: 'options',
		required: true,
		typeOptions: { loadOptionsMethod: 'getSenders' },
		default: '',
		description:
			'Sender number of one of your registered devices or WhatsApp instances; it must match exactly. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { '@version': [1] } },
	},
	// Version 1.1: picked from the list or typed as a plain number.
	{
		...idLocator({
			name: 'from',
			displayName: 'From',
			noun: 'Number',
			placeholder: '+15559876543',
			searchListMethod: 'searchSenders',
			description:
				'The sender: the phone number of one of your registered devices (SIM) or WhatsApp instances, in international format as registered in InfiniReach (e.g. +15559876543)',
		}),
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550123',
		description:
			'Recipient in E.164, or in national format with a Default Country. For WhatsApp also a group ID (&lt;group-ID&gt;@g.us) or a contact key from the app (group:&lt;instance&gt;:&lt;group-ID&gt;@g.us).',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		typeOptions: { rows: 4 },
		default: '',
		description: `Text to send, at most ${MAX_MESSAGE_LENGTH} characters`,
	},
	optionsCollection([
		campaignKeyOption(),
		...numberOptions(),
		...careOptions({ schedules: false, sms: true }),
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description:
				'Your unique ID for this message: InfiniReach sends a message only once per ID. Left empty, an ID is derived from the Campaign Key, the recipient and the message when a key is set (so even two workers racing on one message send it once), otherwise from the execution, the item and the message, so a retried item is never sent twice.',
		},
		perMinuteOption({
			name: 'requestsPerMinute',
			displayName: 'Requests Per Minute',
			default: DEFAULT_REQUESTS_PER_MINUTE,
			description:
				'Most sends this node makes in any minute. InfiniReach allows 100 per API key; lower it if other workflows share the key.',
		}),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

/** Same execution, node, item and message → same ID: n8n's "Retry On Fail" and our own retries reuse it. */
function derivedExternalId(context: IExecuteFunctions, itemIndex: number, message: IDataObject): string {
	const hash = createHash('sha256')
		.update(JSON.stringify([context.getWorkflow().id, context.getExecutionId(), context.getNode().name, itemIndex, message]))
		.digest('hex');
	return `n8n-${hash.slice(0, 32)}`;
}

function senderFrom(value: unknown): string {
	const text = String(value ?? '').trim();
	// Formatting users paste around a number; the gateway compares the bare number exactly.
	return /^[\d\s\-().+]+$/.test(text) ? text.replace(/[\s\-().]/g, '') : text;
}

/** An item's message, checked: a bad field fails the item before anything is sent. */
export function read(this: IExecuteFunctions, itemIndex: number) {
	const channel = String(this.getNodeParameter('channel', itemIndex, ''))
		.trim()
		.toLowerCase() as Channel;
	if (!CHANNELS.includes(channel)) {
		throw itemError(this, itemIndex, `Unknown channel "${channel}"`, 'Set Channel to "sms" or "whatsapp".');
	}
	const from = senderFrom(this.getNodeParameter('from', itemIndex, '', { extractValue: true }));
	if (!from) {
		throw itemError(
			this,
			itemIndex,
			'No sender ("From") is set',
			'Choose one of your registered device numbers in "From", or type it in international format (e.g. +15559876543).',
		);
	}
	const typed = checkText(this, itemIndex, this.getNodeParameter('message', itemIndex, ''), {
		field: 'Message',
		max: MAX_MESSAGE_LENGTH,
		gateway: 'InfiniReach',
	});
	const options = itemOptions(this, itemIndex);
	// Only an SMS has segments and an encoding (WhatsApp carries any text as it is).
	const sms = channel === 'sms' ? smsText(typed, options.smartEncoding === true) : undefined;
	const text = sms?.text ?? typed;
	const to = parseInput(this, itemIndex, 'Invalid "To"', () =>
		normalizeRecipient(this.getNodeParameter('to', itemIndex, ''), channel, phoneOptionsFrom(options)),
	);
	return { channel, from, text, options, to, shown: sms?.fields };
}

type Read = ReturnType<typeof read>;

/** The message as its Campaign Key knows it: the text, on its channel (not which number sends it). */
export function campaign({ channel, text, options, to }: Read, itemIndex: number): CampaignMessage {
	// The externalId derived from the message's identity makes a repeat harmless: unknown ones go again.
	return { itemIndex, campaignKey: options.campaignKey, to, content: { message: text, channel }, resendUnknown: true, shown: { channel } };
}

export async function send(this: IExecuteFunctions, itemIndex: number, run: RunState, item: Read): Promise<ItemResult> {
	const { channel, from, text, options, to } = item;
	const message = { to, message: text, from, channel };
	return await sendOnce(this, options, campaign(item, itemIndex), async (identity) => {
		const externalId =
			String(options.externalId ?? '').trim() || (identity ? `n8n-${identity.slice(0, 32)}` : derivedExternalId(this, itemIndex, message));
		const paced = await takeSendSlot(this, itemIndex, run, {
			gateway: infiniReach,
			perMinute: options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
			label: 'Requests Per Minute',
			max: DEFAULT_REQUESTS_PER_MINUTE,
			to,
		});
		const {
			data,
			body,
			repeat: duplicate,
		} = await requestRecord.call(this, infiniReach, {
			method: 'POST',
			path: '/api/v1/messages',
			body: { ...message, externalId },
			// externalId makes a repeat harmless, so ambiguous failures may be retried.
			idempotent: true,
			itemIndex,
			paced,
		});
		// `{success, queued, messageId, jobId}`, or (servers seen in the wild) the IDs under `data`.
		const queued = data.queued ?? body.queued;
		return {
			success: duplicate ? true : (body.success ?? true),
			messageId: data.messageId ?? data.id ?? null,
			jobId: data.jobId ?? null,
			status: duplicate ? 'duplicate' : (data.status ?? (queued === false ? 'accepted' : 'queued')),
			queued: queued ?? null,
			// InfiniReach had this externalId already: sent before (by an earlier try or run), not sent again.
			duplicate,
			externalId,
			channel,
			from,
			to,
		};
	});
}

/** What the router runs: each item read once, its message claimed under its Campaign Key, then sent. */
export const operation: CampaignOperation<Read> = { read, campaign, send, guard: { schedules: false, of: ({ shown }) => ({ shown }) } };
