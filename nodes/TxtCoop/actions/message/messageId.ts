import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/items';

export function messageIdField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'msg_abc123',
		description: 'The ID Send returned',
		displayOptions,
	};
}

export function messageIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const id = String(context.getNodeParameter('messageId', itemIndex, '')).trim();
	if (!id) throw itemError(context, itemIndex, 'No Message ID is set', 'Give the ID that Send returned (e.g. msg_abc123).');
	return encodeURIComponent(id);
}
