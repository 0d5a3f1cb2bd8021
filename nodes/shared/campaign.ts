// Campaign Key: each message of a campaign is sent at most once by this node, whatever runs it again
// (a re-run, Retry On Fail, a second execution, another queue-mode worker), and every message ends a
// run with one of three fates, each said in its output: sent, not sent (it can go again), or unknown
// (its request left and no answer came: not sent again unless the user asks, or the gateway's
// idempotency key makes it safe). The record is campaign-record.ts.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CampaignRecord } from './campaign-record';
import { CampaignRun, messageIdentity, type CampaignMessage } from './campaign-run';
import { fateUnknown } from './failures';
import { withItemIndex, type Outcome } from './items';
import { markReason } from './send-result';

export { campaignKeyOption, campaignOptions, resendUnknownOption } from './campaign-options';
export { messageIdentity, type CampaignMessage } from './campaign-run';

/** What a retry or re-run does with a message whose request got no answer, added to its error. */
export function unknownFateNote(resend: boolean): string {
	return resend
		? 'A re-run of this campaign sends it again (Resend Messages of Unknown Fate is on).'
		: 'A retry or re-run of this campaign does not send it again: it reports it as of unknown fate until you check it or turn on Resend Messages of Unknown Fate.';
}

const RESEND_BY_KEY_NOTE = 'A re-run of this campaign sends it again under the same idempotency key, which the gateway keeps once.';

function withNote<E extends Error & { description?: string | null }>(error: E, note: string): E {
	error.description = [error.description, note].filter(Boolean).join(' ');
	return error;
}

/**
 * One item's send under its Campaign Key: skipped, with its output saying why, when the campaign sent
 * it before, or it repeats an earlier item of the run; failed when an earlier send of it got no answer;
 * otherwise sent, and its verdict recorded. `send` gets the message's identity (undefined without a
 * key), for an idempotency key.
 */
export async function sendOnce(
	context: IExecuteFunctions,
	options: IDataObject,
	message: Omit<CampaignMessage, 'campaignKey'>,
	send: (identity: string | undefined) => Promise<IDataObject>,
): Promise<IDataObject> {
	const campaignKey = String(options.campaignKey ?? '').trim();
	if (!campaignKey) return await send(undefined);
	const run = CampaignRun.of(context);
	const resendUnknown = options.resendUnknownFate === true || message.resendUnknown === true;
	const decision = await run.decide({ ...message, campaignKey, resendUnknown });
	if (!decision.send) {
		if ('error' in decision.outcome) throw decision.outcome.error;
		return decision.outcome.json;
	}
	try {
		const result = await send(decision.identity);
		run.accepted([decision.identity]);
		return result;
	} catch (caught) {
		const error = withItemIndex(context, caught, message.itemIndex);
		if (!fateUnknown(caught)) {
			run.refused([decision.identity]);
			throw error;
		}
		run.unknown([decision.identity]);
		markReason(error, 'unknownFate');
		// A resend the gateway's key makes harmless (InfiniReach's externalId), not the user's option.
		const byKey = message.resendUnknown === true && options.resendUnknownFate !== true;
		throw withNote(error, byKey ? RESEND_BY_KEY_NOTE : unknownFateNote(resendUnknown));
	}
}

/** A batch's items under their Campaign Keys: which to send, the outcomes of the others, and how to note verdicts. */
export interface BatchOnce<T> {
	entries: Array<{ itemIndex: number; value: T }>;
	/** Items not sent: sent before, repeats of an earlier item, of unknown fate, or the store failed. */
	skipped: Map<number, Outcome>;
	accepted(itemIndexes: number[]): void;
	refused(itemIndexes: number[]): void;
	unknown(itemIndexes: number[]): void;
	/** What a retry or re-run does with this item if its fate is unknown (for its error). */
	retryNote(itemIndex: number): string;
}

/** What a re-run does with a message of unknown fate that is in no campaign. */
const WITHOUT_KEY_NOTE = 'Without a Campaign Key a re-run sends it again: set one to have re-runs skip what was sent.';

/**
 * sendOnce for an operation that sends its items together (Infobip, Infopromo, txtcoop bulk jobs):
 * `message` gives each item's Campaign Key (empty: not in a campaign), recipient and content.
 */
