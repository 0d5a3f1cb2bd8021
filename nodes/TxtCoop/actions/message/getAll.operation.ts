import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseInput } from '../../../shared/items';
import { listFields, pagedList } from '../../lists';
import { normalizeRecipient } from '../../recipient';

const displayOptions = { show: { resource: ['message'], operation: ['getAll'] } };

export const description: INodeProperties[] = [
	...listFields(displayOptions),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions,
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

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.direction) qs.direction = filters.direction;
	if (String(filters.participant ?? '').trim()) {
		qs.participant = parseInput(this, itemIndex, 'Invalid "Participant" filter', () => normalizeRecipient(filters.participant));
	}
	return await pagedList(this, itemIndex, '/api/v1/messages', qs, 'messages');
}
