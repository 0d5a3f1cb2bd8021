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
import { clearTextNotice } from '../nodes/shared/clear-text';
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
		clearTextNotice(),
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
		{
			displayName: 'Token on Reads',
			name: 'readAuth',
			type: 'options',
			displayOptions: { show: { apiStyle: ['http'] } },
			options: [
				{ name: 'Authorization Header (Bearer)', value: 'header' },
				{ name: 'Query String (api_token, Seen in Access Logs)', value: 'query' },
			],
			default: 'header',
			description:
				"Sends go with api_token in the JSON body, as the platform's documents show. Its documents put it in the body of reads (GET) too, which n8n cannot send: n8n sends no body with a GET. Reads carry it as a Bearer header (the Laravel platform's token check reads it there too), or, for a host that refuses that, in the query string, where server logs keep it.",
		},
	];

	/**
	 * v3: a Bearer header. http: `api_token` in the JSON body of a send, as the platform's documents
	 * show; a read (GET, which n8n sends without a body) as Token on Reads says: a Bearer header by
	 * default, since a token in the query string lands in access logs.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = String(credentials.apiToken ?? '');
		if (credentials.apiStyle === 'http') {
			if ((requestOptions.method ?? 'GET') !== 'GET') {
				return { ...requestOptions, body: { ...((requestOptions.body as IDataObject | undefined) ?? {}), api_token: token } };
			}
			if (credentials.readAuth === 'query') return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), api_token: token } };
		}
		return withHeader(requestOptions, 'Authorization', `Bearer ${token}`);
	}

	// The balance is a documented read; some hosts answer a bad token with HTTP 200 and status "error".
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			// The HTTP style's documented read is the SMS list (seed 004); its balance path is a guess.
			url: '={{$credentials.apiStyle === "http" ? "/api/http/sms" : "/api/v3/balance"}}',
			headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: 'Infopromo refused the API token' } }],
	};
}
