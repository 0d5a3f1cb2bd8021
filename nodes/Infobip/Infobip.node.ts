import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account';
import * as inbound from './actions/inbound';
import * as message from './actions/message';
import * as report from './actions/report';
import { router } from './actions/router';
import * as scheduledBulk from './actions/scheduledBulk';
import { CREDENTIAL_TYPE } from './transport';

export class Infobip implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip',
		name: 'infobip',
		icon: { light: 'file:infobip.svg', dark: 'file:infobip.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS, WhatsApp, Viber, RCS and more through the Infobip Messages API, many recipients per request',
		defaults: { name: 'Infobip' },
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
					{ name: 'Delivery Report', value: 'report' },
					{ name: 'Inbound Message', value: 'inbound' },
					{ name: 'Message', value: 'message' },
					{ name: 'Scheduled Bulk', value: 'scheduledBulk' },
				],
				default: 'message',
			},
			...message.description,
			...report.description,
			...inbound.description,
			...scheduledBulk.description,
			...account.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
