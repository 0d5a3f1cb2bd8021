import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchOnce, type CampaignMessage } from '../../../shared/campaign';
import { dateTimeMs } from '../../../shared/dates';
import { collectItems, outputsInOrder } from '../../../shared/items';
import { dryRunInstead, guardEntries } from '../../../shared/send-guard';
import { campaignOf, infobipDateTime, type Campaign } from '../../helpers/campaign';
import { composeMessage, PHONE_CHANNELS, type ItemMessage } from '../../helpers/compose';
import { destinationVerdict, dispatch } from '../../helpers/send-batches';
import { messageFields, type Channel } from '../../helpers/fields';
import { planRequests, type PlannedRequest } from '../../helpers/batch-requests';
import { itemOptions } from '../../../shared/parameters';

const properties: INodeProperties[] = [
	{
		displayName:
			"All input items go out together, as few requests as possible: items with the same channel, sender and text become one message to many recipients. Each output item is its own recipient's message.",
		name: 'sendNotice',
		type: 'notice',
		default: '',
	},
	...messageFields,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

/** A campaign's message is what the recipient gets: its channel and content (not the sender). Each item has its own key. */
function campaignMessage(context: IExecuteFunctions, itemIndex: number, { to, message }: ItemMessage): CampaignMessage {
	const settings = itemOptions(context, itemIndex, 'campaign');
	return {
		itemIndex,
		campaignKey: settings.campaignKey,
		to,
		content: [message.channel, message.content],
		resendUnknown: settings.resendUnknownFate === true,
	};
}

/**
 * The run's requests: those to send now (or at the campaign's Send At), then one set per time Quiet
 * Hours schedule items for (Infobip's sendAt is the request's), each with its own bulk ID.
 */
function planByTime(
	entries: Array<{ itemIndex: number; value: ItemMessage }>,
	sendAt: Map<number, number>,
	campaign: Campaign,
): PlannedRequest[] {
	const byTime = new Map<number | undefined, Array<{ itemIndex: number; value: ItemMessage }>>();
	for (const entry of entries) {
		const at = sendAt.get(entry.itemIndex);
		byTime.set(at, [...(byTime.get(at) ?? []), entry]);
	}
	let later = 0;
	return [...byTime].flatMap(([at, group]) =>
		planRequests(
			group,
			at === undefined ? campaign : { ...campaign, bulkId: `${campaign.bulkId}-q${++later}`, sendAt: infobipDateTime(at) },
		),
	);
}

/** Every item's message, packed into few requests; one output item per input item, in input order. */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const campaign = campaignOf(this);
	const { entries, failed } = await collectItems(this, (itemIndex) => composeMessage(this, itemIndex), dryRunInstead(this, 'campaign'));
	// Quiet Hours count from the campaign's Send At, when it has one.
	const reference = campaign.sendAt ? dateTimeMs(campaign.sendAt) : undefined;
	const guarded = await guardEntries(this, entries, {
		schedules: true,
		options: 'campaign',
		of: (value, itemIndex) => ({
			to: PHONE_CHANNELS.includes(value.message.channel as Channel) ? value.to : undefined,
			message: campaignMessage(this, itemIndex, value),
			shown: value.shown,
			reference,
		}),
	});
	const once = await batchOnce(this, guarded.entries, (value, itemIndex) => campaignMessage(this, itemIndex, value));
	const shown = new Map(entries.map(({ itemIndex, value }) => [itemIndex, value.shown]));
	const outcomes = await dispatch(
		this,
		planByTime(once.entries, guarded.sendAt, campaign),
		'/messages-api/1/messages',
		(request, destination, body) =>
			destinationVerdict(
				this,
				request,
				destination,
				body,
				(answer) => {
					const sendAt = ((request.body.options as IDataObject)?.schedule as IDataObject)?.sendAt;
					return {
						messageId: answer.messageId ?? destination.messageId,
						status: answer.status ?? null,
						destination: answer.destination ?? destination.to,
						bulkId: body.bulkId ?? request.bulkId,
						...(sendAt ? { sendAt } : {}),
						...(guarded.sendAt.has(destination.itemIndex) ? { scheduledFor: 'quietHours' } : {}),
						...shown.get(destination.itemIndex),
					};
				},
				once.retryNote(destination.itemIndex),
			),
		once,
	);
	for (const [itemIndex, outcome] of once.skipped) outcomes.set(itemIndex, outcome);
	for (const [itemIndex, outcome] of guarded.outcomes) outcomes.set(itemIndex, outcome);
	return outputsInOrder(this, outcomes, failed);
}
