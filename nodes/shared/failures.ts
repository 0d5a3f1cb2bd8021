import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asObject } from './json';
import type { Gateway, GatewayErrorInfo, GatewayRequest, RequestContext } from './gateway';

/** Where a failed call stood: which gateway and request, at which address, after how many tries. */
export interface CallState {
	gateway: Gateway;
	request: GatewayRequest;
	baseUrl: string;
	attempt: number;
}

/** An HTTP answer that is an error, read through the gateway's envelope. */
export interface HttpAnswer {
	statusCode: number;
	body: unknown;
	info: GatewayErrorInfo;
}

/** Network failures after which the request certainly never reached the gateway. */
/** `NOT_THE_API`: a web page answered, so the request reached no gateway API (webPageAnswer). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'NOT_THE_API']);

const STATUS_HINTS: Record<number, string> = {
	400: 'The gateway rejected a field: correct the value it names and run again.',
	403: 'The key is valid but not allowed to do this: check its permissions in the gateway dashboard.',
	404: 'Nothing exists at that ID or path: check the ID, and that the Base URL in the credential points at your server.',
	409: 'The gateway reports a conflict with the current state: check the resource and try again.',
	413: 'The request is too large for the gateway: send fewer or smaller items per request.',
	422: 'The gateway could not process the values given: correct them and run again.',
};

const tries = (attempt: number) => `${attempt} ${attempt === 1 ? 'try' : 'tries'}`;

function fail(
	context: RequestContext,
	call: CallState,
	httpCode: string | undefined,
	body: JsonObject,
	message: string,
	description: string,
) {
	return new NodeApiError(context.getNode(), body, { message, description, httpCode, itemIndex: call.request.itemIndex });
}

/** The network code (ECONNRESET, …) of an error or of one of its causes. */
export function networkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Whether a network failure proves the request never reached the gateway. */
export function neverSent(error: unknown): boolean {
	const code = networkCode(error);
	return code !== undefined && NOT_SENT_CODES.has(code);
}

/**
 * Whether a failed request may still have been carried out: a connection that broke after it left,
 * or a 5xx. Not a gateway that could not be reached, nor an answer that refused it.
 */
export function fateUnknown(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.httpCode) return Number(error.httpCode) >= 500;
	const network = String(asObject(error.errorResponse).network ?? '');
	return !NOT_SENT_CODES.has(network);
}

