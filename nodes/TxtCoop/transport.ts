import type { IDataObject } from 'n8n-workflow';

import { asObject, textOf } from '../shared/json';
import { gatewayRequest, unexpectedAnswer, type Gateway, type GatewayRequest, type RequestContext } from '../shared/request';

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
	const body = response.body as unknown;
	// A bare list is kept under `data`, where listFrom looks first.
	if (Array.isArray(body)) return { data: body as IDataObject[] };
	// Text where JSON belongs (a proxy's page, say) is an error; an empty answer (a 204) is not.
	if (typeof body === 'string' && body.trim()) throw unexpectedAnswer(this, txtCoop, 'JSON', body);
	return asObject(body);
}

/** A single record comes bare, or under `data`; an empty answer is an error, not an empty item. */
export function recordFrom(context: RequestContext, body: IDataObject): IDataObject {
	const inner = body.data;
	const record = inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : body;
	if (!Object.keys(record).length) throw unexpectedAnswer(context, txtCoop, 'the record asked for', body);
	return record;
}

/** Lists come bare, under `data` (paginated lists also carry `pagination`), or under their own name. */
export function listFrom(context: RequestContext, body: unknown, ...keys: string[]): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const envelope = asObject(body);
	for (const key of ['data', ...keys]) {
		if (Array.isArray(envelope[key])) return envelope[key] as IDataObject[];
	}
	throw unexpectedAnswer(context, txtCoop, `a list (under ${['data', ...keys].map((key) => `"${key}"`).join(' or ')})`, body);
}
