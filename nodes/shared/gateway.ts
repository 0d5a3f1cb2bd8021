import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { PacedSend } from './pacing';

// What every gateway's transport and every request share: the types alone, so that the request, its
// failures and the credentials it reads can each import them without importing one another.

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions | IWebhookFunctions;

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
	/** A path in front of every request's, from the credential (an API style, say): default none. */
	basePath?(credentials: IDataObject): string;
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
	/** The gateway's rate-limit window: its pacer's window, and a 429 without a hint is retried until it has passed (default: a minute). */
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
	/** The send's place in its account's pace (takeSendSlot): told how the gateway took it, 429s above all. */
	paced?: Pick<PacedSend, 'rateLimited' | 'settled' | 'acceptedSince'>;
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
