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

export class InfobipApi implements ICredentialType {
	name = 'infobipApi';

	displayName = 'Infobip API';

	icon: Icon = {
		light: 'file:../nodes/Infobip/infobip.svg',
		dark: 'file:../nodes/Infobip/infobip.dark.svg',
	};

	documentationUrl = 'https://www.infobip.com/docs/essentials/api-essentials/api-authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'An API key from the Infobip portal (Developers → API keys), sent as "Authorization: App <key>"',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://xxxxx.api.infobip.com',
			description: "Your account's own API address, shown on the Infobip portal's home page: every account has a different one",
		},
		clearTextNotice(),
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The HMAC secret of the security profile your Infobip webhooks use; the Infobip Trigger then starts only for requests signed with it',
		},
		{
			displayName: 'Webhook Username',
			name: 'webhookUsername',
			type: 'string',
			default: '',
			description: 'For a Basic security profile instead of HMAC: the username Infobip sends with each webhook',
		},
		{
			displayName: 'Webhook Password',
			name: 'webhookPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For a Basic security profile: the password Infobip sends with each webhook',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withHeader(requestOptions, 'Authorization', `App ${String(credentials.apiKey ?? '')}`);
	}

	// The balance is a documented read that every key with account access can make.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/account/1/balance',
			headers: { 'User-Agent': USER_AGENT },
		},
	};
}
