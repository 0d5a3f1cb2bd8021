import type { INodeProperties } from 'n8n-workflow';

import { campaignKeyOption, resendUnknownOption } from '../../shared/campaign';
import { dryRunOption, quietHoursOption, smartEncodingOption } from '../../shared/care-options';
import { numberOptions, optionsCollection } from '../../shared/fields';

/** The seed's channel enum, in its order. */
export const CHANNELS = [
	'SMS',
	'MMS',
	'WHATSAPP',
	'VIBER_BM',
	'VIBER_BOT',
	'RCS',
	'APPLE_MB',
	'INSTAGRAM_DM',
	'LINE_ON',
	'MESSENGER',
] as const;
export type Channel = (typeof CHANNELS)[number];

const CHANNEL_NAMES: Record<Channel, string> = {
	SMS: 'SMS',
	MMS: 'MMS',
	WHATSAPP: 'WhatsApp',
	VIBER_BM: 'Viber Business Messages',
	VIBER_BOT: 'Viber Bot',
	RCS: 'RCS',
	APPLE_MB: 'Apple Messages for Business',
	INSTAGRAM_DM: 'Instagram Direct',
	LINE_ON: 'LINE Official Notification',
	MESSENGER: 'Messenger',
};

const channelOptions = CHANNELS.map((value) => ({ name: CHANNEL_NAMES[value], value })).sort((a, b) => (a.name < b.name ? -1 : 1)); // not localeCompare: ICU's collator costs milliseconds at load

export const DEFAULT_MESSAGES_PER_REQUEST = 1000;

/** Validity over 48 hours is refused (Infobip would cut it to 48 hours without a word). */
export const MAX_VALIDITY_SECONDS = 48 * 3600;

