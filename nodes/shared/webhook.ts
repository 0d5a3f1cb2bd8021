import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { clock } from './clock';
import { verifyBasicAuth, verifySignature, type SignatureAlgorithm, type SignatureEncoding, type SignatureVerdict } from './signature';

export interface SignatureOptionValues {
	algorithm?: SignatureAlgorithm;
	encoding?: SignatureEncoding;
	header?: string;
	timestampHeader?: string;
	toleranceSeconds?: number;
}

/**
 * The request body exactly as it arrived: signatures are computed over these bytes. Undefined when
 * n8n kept none; re-serialising the parsed JSON would check bytes the sender never signed.
 */
async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody ? Buffer.from(request.rawBody) : undefined;
}

/** The parsed JSON body, parsing the raw bytes when n8n did not (e.g. a text/plain content type). */
function jsonBodyOf(context: IWebhookFunctions, raw: Buffer | undefined): unknown {
	const parsed = context.getBodyData() as unknown;
	if (!raw || (parsed && typeof parsed === 'object' && Object.keys(parsed as IDataObject).length)) return parsed;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return parsed;
	}
}

/** The header every gateway here signs in, unless a trigger's Signature Options name another. */
export const SIGNATURE_HEADER = 'X-Webhook-Signature';

function checkSignature(context: IWebhookFunctions, raw: Buffer, secret: string, options: SignatureOptionValues): SignatureVerdict {
	const headers = context.getHeaderData();
	const header = (options.header || SIGNATURE_HEADER).toLowerCase();
	const timestampHeader = options.timestampHeader?.trim().toLowerCase();
	return verifySignature({
		secret,
		payload: raw,
		signature: headers[header],
		algorithm: options.algorithm,
		encoding: options.encoding,
		timestamp: timestampHeader
			? { value: headers[timestampHeader], toleranceSeconds: options.toleranceSeconds ?? 300, nowMs: clock.now() }
			: undefined,
	});
}

/** Answers the request directly (e.g. 401) so that no execution starts. */
function respondWithoutRunning(
	context: IWebhookFunctions,
	statusCode: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = context.getResponseObject();
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.status(statusCode).json(body);
	return { noWebhookResponse: true };
}

/**
 * Items for the events a trigger listens to, from `{event, timestamp, data}` envelopes (one, or a
 * batch in an array): the event's data flattened for easy use, the raw envelope kept in `payload`.
 */
export function envelopeEvents(body: unknown, wanted: string[]): IDataObject[] {
	const envelopes = (Array.isArray(body) ? body : [body]).filter(
		(entry): entry is IDataObject => !!entry && typeof entry === 'object',
	);
	return envelopes
		.filter((envelope) => wanted.includes(String(envelope.event)))
		.map((envelope) => {
			const data = envelope.data && typeof envelope.data === 'object' ? (envelope.data as IDataObject) : {};
			return { event: envelope.event, eventTimestamp: envelope.timestamp ?? null, ...data, payload: envelope };
		});
}

export interface SignedDeliveries {
	/** The shared secret; without one, deliveries are taken unsigned unless `notReadyWithoutSecret` says why not. */
	secret?: string;
	/**
	 * Why there is no secret yet although one is on its way (a registration in progress): such a
	 * delivery gets 503 with Retry-After, which gateways retry.
	 */
	notReadyWithoutSecret?: string;
	/** Why a delivery cannot be checked without a secret (one is required but not set): 401. */
	refusedWithoutSecret?: string;
	/** Basic authorization instead of a signature (a gateway's alternative security profile). */
	basicAuth?: { username: string; password: string };
	/** Header, algorithm, encoding, timestamp: the trigger's Signature Options, or the gateway's fixed scheme. */
	options?: SignatureOptionValues;
	/**
	 * The items a verified body starts the workflow with, in the gateway's payload shape (see
	 * envelopeEvents); none: acknowledged, and nothing starts. Called only after the signature is checked.
	 */
	items(body: unknown): IDataObject[];
}

/**
 * A trigger's webhook for signed deliveries: 401 and no execution unless the signature over the raw
 * body checks out, the gateway's items otherwise, and a plain acknowledgement when there are none.
 */
export async function signedWebhook(context: IWebhookFunctions, check: SignedDeliveries): Promise<IWebhookResponseData> {
	const raw = await rawBodyOf(context);
	if (check.secret) {
		if (!raw) {
			return respondWithoutRunning(context, 401, {
				error: 'Webhook refused: n8n kept no raw request body, so the signature cannot be checked',
			});
		}
		const verdict = checkSignature(context, raw, check.secret, check.options ?? {});
		if (!verdict.valid) return respondWithoutRunning(context, 401, { error: `Webhook refused: ${verdict.reason}` });
	} else if (check.basicAuth) {
		const verdict = verifyBasicAuth(context.getHeaderData().authorization, check.basicAuth.username, check.basicAuth.password);
		if (!verdict.valid) return respondWithoutRunning(context, 401, { error: `Webhook refused: ${verdict.reason}` });
	} else if (check.refusedWithoutSecret) {
		return respondWithoutRunning(context, 401, { error: `Webhook refused: ${check.refusedWithoutSecret}` });
	} else if (check.notReadyWithoutSecret) {
		return respondWithoutRunning(context, 503, { error: `Webhook not ready: ${check.notReadyWithoutSecret}` }, { 'Retry-After': '5' });
	}
	const items = check.items(jsonBodyOf(context, raw));
	if (!items.length) return { webhookResponse: { received: true, started: false } };
	return { workflowData: [context.helpers.returnJsonArray(items)] };
}

/**
 * The webhook lifecycle of a trigger whose URL the user pastes into the gateway's dashboard: there is
 * nothing to find, create or delete (n8n still requires the three methods).
 */
export const urlPastedByHand = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
