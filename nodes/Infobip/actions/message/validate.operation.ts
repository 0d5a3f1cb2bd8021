import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectItems, outputsInOrder } from '../../../shared/items';
import { campaignOf } from '../../helpers/campaign';
import { composeMessage } from '../../helpers/compose';
import { dispatch } from '../../helpers/send-batches';
import { messageFields } from '../../helpers/fields';
import { planRequests } from '../../helpers/batch-requests';

const properties: INodeProperties[] = [
	{
		displayName: 'Infobip checks the messages exactly as Send would send them, and sends nothing.',
		name: 'validateNotice',
		type: 'notice',
		default: '',
	},
	...messageFields,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['validate'] } }, properties);

/** The same requests as Send, through the validate endpoint: a violation fails only the items it names. */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const campaign = campaignOf(this);
	const { entries, failed } = await collectItems(this, (itemIndex) => composeMessage(this, itemIndex));
	const requests = planRequests(entries, campaign);
	const outcomes = await dispatch(this, requests, '/messages-api/1/messages/validate', (request, destination, body) => ({
		json: { valid: true, to: destination.to, ...body },
	}));
	return outputsInOrder(this, outcomes, failed);
}