export function invalidBaseUrl(context: RequestContext, call: CallState): NodeOperationError {
	const { gateway } = call;
	return new NodeOperationError(context.getNode(), `The "${gateway.credentialName}" credential has no valid Base URL`, {
		itemIndex: call.request.itemIndex,
		description: `Set Base URL in the credential to your ${gateway.name} server's address, starting with http:// or https://${gateway.defaultBaseUrl ? ` (${gateway.name}'s own is ${gateway.defaultBaseUrl})` : ''}.`,
	});
}

/** The gateway did not answer: unreachable, or the connection broke (when the request may have arrived). */
export function networkFailure(context: RequestContext, call: CallState, error: unknown): NodeApiError {
	const { gateway, baseUrl, request } = call;
	const code = networkCode(error);
	// The code goes in the description: n8n replaces any message that names a network code.
	const cause = code ? `Network error ${code}. ` : '';
	if (neverSent(error)) {
		return fail(
			context,
			call,
			undefined,
			{ network: code ?? 'unknown' },
			`${gateway.name} could not be reached at ${baseUrl} after ${tries(call.attempt)}`,
			`${cause}Check the Base URL in the "${gateway.credentialName}" credential and that the server is up.`,
		);
	}
	return fail(
		context,
		call,
		undefined,
		{ network: code ?? 'unknown' },
		`The connection to ${gateway.name} at ${baseUrl} broke before it answered (after ${tries(call.attempt)})`,
		request.idempotent
			? `${cause}It kept failing: check that the server is up, and try again later.`
			: `${cause}The request may have reached the gateway, so it was not sent again (that could duplicate it). Check before running this item again.`,
	);
}

function headline(call: CallState, answer: HttpAnswer): string {
	const said = answer.info.message ?? `HTTP ${answer.statusCode}`;
	return `${call.gateway.name} answered ${answer.statusCode}: ${said}${requestIdNote(answer.info)}`;
}

function requestIdNote(info: GatewayErrorInfo): string {
	return info.requestId ? ` (request ID ${info.requestId})` : '';
}

function errorBody(answer: HttpAnswer): JsonObject {
	return Buffer.isBuffer(answer.body) ? {} : (asObject(answer.body) as JsonObject);
}

/** The gateway answered with an error, and it is not retried (any more): what it said and what to do. */
export function httpFailure(context: RequestContext, call: CallState, answer: HttpAnswer, resendable: boolean): NodeApiError {
	const { gateway, request } = call;
	const { statusCode, info } = answer;
	let advice = request.hints?.[statusCode] ?? gateway.hints?.[statusCode] ?? STATUS_HINTS[statusCode];
	if (statusCode === 401) {
		// A wrong Base URL answers 401 as readily as a wrong key: the hint names both.
		advice =
			request.hints?.[401] ??
			gateway.hints?.[401] ??
			`The API key was refused (missing, mistyped, revoked or expired), or the Base URL (${call.baseUrl}) is not ${gateway.name}'s. Check both in the "${gateway.credentialName}" credential.`;
	} else if (statusCode === 429) {
		advice = `Still rate limited after ${tries(call.attempt)}. Lower the send rate in the node's options, or run again later.`;
	} else if (statusCode >= 500) {
		advice = resendable
			? `${gateway.name} kept failing after ${tries(call.attempt)}. It is a problem on the gateway's side: try again later.`
			: `${gateway.name} failed on its side. The request may have been processed, so it was not re-sent (that could duplicate it): check its history before running this item again.`;
	}
	const details = info.details ? `Details: ${info.details}` : '';
	return fail(context, call, String(statusCode), errorBody(answer), headline(call, answer), [advice, details].filter(Boolean).join(' '));
}

/** A 429 without a hint that outlasted the gateway's whole rate window. */
export function rateWindowFailure(
	context: RequestContext,
	call: CallState,
	answer: HttpAnswer,
	waitedMs: number,
	windowMs: number,
): NodeApiError {
	const { name } = call.gateway;
	return fail(
		context,
		call,
		'429',
		errorBody(answer),
		headline(call, answer),
		`Still rate limited after waiting ${Math.round(waitedMs / 1000)} s, longer than ${name}'s ${windowMs / 1000}-second rate window (it said nothing of when to retry). Another workflow or app may be using the same API key: lower the send rate in the node's options, or run again later.`,
	);
}

/** The gateway asked for a longer wait than the node accepts. */
export function waitTooLong(context: RequestContext, call: CallState, answer: HttpAnswer, waitMs: number, maxWaitMs: number): NodeApiError {
	return fail(
		context,
		call,
		String(answer.statusCode),
		errorBody(answer),
		`${call.gateway.name} asked to wait ${Math.ceil(waitMs / 1000)} s before retrying${requestIdNote(answer.info)}`,
		`That is longer than the ${maxWaitMs / 1000} s this node waits. Lower the send rate, or run the workflow again later.`,
	);
}

/**
 * A web page where the API's JSON belongs: the Base URL reaches a web server (a site, a proxy's or a
 * login page), not the gateway's API, so nothing can have been sent, and running again is safe.
 */
export function webPageAnswer(context: RequestContext, gateway: Gateway): NodeApiError {
	return new NodeApiError(context.getNode(), { network: 'NOT_THE_API' } as JsonObject, {
		message: `${gateway.name} answered with a web page, not ${gateway.name}'s API`,
		description: `Nothing was sent: the Base URL in the "${gateway.credentialName}" credential reaches a web server that is not the API. Set it to the API's address${gateway.defaultBaseUrl ? ` (${gateway.name}'s own is ${gateway.defaultBaseUrl})` : ''}, then run again.`,
	});
}

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
