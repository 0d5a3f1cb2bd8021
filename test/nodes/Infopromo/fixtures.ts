import nock from 'nock';

export const BASE_URL = 'https://sms.infopromo.digital';
export const TOKEN = 'ip_live_Sup3rSecretToken_0123456789';
export const credentials = { infopromoApi: { apiToken: TOKEN, baseUrl: BASE_URL, apiStyle: 'v3' } };
export const httpCredentials = { infopromoApi: { apiToken: TOKEN, baseUrl: BASE_URL, apiStyle: 'http' } };
export const USER_AGENT = /^n8n-nodes-message-gateways\/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** nock scope for the v3 API that also checks the Bearer token and the User-Agent. */
export function gateway() {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}`, 'user-agent': USER_AGENT, accept: 'application/json' } });
}

export const ok = (data: unknown) => ({ status: 'success', data });
export const refused = (message: string) => ({ status: 'error', message });

export function sendParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'sms',
		operation: 'send',
		recipient: '={{ $json.to }}',
		senderId: 'YourName',
		type: 'plain',
		message: '={{ $json.text }}',
		...extra,
	};
}
