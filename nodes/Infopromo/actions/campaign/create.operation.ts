import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { campaignOptions, sendOnce, type CampaignMessage } from '../../../shared/campaign';
import { optionsCollection } from '../../../shared/fields';
import { itemError, type ItemResult } from '../../../shared/items';
import type { RunState, CampaignOperation } from '../../../shared/operation';
import { requestAnswer } from '../../../shared/transport';
import { careOptions } from '../../../shared/care-options';
import { dateTimeMs } from '../../../shared/dates';
import { contentOf, scheduleOf, scheduleTimeAt, smsContent } from '../../helpers/compose';
import { contentFields, scheduleOptions } from '../../helpers/fields';
import { BEYOND_SMS_HINTS, infopromo } from '../../transport';
import { itemOptions } from '../../../shared/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Contact List IDs',
		name: 'contactListIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '6065ecdc9184a, 6065ecdc9184b',
		description: 'The contact lists (groups) on the platform to send to, separated by commas',
	},
	...contentFields(),
	optionsCollection([...campaignOptions(), ...scheduleOptions, ...careOptions({ schedules: true, sms: true })]),
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['create'] } }, properties);

interface Read {
	body: IDataObject;
	options: IDataObject;
	message: CampaignMessage;
	shown?: IDataObject;
	/** The Schedule Time the user chose (epoch ms), from which Quiet Hours count. */
	scheduled?: number;
}

/** The item's request, checked, and the message as its Campaign Key knows it. */
export function read(this: IExecuteFunctions, itemIndex: number): Read {
	const lists = String(this.getNodeParameter('contactListIds', itemIndex, '') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (!lists.length)
		throw itemError(this, itemIndex, 'No contact list is set', "Give the IDs of the platform's contact lists, separated by commas.");
	const options = itemOptions(this, itemIndex);
	const { content, shown } = smsContent(contentOf(this, itemIndex), options);
	const body: IDataObject = { contact_list_id: lists.join(','), ...content, ...scheduleOf(this, itemIndex, options) };
	// Under a Campaign Key, the lists are the recipient and the message what they get (not the sender ID).
	const received = { ...content };
	delete received.sender_id;
	const message = {
		itemIndex,
		campaignKey: options.campaignKey,
		to: String(body.contact_list_id),
		content: received,
		resendUnknown: options.resendUnknownFate === true,
	};
	const scheduled = body.schedule_time ? dateTimeMs(options.scheduleTime, this.getTimezone()) : undefined;
	return { body, options, message, shown, scheduled };
}

export function campaign(item: Read): CampaignMessage {
	return item.message;
}

/** A campaign to contact lists on the platform, now or at its Schedule Time (or when Quiet Hours open: `sendAt`). */
export async function send(this: IExecuteFunctions, itemIndex: number, _run: RunState, item: Read, sendAt?: number): Promise<ItemResult> {
	const { options, message } = item;
	const body = sendAt === undefined ? item.body : { ...item.body, schedule_time: scheduleTimeAt(this, options, sendAt) };
	return await sendOnce(this, options, message, async () => {
		const { data } = await requestAnswer.call(this, infopromo, {
			method: 'POST',
			path: '/sms/campaign',
			body,
			itemIndex,
			hints: BEYOND_SMS_HINTS,
		});
		const answer = data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : ({ details: data } as IDataObject);
		return sendAt === undefined ? answer : { ...answer, scheduleTime: body.schedule_time, sendAt: new Date(sendAt).toISOString() };
	});
}

/** What the router runs: each item read once, its message claimed under its Campaign Key, then sent. */
export const operation: CampaignOperation<Read> = {
	read,
	campaign,
	send,
	// Contact lists tell no zone: Quiet Hours need the Recipient Time Zone.
	guard: { schedules: true, of: ({ shown, scheduled }) => ({ shown, reference: scheduled }) },
};
