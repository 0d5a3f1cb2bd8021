import type { IDataObject } from 'n8n-workflow';

import { unexpectedAnswer, webPageAnswer } from './failures';
import { asObject, textOf } from './json';
import type { Gateway, GatewayRequest, RequestContext } from './gateway';
import { baseUrlFrom, gatewayRequest } from './request';
import { USER_AGENT } from './version';

/**
 * What every gateway call gives an operation, whichever gateway: the data as a record, as a list, or
 * (where the gateway's documents leave its shape open) as it came; the answer around it; its request ID.
 */
export interface Answer<T> {
	data: T;
	/** The answer inside the gateway's envelope: totals and pagination live here. */
	body: IDataObject;
	/** The gateway's own ID for the request, for support (null where it gives none). */
	requestId: string | null;
	/** The gateway said the request's idempotency key had been used already (see Gateway.isRepeat). */
	repeat: boolean;
}

async function call(context: RequestContext, gateway: Gateway, request: GatewayRequest): Promise<Answer<unknown>> {
	const response = await gatewayRequest.call(context, gateway, request);
	const raw = response.body as unknown;
	// Text where JSON belongs is an error; an empty answer (a 204) is not. A web page is no API at all.
	if (typeof raw === 'string' && /^\s*<(!doctype html|html|head|body)\b/i.test(raw)) throw webPageAnswer(context, gateway);
	if (typeof raw === 'string' && raw.trim()) throw unexpectedAnswer(context, gateway, 'JSON', raw);
	const { data, requestId } = gateway.envelope?.(raw) ?? { data: raw, requestId: textOf(asObject(raw).requestId) };
	return { data, body: asObject(data), requestId: requestId ?? null, repeat: response.repeat === true };
}

/** The data as it came, for answers whose shape the gateway's documents leave open. */
export async function requestAnswer(this: RequestContext, gateway: Gateway, request: GatewayRequest): Promise<Answer<unknown>> {
	return await call(this, gateway, request);
}

/**
 * One record: bare, or under `data` or one of `keys`. An empty answer is an error for a read, and
 * an empty record for a change (a 204 to a delete).
 */
export async function requestRecord(
	this: RequestContext,
	gateway: Gateway,
	request: GatewayRequest,
	...keys: string[]
): Promise<Answer<IDataObject>> {
	const { data, body, requestId, repeat } = await call(this, gateway, request);
	if (Array.isArray(data)) throw unexpectedAnswer(this, gateway, 'a single record', data);
	const inner = ['data', ...keys].map((key) => body[key]).find((value) => value && typeof value === 'object' && !Array.isArray(value));
	const record = (inner as IDataObject | undefined) ?? body;
	if (request.method === 'GET' && !Object.keys(record).length) throw unexpectedAnswer(this, gateway, 'the record asked for', data);
	return { data: record, body, requestId, repeat };
}

/** A list: bare, under `data`, or under one of `keys` (its own name); anything else is an error. */
export async function requestList(
	this: RequestContext,
	gateway: Gateway,
	request: GatewayRequest,
	...keys: string[]
): Promise<Answer<IDataObject[]>> {
	const answer = await call(this, gateway, request);
	const list = listIn(answer, keys);
	if (!list) {
		const what = keys.length ? `a list of ${keys[0]}` : 'a list';
		throw unexpectedAnswer(this, gateway, `${what} (under ${[...keys, 'data'].map((key) => `"${key}"`).join(' or ')})`, answer.data);
	}
	return { ...answer, data: list };
}

/** The list in an answer: the answer itself, or under one of `keys` or `data`. */
function listIn(answer: Answer<unknown>, keys: string[]): IDataObject[] | undefined {
	const list = Array.isArray(answer.data) ? answer.data : [...keys, 'data'].map((key) => answer.body[key]).find(Array.isArray);
	return list as IDataObject[] | undefined;
}

/** A list, or one record standing for a list of one (answers that give either). */
export async function requestRecords(
	this: RequestContext,
	gateway: Gateway,
	request: GatewayRequest,
	...keys: string[]
): Promise<Answer<IDataObject[]>> {
	const answer = await call(this, gateway, request);
	const list = listIn(answer, keys);
	if (list) return { ...answer, data: list };
	if (Object.keys(answer.body).length) return { ...answer, data: [answer.body] };
	throw unexpectedAnswer(this, gateway, keys.length ? `${keys[0]}` : 'a record or a list', answer.data);
}

/** A file (an image, an attachment) from the gateway's API: its bytes and type. */
export async function requestFile(
	this: RequestContext,
	gateway: Gateway,
	request: GatewayRequest,
): Promise<{ data: Buffer; mimeType?: string }> {
	const response = await gatewayRequest.call(this, gateway, { ...request, binary: true });
	const body = response.body as unknown;
	return {
		data: Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? '' : String(body)),
		mimeType: textOf(
			String(response.headers['content-type'] ?? '')
				.split(';')[0]
				.trim(),
		),
	};
}

/**
 * A file behind a download URL the gateway gave. The API key goes only to the gateway's own host
 * (same origin as the Base URL); links elsewhere (storage, a CDN) are fetched without it.
 */
export async function downloadFile(this: RequestContext, gateway: Gateway, url: string, itemIndex?: number): Promise<Buffer> {
	const base = new URL(await gatewayBaseUrl(this, gateway, itemIndex));
	const target = new URL(url, base);
	if (target.origin !== base.origin) return await fetchWithoutKey(this, target);
	// Paths are joined to the Base URL, which may have a path of its own.
	const prefix = base.pathname.replace(/\/+$/, '');
	const path = prefix && target.pathname.startsWith(`${prefix}/`) ? target.pathname.slice(prefix.length) : target.pathname;
	const file = await requestFile.call(this, gateway, { method: 'GET', path: `${path}${target.search}`, idempotent: true, itemIndex });
	return file.data;
}

async function gatewayBaseUrl(context: RequestContext, gateway: Gateway, itemIndex?: number): Promise<string> {
	return baseUrlFrom(await context.getCredentials(gateway.credentialType, itemIndex), gateway);
}

/** A public or signed link on another host: no credential goes with it. */
async function fetchWithoutKey(context: RequestContext, url: URL): Promise<Buffer> {
	const body = (await context.helpers.httpRequest({
		method: 'GET',
		url: url.toString(),
		encoding: 'arraybuffer',
		headers: { 'User-Agent': USER_AGENT, Accept: '*/*' },
	})) as ArrayBuffer;
	return Buffer.from(body);
}
