import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { clock } from './clock';
import { asObject } from './json';
import { USER_AGENT } from './version';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** What a gateway's error envelope says, in common terms. */
export interface GatewayErrorInfo {
	message?: string;
	details?: string;
	requestId?: string;
	retryAfterSeconds?: number;
}

/** How one gateway's API is reached: the only gateway-specific part of every request. */
export interface Gateway {
	/** Shown in errors: "InfiniReach answered …" */
	name: string;
	credentialType: string;
	/** Display name of the credential, for "check the API key in …" hints */
	credentialName: string;
	defaultBaseUrl?: string;
	parseError(body: unknown): GatewayErrorInfo;
	/** Some gateways answer 200 with an error envelope. */
	isErrorBody?(body: unknown): boolean;
	/** Where the payload and the request ID sit in every answer (default: the answer is the payload). */
	envelope?(body: unknown): { data: unknown; requestId?: string | null };
	/** Extra advice per HTTP status, in the gateway's own terms. */
	hints?: Partial<Record<number, string>>;
	/**
	 * Whether an answer to a request carrying the gateway's idempotency key says it was done before
	 * (a 409, or a 2xx flagged as a duplicate): the item succeeded, as a repeat.
	 */
	isRepeat?(statusCode: number, body: unknown): boolean;
	/** Statuses the gateway documents as "nothing was done", so any request may be re-sent (default: 429). */
	notSentStatuses?: number[];
	/** The gateway's rate-limit window: a 429 without a hint is retried until it has passed (default: a minute). */
	rateWindowMs?: number;
}

export interface GatewayRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/**
	 * Whether sending the request twice is harmless: reads, or a body that carries the gateway's
	 * idempotency key. Only such requests are re-sent when their fate is unknown.
	 */
	idempotent?: boolean;
	/** Advice per HTTP status for this request, over the gateway's own. */
	hints?: Partial<Record<number, string>>;
	/** Binary response (an image): returned as a Buffer. */
	binary?: boolean;
	itemIndex?: number;
}

export interface GatewayResponse<T> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
	/** The gateway said this idempotent request had been done already (see Gateway.isRepeat). */
	repeat?: boolean;
}

export interface RetryPolicy {
	/** Tries in all, the first included. */
	maxTries: number;
	/** The longest single wait the node accepts (a longer Retry-After fails the item instead). */
	maxWaitMs: number;
	/** First back-off step; doubled on each further try. */
	backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTries: 6, maxWaitMs: 120_000, backoffMs: 1_000 };

const DEFAULT_RATE_WINDOW_MS = 60_000;
/** Past the window: the gateway counts from when requests arrive, a little after they leave. */
const RATE_WINDOW_MARGIN_MS = 1_000;

/** Network failures after which the request certainly never reached the gateway. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const STATUS_HINTS: Record<number, string> = {
	400: 'The gateway rejected a field: correct the value it names and run again.',
	403: 'The key is valid but not allowed to do this: check its permissions in the gateway dashboard.',
	404: 'Nothing exists at that ID or path: check the ID, and that the Base URL in the credential points at your server.',
	409: 'The gateway reports a conflict with the current state: check the resource and try again.',
	413: 'The request is too large for the gateway: send fewer or smaller items per request.',
	422: 'The gateway could not process the values given: correct them and run again.',
};

/**
 * An answer the node cannot read (no list where a list belongs, say): an error that shows what came
 * back, never an empty success.
 */
export function unexpectedAnswer(context: RequestContext, gateway: Gateway, expected: string, body: unknown): NodeApiError {
	const shown = JSON.stringify(body ?? null) ?? String(body);
	return new NodeApiError(context.getNode(), asObject(body) as JsonObject, {
		message: `${gateway.name} answered without ${expected}`,
		description: `It answered: ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}. Check that the Base URL in the "${gateway.credentialName}" credential points at the ${gateway.name} API itself (not a proxy or login page).`,
	});
}

export function baseUrlFrom(credentials: IDataObject, gateway: Gateway): string {
	const raw = String(credentials.baseUrl ?? gateway.defaultBaseUrl ?? '').trim();
	return raw.replace(/\/+$/, '');
}

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = clock.now()): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, (date - now) / 1000);
}

function backoff(policy: RetryPolicy, attempt: number): number {
	return Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxWaitMs);
}

function errorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** A binary request answered with JSON (an error envelope, say): that JSON, else the bytes. */
function jsonInsteadOfBinary(response: GatewayResponse<unknown>): unknown {
	const type = String(response.headers['content-type'] ?? '');
	if (!type.includes('json') || !Buffer.isBuffer(response.body)) return response.body;
	try {
		return JSON.parse(response.body.toString('utf8')) as unknown;
	} catch {
		return response.body;
	}
}

function describeRequestId(info: GatewayErrorInfo): string {
	return info.requestId ? ` (request ID ${info.requestId})` : '';
}

/**
 * Every gateway call: authentication through n8n's credential helpers, the package's User-Agent,
 * the gateway's error envelope turned into a NodeApiError, and the retries that are safe —
 * 429 after Retry-After, 503 with back-off, and ambiguous failures only when the request is idempotent.
 */
