import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResults from './getResults.operation';

export { create, get, getAll, getResults };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bulkJob'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Send all input items as one bulk job', action: 'Create a bulk job' },
			{ name: 'Get', value: 'get', description: "Get a job's details and progress", action: 'Get a bulk job' },
			{ name: 'Get Many', value: 'getAll', description: 'List bulk jobs', action: 'Get many bulk jobs' },
			{ name: 'Get Results', value: 'getResults', description: 'Get the per-recipient results of a job', action: 'Get bulk job results' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...getResults.description,
];
