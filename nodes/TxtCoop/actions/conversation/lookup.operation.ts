import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseInput } from '../../../shared/items';
import { normalizeRecipient } from '../../recipient';
import { requestRecords } from '../../../shared/transport';
import { txtCoop } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Participant',
		name: 'participant',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550123',
		description: 'Phone number or Apple ID email of the other side',
		displayOptions: { show: { resource: ['conversation'], operation: ['lookup'] } },
	},
];

/** The conversations with one participant. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const participant = parseInput(this, itemIndex, 'Invalid "Participant"', () =>
		normalizeRecipient(this.getNodeParameter('participant', itemIndex, '')),
	);
	// One conversation, or a list of them.
	const { data } = await requestRecords.call(
		this,
		txtCoop,
		{ method: 'GET', path: '/api/v1/conversations/lookup', qs: { participant }, idempotent: true, itemIndex },
		'conversations',
	);
	return data;
}