/** The fields of one message: the same for Send and Validate. */
export const messageFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: channelOptions,
		default: 'SMS',
		description: 'The channel the message goes out on',
	},
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'InfoSMS',
		description: 'Sender ID: a number or an alphanumeric name registered for the channel',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+447491163443',
		description:
			"The recipient: a phone number for SMS, MMS, WhatsApp, Viber Business Messages and RCS (checked and sent in international form), otherwise the channel's own user ID",
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The message text. Items with the same channel, sender and text (and options) go out as one message to many recipients.',
	},
	optionsCollection([
		{
			displayName: 'Adaptation Mode',
			name: 'adaptationMode',
			type: 'boolean',
			default: true,
			description: 'Whether Infobip may adapt content the channel does not fully support, as best it can',
		},
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			default: '',
			description: 'Platform application ID, returned in notification events',
		},
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'string',
							default: 'REPLY',
							description: 'The button type the channel supports, e.g. REPLY',
						},
						{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Text on the button' },
						{
							displayName: 'Postback Data',
							name: 'postbackData',
							type: 'string',
							default: '',
							description: "Data sent back to you when the button is pressed (Infobip requires it). Empty: the button's text.",
						},
					],
				},
			],
		},
		{
			displayName: 'Callback Data',
			name: 'callbackData',
			type: 'string',
			default: '',
			description: "Up to 4,000 characters of your own, returned in this message's delivery and seen reports",
		},
		{
			displayName: 'Campaign Reference ID',
			name: 'campaignReferenceId',
			type: 'string',
			default: '',
			description: "Groups messages for Infobip's campaign analytics",
		},
		...numberOptions(),
		{
			displayName: 'Delivery Report URL',
			name: 'deliveryUrl',
			type: 'string',
			default: '',
			placeholder: 'https://your-n8n.example.com/webhook/…',
			description: "Where Infobip pushes this message's delivery report: e.g. an Infobip Trigger's Production URL",
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '',
			description: 'Platform entity ID, returned in notification events',
		},
		{
			displayName: 'Failover',
			name: 'failover',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: "Channels to try in this order when the message fails (each channel once, not the message's own)",
			options: [
				{
					displayName: 'Step',
					name: 'step',
					values: [
						{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'SMS' },
						{ displayName: 'Sender', name: 'sender', type: 'string', default: '', description: 'Sender for that channel' },
					],
				},
			],
		},
		{
			displayName: 'Footer',
			name: 'footer',
			type: 'string',
			default: '',
			description: 'Footer text, on channels that show one',
		},
		{
			displayName: 'Header',
			name: 'header',
			type: 'string',
			default: '',
			description: 'Header text, on channels that show one',
		},
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			placeholder: 'https://files.example.com/offer.png',
			description: 'A public image to send, with the text as its caption (see Image Placement)',
		},
		{
			displayName: 'Image Placement',
			name: 'imagePlacement',
			type: 'options',
			options: [
				{ name: 'Body (IMAGE Body, Text as Caption)', value: 'body' },
				{ name: 'Header (IMAGE Header, Text as Body)', value: 'header' },
			],
			default: 'body',
			description:
				"Where the image goes in Infobip's message: the seed shows only text bodies and headers, so both shapes Infobip's clients use are offered. The header replaces a Header text.",
		},
		{
			displayName: 'India DLT',
			name: 'indiaDlt',
			type: 'fixedCollection',
			default: {},
			description: 'Required for SMS to numbers registered in India',
			options: [
				{
					displayName: 'DLT',
					name: 'dlt',
					values: [
						{ displayName: 'Principal Entity ID', name: 'principalEntityId', type: 'string', default: '' },
						{ displayName: 'Content Template ID', name: 'contentTemplateId', type: 'string', default: '' },
						{
							displayName: 'Telemarketer ID',
							name: 'telemarketerId',
							type: 'string',
							default: '',
							description: 'Required for aggregators',
						},
					],
				},
			],
		},
		{
			displayName: 'Intermediate Reports',
			name: 'intermediateReport',
			type: 'boolean',
			default: false,
			description: 'Whether Infobip also pushes intermediate delivery reports (with the Delivery Report URL)',
		},
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			description:
				"Your own ID for this recipient's message (up to 200 characters). Left empty, the node names it after the request's bulk ID and the item, so a failed send can be looked up.",
		},
		{
			displayName: 'Seen Report URL',
			name: 'seenUrl',
			type: 'string',
			default: '',
			description: "Where Infobip pushes this message's seen report, on channels that have them",
		},
		{
			displayName: 'South Korea',
			name: 'southKorea',
			type: 'fixedCollection',
			default: {},
			description: 'For SMS to numbers registered in South Korea',
			options: [
				{
					displayName: 'South Korea',
					name: 'korea',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 66 characters' },
						{
							displayName: 'Reseller Code',
							name: 'resellerCode',
							type: 'number',
							default: 0,
							description: 'Nine-digit business registration number (0: none)',
						},
					],
				},
			],
		},
		{
			displayName: 'Turkey IYS',
			name: 'turkeyIys',
			type: 'fixedCollection',
			default: {},
			description: 'For promotional SMS to numbers registered in Turkey',
			options: [
				{
					displayName: 'IYS',
					name: 'iys',
					values: [
						{
							displayName: 'Recipient Type',
							name: 'recipientType',
							type: 'options',
							options: [
								{ name: 'BIREYSEL (Individual)', value: 'BIREYSEL' },
								{ name: 'TACIR (Merchant)', value: 'TACIR' },
							],
							default: 'BIREYSEL',
						},
						{
							displayName: 'Brand Code',
							name: 'brandCode',
							type: 'number',
							default: 0,
							description: "The IYS brand code (0: the account's default)",
						},
					],
				},
			],
		},
		{
			displayName: 'Validity Period',
			name: 'validity',
			type: 'fixedCollection',
			default: {},
			description: 'How long Infobip keeps trying: from 10 seconds to 48 hours (longer is refused before sending)',
			options: [
				{
					displayName: 'Validity',
					name: 'period',
					values: [
						{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { minValue: 1 }, default: 60 },
						{
							displayName: 'Time Unit',
							name: 'timeUnit',
							type: 'options',
							options: [
								{ name: 'Seconds', value: 'SECONDS' },
								{ name: 'Minutes', value: 'MINUTES' },
								{ name: 'Hours', value: 'HOURS' },
							],
							default: 'MINUTES',
						},
					],
				},
			],
		},
	]),
	{
		displayName: 'Campaign Options',
		name: 'campaign',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Settings for the whole run: all input items go out as few requests as possible',
		options: [
			{
				displayName: 'Bulk ID',
				name: 'bulkId',
				type: 'string',
				default: '',
				description:
					'Your ID for the campaign (up to 100 characters), to look it up, reschedule, pause or cancel it. With several requests, the second is &lt;ID&gt;-2 and so on. Left empty, the node makes one.',
			},
			// Validate sends nothing, so has nothing to skip.
			{ ...campaignKeyOption(), displayOptions: { show: { '/operation': ['send'] } } },
			{ ...dryRunOption(), displayOptions: { show: { '/operation': ['send'] } } },
			{
				displayName: 'Messages Per Request',
				name: 'messagesPerRequest',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MESSAGES_PER_REQUEST,
				description: 'Most recipients in one request (Infobip documents no maximum)',
			},
			{ ...quietHoursOption(true), displayOptions: { show: { '/operation': ['send'] } } },
			{ ...resendUnknownOption(), displayOptions: { show: { '/operation': ['send'] } } },
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description: 'Schedule the campaign: a time in the future, at most 180 days ahead. Empty: send now.',
			},
			{
				displayName: 'Sending Speed Limit',
				name: 'speed',
				type: 'fixedCollection',
				default: {},
				description: 'Spread the campaign out, e.g. to keep your call centre from being flooded with replies',
				options: [
					{
						displayName: 'Speed',
						name: 'limit',
						values: [
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 100,
								description: 'Messages per time unit',
							},
							{
								displayName: 'Time Unit',
								name: 'timeUnit',
								type: 'options',
								options: [
									{ name: 'Minute', value: 'MINUTE' },
									{ name: 'Hour', value: 'HOUR' },
									{ name: 'Day', value: 'DAY' },
								],
								default: 'MINUTE',
							},
						],
					},
				],
			},
			{ ...smartEncodingOption(), displayOptions: { show: { '/operation': ['send'] } } },
			{
				displayName: 'URL Tracking',
				name: 'tracking',
				type: 'fixedCollection',
				default: {},
				description: 'Shorten and track the links in the messages (not on Instagram, LINE, Messenger or Viber Bot)',
				options: [
					{
						displayName: 'Tracking',
						name: 'settings',
						values: [
							{
								displayName: 'Custom Domain',
								name: 'customDomain',
								type: 'string',
								default: '',
								description: 'One of your custom short-link domains',
							},
							{
								displayName: 'Remove Protocol',
								name: 'removeProtocol',
								type: 'boolean',
								default: false,
								description: 'Whether to leave https:// out of the short links',
							},
							{
								displayName: 'Shorten URLs',
								name: 'shortenUrl',
								type: 'boolean',
								default: true,
								description: 'Whether to shorten the links',
							},
							{
								displayName: 'Track Clicks',
								name: 'trackClicks',
								type: 'boolean',
								default: true,
								description: 'Whether to count clicks on the short links',
							},
							{
								displayName: 'Tracking URL',
								name: 'trackingUrl',
								type: 'string',
								default: '',
								description: 'Where Infobip sends the click reports',
							},
						],
					},
				],
			},
		],
	},
];
