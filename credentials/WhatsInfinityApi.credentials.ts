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

export class WhatsInfinityApi implements ICredentialType {
	name = 'whatsInfinityApi';

	displayName = 'WhatsInfinity API';

	icon: Icon = {
		light: 'file:../nodes/WhatsInfinity/whatsinfinity.svg',
		dark: 'file:../nodes/WhatsInfinity/whatsinfinity.dark.svg',
	};

	documentationUrl = 'http://api.whatsinfinity.com';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The session's API key: at least 16 characters. For a new session, choose it here and run Session → Create.",
		},
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'mysession',
			description: 'The WhatsApp session this key belongs to (letters, numbers, - and _)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://api.whatsinfinity.com',
			description: 'Change it only for a self-hosted or white-label WhatsInfinity server',
		},
		clearTextNotice(),
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withHeader(requestOptions, 'x-api-key', String(credentials.apiKey ?? ''));
	}

	// Checking the credential's own session proves both the key and the session ID.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/check-session/" + encodeURIComponent($credentials.sessionId)}}',
			headers: { 'User-Agent': USER_AGENT },
		},
	};
}
