import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { batchOnce } from '../../../shared/campaign';
import { fateUnknown } from '../../../shared/failures';
import { collectItems, outputsInOrder, withItemIndex, type Outcome } from '../../../shared/items';
import { requestAnswer } from '../../../shared/transport';
import { dateTimeMs } from '../../../shared/dates';
import { dryRunInstead, guardEntries } from '../../../shared/send-guard';
import { contentOf, recipientOf, scheduleOf, scheduleTimeAt, scheduleTimeZone, smsContent } from '../../helpers/compose';
import { contentFields, DEFAULT_RECIPIENTS_PER_REQUEST, sendOptions } from '../../helpers/fields';
import { answeredWithoutEnvelope, refusedBecause, resultFor } from '../../helpers/results';
import { infopromo } from '../../transport';
import { markReason } from '../../../shared/send-result';
import { itemOptions } from '../../../shared/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+31612345678',
		description:
			'The number to send to (international, or national with a Default Country). Items with the same sender, type and text go out together.',
	},
	...contentFields(),
	sendOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);

/** Only gateways.md says a send takes several comma-separated numbers (the seed shows one): a host may not. */
const SEVERAL_RECIPIENTS_HINT =
	'The platform refused the values. If it refused the recipients, this host may take one number per request: set Recipients Per Request to 1 in the options.';

interface Planned {
	itemIndex: number;
	recipient: string;
	shown?: IDataObject;
	/** Where the request holds a schedule_time: the zone it is written in, said on the output. */
	scheduleTimeZone?: string;
}

/** An item's message: what it shares with others (the request but its recipients) and its own recipient. */
function readItem(context: IExecuteFunctions, itemIndex: number) {
	const options = itemOptions(context, itemIndex);
	const { content, shown } = smsContent(contentOf(context, itemIndex), options);
	const recipient = recipientOf(context, itemIndex, context.getNodeParameter('recipient', itemIndex, ''), options);
	const perRequest = Number(options.recipientsPerRequest ?? DEFAULT_RECIPIENTS_PER_REQUEST);
	const received = { ...content };
	delete received.sender_id;
	const shared: IDataObject = { ...content, ...scheduleOf(context, itemIndex, options) };
	return {
		shared,
		options,
		recipient,
		shown,
		// Quiet Hours count from the Schedule Time, when it has one.
		scheduled: shared.schedule_time ? dateTimeMs(options.scheduleTime, context.getTimezone()) : undefined,
		scheduleTimeZone: shared.schedule_time ? scheduleTimeZone(context, options) : undefined,
		perRequest: Number.isInteger(perRequest) && perRequest > 0 ? perRequest : DEFAULT_RECIPIENTS_PER_REQUEST,
		// A campaign's message is what the recipient gets (not which sender ID sends it).
		campaign: { campaignKey: options.campaignKey, to: recipient, content: received, resendUnknown: options.resendUnknownFate === true },
	};
}

/** A send whose answer was lost may have gone out; with no idempotency key, it is not repeated. */
function unknownFate(context: IExecuteFunctions, error: NodeApiError, planned: Planned, note: string): Error {
	const failure = new NodeOperationError(context.getNode(), `Infopromo may have sent this message: ${error.message}`, {
		itemIndex: planned.itemIndex,
		description: `It was not sent again (the platform has no idempotency key). Check SMS → Get Many (direction Outgoing) for ${planned.recipient} before running this item again. ${note}`,
	});
	return markReason(failure, 'unknownFate');
}

/** What a scheduled send's output says of its time: as sent, and in which zone (the platform's documents name none). */
function scheduled(shared: IDataObject, entry: Planned): IDataObject {
	return entry.scheduleTimeZone ? { scheduleTime: shared.schedule_time, scheduleTimeZone: entry.scheduleTimeZone } : {};
}

/** A recipient the platform's own record says it did not send to, though the request succeeded. */
function refused(context: IExecuteFunctions, planned: Planned, status: string): Error {
	const error = new NodeOperationError(context.getNode(), `Infopromo did not send to ${planned.recipient}: "${status}"`, {
		itemIndex: planned.itemIndex,
		description: 'Fix what the status names (balance, number, sender), then run the item again: a Campaign Key sends it then.',
	});
	return markReason(error, 'rejected');
}

/**
 * Items with the same sender, type, text and schedule go out as one request with comma-separated
 * recipients (chunked); the others one request each. One output item per input item, in input order.
 */
export async function batch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const collected = await collectItems(this, (itemIndex) => readItem(this, itemIndex), dryRunInstead(this));
	const guarded = await guardEntries(this, collected.entries, {
		schedules: true,
		of: (value, itemIndex) => ({
			to: value.recipient,
			message: { itemIndex, ...value.campaign },
			shown: value.shown,
			reference: value.scheduled,
		}),
	});
	const once = await batchOnce(this, guarded.entries, (value) => value.campaign);
	const groups = new Map<string, { shared: IDataObject; perRequest: number; planned: Planned[] }>();
	for (const { itemIndex, value } of once.entries) {
		// Quiet Hours schedule an item for its window's opening: its own schedule_time, so its own request.
		const at = guarded.sendAt.get(itemIndex);
		const shared = at === undefined ? value.shared : { ...value.shared, schedule_time: scheduleTimeAt(this, value.options, at) };
		const key = JSON.stringify(shared);
		const group = groups.get(key) ?? { shared, perRequest: value.perRequest, planned: [] };
		const zone = at === undefined ? value.scheduleTimeZone : scheduleTimeZone(this, value.options);
		group.planned.push({ itemIndex, recipient: value.recipient, shown: value.shown, scheduleTimeZone: zone });
		groups.set(key, group);
	}
	const outcomes = new Map<number, Outcome>();
	for (const { shared, perRequest, planned } of groups.values()) {
		for (let start = 0; start < planned.length; start += perRequest) {
			const chunk = planned.slice(start, start + perRequest);
			const body = { ...shared, recipient: chunk.map((entry) => entry.recipient).join(',') };
			let data: unknown;
			try {
				// No idempotency key: never re-sent when its fate is unknown.
				({ data } = await requestAnswer.call(this, infopromo, {
					method: 'POST',
					path: '/sms/send',
					body,
					itemIndex: chunk[0].itemIndex,
					...(chunk.length > 1 ? { hints: { 422: SEVERAL_RECIPIENTS_HINT } } : {}),
				}));
			} catch (error) {
				const unknown = fateUnknown(error) || answeredWithoutEnvelope(error);
				for (const entry of chunk) {
					const note = once.retryNote(entry.itemIndex);
					outcomes.set(entry.itemIndex, {
						error: unknown ? unknownFate(this, error as NodeApiError, entry, note) : withItemIndex(this, error, entry.itemIndex),
					});
				}
				(unknown ? once.unknown : once.refused)(chunk.map((entry) => entry.itemIndex));
				continue;
			}
			for (const entry of chunk) {
				const result = resultFor(data, entry.recipient);
				const status = refusedBecause(result);
				outcomes.set(
					entry.itemIndex,
					status
						? { error: refused(this, entry, status) }
						: { json: { recipient: entry.recipient, status: 'success', ...result, ...scheduled(shared, entry), ...entry.shown } },
				);
				(status ? once.refused : once.accepted)([entry.itemIndex]);
			}
		}
	}
	for (const [itemIndex, outcome] of once.skipped) outcomes.set(itemIndex, outcome);
	for (const [itemIndex, outcome] of guarded.outcomes) outcomes.set(itemIndex, outcome);
	return outputsInOrder(this, outcomes, collected.failed);
}
