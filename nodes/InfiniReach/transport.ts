import type { IDataObject } from 'n8n-workflow';

import { asObject } from '../shared/json';
import { gatewayRequest, type Gateway, type GatewayRequest, type RequestContext } from '../shared/request';

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
			(typeof error === 'string' && error) ||
			(nested.message as string | undefined) ||
			(envelope.message as string | undefined);
		const details = envelope.details ?? nested.details;
		const retryAfter = Number(envelope.retryAfter ?? nested.retryAfter);
		return {
			message: message || undefined,
			details: details === undefined ? undefined : typeof details === 'string' ? details : JSON.stringify(details),
			requestId: (envelope.requestId ?? nested.requestId) as string | undefined,
			retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
		};
	},
	hints: {
		400: 'InfiniReach rejected a field: check "To" (E.164 or a WhatsApp group), "From" (must match a registered device number exactly) and the channel.',
	},
};

export async function infiniReachRequest(this: RequestContext, request: GatewayRequest): Promise<IDataObject> {
	const response = await gatewayRequest.call(this, infiniReach, request);
	return response.body as IDataObject;
}
