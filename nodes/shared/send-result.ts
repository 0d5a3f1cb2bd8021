import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { GatewayName } from './common-event';
import { fateUnknown } from './failures';
import { asObject, textOrNull } from './json';
import { commonStatus, type MessageStatus, type StatusTable } from './statuses';

/**
 * Every send operation's output, on every gateway, carries the common send result beside the
 * gateway's own fields (docs/schemas/send-result.schema.json): a workflow routes on `fate` and, for a
 * failure (n8n's "On Error: Continue (using error output)"), on `error.reason`.
 */
export type SendFate = 'sent' | 'notSent' | 'unknown' | 'skipped' | 'deferred';

export const FAILURE_REASONS = [
	'invalidNumber',
	'notOnChannel',
	'rejected',
	'rateLimited',
	'unreachable',
	'unknownFate',
	'badInput',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Whether running the item again as it is can ever succeed. */
const PERMANENT: Record<FailureReason, boolean> = {
	invalidNumber: true,
	notOnChannel: true,
	rejected: true,
	rateLimited: false,
	unreachable: false,
	unknownFate: false,
	badInput: true,
};

/** Says why a send failed, where the code that throws knows best (the number is not on WhatsApp). */
export function markReason<E extends Error>(error: E, reason: FailureReason): E {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) error.context.reason = reason;
	else (error as E & { reason?: FailureReason }).reason = reason;
	return error;
}

function markedReason(error: unknown): FailureReason | undefined {
	const marked =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error.context.reason : (error as { reason?: unknown })?.reason;
	return FAILURE_REASONS.includes(marked as FailureReason) ? (marked as FailureReason) : undefined;
}

/** Why a send failed: what its thrower said, else what the gateway's answer (or none) shows. */
export function reasonOf(error: unknown): FailureReason {
	const marked = markedReason(error);
	if (marked) return marked;
	if (error instanceof NodeApiError) {
		const code = Number(error.httpCode);
		if (code === 429) return 'rateLimited';
		if (fateUnknown(error)) return 'unknownFate';
		// No answer, and not of unknown fate: the request never reached the gateway (fateUnknown).
		if (!error.httpCode) return 'unreachable';
		if (code === 400 || code === 413 || code === 422) return 'badInput';
		return 'rejected';
	}
	// Errors of the node's own checks are marked where they are thrown (itemError): anything else refused it.
	return 'rejected';
}

export interface SendFailure {
	reason: FailureReason;
	permanent: boolean;
	fate: SendFate;
}

export function failureOf(error: unknown): SendFailure {
	const reason = reasonOf(error);
	return { reason, permanent: PERMANENT[reason], fate: reason === 'unknownFate' ? 'unknown' : 'notSent' };
}

/** How a gateway's send outputs read: its name, its statuses, where its fields are. */
export interface SendResultSpec {
	gateway: GatewayName;
	statuses: StatusTable;
	/** The gateway's word for a sent message's status (default `status`). */
	statusOf?(json: IDataObject): unknown;
	messageIdOf?(json: IDataObject): unknown;
	/** The recipient of a sent message (default `to`). */
	toOf?(json: IDataObject): unknown;
	/** The recipient of an item that failed: the input's, as typed (the parameter's value). */
	toOfItem(itemIndex: number): unknown;
}

/** The item's recipient as typed, or null where it cannot be read (an expression that fails). */
function recipientOf(spec: SendResultSpec, itemIndex: number): unknown {
	try {
		return spec.toOfItem(itemIndex);
	} catch {
		return null;
	}
}

/**
 * The common send result of one output item of a send operation. A sent or skipped item: the result's
 * fields over the gateway's own. A failed one: its `error` (with `reason`), the result in `details`
 * (n8n routes an item to the error output only when its fields are `error`, `message`, `details`).
 */
export function withSendResult(output: INodeExecutionData, itemIndex: number, spec: SendResultSpec): INodeExecutionData {
	const json = output.json;
	const base = { gateway: spec.gateway };
	// An error that is only words (not this package's errorJson): a failure all the same, never "sent".
	const error = typeof json.error === 'string' ? { message: json.error, reason: 'rejected', permanent: PERMANENT.rejected } : json.error;
	if (error && typeof error === 'object') {
		const { reason } = error as { reason?: FailureReason };
		const rest = { ...json };
		const details = asObject(rest.details);
		delete rest.error;
		delete rest.details;
		const status: MessageStatus | null = reason === 'rejected' || reason === 'notOnChannel' ? 'rejected' : null;
		const fate: SendFate = reason === 'unknownFate' ? 'unknown' : 'notSent';
		const to = textOrNull(rest.to) ?? (Array.isArray(output.pairedItem) ? null : textOrNull(recipientOf(spec, itemIndex)));
		return {
			...output,
			json: { error, details: { ...details, ...rest, ...base, messageId: null, to, fate, status } },
		};
	}
	if (json.skipped === true || json.dryRun === true || json.deferred === true) {
		const to = textOrNull(json.to) ?? textOrNull(recipientOf(spec, itemIndex));
		const fate: SendFate = json.deferred === true ? 'deferred' : 'skipped';
		// A dry run sends nothing: skipped, whatever a real run would do (wouldBe).
		const because = json.dryRun === true ? { skippedBecause: 'dryRun' } : {};
		const messageId = fate === 'deferred' ? null : textOrNull(json.messageId);
		return { ...output, json: { ...json, ...because, ...base, messageId, to, fate, status: null } };
	}
	const gatewayStatus = spec.statusOf ? spec.statusOf(json) : json.status;
	// A bulk job's output stands for all the items it pairs to: it names no one recipient.
	const to =
		textOrNull(spec.toOf ? spec.toOf(json) : json.to) ??
		(Array.isArray(output.pairedItem) ? null : textOrNull(recipientOf(spec, itemIndex)));
	return {
		...output,
		json: {
			...json,
			// The gateway's own status, where it says more than a word (Infobip's group, name and description).
			...(json.status && typeof json.status === 'object' ? { statusDetails: json.status } : {}),
			...base,
			messageId: textOrNull(spec.messageIdOf ? spec.messageIdOf(json) : json.messageId),
			to,
			fate: 'sent',
			// A sent message's status is at least "queued": the gateway took it.
			status: commonStatus(spec.statuses, gatewayStatus) ?? 'queued',
			gatewayStatus: textOrNull(gatewayStatus),
		},
	};
}
