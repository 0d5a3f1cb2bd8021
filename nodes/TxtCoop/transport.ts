import { asObject, textOf } from '../shared/json';
import type { Gateway } from '../shared/gateway';

export const CREDENTIAL_TYPE = 'txtCoopApi';

export const txtCoop: Gateway = {
	name: 'txtcoop',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'Txtcoop API',
	// `{error, message, statusCode}`: `message` says what went wrong, `error` names the kind.
	parseError(body) {
		const envelope = asObject(body);
		const message = textOf(envelope.message) ?? textOf(envelope.error);
		return {
			message,
			details: message !== textOf(envelope.error) ? textOf(envelope.error) : undefined,
			requestId: textOf(envelope.requestId),
		};
	},
	hints: {
		400: 'txtcoop rejected a field: check "To" (E.164, Apple ID email or group GUID), the body and the attachment URLs.',
		404: 'Nothing has that ID: check it, and that the Base URL in the credential is your txtcoop host.',
	},
};
