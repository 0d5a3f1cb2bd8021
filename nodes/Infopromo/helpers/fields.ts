import type { INodeProperties } from 'n8n-workflow';

import { campaignOptions } from '../../shared/campaign';
import { careOptions } from '../../shared/care-options';
import { numberOptions, optionsCollection } from '../../shared/fields';

export const SEND_TYPES = ['plain', 'unicode', 'voice', 'mms', 'whatsapp', 'viber', 'otp'] as const;
export type SendType = (typeof SEND_TYPES)[number];

export const DEFAULT_RECIPIENTS_PER_REQUEST = 100;

const typeOptions = [
	{ name: 'MMS', value: 'mms', description: 'Text with an image (needs a Media URL)' },
	{ name: 'OTP', value: 'otp', description: 'A one-time password message' },
	{ name: 'Plain SMS', value: 'plain', description: 'GSM text' },
	{ name: 'Unicode SMS', value: 'unicode', description: 'Text in any script (fewer characters per part)' },
	{ name: 'Viber', value: 'viber' },
	{ name: 'Voice', value: 'voice', description: 'The text read out in a call (needs Language and Gender)' },
	{ name: 'WhatsApp', value: 'whatsapp', description: "Through the platform's official WhatsApp number" },
];

/** The message itself: the same for a single send and a campaign. */
export function contentFields(): INodeProperties[] {
	return [
		{
			displayName: 'Sender ID',
			name: 'senderId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'YourName',
			description: 'A phone number with its country code, or a name of at most 11 letters and digits',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: typeOptions,
			default: 'plain',
			description: 'What kind of message: plain for ordinary text, unicode for text in non-Latin scripts or with emoji',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			description: 'The text to send; for a voice message, the text read out',
		},
		{
			// Not `required`: with Type set by an expression n8n could not tell before the run; each item is checked instead.
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			placeholder: 'https://files.example.com/offer.png',
			description: 'The image to send (image/*), at a public http(s) address. Required for MMS.',
			displayOptions: { show: { type: ['mms'] } },
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en-gb',
			description: "The voice's language, as the platform names it (e.g. en-gb). Required for voice.",
			displayOptions: { show: { type: ['voice'] } },
		},
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			description: 'The voice that reads the message',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
			],
			default: 'female',
			displayOptions: { show: { type: ['voice'] } },
		},
	];
}

export const scheduleOptions: INodeProperties[] = [
	{
		displayName: 'DLT Template ID',
		name: 'dltTemplateId',
		type: 'string',
		default: '',
		description: 'For SMS to India: the registered DLT template of the text',
	},
	{
		displayName: 'Schedule Time',
		name: 'scheduleTime',
		type: 'dateTime',
		default: '',
		description: 'Send later, at this time (to the minute). Empty: send now.',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'Europe/London',
		description:
			"The time zone Schedule Time is written in for the platform (an IANA name). Empty: the workflow's time zone. It should be your account's time zone on the platform.",
	},
];

export function sendOptions(): INodeProperties {
	return optionsCollection([
		...campaignOptions(),
		...numberOptions(),
		scheduleOptions[0],
		{
			displayName: 'Recipients Per Request',
			name: 'recipientsPerRequest',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_RECIPIENTS_PER_REQUEST,
			description: 'Items with the same sender, type and text go out together, this many comma-separated recipients a request',
		},
		scheduleOptions[1],
		scheduleOptions[2],
		...careOptions({ schedules: true, sms: true }),
	]);
}
