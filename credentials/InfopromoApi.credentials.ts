import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withHeader } from '../nodes/shared/auth';
import { USER_AGENT } from '../nodes/shared/version';

export class InfopromoApi implements ICredentialType {
	name = 'infopromoApi';

	displayName = 'Infopromo API';

	icon: Icon = {
		light: 'file:../nodes/Infopromo/infopromo.svg',
		dark: 'file:../nodes/Infopromo/infopromo.dark.svg',
	};

	documentationUrl = 'https://sms.infopromo.digital/developers';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The API token from your portal's Developers page",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://sms.infopromo.digital',
			description: 'Infopromo\'s address, or that of another host of the same "Ultimate SMS" platform (the paths are the same)',
		},
		{
			displayName: 'API Style',
			name: 'apiStyle',
			type: 'options',
			options: [
				{ name: 'OAuth 2.0 API (/api/v3, Bearer Token)', value: 'v3' },
				{ name: 'HTTP API (/api/http, api_token Parameter)', value: 'http' },
			],
			default: 'v3',
			description:
				'How requests carry the token: as a Bearer header, or as an api_token parameter for hosts or tokens that only allow that',
		},
	];

	/** v3: a Bearer header; http: `api_token` in the JSON body, or in the query of a GET. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = String(credentials.apiToken ?? '');
		if (credentials.apiStyle === 'http') {
			if ((requestOptions.method ?? 'GET') === 'GET') return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), api_token: token } };
			return { ...requestOptions, body: { ...((requestOptions.body as IDataObject | undefined) ?? {}), api_token: token } };
		}
		return withHeader(requestOptions, 'Authorization', `Bearer ${token}`);
	}

	// The balance is a documented read; some hosts answer a bad token with HTTP 200 and status "error".
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{$credentials.apiStyle === "http" ? "/api/http/balance" : "/api/v3/balance"}}',
			headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: 'Infopromo refused the API token' } }],
	};
}
