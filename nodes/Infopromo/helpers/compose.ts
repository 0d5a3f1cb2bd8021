import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { dateTimeMs, wallTimeAt } from '../../shared/dates';
import { itemError, parseInput } from '../../shared/items';
import { checkText } from '../../shared/parameters';
import { phoneOptionsFrom } from '../../shared/fields';
import { normalizePhoneNumber } from '../../shared/phone';
import type { SmsEncoding } from '../../shared/segments';
import { smsText } from '../../shared/sms-text';
import { isHttpUrl } from '../../shared/url';
import { SEND_TYPES, type SendType } from './fields';

const SENDER_NAME = /^[A-Za-z0-9]{1,11}$/;

/** The platform's `Y-m-d H:i`, in the given IANA time zone. */
export function platformDateTime(ms: number, timeZone: string): string {
	const { year, month, day, hour, minute } = wallTimeAt(ms, timeZone);
	const two = (value: number) => String(value).padStart(2, '0');
	return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`;
}

/** The sender: a phone number (as digits) or a name of at most 11 letters and digits. */
export function senderOf(context: IExecuteFunctions, itemIndex: number): string {
	const sender = String(context.getNodeParameter('senderId', itemIndex, '') ?? '').trim();
	if (SENDER_NAME.test(sender)) return sender;
	const digits = sender.replace(/[\s\-().]/g, '').replace(/^\+/, '');
	if (/^\d{5,15}$/.test(digits)) return digits;
	throw itemError(
		context,
		itemIndex,
		`Sender ID "${sender}" is neither a phone number nor a name of at most 11 letters and digits`,
		'Give a number with its country code (e.g. 31612345678) or a short name such as YourName.',
	);
}

/** What a message is, besides its recipients: type, text and the fields its type needs. */
export function contentOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = String(context.getNodeParameter('type', itemIndex, 'plain'))
		.trim()
		.toLowerCase() as SendType;
	if (!SEND_TYPES.includes(type)) throw itemError(context, itemIndex, `Unknown type "${type}"`, `Use one of: ${SEND_TYPES.join(', ')}.`);
	const message = checkText(context, itemIndex, context.getNodeParameter('message', itemIndex, ''), {
		field: 'Message',
		gateway: 'Infopromo',
	});
	const content: IDataObject = { sender_id: senderOf(context, itemIndex), type, message };
	if (type === 'mms') {
		const url = String(context.getNodeParameter('mediaUrl', itemIndex, '') ?? '').trim();
		if (!isHttpUrl(url))
			throw itemError(
				context,
				itemIndex,
				`An MMS needs an image: "${url}" is not an http(s) URL`,
				'Give the public address of the image in "Media URL".',
			);
		content.media_url = url;
	}
	if (type === 'voice') {
		const language = String(context.getNodeParameter('language', itemIndex, '') ?? '').trim();
		if (!language) throw itemError(context, itemIndex, 'A voice message needs a language', 'Set "Language", e.g. en-gb.');
		content.language = language;
		content.gender = String(context.getNodeParameter('gender', itemIndex, 'female'));
	}
	return content;
}

/** Types that go as SMS: they have segments and an encoding. A Unicode SMS goes as UCS-2 whatever its text. */
const SMS_TYPES: Record<string, SmsEncoding | undefined> = { plain: undefined, otp: undefined, unicode: 'UCS-2' };

/** An SMS's text as it will go (Smart Encoding) and the fields its outputs carry; other types as they are. */
export function smsContent(content: IDataObject, options: IDataObject): { content: IDataObject; shown?: IDataObject } {
	const type = String(content.type);
	if (!(type in SMS_TYPES)) return { content };
	const sms = smsText(String(content.message), options.smartEncoding === true, SMS_TYPES[type]);
	return { content: { ...content, message: sms.text }, shown: sms.fields };
}

/**
 * The zone Schedule Time is written in for the platform, whose documents do not say which zone it
 * reads `Y-m-d H:i` in: the Time Zone option (the account's zone on the platform), else the workflow's.
 */
export function scheduleTimeZone(context: IExecuteFunctions, options: IDataObject): string {
	return String(options.timezone ?? '').trim() || context.getTimezone();
}

/** The platform's `schedule_time` for an instant: to the minute (never early), in the Schedule Time's zone. */
export function scheduleTimeAt(context: IExecuteFunctions, options: IDataObject, ms: number): string {
	return platformDateTime(Math.ceil(ms / 60_000) * 60_000, scheduleTimeZone(context, options));
}

/** Schedule Time and DLT template from an item's options, in the platform's form. */
export function scheduleOf(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	const fields: IDataObject = {};
	if (String(options.dltTemplateId ?? '').trim()) fields.dlt_template_id = String(options.dltTemplateId).trim();
	if (!options.scheduleTime) return fields;
	// A picked time is a wall time in the workflow's zone (n8n's picker stores no zone).
	const picked = dateTimeMs(options.scheduleTime, context.getTimezone());
	// The platform schedules to the minute: a time with seconds goes at the next minute, never early.
	const ms = Math.ceil(picked / 60_000) * 60_000;
	if (Number.isNaN(ms))
		throw itemError(
			context,
			itemIndex,
			`Schedule Time "${String(options.scheduleTime)}" is not a date and time`,
			'Pick a date and time, or give an ISO one.',
		);
	if (ms <= clock.now())
		throw itemError(
			context,
			itemIndex,
			`Schedule Time ${new Date(picked).toISOString()} is in the past`,
			'Pick a time in the future, or leave it empty to send now.',
		);
	const timeZone = scheduleTimeZone(context, options);
	try {
		fields.schedule_time = platformDateTime(ms, timeZone);
	} catch {
		throw itemError(
			context,
			itemIndex,
			`Time Zone "${timeZone}" is not a time zone`,
			'Give an IANA name such as Europe/London or Asia/Kolkata.',
		);
	}
	return fields;
}

/** One recipient as the platform writes numbers: international digits, no +. */
export function recipientOf(context: IExecuteFunctions, itemIndex: number, value: unknown, options: IDataObject): string {
	return parseInput(context, itemIndex, 'Invalid "Recipient"', () =>
		normalizePhoneNumber(value, { ...phoneOptionsFrom(options), format: 'digits' }),
	);
}
