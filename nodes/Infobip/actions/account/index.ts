import type { INodeProperties } from 'n8n-workflow';

import * as getBalance from './getBalance.operation';

export { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [{ name: 'Get Balance', value: 'getBalance', description: 'Get the account balance and currency', action: 'Get the balance' }],
		default: 'getBalance',
	},
	...getBalance.description,
];
