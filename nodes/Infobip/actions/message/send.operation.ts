import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchOnce } from '../../../shared/campaign';
import { collectItems, outputsInOrder } from '../../../shared/items';
import { campaignOf } from '../../helpers/campaign';
import { composeMessage } from '../../helpers/compose';
import { destinationVerdict, dispatch } from '../../helpers/send-batches';
import { messageFields } from '../../helpers/fields';
import { planRequests } from '../../helpers/batch-requests';

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

/** Every item's message, packed into few requests; one output item per input item, in input order. */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const campaign = campaignOf(this);
	const { entries, failed } = await collectItems(this, (itemIndex) => composeMessage(this, itemIndex));
	// A campaign's message is what the recipient gets: its channel and content (not the sender). Each item has its own key.
	const once = await batchOnce(this, entries, ({ to, message }, itemIndex) => {
		const settings = this.getNodeParameter('campaign', itemIndex, {}) as IDataObject;
		return {
			campaignKey: settings.campaignKey,
			to,
			content: [message.channel, message.content],
			resendUnknown: settings.resendUnknownFate === true,
		};
	});
	const requests = planRequests(once.entries, campaign);
	const outcomes = await dispatch(
		this,
		requests,
		'/messages-api/1/messages',
		(request, destination, body) =>
			destinationVerdict(
				this,
				request,
				destination,
				body,
				(answer) => ({
					messageId: answer.messageId ?? destination.messageId,
					status: answer.status ?? null,
					destination: answer.destination ?? destination.to,
					bulkId: body.bulkId ?? request.bulkId,
					...(campaign.sendAt ? { sendAt: campaign.sendAt } : {}),
				}),
				once.retryNote(destination.itemIndex),
			),
		once,
	);
	for (const [itemIndex, outcome] of once.skipped) outcomes.set(itemIndex, outcome);
	return outputsInOrder(this, outcomes, failed);
}
