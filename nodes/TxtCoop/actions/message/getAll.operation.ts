import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import { parseInput, type ItemResult } from '../../../shared/items';
import { pagedList } from '../../helpers/lists';
import { normalizeRecipient } from '../../helpers/recipient';

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
					{ name: 'Received', value: 'received' },
					{ name: 'Sent', value: 'sent' },
				],
				default: 'received',
			},
			{
				displayName: 'Participant',
				name: 'participant',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				description: 'Only messages with this phone number or email',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.direction) qs.direction = filters.direction;
	if (String(filters.participant ?? '').trim()) {
		qs.participant = parseInput(this, itemIndex, 'Invalid "Participant" filter', () => normalizeRecipient(filters.participant));
	}
	return await pagedList(this, itemIndex, '/api/v1/messages', qs, 'messages');
}
