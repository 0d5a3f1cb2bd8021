import nock from 'nock';

export const BASE_URL = 'https://acme.txtcoop.example';
export const API_KEY = 'brk_live_Sup3rSecretKey_abcdef';
export const credentials = { txtCoopApi: { apiKey: API_KEY, baseUrl: BASE_URL } };
export const USER_AGENT = /^n8n-nodes-message-gateways\/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** nock scope for the gateway that also checks the Bearer key and the User-Agent. */
export function gateway() {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'user-agent': USER_AGENT } });
}

export const page = (data: unknown[], pageNumber: number, limit: number, total: number) => ({
	data,
	pagination: { page: pageNumber, limit, total, totalPages: Math.ceil(total / limit) },
});

/** Message → Send, to and body from each item's `to` and `text`. */
export function sendParameters(extra: Record<string, unknown> = {}) {
	return { resource: 'message', operation: 'send', to: '={{ $json.to }}', body: '={{ $json.text }}', ...extra };
}