export async function gatewayRequest<T = IDataObject>(
	this: RequestContext,
	gateway: Gateway,
	request: GatewayRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<GatewayResponse<T>> {
	const credentials = await this.getCredentials(gateway.credentialType);
	const baseUrl = baseUrlFrom(credentials, gateway);
	if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
		throw new NodeOperationError(this.getNode(), `The "${gateway.credentialName}" credential has no valid Base URL`, {
			itemIndex: request.itemIndex,
			description: `Set Base URL in the credential to your ${gateway.name} server's address, starting with http:// or https://${gateway.defaultBaseUrl ? ` (${gateway.name}'s own is ${gateway.defaultBaseUrl})` : ''}.`,
		});
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		// A download takes whatever type the file has; JSON answers (errors) are still read as JSON.
		headers: { 'User-Agent': USER_AGENT, Accept: request.binary ? '*/*' : 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: !request.binary,
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;
	if (request.binary) options.encoding = 'arraybuffer';

	const fail = (httpCode: string | undefined, body: JsonObject, message: string, description: string) =>
		new NodeApiError(this.getNode(), body, { message, description, httpCode, itemIndex: request.itemIndex });

	let rateLimitedSince: number | undefined;
	for (let attempt = 1; ; attempt++) {
		const tries = `${attempt} ${attempt === 1 ? 'try' : 'tries'}`;
		let response: GatewayResponse<unknown>;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				gateway.credentialType,
				options,
			)) as GatewayResponse<unknown>;
		} catch (error) {
			const code = errorCode(error);
			const notSent = code !== undefined && NOT_SENT_CODES.has(code);
			if ((notSent || request.idempotent) && attempt < policy.maxTries) {
				await clock.sleep(backoff(policy, attempt));
				continue;
			}
			// The code goes in the description: n8n replaces any message that names a network code.
			const cause = code ? `Network error ${code}. ` : '';
			throw notSent
				? fail(
						undefined,
						{ network: code },
						`${gateway.name} could not be reached at ${baseUrl} after ${tries}`,
						`${cause}Check the Base URL in the "${gateway.credentialName}" credential and that the server is up.`,
					)
				: fail(
						undefined,
						{ network: code ?? 'unknown' },
						`The connection to ${gateway.name} at ${baseUrl} broke before it answered (after ${tries})`,
						request.idempotent
							? `${cause}It kept failing: check that the server is up, and try again later.`
							: `${cause}The request may have reached the gateway, so it was not sent again (that could duplicate it). Check before running this item again.`,
					);
		}

		const { statusCode } = response;
		const body = request.binary ? jsonInsteadOfBinary(response) : response.body;
		if (request.idempotent && request.method !== 'GET' && gateway.isRepeat?.(statusCode, body)) {
			return { ...response, body, repeat: true } as GatewayResponse<T>;
		}
		const bodyIsError = gateway.isErrorBody?.(body) ?? false;
		if (statusCode < 400 && !bodyIsError) {
			return response as GatewayResponse<T>;
		}

		const info = gateway.parseError(body);
		const said = info.message ?? `HTTP ${statusCode}`;
		const detail = info.details ? ` ${info.details}` : '';
		const errorBody: JsonObject =
			body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as JsonObject) : {};

		// Re-sent only when that cannot duplicate anything: the gateway says nothing was done, or the request is idempotent.
		const notDone = (gateway.notSentStatuses ?? [429]).includes(statusCode);
		if ((statusCode === 429 || statusCode >= 500) && (notDone || request.idempotent)) {
			const hinted = parseRetryAfter(response.headers['retry-after']) ?? info.retryAfterSeconds;
			if (statusCode === 429 && hinted === undefined) {
				// No hint: the limit frees up within the gateway's window at the latest, so wait that out.
				const windowMs = gateway.rateWindowMs ?? DEFAULT_RATE_WINDOW_MS;
				rateLimitedSince ??= clock.now();
				const left = rateLimitedSince + windowMs + RATE_WINDOW_MARGIN_MS - clock.now();
				if (left > 0) {
					await clock.sleep(Math.min(backoff(policy, attempt), left));
					continue;
				}
				throw fail(
					'429',
					errorBody,
					`${gateway.name} answered 429: ${said}${describeRequestId(info)}`,
					`Still rate limited after waiting ${Math.round((clock.now() - rateLimitedSince) / 1000)} s, longer than ${gateway.name}'s ${windowMs / 1000}-second rate window (it said nothing of when to retry). Another workflow or app may be using the same API key: lower the send rate in the node's options, or run again later.`,
				);
			}
			if (attempt < policy.maxTries) {
				const waitMs = hinted !== undefined ? Math.ceil(hinted * 1000) : backoff(policy, attempt);
				if (waitMs > policy.maxWaitMs) {
					throw fail(
						String(statusCode),
						errorBody,
						`${gateway.name} asked to wait ${Math.ceil(waitMs / 1000)} s before retrying${describeRequestId(info)}`,
						`That is longer than the ${policy.maxWaitMs / 1000} s this node waits. Lower the send rate, or run the workflow again later.`,
					);
				}
				await clock.sleep(waitMs);
				continue;
			}
		}

		let description = request.hints?.[statusCode] ?? gateway.hints?.[statusCode] ?? STATUS_HINTS[statusCode];
		if (statusCode === 401) {
			description = `The API key was refused (missing, mistyped, revoked or expired). Check the key in the "${gateway.credentialName}" credential.`;
		} else if (statusCode === 429) {
			description = `Still rate limited after ${tries}. Lower the send rate in the node's options, or run again later.`;
		} else if (statusCode >= 500) {
			description = request.idempotent || notDone
				? `${gateway.name} kept failing after ${tries}. It is a problem on the gateway's side: try again later.`
				: `${gateway.name} failed on its side. The request may have been processed, so it was not re-sent (that could duplicate it): check its history before running this item again.`;
		}
		throw fail(
			String(statusCode),
			errorBody,
			`${gateway.name} answered ${statusCode}: ${said}${describeRequestId(info)}`,
			`${description ?? ''}${detail ? `${description ? ' ' : ''}Details:${detail}` : ''}`.trim(),
		);
	}
}
