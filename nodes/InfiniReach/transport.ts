import { asObject, textOf } from '../shared/json';
import type { Gateway } from '../shared/gateway';

export const CREDENTIAL_TYPE = 'infiniReachApi';
export const DEFAULT_BASE_URL = 'https://api.infinireach.io';

export const infiniReach: Gateway = {
	name: 'InfiniReach',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'InfiniReach API',
	defaultBaseUrl: DEFAULT_BASE_URL,
	// InfiniReach's envelope is not documented beyond the status codes: read the usual shapes.
	parseError(body) {
		const envelope = asObject(body);
		const error = envelope.error;
		const nested = asObject(error);
		const message =
			(typeof error === 'string' && error) || (nested.message as string | undefined) || (envelope.message as string | undefined);
		const details = envelope.details ?? nested.details;
		const retryAfter = Number(envelope.retryAfter ?? nested.retryAfter);
		return {
			message: message || undefined,
			details: details === undefined ? undefined : typeof details === 'string' ? details : JSON.stringify(details),
			requestId: (envelope.requestId ?? nested.requestId) as string | undefined,
			retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
		};
	},
	// The docs say externalId "prevents duplicate sends", not how a repeat is answered: take every plausible form.
	isRepeat(statusCode, body) {
		if (statusCode === 409) return true;
		if (statusCode >= 300) return false;
		const envelope = asObject(body);
		const nested = asObject(envelope.data);
		const flagged = [envelope, nested].some(
			(entry) => entry.duplicate === true || entry.isDuplicate === true || entry.status === 'duplicate',
		);
		const said = [envelope.message, envelope.error, nested.message].map((text) => textOf(text) ?? '').join(' ');
		return flagged || /\bduplicate\b|\balready (sent|queued|exists|processed)\b/i.test(said);
	},
	// "Message Sending 100 requests/minute" per key; no Retry-After or retryAfter is promised.
	rateWindowMs: 60_000,
	hints: {
		400: 'InfiniReach rejected a field: check "To" (E.164 or a WhatsApp group), "From" (must match a registered device number exactly) and the channel.',
	},
};
