import type { IDataObject, IHookFunctions, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { clock } from './clock';
import { asCommonEvents, simplifies, type EventMapping } from './common-event';
import { eventIdOf, eventKey } from './event-id';
import { keptCredentials, rereadCredentials } from './kept-credentials';
import { savedParameter } from './parameters';
import { withoutRepeats } from './repeats';
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

/** The mapping to common events when the trigger's Simplify is on (version 1.1 on), else none. */
export function commonEventsIf(context: IWebhookFunctions, mapping: EventMapping): EventMapping | undefined {
	return simplifies(context.getNode(), savedParameter(context, 'simplify', true)) ? mapping : undefined;
}

/** The triggers' Repeat Window by default: gateways retry a delivery within minutes, not hours. */
export const REPEAT_WINDOW_MINUTES = 60;

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
	const envelopes = (Array.isArray(body) ? body : [body]).filter((entry): entry is IDataObject => !!entry && typeof entry === 'object');
	return envelopes
		.filter((envelope) => wanted.includes(String(envelope.event)))
		.map((envelope) => {
			const data = envelope.data && typeof envelope.data === 'object' ? (envelope.data as IDataObject) : {};
			return { event: envelope.event, eventTimestamp: envelope.timestamp ?? null, ...data, payload: envelope };
		});
}

/** eventKey of an item made by envelopeEvents: the envelope's event and its data's message (or other) ID. */
export function envelopeEventKey(item: IDataObject): string {
	const data = (item.payload as IDataObject | undefined)?.data as IDataObject | undefined;
	return eventKey(item.event, data?.messageId ?? data?.id, data);
}

/** What a delivery is checked against: a secret, Basic authorization, or a reason to refuse or defer it. */
export interface DeliveryCheck {
	/** The shared secret; without one, deliveries are taken unsigned unless a reason below says why not. */
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
}

export interface SignedDeliveries {
	/**
	 * The credential the check needs (its webhook secret, say): kept in memory between deliveries and
	 * read again only when a delivery fails to match, so a rotated secret works at once.
	 */
	credentialType?: string;
	/**
	 * The check for a delivery, from the credential when there is one. Runs before the signature is
	 * checked: it reads saved parameters only (savedParameter), never expressions.
	 */
	check(credentials: IDataObject): DeliveryCheck;
	/**
	 * The items a verified body starts the workflow with, in the gateway's payload shape (see
	 * envelopeEvents); none: acknowledged, and nothing starts. Called only after the signature is checked.
	 */
	items(body: unknown): IDataObject[];
	/**
	 * The event an item is (see eventKey): a delivery whose items were all accepted within the trigger's
	 * Repeat Window is a gateway's retry, acknowledged without starting anything.
	 */
	eventKey(item: IDataObject): string | undefined;
	/** The trigger's common events (Simplify on): how its items read as such. */
	commonEvents?: EventMapping;
}

interface Verdict {
	status: 200 | 401 | 503;
	error?: string;
	/** Accepted because nothing was set up to check with: no secret, no Basic authorization. */
	unchecked?: boolean;
}

function judge(context: IWebhookFunctions, raw: Buffer | undefined, check: DeliveryCheck): Verdict {
	if (check.secret) {
		if (!raw) return { status: 401, error: 'Webhook refused: n8n kept no raw request body, so the signature cannot be checked' };
		const verdict = checkSignature(context, raw, check.secret, check.options ?? {});
		return verdict.valid ? { status: 200 } : { status: 401, error: `Webhook refused: ${verdict.reason}` };
	}
	if (check.basicAuth) {
		const verdict = verifyBasicAuth(context.getHeaderData().authorization, check.basicAuth.username, check.basicAuth.password);
		return verdict.valid ? { status: 200 } : { status: 401, error: `Webhook refused: ${verdict.reason}` };
	}
	if (check.refusedWithoutSecret) return { status: 401, error: `Webhook refused: ${check.refusedWithoutSecret}` };
	if (check.notReadyWithoutSecret) return { status: 503, error: `Webhook not ready: ${check.notReadyWithoutSecret}` };
	return { status: 200, unchecked: true };
}

