import { asObject, textOf } from '../shared/json';
import type { Gateway } from '../shared/gateway';

export const CREDENTIAL_TYPE = 'infopromoApi';
export const DEFAULT_BASE_URL = 'https://sms.infopromo.digital';

export const infopromo: Gateway = {
	name: 'Infopromo',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'Infopromo API',
	defaultBaseUrl: DEFAULT_BASE_URL,
	// The two documented styles have the same paths under their own prefix.
	basePath: (credentials) => (credentials.apiStyle === 'http' ? '/api/http' : '/api/v3'),
	// `{status: "error", message}`, as an HTTP error or (on some hosts) with HTTP 200.
	parseError(body) {
		const envelope = asObject(body);
		const errors = asObject(envelope.errors);
		const firstField = Object.values(errors)
			.flat()
			.map((value) => textOf(value))
			.find(Boolean);
		const unknown = envelope.status !== 'error' ? 'an answer without the documented {"status": "success", "data": …} envelope' : undefined;
		return {
			message: textOf(envelope.message) ?? firstField ?? unknown,
			details: firstField && firstField !== envelope.message ? firstField : undefined,
		};
	},
	// Only `{status: "success", data}` is a success: anything else, whatever the HTTP status, is an error.
	isErrorBody: (body) => asObject(body).status !== 'success',
	envelope: (body) => ({ data: asObject(body).data, requestId: null }),
	hints: {
		200: 'Check that the Base URL is the platform itself, and the API Style in the credential.',
		401: 'Check the API token in the "Infopromo API" credential, its API Style (some tokens work only with the HTTP API), and that its Base URL is the platform itself.',
		403: "The token may not use this API style or endpoint: try the other API Style in the credential, or check the token's permissions.",
		404: 'Nothing has that UID, or the Base URL is not an Ultimate SMS platform host.',
	},
};

/**
 * Seed 004 shows the HTTP API style for SMS only (send, read, list); its balance, profile and campaign
 * paths are the v3 ones under /api/http, a guess that a host may not share: a 404 there says so.
 */
export const BEYOND_SMS_HINTS = {
	404: 'Nothing is at that ID, or, with the HTTP API style, this host has no such path under /api/http (its documents show only SMS there): use the OAuth 2.0 (v3) API Style in the credential for balance, profile and campaigns.',
};
