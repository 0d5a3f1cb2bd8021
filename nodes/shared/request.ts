import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { warnIfClearText } from './clear-text';
import { clock } from './clock';
import { decrypted, runCredentials } from './credentials';
import {
	httpFailure,
	invalidBaseUrl,
	networkFailure,
	neverSent,
	rateWindowFailure,
	waitTooLong,
	type CallState,
	type HttpAnswer,
} from './failures';
import type { Gateway, GatewayRequest, GatewayResponse, RequestContext, RetryPolicy } from './gateway';
import { USER_AGENT } from './version';

const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTries: 6, maxWaitMs: 120_000, backoffMs: 1_000 };

const DEFAULT_RATE_WINDOW_MS = 60_000;
/** Past the window: the gateway counts from when requests arrive, a little after they leave. */
const RATE_WINDOW_MARGIN_MS = 1_000;

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
	const credentials = await runCredentials(this, gateway.credentialType);
	const credentialsDecrypted = decrypted(this, gateway.credentialType, credentials);
	const baseUrl = baseUrlFrom(credentials, gateway);
	const call: CallState = { gateway, request, baseUrl, attempt: 1 };
	if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw invalidBaseUrl(this, call);
	warnIfClearText(this, gateway, baseUrl);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${gateway.basePath?.(credentials) ?? ''}${request.path}`,
		// A download takes whatever type the file has; JSON answers (errors) are still read as JSON.
		headers: { 'User-Agent': USER_AGENT, Accept: request.binary ? '*/*' : 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: !request.binary,
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;
	if (request.binary) options.encoding = 'arraybuffer';

	let accepted = false;
	try {
		const response = await attempts.call(this, call, options, credentialsDecrypted, policy);
		accepted = true;
		return response as GatewayResponse<T>;
	} finally {
		request.paced?.settled(accepted);
	}
}

/** The request, sent again as long as that is safe and the gateway asks for it. */
async function attempts(
	this: RequestContext,
	call: CallState,
	options: IHttpRequestOptions,
	credentialsDecrypted: ReturnType<typeof decrypted>,
	policy: RetryPolicy,
): Promise<GatewayResponse<unknown>> {
	const { gateway, request } = call;
	let rateLimitedSince: number | undefined;
	for (; ; call.attempt++) {
		const { attempt } = call;
		let response: GatewayResponse<unknown>;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, gateway.credentialType, options, {
				credentialsDecrypted,
			})) as GatewayResponse<unknown>;
		} catch (error) {
			// Re-sent only when it never arrived, or arriving twice is harmless.
			if ((neverSent(error) || request.idempotent) && attempt < policy.maxTries) {
				await clock.sleep(backoff(policy, attempt));
				continue;
			}
			throw networkFailure(this, call, error);
		}

		const { statusCode } = response;
		const body = request.binary ? jsonInsteadOfBinary(response) : response.body;
		if (request.idempotent && request.method !== 'GET' && gateway.isRepeat?.(statusCode, body)) {
			return { ...response, body, repeat: true };
		}
		if (statusCode < 400 && !(gateway.isErrorBody?.(body) ?? false)) return response;

		const answer: HttpAnswer = { statusCode, body, info: gateway.parseError(body) };
		// Re-sent only when that cannot duplicate anything: the gateway says nothing was done, or the request is idempotent.
		const resendable = (gateway.notSentStatuses ?? [429]).includes(statusCode) || request.idempotent === true;
		if ((statusCode === 429 || statusCode >= 500) && resendable) {
			const hinted = parseRetryAfter(response.headers['retry-after']) ?? answer.info.retryAfterSeconds;
			if (statusCode === 429 && hinted === undefined) {
				// No hint: the limit frees up within the gateway's window at the latest, so wait that out.
				const windowMs = gateway.rateWindowMs ?? DEFAULT_RATE_WINDOW_MS;
				rateLimitedSince ??= clock.now();
				let left = rateLimitedSince + windowMs + RATE_WINDOW_MARGIN_MS - clock.now();
				if (left <= 0 && request.paced?.acceptedSince(rateLimitedSince)) {
					// The gateway took other sends on the key meanwhile: shared with another process and
					// moving, not closed. The sends refused together retry together; this one waits another window.
					rateLimitedSince = clock.now();
					left = windowMs + RATE_WINDOW_MARGIN_MS;
				}
				if (left <= 0) throw rateWindowFailure(this, call, answer, clock.now() - rateLimitedSince, windowMs);
				const otherwise = backoff(policy, attempt);
				const waitMs = Math.min(request.paced?.rateLimited(undefined, otherwise) ?? otherwise, left);
				await clock.sleep(waitMs);
				continue;
			}
			if (attempt < policy.maxTries) {
				const waitMs = hinted !== undefined ? Math.ceil(hinted * 1000) : backoff(policy, attempt);
				if (waitMs > policy.maxWaitMs) throw waitTooLong(this, call, answer, waitMs, policy.maxWaitMs);
				if (statusCode === 429) request.paced?.rateLimited(waitMs, waitMs);
				await clock.sleep(waitMs);
				continue;
			}
		}
		throw httpFailure(this, call, answer, resendable);
	}
}
