import nock from 'nock';

export const BASE_URL = 'https://xk92p.api.infobip.com';
export const API_KEY = 'ib_live_Sup3rSecretKey_0123456789';
export const WEBHOOK_SECRET = 'ib_whsec_TopSecret_42';
export const credentials = {
	infobipApi: {
		apiKey: API_KEY,
		baseUrl: BASE_URL,
		webhookSecret: WEBHOOK_SECRET,
		webhookUsername: 'infobip',
		webhookPassword: 'hook-pass',
	},
};
export const USER_AGENT = /^n8n-nodes-message-gateways\/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** nock scope for the account's host that also checks the App key and the User-Agent. */
export function gateway() {
	return nock(BASE_URL, { reqheaders: { authorization: `App ${API_KEY}`, 'user-agent': USER_AGENT } });
}

export function sendParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'message',
		operation: 'send',
		channel: 'SMS',
		sender: 'InfoSMS',
		to: '={{ $json.to }}',
		text: '={{ $json.text }}',
		...extra,
	};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies of any shape, read by the assertions
type Json = Record<string, any>;

/** What Infobip answers a send: every destination accepted, pending. */
export function accepted(body: Json) {
	return {
		bulkId: body.options?.schedule?.bulkId ?? 'auto',
		messages: (body.messages as Json[]).flatMap((message) =>
			(message.destinations as Json[]).map((destination) => ({
				messageId: destination.messageId,
				status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
				destination: destination.to,
			})),
		),
	};
}
