import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as bulkJob from './actions/bulkJob';
import * as conversation from './actions/conversation';
import * as message from './actions/message';
import * as relay from './actions/relay';
import { router } from './actions/router';
import { searchBulkJobs, searchConversations, searchMessages, searchRelays } from './methods/listSearch';
import { CREDENTIAL_TYPE } from './transport';

export class TxtCoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'txtcoop',
		name: 'txtCoop',
		icon: { light: 'file:txtcoop.svg', dark: 'file:txtcoop.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send iMessages through your own Macs with txtcoop, in single sends or bulk jobs',
		defaults: { name: 'txtcoop' },
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
					{ name: 'Bulk Job', value: 'bulkJob' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
					{ name: 'Relay', value: 'relay' },
				],
				default: 'message',
			},
			...message.description,
			...bulkJob.description,
			...relay.description,
			...conversation.description,
		],
	};

	methods = { listSearch: { searchMessages, searchBulkJobs, searchRelays, searchConversations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
