import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemError, parseInput } from '../../shared/items';
import { checkText, fixedEntries, itemOptions } from '../../shared/parameters';
import { phoneOptionsFrom } from '../../shared/fields';
import { normalizePhoneNumber } from '../../shared/phone';
import { smsText } from '../../shared/sms-text';
import { isHttpUrl } from '../../shared/url';
import { CHANNELS, MAX_VALIDITY_SECONDS, type Channel } from './fields';

/** Channels whose recipients are phone numbers: checked with libphonenumber before any request. */
export const PHONE_CHANNELS: Channel[] = ['SMS', 'MMS', 'WHATSAPP', 'VIBER_BM', 'RCS'];

/** One item's message, ready to be packed: what it shares with others (`message`) and its own recipient. */
export interface ItemMessage {
	/** The message without destinations: items whose `message` is the same become one message. */
	message: IDataObject;
	to: string;
	/** The item's own messageId, when the user gave one. */
	messageId?: string;
	/** An SMS's encoding and segments, which its output shows (sms-text.ts). */
	shown?: IDataObject;
}

const SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600 };

function recipient(context: IExecuteFunctions, itemIndex: number, channel: Channel, options: IDataObject): string {
	const to = String(context.getNodeParameter('to', itemIndex, '') ?? '').trim();
	if (!PHONE_CHANNELS.includes(channel)) {
		if (!to) throw itemError(context, itemIndex, 'No recipient ("To") is set', `Give the ${channel} user ID to send to.`);
		return to;
	}
	// Infobip takes international numbers as digits, without the +.
	return parseInput(context, itemIndex, 'Invalid "To"', () => normalizePhoneNumber(to, { ...phoneOptionsFrom(options), format: 'digits' }));
}

function content(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	const text = checkText(context, itemIndex, context.getNodeParameter('text', itemIndex, ''), {
		field: 'Text',
		gateway: 'Infobip',
	});
	const imageUrl = String(options.imageUrl ?? '').trim();
	if (imageUrl && !isHttpUrl(imageUrl)) {
		throw itemError(
			context,
			itemIndex,
			`Image URL "${imageUrl}" is not an http(s) URL`,
			"Give the image's public address, starting with https://.",
		);
	}
	const inHeader = imageUrl && options.imagePlacement === 'header';
	const body: IDataObject = imageUrl && !inHeader ? { type: 'IMAGE', url: imageUrl, text } : { type: 'TEXT', text };
	const result: IDataObject = { body };
	if (inHeader) result.header = { type: 'IMAGE', url: imageUrl };
	else if (String(options.header ?? '').trim()) result.header = { type: 'TEXT', text: String(options.header) };
	if (String(options.footer ?? '').trim()) result.footer = { text: String(options.footer) };
	const buttons = fixedEntries(options.buttons, 'button').filter((button) => String(button.text ?? '').trim());
	if (buttons.length) {
		// Seed 002 requires postbackData on a button: left empty, the button's own text comes back.
		result.buttons = buttons.map((button) => ({
			type: String(button.type || 'REPLY'),
			text: String(button.text),
			postbackData: String(button.postbackData ?? '').trim() || String(button.text),
		}));
	}
	return result;
}

