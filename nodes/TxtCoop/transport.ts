import type { IDataObject } from 'n8n-workflow';

import { asObject, textOf } from '../shared/json';
import { gatewayRequest, type Gateway, type GatewayRequest, type RequestContext } from '../shared/request';

export const CREDENTIAL_TYPE = 'txtCoopApi';

export const txtCoop: Gateway = {
	name: 'txtcoop',
	credentialType: CREDENTIAL_TYPE,
	credentialName: 'txtcoop API',
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

export async function txtCoopRequest(this: RequestContext, request: GatewayRequest): Promise<IDataObject> {
	const response = await gatewayRequest.call(this, txtCoop, request);
	// A bare list is kept under `data`, where listFrom looks first.
	return Array.isArray(response.body) ? { data: response.body as IDataObject[] } : asObject(response.body);
}

/** A single record comes bare, or under `data`. */
export function recordFrom(body: IDataObject): IDataObject {
	const inner = body.data;
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : body;
}

/** Lists come bare, or under `data` (paginated lists also carry `pagination`). */
export function listFrom(body: unknown, ...keys: string[]): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const envelope = asObject(body);
	for (const key of ['data', ...keys]) {
		if (Array.isArray(envelope[key])) return envelope[key] as IDataObject[];
	}
	return [];
}
