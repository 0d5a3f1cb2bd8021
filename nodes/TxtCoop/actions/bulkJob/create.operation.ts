import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { defaultCountryOption } from '../../../shared/fields';
import { collectItems, itemError, parseInput, errorJson, withItemIndex } from '../../../shared/items';
import { normalizeRecipient } from '../../recipient';
import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';

export const DEFAULT_JOB_SIZE = 1000;

const displayOptions = { show: { resource: ['bulkJob'], operation: ['create'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'All input items become one bulk job: map each item\'s recipient and text below.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.phone }}',
		description: 'Each item\'s recipient: phone number, Apple ID email, or group chat GUID',
		displayOptions,
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: 'Each item\'s message text',
		displayOptions,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			defaultCountryOption(),
			{
				displayName: 'Recipients Per Job',
				name: 'jobSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_JOB_SIZE,
				description: 'Larger inputs are split into several jobs of at most this many recipients',
			},
		],
	},
];

interface BulkMessage {
	to: string;
	body: string;
}

function readMessage(context: IExecuteFunctions, itemIndex: number): BulkMessage {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const to = parseInput(context, itemIndex, 'Invalid "To"', () =>
		normalizeRecipient(context.getNodeParameter('to', itemIndex, ''), options.defaultCountry as string),
	);
	const body = String(context.getNodeParameter('body', itemIndex, '') ?? '');
	if (!body.trim()) throw itemError(context, itemIndex, 'The message body is empty', 'Map a text into "Body".');
	return { to, body };
}

/** One job per chunk of the input; each output item names its job and pairs to the items in it. */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { entries, failed } = await collectItems(this, (itemIndex) => readMessage(this, itemIndex));
	const jobSize = Math.max(1, Number((this.getNodeParameter('options', 0, {}) as IDataObject).jobSize ?? DEFAULT_JOB_SIZE));
	const output: INodeExecutionData[] = [...failed];
	for (let start = 0; start < entries.length; start += jobSize) {
		const chunk = entries.slice(start, start + jobSize);
		const pairedItem = chunk.map(({ itemIndex }) => ({ item: itemIndex }));
		try {
			const { data: job } = await requestRecord.call(this, txtCoop, {
				method: 'POST',
				path: '/api/v1/messages/bulk',
				body: { messages: chunk.map(({ value }) => ({ ...value })) },
				itemIndex: chunk[0].itemIndex,
			});
			output.push({ json: { ...job, itemCount: chunk.length }, pairedItem });
		} catch (error) {
			const named = withItemIndex(this, error, chunk[0].itemIndex);
			if (!this.continueOnFail()) throw named;
			output.push({ json: { ...errorJson(named), itemCount: chunk.length }, pairedItem });
		}
	}
	return output;
}
