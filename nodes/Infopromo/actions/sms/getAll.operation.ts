import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import { itemError, type ItemResult } from '../../../shared/items';
import { laravelList } from '../../helpers/lists';

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
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'API', value: 'api', description: 'Sent through the API' },
					{ name: 'Incoming', value: 'incoming' },
					{ name: 'Outgoing', value: 'outgoing' },
				],
				default: 'outgoing',
			},
			{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Only messages up to this day' },
			{
				displayName: 'SMS Type',
				name: 'smsType',
				type: 'options',
				options: ['plain', 'unicode', 'voice', 'mms', 'whatsapp', 'viber', 'otp'].map((value) => ({ name: value, value })),
				default: 'plain',
			},
			{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Only messages from this day' },
			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'Europe/London',
				description: 'The time zone the dates are in (an IANA name)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['getAll'] } }, properties);

const day = (value: unknown) => new Date(Date.parse(String(value))).toISOString().slice(0, 10);

/** Messages with the platform's filters; Return All walks every page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.direction) qs.direction = filters.direction;
	if (filters.smsType) qs.sms_type = filters.smsType;
	if (String(filters.timezone ?? '').trim()) qs.timezone = String(filters.timezone).trim();
	for (const [key, name] of [
		['startDate', 'start_date'],
		['endDate', 'end_date'],
	] as const) {
		if (!filters[key]) continue;
		if (Number.isNaN(Date.parse(String(filters[key]))))
			throw itemError(this, itemIndex, `"${String(filters[key])}" is not a date`, 'Pick a date.');
		qs[name] = day(filters[key]);
	}
	return await laravelList(this, itemIndex, '/sms', qs);
}