function validityPeriod(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject | undefined {
	const period = fixedEntries(options.validity, 'period')[0];
	if (!period) return undefined;
	const amount = Number(period.amount);
	const timeUnit = String(period.timeUnit ?? 'MINUTES');
	const seconds = amount * (SECONDS[timeUnit] ?? NaN);
	if (!Number.isInteger(amount) || !(seconds >= 10) || seconds > MAX_VALIDITY_SECONDS) {
		throw itemError(
			context,
			itemIndex,
			`Validity Period ${String(period.amount)} ${timeUnit.toLowerCase()} is out of range`,
			'Infobip keeps a message for 10 seconds to 48 hours: give a whole number within that (e.g. 48 hours).',
		);
	}
	return { amount, timeUnit };
}

function regional(options: IDataObject): IDataObject | undefined {
	const result: IDataObject = {};
	const dlt = fixedEntries(options.indiaDlt, 'dlt')[0];
	if (dlt && String(dlt.principalEntityId ?? '').trim()) {
		result.indiaDlt = Object.fromEntries(Object.entries(dlt).filter(([, value]) => String(value ?? '').trim()));
	}
	const iys = fixedEntries(options.turkeyIys, 'iys')[0];
	if (iys) result.turkeyIys = { recipientType: iys.recipientType, ...(Number(iys.brandCode) ? { brandCode: Number(iys.brandCode) } : {}) };
	const korea = fixedEntries(options.southKorea, 'korea')[0];
	if (korea && (String(korea.title ?? '').trim() || Number(korea.resellerCode))) {
		result.southKorea = {
			...(String(korea.title ?? '').trim() ? { title: korea.title } : {}),
			...(Number(korea.resellerCode) ? { resellerCode: Number(korea.resellerCode) } : {}),
		};
	}
	return Object.keys(result).length ? result : undefined;
}

/** A sender as Infobip writes numbers, international digits without `+` (a name stays as it is). */
function senderId(value: unknown): string {
	const sender = String(value ?? '').trim();
	return /^\+\d{7,15}$/.test(sender) ? sender.slice(1) : sender;
}

/** An item's message in Infobip's schema; a bad value fails the item here, before any request. */
export function composeMessage(context: IExecuteFunctions, itemIndex: number): ItemMessage {
	const channel = String(context.getNodeParameter('channel', itemIndex, 'SMS'))
		.trim()
		.toUpperCase() as Channel;
	if (!CHANNELS.includes(channel)) {
		throw itemError(context, itemIndex, `Unknown channel "${channel}"`, `Use one of: ${CHANNELS.join(', ')}.`);
	}
	const sender = senderId(context.getNodeParameter('sender', itemIndex, ''));
	if (!sender)
		throw itemError(context, itemIndex, 'No sender is set', 'Give the sender ID registered for the channel (a number or a name).');
	const options = itemOptions(context, itemIndex);
	const to = recipient(context, itemIndex, channel, options);

	const built = content(context, itemIndex, options);
	// An SMS's text as it will go: Smart Encoding is a campaign option of Send.
	const smartEncoding = itemOptions(context, itemIndex, 'campaign').smartEncoding === true;
	const body = built.body as IDataObject;
	const sms = channel === 'SMS' && body.type === 'TEXT' ? smsText(String(body.text), smartEncoding) : undefined;
	if (sms) built.body = { ...body, text: sms.text };
	const message: IDataObject = { channel, sender, content: built };
	const messageOptions: IDataObject = {};
	const platform = Object.fromEntries(
		['entityId', 'applicationId'].map((key) => [key, String(options[key] ?? '').trim()]).filter(([, value]) => value),
	);
	if (Object.keys(platform).length) messageOptions.platform = platform;
	const validity = validityPeriod(context, itemIndex, options);
	if (validity) messageOptions.validityPeriod = validity;
	if (options.adaptationMode === false) messageOptions.adaptationMode = false;
	const region = regional(options);
	if (region) messageOptions.regional = region;
	if (String(options.campaignReferenceId ?? '').trim()) messageOptions.campaignReferenceId = String(options.campaignReferenceId);
	if (Object.keys(messageOptions).length) message.options = messageOptions;

	const webhooks: IDataObject = {};
	const deliveryUrl = String(options.deliveryUrl ?? '').trim();
	if (deliveryUrl) webhooks.delivery = { url: deliveryUrl, ...(options.intermediateReport === true ? { intermediateReport: true } : {}) };
	if (String(options.seenUrl ?? '').trim()) webhooks.seen = { url: String(options.seenUrl).trim() };
	const callbackData = String(options.callbackData ?? '');
	if (callbackData.length > 4000) {
		throw itemError(
			context,
			itemIndex,
			`Callback Data is ${callbackData.length} characters long; Infobip takes at most 4000`,
			'Shorten it.',
		);
	}
	if (callbackData) webhooks.callbackData = callbackData;
	if (Object.keys(webhooks).length) message.webhooks = webhooks;

	const failover = fixedEntries(options.failover, 'step').filter((step) => String(step.sender ?? '').trim());
	if (failover.some((step) => step.channel === channel)) {
		throw itemError(
			context,
			itemIndex,
			`Failover repeats the message's own channel ${channel}`,
			'Each failover step must use another channel.',
		);
	}
	if (failover.length) message.failover = failover.map((step) => ({ channel: step.channel, sender: senderId(step.sender) }));

	const messageId = String(options.messageId ?? '').trim();
	if (messageId.length > 200) throw itemError(context, itemIndex, 'Message ID is longer than 200 characters', 'Shorten it.');
	return { message, to, ...(messageId ? { messageId } : {}), ...(sms ? { shown: sms.fields } : {}) };
}
