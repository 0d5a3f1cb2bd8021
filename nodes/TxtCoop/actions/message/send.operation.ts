import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignOptions, sendOnce, type CampaignMessage } from '../../../shared/campaign';
import { careOptions } from '../../../shared/care-options';
import { numberOptions, optionsCollection, phoneOptionsFrom } from '../../../shared/fields';
import { itemError, parseInput, type ItemResult } from '../../../shared/items';
import { normalizePhoneNumber } from '../../../shared/phone';
import { takeSendTurn, type RunState, type CampaignOperation } from '../../../shared/operation';
import { itemOptions, plainText } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { isHttpUrl } from '../../../shared/url';
import { normalizeRecipient } from '../../helpers/recipient';
import { txtCoop } from '../../transport';

const MAX_ATTACHMENTS = 10;

const properties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550123',
		description: 'Phone number (E.164, or national with a Default Country), Apple ID email, or group chat GUID',
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		description: 'Message text. May be empty only when there are attachments.',
	},
	optionsCollection([
		{
			displayName: 'Attachment URLs',
			name: 'attachments',
			type: 'string',
			default: '',
			placeholder: 'https://files.example.com/photo.jpg',
			description: 'Up to 10 public http(s) URLs, separated by commas or new lines (or an array, by expression)',
		},
		...campaignOptions(),
		...careOptions({ schedules: false, sms: false }),
		...numberOptions(),
		{
			displayName: 'From Number',
			name: 'fromNumber',
			type: 'string',
			default: '',
			placeholder: '+14155550100',
			description: 'Send from this registered phone number instead of the default',
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 0,
			description: 'From 0 to 100: higher is sent first',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

function attachmentList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(/[\n,]/);
	return list.map((entry) => String(entry).trim()).filter(Boolean);
}

interface Read {
	body: IDataObject;
	options: IDataObject;
	message: CampaignMessage;
}

/** The item's request body, checked, and the message as its Campaign Key knows it. */
export function read(this: IExecuteFunctions, itemIndex: number): Read {
	const options = itemOptions(this, itemIndex);
	const to = parseInput(this, itemIndex, 'Invalid "To"', () =>
		normalizeRecipient(this.getNodeParameter('to', itemIndex, ''), phoneOptionsFrom(options)),
	);
	const text = plainText(this, itemIndex, this.getNodeParameter('body', itemIndex, ''), 'Body', 'message body');
	const attachments = attachmentList(options.attachments);
	if (attachments.length > MAX_ATTACHMENTS) {
		throw itemError(
			this,
			itemIndex,
			`There are ${attachments.length} attachments; txtcoop takes at most ${MAX_ATTACHMENTS}`,
			'Send the rest in another message.',
		);
	}
	const badUrl = attachments.find((url) => !isHttpUrl(url));
	if (badUrl !== undefined) {
		throw itemError(this, itemIndex, `Attachment "${badUrl}" is not an http(s) URL`, 'Give public addresses starting with https://.');
	}
	if (!text.trim() && !attachments.length) {
		throw itemError(this, itemIndex, 'The message has neither a body nor attachments', 'Write a Body, or add Attachment URLs.');
	}
	const body: IDataObject = { to };
	if (text.trim()) body.body = text;
	if (attachments.length) body.attachments = attachments;
	if (options.priority !== undefined) {
		const priority = Number(options.priority);
		if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
			throw itemError(this, itemIndex, `Priority ${String(options.priority)} is out of range`, 'Use a whole number from 0 to 100.');
		}
		body.priority = priority;
	}
	const fromNumber = String(options.fromNumber ?? '').trim();
	if (fromNumber) {
		body.fromNumber = parseInput(this, itemIndex, 'Invalid "From Number"', () =>
			normalizePhoneNumber(fromNumber, phoneOptionsFrom(options)),
		);
	}
	const content = { body: body.body ?? '', attachments };
	return {
		body,
		options,
		message: { itemIndex, campaignKey: options.campaignKey, to, content, resendUnknown: options.resendUnknownFate === true },
	};
}

export function campaign(item: Read): CampaignMessage {
	return item.message;
}

export async function send(this: IExecuteFunctions, itemIndex: number, run: RunState, item: Read): Promise<ItemResult> {
	const { body, options, message } = item;
	const to = message.to;
	return await sendOnce(this, options, message, async () => {
		await takeSendTurn(itemIndex, run, to);
		// No idempotency key: a send whose fate is unknown is reported, never repeated.
		return (await requestRecord.call(this, txtCoop, { method: 'POST', path: '/api/v1/messages', body, itemIndex })).data;
	});
}

/** What the router runs: each item read once, its message claimed under its Campaign Key, then sent. */
export const operation: CampaignOperation<Read> = { read, campaign, send, guard: { schedules: false } };
