import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { fateUnknown } from '../../shared/failures';
import { withItemIndex, type Outcome } from '../../shared/items';
import { asObject } from '../../shared/json';
import { requestRecord } from '../../shared/transport';
import { infobip, violationsOf } from '../transport';
import type { PlannedDestination, PlannedRequest } from './batch-requests';
import { markReason } from '../../shared/send-result';

/** `messages[3].destinations[0].to` → message 3, destination 0; `messages[3].sender` → message 3. */
const PROPERTY = /^messages\[(\d+)\](?:\.destinations\[(\d+)\])?/;

/** The items a 400's violations name; a violation of the request as a whole names none. */
function itemsNamed(request: PlannedRequest, error: NodeApiError): Map<number, string[]> {
	const named = new Map<number, string[]>();
	const byMessageId = new Map(request.destinations.map((destination) => [destination.messageId, destination.itemIndex]));
	const messages = (request.body.messages as IDataObject[]) ?? [];
	for (const { property, violation } of violationsOf(error.errorResponse)) {
		const match = PROPERTY.exec(property);
		const message = match ? messages[Number(match[1])] : undefined;
		if (!message) continue;
		const destinations = (message.destinations as IDataObject[]).filter(
			(_, index) => match![2] === undefined || index === Number(match![2]),
		);
		for (const destination of destinations) {
			const itemIndex = byMessageId.get(String(destination.messageId));
			if (itemIndex !== undefined) named.set(itemIndex, [...(named.get(itemIndex) ?? []), `${property}: ${violation}`]);
		}
	}
	return named;
}

/** The same request without some items (and without messages left with no destination). */
function without(request: PlannedRequest, dropped: Set<number>): PlannedRequest {
	const keptIds = new Set(request.destinations.filter((d) => !dropped.has(d.itemIndex)).map((d) => d.messageId));
	const messages = (request.body.messages as IDataObject[])
		.map((message) => ({
			...message,
			destinations: (message.destinations as IDataObject[]).filter((d) => keptIds.has(String(d.messageId))),
		}))
		.filter((message) => message.destinations.length);
	return { ...request, destinations: request.destinations.filter((d) => !dropped.has(d.itemIndex)), body: { ...request.body, messages } };
}

/** A failure whose fate is unknown: Infobip may have taken it, and has no key to re-send it safely. */
function unknownFate(
	context: IExecuteFunctions,
	request: PlannedRequest,
	error: NodeApiError | NodeOperationError,
	destination: PlannedDestination,
	note: string,
): Error {
	const ids = request.destinations.map((d) => d.messageId);
	const range = ids.length > 1 ? `messageIds ${ids[0]} … ${ids[ids.length - 1]}` : `messageId ${ids[0]}`;
	const failure = new NodeOperationError(context.getNode(), `Infobip may have accepted bulk ${request.bulkId}: ${error.message}`, {
		itemIndex: destination.itemIndex,
		description:
			`Nothing was sent again: Infobip has no idempotency key, so a repeat could send twice. Look up bulk ${request.bulkId} (${range}; this item's is ${destination.messageId}) in Infobip's reports or logs before running these items again. ${note}`.trim(),
	});
	return markReason(failure, 'unknownFate');
}

/** What became of one destination of a request Infobip answered: its output, or why it failed and whether it may have been sent. */
export type Verdict = { json: IDataObject } | { error: Error; unknown: boolean };

/** Told each item's fate as soon as Infobip answered (a Campaign Key records them). */
export interface Verdicts {
	accepted(itemIndexes: number[]): void;
	refused(itemIndexes: number[]): void;
	unknown(itemIndexes: number[]): void;
	/** What a retry or re-run does with an item of unknown fate. */
	retryNote(itemIndex: number): string;
}

const noVerdicts: Verdicts = { accepted: () => undefined, refused: () => undefined, unknown: () => undefined, retryNote: () => '' };

/**
 * Sends the planned requests one after another. A 400 whose violations name items fails only those
 * (nothing was accepted), and the rest go again; any other failure fails the request's items, those
 * whose fate is unknown with the bulk and message IDs to look up.
 */