/**
 * n8n answers a delivery (responseMode "onReceived") once it has created the execution, or with an
 * error when it could not: the answer says whether the events are started, and so repeats from now on.
 * A connection closed before any answer leaves them unstarted: the gateway's retry may start them,
 * and `eventId` lets a Remove Duplicates node drop the one too many.
 */
function settleWhenAnswered(context: IWebhookFunctions, settle: (created: boolean) => void): void {
	const response = context.getResponseObject() as unknown as {
		once?: (event: 'close', listener: () => void) => void;
		statusCode?: number;
		writableFinished?: boolean;
	};
	if (typeof response.once !== 'function') return settle(true);
	response.once('close', () => settle(!!response.writableFinished && Number(response.statusCode) < 300));
}

/**
 * A trigger's webhook for signed deliveries: 401 and no execution unless the signature over the raw
 * body checks out, the gateway's items otherwise, and a JSON acknowledgement either way.
 * Cheap where it counts: no credential read (kept in memory) and no expression before the check.
 */
export async function signedWebhook(context: IWebhookFunctions, deliveries: SignedDeliveries): Promise<IWebhookResponseData> {
	const raw = await rawBodyOf(context);
	const type = deliveries.credentialType;
	const kept = type ? await keptCredentials(context, type) : undefined;
	let verdict = judge(context, raw, deliveries.check(kept?.data ?? {}));
	// What memory held may be out of date: a rotated secret, or a secret set since (never trust an old "none").
	if (type && kept?.fromMemory && (verdict.status !== 200 || verdict.unchecked)) {
		// An unchecked acceptance is never throttled: a secret set since must hold from the next delivery on.
		const fresh = await rereadCredentials(context, type, !verdict.unchecked);
		if (fresh) verdict = judge(context, raw, deliveries.check(fresh));
	}
	if (verdict.status !== 200) {
		return respondWithoutRunning(context, verdict.status, { error: verdict.error }, verdict.status === 503 ? { 'Retry-After': '5' } : {});
	}
	const wanted = deliveries.items(jsonBodyOf(context, raw));
	if (!wanted.length) return { webhookResponse: { received: true, started: false } };
	// Signed repeats are no attack: answered 2xx, so the gateway stops retrying, and nothing starts.
	const trigger = `${String(context.getWorkflow().id ?? '')}\u0000${context.getNode().id}`;
	const windowMs = Number(savedParameter<number>(context, 'repeatWindow', REPEAT_WINDOW_MINUTES)) * 60_000;
	const keyOf = (item: IDataObject) => deliveries.eventKey(item) ?? eventKey(item.event, undefined, item);
	const { fresh, inFlight, settle } = withoutRepeats(trigger, windowMs, wanted, keyOf);
	if (!fresh.length) {
		// The first delivery's execution is still being created: if that fails, this retry must start it.
		if (inFlight)
			return respondWithoutRunning(
				context,
				503,
				{ error: 'This event is being started: deliver it again shortly' },
				{ 'Retry-After': '5' },
			);
		return { webhookResponse: { received: true, started: false, repeat: true } };
	}
	settleWhenAnswered(context, settle);
	const identified = fresh.map((item) => ({ ...item, eventId: eventIdOf(keyOf(item)) }));
	const items = deliveries.commonEvents ? asCommonEvents(deliveries.commonEvents, identified, clock.now()) : identified;
	return { workflowData: [context.helpers.returnJsonArray(items)], webhookResponse: { received: true, started: true } };
}

/**
 * The webhook of a trigger that gateways deliver to. `responseData` is empty on purpose: n8n's default
 * ("firstEntryJson") would answer a started workflow with that word as text/html; empty, n8n answers
 * with the JSON acknowledgement signedWebhook returns, as soon as the execution is created.
 */
export const DELIVERY_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

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
