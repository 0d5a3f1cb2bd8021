import type { INodeProperties } from 'n8n-workflow';

import * as getBalance from './getBalance.operation';
import * as getProfile from './getProfile.operation';

export { getBalance, getProfile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Get Balance', value: 'getBalance', description: 'Get the remaining balance', action: 'Get the balance' },
			{ name: 'Get Profile', value: 'getProfile', description: 'Get the account profile', action: 'Get the profile' },
		],
		default: 'getBalance',
	},
	...getBalance.description,
	...getProfile.description,
];
