import type { INodeProperties } from 'n8n-workflow';

/**
 * The options every send and bulk operation offers for the recipient's sake (send-guard.ts):
 * Quiet Hours, Dry Run, and for SMS Smart Encoding. Same names and texts on every gateway.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `schedules`: what the gateway does with an item outside the window (Infobip and Infopromo schedule it). */
export function quietHoursOption(schedules: boolean): INodeProperties {
	const outside = schedules
		? "is scheduled on the gateway for the window's opening"
		: 'is not sent: its output says fate "deferred" and sendAfter, and a later run with the same Campaign Key (e.g. a Schedule Trigger every hour) sends it, once';
	return {
		displayName: 'Quiet Hours',
		name: 'quietHours',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Quiet Hours',
		description: `Send only inside a window of the recipient's local time (US rule for marketing texts: 8:00–21:00). The zone comes from the number (country, area code); where it is uncertain, the window must be open in every zone the number may be in. An item outside the window ${outside}.`,
		options: [
			{
				displayName: 'Window',
				name: 'window',
				values: [
					{
						displayName: 'Send From',
						name: 'from',
						type: 'string',
						default: '08:00',
						placeholder: '08:00',
						description: "Opening of the window, in the recipient's local time (HH:MM)",
					},
					{
						displayName: 'Send Until',
						name: 'until',
						type: 'string',
						default: '21:00',
						placeholder: '21:00',
						description: "Closing of the window, in the recipient's local time (HH:MM, up to 24:00)",
					},
					{
						displayName: 'Days',
						name: 'days',
						type: 'multiOptions',
						options: DAYS.map((name, index) => ({ name, value: index })),
						default: [0, 1, 2, 3, 4, 5, 6],
						description: 'Days on which the window opens, in the recipient’s calendar',
					},
					{
						displayName: 'Recipient Time Zone',
						name: 'recipientTimeZone',
						type: 'string',
						default: '',
						placeholder: '={{ $json.timeZone }}',
						description:
							'The recipient’s IANA time zone (e.g. America/Chicago), per item, when you know it better than the number does. Empty: from the number.',
					},
				],
			},
		],
	};
}

export function dryRunOption(): INodeProperties {
	return {
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to send nothing and output, per item, what a real run would do: sent, scheduled (when), deferred (until when), skipped by the Campaign Key, or not sent (why), with the SMS segments',
	};
}

export function smartEncodingOption(): INodeProperties {
	return {
		displayName: 'Smart Encoding',
		name: 'smartEncoding',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace look-alike characters (curly quotes, long dashes, non-breaking spaces, …) with their plain GSM versions when they are all that would make an SMS Unicode (70 characters a part instead of 160). The output says what was replaced.',
	};
}

/** The options of a send: Quiet Hours and Dry Run, and Smart Encoding where the message is an SMS. */
export function careOptions(care: { schedules: boolean; sms: boolean }): INodeProperties[] {
	return [quietHoursOption(care.schedules), dryRunOption(), ...(care.sms ? [smartEncodingOption()] : [])];
}
