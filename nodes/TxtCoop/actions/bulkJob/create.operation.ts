import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchOnce, campaignOptions } from '../../../shared/campaign';
import { careOptions } from '../../../shared/care-options';
import { dryRunInstead, guardEntries } from '../../../shared/send-guard';
import { fateUnknown } from '../../../shared/failures';
import { numberOptions, optionsCollection, phoneOptionsFrom } from '../../../shared/fields';
import { collectItems, errorItem, errorJson, parseInput, withItemIndex } from '../../../shared/items';
import { checkText, itemOptions } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { normalizeRecipient } from '../../helpers/recipient';
import { txtCoop } from '../../transport';

const DEFAULT_JOB_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: "All input items become one bulk job: map each item's recipient and text below.",
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.phone }}',
		description: "Each item's recipient: phone number, Apple ID email, or group chat GUID",
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: "Each item's message text",
	},
	optionsCollection([
		...campaignOptions(),
		...careOptions({ schedules: false, sms: false }),
		...numberOptions(),
		{
			displayName: 'Recipients Per Job',
			name: 'jobSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_JOB_SIZE,
			description: 'Larger inputs are split into several jobs of at most this many recipients',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['bulkJob'], operation: ['create'] } }, properties);

interface BulkMessage {
	to: string;
	body: string;
	campaignKey?: unknown;
	resendUnknown: boolean;
}

function readMessage(context: IExecuteFunctions, itemIndex: number): BulkMessage {
	const options = itemOptions(context, itemIndex);
	const to = parseInput(context, itemIndex, 'Invalid "To"', () =>
		normalizeRecipient(context.getNodeParameter('to', itemIndex, ''), phoneOptionsFrom(options)),
	);
	const body = checkText(context, itemIndex, context.getNodeParameter('body', itemIndex, ''), {
		field: 'Body',
		noun: 'message body',
		gateway: 'txtcoop',
	});
	return { to, body, campaignKey: options.campaignKey, resendUnknown: options.resendUnknownFate === true };
}

/** One job per chunk of the input; each output item names its job and pairs to the items in it. */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const collected = await collectItems(this, (itemIndex) => readMessage(this, itemIndex), dryRunInstead(this));
	const messageOf = ({ campaignKey, to, body, resendUnknown }: BulkMessage) => ({ campaignKey, to, content: body, resendUnknown });
	// Outside Quiet Hours an item waits for a later run (jobs cannot be scheduled); a dry run sends no job.
	const guarded = await guardEntries(this, collected.entries, {
		schedules: false,
		of: (value, itemIndex) => ({ to: value.to, message: { itemIndex, ...messageOf(value) } }),
	});
	const once = await batchOnce(this, guarded.entries, messageOf);
	const { entries } = once;
	const jobSize = Math.max(1, Number((this.getNodeParameter('options', 0, {}) as IDataObject).jobSize ?? DEFAULT_JOB_SIZE));
	// Items the campaign sent before, deferred ones and a dry run's are in no job: one output item each, saying so.
	const skipped = [...once.skipped, ...guarded.outcomes].map(([itemIndex, outcome]) => {
		if ('json' in outcome) return { json: outcome.json, pairedItem: { item: itemIndex } };
		// Of unknown fate, or the store failed: an error, never an empty item.
		const error = withItemIndex(this, outcome.error, itemIndex);
		if (!this.continueOnFail()) throw error;
		return errorItem(error, itemIndex);
	});
	// Items in no job, in input order (a dry run's are all of them); the jobs after them.
	const itemOf = (entry: INodeExecutionData) => (entry.pairedItem as { item: number }).item;
	const output: INodeExecutionData[] = [...collected.failed, ...skipped].sort((a, b) => itemOf(a) - itemOf(b));
	for (let start = 0; start < entries.length; start += jobSize) {
		const chunk = entries.slice(start, start + jobSize);
		const pairedItem = chunk.map(({ itemIndex }) => ({ item: itemIndex }));
		try {
			const { data: job } = await requestRecord.call(this, txtCoop, {
				method: 'POST',
				path: '/api/v1/messages/bulk',
				body: { messages: chunk.map(({ value: { to, body } }) => ({ to, body })) },
				itemIndex: chunk[0].itemIndex,
			});
			output.push({ json: { ...job, itemCount: chunk.length }, pairedItem });
		} catch (error) {
			(fateUnknown(error) ? once.unknown : once.refused)(chunk.map(({ itemIndex }) => itemIndex));
			const named = withItemIndex(this, error, chunk[0].itemIndex);
			if (!this.continueOnFail()) throw named;
			output.push({ json: { ...errorJson(named), details: { itemCount: chunk.length } }, pairedItem });
			continue;
		}
		once.accepted(chunk.map(({ itemIndex }) => itemIndex));
	}
	return output;
}
