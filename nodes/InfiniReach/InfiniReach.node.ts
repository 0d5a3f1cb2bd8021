import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as device from './actions/device';
import * as message from './actions/message';
import { router } from './actions/router';
import { searchMessages, searchSenders } from './methods/listSearch';
import { getSenders } from './methods/loadOptions';
import { CREDENTIAL_TYPE } from './transport';

export class InfiniReach implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfiniReach',
		name: 'infiniReach',
		icon: { light: 'file:infinireach.svg', dark: 'file:infinireach.dark.svg' },
		group: ['output'],
		// 1.1: From is picked from a list or typed as a plain number (version 1: a dropdown only).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS and WhatsApp messages through your own Android devices with InfiniReach',
		defaults: { name: 'InfiniReach' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Device', value: 'device' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			...message.description,
			...device.description,
		],
	};

	methods = { loadOptions: { getSenders }, listSearch: { searchMessages, searchSenders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
