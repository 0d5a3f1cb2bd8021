import type { INodeProperties } from 'n8n-workflow';

import { listFields } from '../../lists';
import { idField } from '../idField';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as lookup from './lookup.operation';

export { get, getAll, lookup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one conversation', action: 'Get a conversation' },
			{ name: 'Get Many', value: 'getAll', description: 'List conversations', action: 'Get many conversations' },
			{ name: 'Lookup', value: 'lookup', description: 'Find the conversations with a participant', action: 'Look up conversations' },
		],
		default: 'getAll',
	},
	idField('conversationId', 'Conversation ID', 'conversation', ['get'], 'conv_123'),
	...listFields({ show: { resource: ['conversation'], operation: ['getAll'] } }),
	...lookup.description,
];
