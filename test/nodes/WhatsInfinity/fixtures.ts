import nock from 'nock';

export const BASE_URL = 'http://api.whatsinfinity.com';
export const API_KEY = 'wi_session_key_Sup3rSecret_123';
export const SESSION = 'shop-main';
export const credentials = { whatsInfinityApi: { apiKey: API_KEY, sessionId: SESSION, baseUrl: BASE_URL } };
export const USER_AGENT = /^n8n-nodes-message-gateways\/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** nock scope for the gateway that also checks the session key and the User-Agent. */
export function gateway() {
	return nock(BASE_URL, { reqheaders: { 'x-api-key': API_KEY, 'user-agent': USER_AGENT } });
}

export const ok = (data: unknown, requestId = 'req-1') => ({ success: true, requestId, data });
export const failure = (error: string, details: string, requestId = 'req-err', extra: Record<string, unknown> = {}) => ({
	success: false,
	requestId,
	error,
	details,
	...extra,
});

export function textParameters(extra: Record<string, unknown> = {}) {
	return { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', message: '={{ $json.text }}', ...extra };
}
