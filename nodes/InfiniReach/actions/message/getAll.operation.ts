import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import { itemError, parseInput, type ItemResult } from '../../../shared/items';
import { collectByOffset, pageOptionsOf } from '../../../shared/pagination';
import { normalizePhoneNumber } from '../../../shared/phone';
import { requestList } from '../../../shared/transport';
import { infiniReach } from '../../transport';

export const MAX_PAGE_SIZE = 500;

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: [
					{ name: 'SMS', value: 'sms' },
					{ name: 'WhatsApp', value: 'whatsapp' },
				],
				default: 'sms',
			},
			{
				displayName: 'Conversation',
				name: 'conversation',
				type: 'options',
				options: [
					{ name: 'Both Directions', value: 'both', description: 'From→to and to→from: the whole thread' },
					{ name: 'This Direction Only', value: 'strict', description: 'Only messages from "From" to "To"' },
				],
				default: 'both',
				description: 'When both From and To are set, whether to match the whole thread or one direction',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Inbound', value: 'inbound' },
					{ name: 'Outbound', value: 'outbound' },
				],
				default: 'inbound',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				description: 'Sender number (E.164)',
			},
			{
				displayName: 'Search Text',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Case-insensitive text to find in the message body',
			},
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only messages created at or after this time',
			},
			{
				displayName: 'Sort Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Sent', value: 'sent' },
				],
				default: 'delivered',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				description: 'Recipient number (E.164)',
			},
			{
				displayName: 'Until',
				name: 'until',
				type: 'dateTime',
				default: '',
				description: 'Only messages created at or before this time',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

/** Filters in the gateway's query form; numbers are normalised so "+1 415 555 0123" still matches. */
function queryFrom(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'conversation') {
			if (value === 'strict') qs.conversation = 'strict';
		} else if (key === 'from' || key === 'to') {
			const text = String(value).trim();
			qs[key] = text.includes('@')
				? text
				: // A filter matches numbers the gateway already has: the format is normalised, the numbering plan not asked.
					parseInput(context, itemIndex, `Invalid "${key === 'from' ? 'From' : 'To'}" filter`, () =>
						normalizePhoneNumber(text, { skipValidation: true }),
					);
		} else if (key === 'since' || key === 'until') {
			const time = Date.parse(String(value));
			if (Number.isNaN(time)) {
				throw itemError(context, itemIndex, `"${String(value)}" is not a date`, `Give "${key}" as an ISO date and time.`);
			}
			qs[key] = new Date(time).toISOString();
		} else {
			qs[key] = value;
		}
	}
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const filters = queryFrom(this, itemIndex, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);

	return await collectByOffset<IDataObject>(pageOptionsOf(this, itemIndex, MAX_PAGE_SIZE), async (offset, pageSize) => {
		const page = await requestList.call(
			this,
			infiniReach,
			{ method: 'GET', path: '/api/v1/messages', qs: { ...filters, limit: pageSize, offset }, idempotent: true, itemIndex },
			'messages',
		);
		const total = Number(page.body.total);
		return { items: page.data, total: Number.isFinite(total) ? total : undefined };
	});
}