export async function batchOnce<T>(
	context: IExecuteFunctions,
	entries: Array<{ itemIndex: number; value: T }>,
	message: (value: T, itemIndex: number) => { campaignKey: unknown; to: string; content: unknown; resendUnknown?: boolean },
): Promise<BatchOnce<T>> {
	const messages = entries.map(({ itemIndex, value }) => ({ itemIndex, ...message(value, itemIndex) }));
	if (!messages.some(({ campaignKey }) => String(campaignKey ?? '').trim()))
		return {
			entries,
			skipped: new Map(),
			accepted: () => undefined,
			refused: () => undefined,
			unknown: () => undefined,
			retryNote: () => WITHOUT_KEY_NOTE,
		};
	const run = CampaignRun.of(context);
	await run.plan(messages, true);
	const identities = new Map<number, string>();
	const skipped = new Map<number, Outcome>();
	for (const entry of messages) {
		if (!String(entry.campaignKey ?? '').trim()) continue;
		const decision = await run.decide(entry);
		if (decision.send) identities.set(entry.itemIndex, decision.identity);
		else skipped.set(entry.itemIndex, decision.outcome);
	}
	const of = (itemIndexes: number[]) => itemIndexes.flatMap((itemIndex) => identities.get(itemIndex) ?? []);
	const notes = new Map(
		messages.map(({ itemIndex, campaignKey, resendUnknown }) => [
			itemIndex,
			String(campaignKey ?? '').trim() ? unknownFateNote(resendUnknown === true) : WITHOUT_KEY_NOTE,
		]),
	);
	return {
		entries: entries.filter(({ itemIndex }) => !skipped.has(itemIndex)),
		skipped,
		accepted: (itemIndexes) => run.accepted(of(itemIndexes)),
		refused: (itemIndexes) => run.refused(of(itemIndexes)),
		unknown: (itemIndexes) => run.unknown(of(itemIndexes)),
		retryNote: (itemIndex) => notes.get(itemIndex) ?? WITHOUT_KEY_NOTE,
	};
}

/**
 * The end of a node's run (routeOperation's finally): under a Campaign Key, gives back what was
 * never sent and writes every verdict; the outputs of messages whose record failed say so.
 */
export async function finishCampaignRun(
	context: IExecuteFunctions,
	outputs: Array<{ json: IDataObject; pairedItem?: unknown }> | undefined,
): Promise<void> {
	const run = CampaignRun.existing(context);
	if (!run) return;
	const notes = await run.finish();
	if (!notes.size || !outputs) return;
	for (const output of outputs) {
		const item = (output.pairedItem as { item?: number } | undefined)?.item;
		const note = item === undefined ? undefined : notes.get(item);
		if (note && !output.json.error) output.json.campaignRecord = note;
	}
}

/**
 * What a real run would do with these messages under their Campaign Keys, for a dry run, without
 * claiming any: per item, why it would not be sent (sent before, a repeat of an earlier item, of
 * unknown fate); items that would be sent are not in the map.
 */
export async function peekCampaign(context: IExecuteFunctions, messages: CampaignMessage[]): Promise<Map<number, IDataObject>> {
	const keyed = messages
		.map((message) => ({ message, key: String(message.campaignKey ?? '').trim() }))
		.filter(({ key }) => key)
		.map(({ message, key }) => ({ message, key, identity: messageIdentity(key, message.to, message.content) }));
	const fates = new Map<number, IDataObject>();
	if (!keyed.length) return fates;
	let standings: Map<string, string>;
	try {
		standings = await CampaignRecord.of(context).peek(keyed.map(({ identity }) => identity));
	} catch (error) {
		const problem = {
			message: `${STORE_UNREADABLE}: ${(error as Error)?.message ?? String(error)}`,
			reason: 'unknownFate',
			permanent: false,
		};
		for (const { message } of keyed) fates.set(message.itemIndex, { wouldBe: 'notSent', problem });
		return fates;
	}
	const first = new Map<string, number>();
	for (const { message, key, identity } of keyed) {
		const earlier = first.get(identity);
		if (earlier !== undefined) {
			fates.set(message.itemIndex, {
				wouldSkipBecause: 'duplicate',
				duplicateOf: earlier,
				campaignKey: key,
				reason: `The same message to the same recipient as item ${earlier}: sent once, with item ${earlier}`,
			});
			continue;
		}
		first.set(identity, message.itemIndex);
		const standing = standings.get(identity);
		if (standing === 'sent') {
			fates.set(message.itemIndex, {
				wouldSkipBecause: 'sentBefore',
				campaignKey: key,
				reason: `Sent before in campaign "${key}": this recipient already got this message from this node`,
			});
		} else if (standing === 'unknown' && !message.resendUnknown) {
			fates.set(message.itemIndex, {
				wouldBe: 'notSent',
				campaignKey: key,
				problem: {
					message: `Another run of campaign "${key}" sent this message to ${message.to}, and its fate is unknown`,
					reason: 'unknownFate',
					permanent: false,
				},
			});
		}
	}
	return fates;
}

const STORE_UNREADABLE = "n8n's deduplication store, which keeps the Campaign Key's record, did not answer";
