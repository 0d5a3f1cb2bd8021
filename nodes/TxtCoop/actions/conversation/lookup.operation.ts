import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parseInput, type ItemResult } from '../../../shared/items';
import { requestRecords } from '../../../shared/transport';
import { normalizeRecipient } from '../../helpers/recipient';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Participant',
		name: 'participant',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550123',
		description: 'Phone number or Apple ID email of the other side',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['lookup'] } }, properties);

/** The conversations with one participant. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
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