export async function dispatch(
	context: IExecuteFunctions,
	requests: PlannedRequest[],
	path: string,
	answer: (request: PlannedRequest, destination: PlannedDestination, body: IDataObject) => Verdict,
	verdicts: Verdicts = noVerdicts,
): Promise<Map<number, Outcome>> {
	const outcomes = new Map<number, Outcome>();
	for (const planned of requests) {
		let request = planned;
		while (request.destinations.length) {
			let body: IDataObject;
			try {
				({ body } = await requestRecord.call(context, infobip, {
					method: 'POST',
					path,
					body: request.body,
					itemIndex: request.destinations[0].itemIndex,
				}));
			} catch (caught) {
				const named =
					caught instanceof NodeApiError && caught.httpCode === '400' ? itemsNamed(request, caught) : new Map<number, string[]>();
				if (named.size) {
					for (const [itemIndex, violations] of named) {
						const error = new NodeApiError(context.getNode(), (caught as NodeApiError).errorResponse ?? {}, {
							message: `Infobip refused this recipient: ${violations.join('; ')}`,
							description: 'Correct the value it names; the other items of the request were sent without it.',
							httpCode: '400',
							itemIndex,
						});
						// A violation of a destination's `to` is the number's; any other, a field's.
						outcomes.set(itemIndex, { error: markReason(error, violations.some((v) => /\bto\b/.test(v)) ? 'invalidNumber' : 'badInput') });
					}
					verdicts.refused([...named.keys()]);
					request = without(request, new Set(named.keys()));
					continue;
				}
				const unknown = fateUnknown(caught);
				for (const destination of request.destinations) {
					const error = unknown
						? unknownFate(context, request, caught as NodeApiError, destination, verdicts.retryNote(destination.itemIndex))
						: withItemIndex(context, caught, destination.itemIndex);
					outcomes.set(destination.itemIndex, { error });
				}
				(unknown ? verdicts.unknown : verdicts.refused)(request.destinations.map(({ itemIndex }) => itemIndex));
				break;
			}
			for (const destination of request.destinations) {
				const verdict = answer(request, destination, body);
				outcomes.set(destination.itemIndex, 'json' in verdict ? { json: verdict.json } : { error: verdict.error });
				const fate = 'json' in verdict ? verdicts.accepted : verdict.unknown ? verdicts.unknown : verdicts.refused;
				fate([destination.itemIndex]);
			}
			break;
		}
	}
	return outcomes;
}

/** Infobip's answer for one destination, found by the messageId the node gave it; undefined when it has none. */
export function messageAnswer(body: IDataObject, messageId: string): IDataObject | undefined {
	const messages = Array.isArray(body.messages) ? (body.messages as IDataObject[]) : [];
	const found = messages.find((message) => String(asObject(message).messageId) === messageId);
	return found === undefined ? undefined : asObject(found);
}

/** Status groups whose message Infobip will not deliver: 2 UNDELIVERABLE, 4 EXPIRED, 5 REJECTED (seed 002). */
const NOT_SENT_GROUPS = new Map([
	[2, 'UNDELIVERABLE'],
	[4, 'EXPIRED'],
	[5, 'REJECTED'],
]);

/**
 * A destination's fate from Infobip's per-message status: accepted, refused (status group 2, 4 or 5,
 * by ID or name), or unknown when the answer does not carry it (no `messages`, or not this messageId).
 */
export function destinationVerdict(
	context: IExecuteFunctions,
	request: PlannedRequest,
	destination: PlannedDestination,
	body: IDataObject,
	json: (answer: IDataObject) => IDataObject,
	note: string,
): Verdict {
	const answer = messageAnswer(body, destination.messageId);
	if (!answer) {
		const error = new NodeOperationError(
			context.getNode(),
			`Infobip answered bulk ${request.bulkId} without this message's status: it may have been accepted`,
			{
				itemIndex: destination.itemIndex,
				description: `Check that the credential's Base URL is your Infobip API host, then look up messageId ${destination.messageId} in Infobip's reports or logs. ${note}`,
			},
		);
		return { error: markReason(error, 'unknownFate'), unknown: true };
	}
	const status = asObject(answer.status);
	const group = NOT_SENT_GROUPS.has(Number(status.groupId))
		? NOT_SENT_GROUPS.get(Number(status.groupId))
		: [...NOT_SENT_GROUPS.values()].find((name) => name === String(status.groupName ?? '').toUpperCase());
	if (group) {
		const reason = [status.name, status.description].filter(Boolean).join(': ');
		const error = new NodeOperationError(
			context.getNode(),
			`Infobip did not accept this message (${group}${reason ? `, ${reason}` : ''})`,
			{
				itemIndex: destination.itemIndex,
				description: `Nothing was delivered to ${destination.to}. Fix what the status names (credit, sender, number), then run the item again: a Campaign Key sends it then.`,
			},
		);
		return { error: markReason(error, 'rejected'), unknown: false };
	}
	return { json: json(answer) };
}
