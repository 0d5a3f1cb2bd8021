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

export class TxtCoopApi implements ICredentialType {
	name = 'txtCoopApi';

	// Title case, as n8n's verification requires of credential names (the node keeps the brand's lower case).
	displayName = 'Txtcoop API';

	icon: Icon = {
		light: 'file:../nodes/TxtCoop/txtcoop.svg',
		dark: 'file:../nodes/TxtCoop/txtcoop.dark.svg',
	};

	documentationUrl = 'https://txtcoop.com';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'brk_live_…',
			description: 'The API key from your txtcoop dashboard (brk_live_… or brk_test_…)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://your-account.example.com',
			description: 'Your txtcoop host, as shown in your dashboard: it is different for each account',
		},
		clearTextNotice(),
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withHeader(requestOptions, 'Authorization', `Bearer ${String(credentials.apiKey ?? '')}`);
	}

	// The queue counts are the cheapest authenticated read.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/messages/queue/stats',
			headers: { 'User-Agent': USER_AGENT },
		},
	};
}
