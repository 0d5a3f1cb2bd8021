import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as message from './actions/message';
import { router } from './actions/router';
import * as session from './actions/session';
import { CREDENTIAL_TYPE } from './transport';

export class WhatsInfinity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsInfinity',
		name: 'whatsInfinity',
		icon: { light: 'file:whatsinfinity.svg', dark: 'file:whatsinfinity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and media through WhatsInfinity sessions, and manage the sessions',
		defaults: { name: 'WhatsInfinity' },
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
					{ name: 'Message', value: 'message' },
					{ name: 'Session', value: 'session' },
				],
				default: 'message',
			},
			...message.description,
			...session.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
