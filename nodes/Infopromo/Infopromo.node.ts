import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import * as campaign from './actions/campaign';
import { router } from './actions/router';
import * as sms from './actions/sms';
import { CREDENTIAL_TYPE } from './transport';

export class Infopromo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infopromo',
		name: 'infopromo',
		icon: { light: 'file:infopromo.svg', dark: 'file:infopromo.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS, WhatsApp, voice, MMS and more through Infopromo or any Ultimate SMS host',
		defaults: { name: 'Infopromo' },
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
					{ name: 'Account', value: 'account' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'SMS', value: 'sms' },
				],
				default: 'sms',
			},
			...sms.description,
			...campaign.description,
			...account.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
