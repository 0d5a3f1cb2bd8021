import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { withHeader } from '../nodes/shared/auth';
import { clearTextNotice } from '../nodes/shared/clear-text';
import { USER_AGENT } from '../nodes/shared/version';

export class InfiniReachApi implements ICredentialType {
	name = 'infiniReachApi';

	displayName = 'InfiniReach API';

	icon: Icon = {
		light: 'file:../nodes/InfiniReach/infinireach.svg',
		dark: 'file:../nodes/InfiniReach/infinireach.dark.svg',
	};

	documentationUrl = 'https://api.infinireach.io';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key from the InfiniReach dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.infinireach.io',
			description: 'Change it only for a white-label or self-hosted InfiniReach server',
		},
		clearTextNotice(),
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret set for webhooks in the dashboard. When set, the InfiniReach Trigger refuses requests without a valid signature.',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withHeader(requestOptions, 'X-API-Key', String(credentials.apiKey ?? ''));
	}

	// Reading one message of history is the cheapest documented call that needs a valid key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/messages',
			qs: { limit: 1 },
			headers: { 'User-Agent': USER_AGENT },
		},
	};
}
