import { asObject, textOf } from '../shared/json';
import type { Gateway } from '../shared/gateway';

export const CREDENTIAL_TYPE = 'infobipApi';

/** One of Infobip's `violations`: the request property it is about, and what is wrong with it. */
export interface Violation {
	property: string;
	violation: string;
}

export function violationsOf(body: unknown): Violation[] {
	const list = asObject(body).violations;
	return Array.isArray(list)
		? list
				.map((entry) => asObject(entry))
				.map((entry) => ({ property: String(entry.property ?? ''), violation: String(entry.violation ?? '') }))
		: [];
}

export const infobip: Gateway = {
	name: 'Infobip',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'Infobip API',
	// `{errorCode, description, action, violations, resources}`, or the older `{requestError: {serviceException: {messageId, text}}}`.
	parseError(body) {
		const envelope = asObject(body);
		const legacy = asObject(asObject(envelope.requestError).serviceException);
		const violations = violationsOf(body).map(({ property, violation }) => `${property}: ${violation}`);
		const action = textOf(envelope.action);
		const details = [...violations, action].filter(Boolean).join('; ');
		return {
			message: textOf(envelope.description) ?? textOf(legacy.text) ?? textOf(envelope.errorCode) ?? textOf(legacy.messageId),
			details: details || undefined,
		};
	},
	// Infobip has no idempotency key: only a 429 is known to have sent nothing.
	notSentStatuses: [429],
	hints: {
		400: 'Infobip rejected the request: the details name each field (e.g. messages[0].destinations[2].to) and what is wrong with it.',
		401: 'Check the API key in the "Infobip API" credential, and that its Base URL is your account\'s own (https://xxxxx.api.infobip.com).',
		403: 'The API key lacks the scope for this (e.g. message:send, or account-management for the balance): add it in the Infobip portal.',
		404: "Nothing has that ID (a bulk that finished, or never existed), or the Base URL is not your account's.",
	},
};
