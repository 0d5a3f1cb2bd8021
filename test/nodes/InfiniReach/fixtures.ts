import nock from 'nock';

export const BASE_URL = 'https://api.infinireach.io';
export const API_KEY = 'ir_live_Sup3rSecretKey_0123456789';
export const WEBHOOK_SECRET = 'whsec_InfiniReach_TopSecret_42';
export const credentials = { infiniReachApi: { apiKey: API_KEY, baseUrl: BASE_URL, webhookSecret: '' } };
export const USER_AGENT = /^n8n-nodes-message-gateways\/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export function sendParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'message',
		operation: 'send',
		channel: 'sms',
		from: '+14155550100',
		to: '={{ $json.to }}',
		message: '={{ $json.text }}',
		...extra,
	};
}

/** nock scope for the gateway that also checks the auth and User-Agent headers. */
export function gateway() {
	return nock(BASE_URL, { reqheaders: { 'x-api-key': API_KEY, 'user-agent': USER_AGENT } });
}

export function serialized(value: unknown): string {
	return JSON.stringify(value);
}
