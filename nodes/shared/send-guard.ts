import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { peekCampaign, type CampaignMessage } from './campaign';
import { clock } from './clock';
import { isTimeZone } from './dates';
import { failureOf } from './send-result';
import { itemError, withItemIndex, type Outcome } from './items';
import { ALL_DAYS, clockText, minutesOf, nextOpening, type Window } from './quiet-hours';
import { zonesOfNumber } from './recipient-zone';
import { fixedEntries, itemOptions } from './parameters';

/**
 * What every send does for the recipient before anything leaves (care-options.ts): Quiet Hours
 * (send now, schedule on the gateway, or defer to a later run) and Dry Run (send nothing, say what a
 * real run would do). Per-item sends (operation.ts) and batches (Infobip, Infopromo, txtcoop jobs)
 * both go through guardItems.
 */
export interface Care {
	dryRun: boolean;
	smartEncoding: boolean;
	window?: Window;
	/** The Recipient Time Zone the user gave for this item. */
	zone?: string;
}

const NO_CARE: Care = { dryRun: false, smartEncoding: false };

/** An item's Quiet Hours, Dry Run and Smart Encoding, from its options collection; a bad window fails the item. */
export function careOf(context: IExecuteFunctions, itemIndex: number, options: IDataObject): Care {
	const care: Care = { ...NO_CARE, dryRun: options.dryRun === true, smartEncoding: options.smartEncoding === true };
	const window = fixedEntries(options.quietHours, 'window')[0];
	if (!window) return care;
	const from = minutesOf(String(window.from ?? '08:00'));
	const until = minutesOf(String(window.until ?? '21:00'));
	if (Number.isNaN(from) || Number.isNaN(until) || from >= until) {
		throw itemError(
			context,
			itemIndex,
			`Quiet Hours window "${String(window.from)}"–"${String(window.until)}" is not a window of one day`,
			'Give Send From and Send Until as HH:MM, the first before the second (e.g. 08:00 and 21:00).',
		);
	}
	const days = Array.isArray(window.days) ? (window.days as unknown[]).map(Number).filter((day) => ALL_DAYS.includes(day)) : ALL_DAYS;
	if (!days.length) throw itemError(context, itemIndex, 'Quiet Hours allow no day', 'Pick at least one day in Days.');
	const zone = String(window.recipientTimeZone ?? '').trim();
	if (zone && !isTimeZone(zone)) {
		throw itemError(
			context,
			itemIndex,
			`Recipient Time Zone "${zone}" is not a time zone`,
			'Give an IANA name such as America/Chicago or Europe/Paris, or leave it empty to take the zone from the number.',
		);
	}
	return { ...care, window: { from, until, days }, ...(zone ? { zone } : {}) };
}

/** When an item may go: now, or from `at` (the first instant the window is open in all its zones). */
export type Timing = { at: 'now'; zones: string[] } | { at: number; zones: string[] };

const PHONE = /^\+?\d{7,15}$/;

/** The zones an item's recipient may be in: the user's, or the number's. */
function zonesOf(context: IExecuteFunctions, itemIndex: number, care: Care, to: string | undefined): string[] {
	if (care.zone) return [care.zone];
	const zones = to && PHONE.test(to) ? zonesOfNumber(to) : [];
	if (zones.length) return zones;
	throw itemError(
		context,
		itemIndex,
		`Quiet Hours cannot tell where ${to ? `"${to}"` : 'this recipient'} is`,
		'Only a phone number with its country code tells a zone: set Quiet Hours → Recipient Time Zone for this item (e.g. {{ $json.timeZone }}).',
	);
}

/** Openings already worked out in this run, by zones and instant: a campaign has few of each. */
const openings = new WeakMap<IExecuteFunctions, Map<string, number | undefined>>();

/** When an item may go under its Quiet Hours, counted from `reference` (now, or the time the user scheduled it for). */
export function timingOf(context: IExecuteFunctions, itemIndex: number, care: Care, to: string | undefined, reference: number): Timing {
	if (!care.window) return { at: 'now', zones: [] };
	const zones = zonesOf(context, itemIndex, care, to);
	let known = openings.get(context);
	if (!known) openings.set(context, (known = new Map()));
	const key = `${zones.join(' ')}|${reference}|${care.window.from}|${care.window.until}|${care.window.days.join('')}`;
	if (!known.has(key)) known.set(key, nextOpening(reference, zones, care.window));
	const opening = known.get(key);
	if (opening === undefined) {
		throw itemError(
			context,
			itemIndex,
			`Quiet Hours ${clockText(care.window.from)}–${clockText(care.window.until)} never open at once in every zone ${to ?? 'the recipient'} may be in (${zones.join(', ')})`,
			'Set Quiet Hours → Recipient Time Zone for this item, or widen the window.',
		);
	}
	return opening === reference ? { at: 'now', zones } : { at: opening, zones };
}

/** One item as the guard sees it. `message`: its Campaign Key message, if it has a key. */
export interface GuardedItem {
	itemIndex: number;
	care: Care;
	to?: string;
	message?: CampaignMessage;
	/** Fields every output of the item carries (its SMS segments, the gateway's own). */
	shown?: IDataObject;
	/** When a real run would send it, before Quiet Hours: the Send At the user chose, else now. */
	reference?: number;
}

export interface Guarded {
	/** Items that send nothing now: dry runs, deferred ones, and those Quiet Hours cannot place. */
	outcomes: Map<number, Outcome>;
	/** Items a gateway that schedules is to send at a later time: when (epoch ms). */
	sendAt: Map<number, number>;
}

function windowText(window: Window): string {
	return `${clockText(window.from)}–${clockText(window.until)}`;
}

function deferred(item: GuardedItem, at: number, zones: string[]): IDataObject {
	const key = String(item.message?.campaignKey ?? '').trim();
	return {
		deferred: true,
		to: item.to ?? null,
		sendAfter: new Date(at).toISOString(),
		recipientZones: zones,
		reason: `Outside Quiet Hours (${windowText(item.care.window!)}) where the recipient is (${zones.join(', ')})`,
		...(key
			? { campaignKey: key }
			: {
					note: 'No Campaign Key: a later run sends it only if this item comes again; set a Campaign Key so that a scheduled re-run sends each deferred message once.',
				}),
		...item.shown,
	};
}

/**
 * Sorts a run's items before anything leaves: what a dry run would do (and sends nothing), what
 * Quiet Hours defer (a gateway that cannot schedule) or schedule (one that can: `schedules`). Items
 * that are neither are left to send now, and are not in `outcomes`.
 */
export async function guardItems(context: IExecuteFunctions, items: GuardedItem[], schedules: boolean): Promise<Guarded> {
	const outcomes = new Map<number, Outcome>();
	const sendAt = new Map<number, number>();
	const dryRuns: Array<{ item: GuardedItem; timing?: Timing; error?: Error }> = [];
	const now = clock.now();
	for (const item of items) {
		let timing: Timing | undefined;
		let error: Error | undefined;
		try {
			timing = timingOf(context, item.itemIndex, item.care, item.to, item.reference ?? now);
		} catch (caught) {
			error = withItemIndex(context, caught, item.itemIndex);
		}
		if (item.care.dryRun) dryRuns.push({ item, timing, error });
		else if (error) outcomes.set(item.itemIndex, { error });
		else if (timing && timing.at !== 'now') {
			if (schedules) sendAt.set(item.itemIndex, timing.at);
			else outcomes.set(item.itemIndex, { json: deferred(item, timing.at, timing.zones) });
		}
	}
	if (dryRuns.length) {
		const fates = await peekCampaign(
			context,
			dryRuns.flatMap(({ item, error }) => (item.message && !error ? [item.message] : [])),
		);
		for (const { item, timing, error } of dryRuns) {
			const skipped = fates.get(item.itemIndex);
			outcomes.set(item.itemIndex, {
				json: error ? dryRunFailure(error, item) : dryRunOutput(item, timing!, skipped, schedules),
			});
		}
	}
	return { outcomes, sendAt };
}

/** A dry run's output for an item a real run would send, schedule, defer or skip. */
function dryRunOutput(item: GuardedItem, timing: Timing, skipped: IDataObject | undefined, schedules: boolean): IDataObject {
	const base = { dryRun: true, to: item.to ?? null, ...(timing.zones.length ? { recipientZones: timing.zones } : {}) };
	if (skipped) return { ...base, wouldBe: 'skipped', ...skipped, ...item.shown };
	if (timing.at === 'now') return { ...base, wouldBe: 'sent', ...item.shown };
	const at = new Date(timing.at).toISOString();
	if (schedules) return { ...base, wouldBe: 'scheduled', sendAt: at, ...item.shown };
	const rest = deferred(item, timing.at, timing.zones);
	delete rest.deferred;
	return { ...base, wouldBe: 'deferred', ...rest, sendAfter: at };
}

/** A dry run's output for an item a real run would fail: why, and how to fix it; nothing is sent either way. */
export function dryRunFailure(error: Error, item: { to?: string; shown?: IDataObject }): IDataObject {
	const { reason, permanent } = failureOf(error);
	const description = (error as { description?: string }).description;
	return {
		dryRun: true,
		wouldBe: 'notSent',
		to: item.to ?? null,
		problem: { message: error.message, ...(description ? { description } : {}), reason, permanent },
		...item.shown,
	};
}

/** How a batch operation's items read for the guard. */
export interface BatchGuard<T> {
	/** Whether the gateway schedules a message for later (else Quiet Hours defer it to a later run). */
	schedules: boolean;
	/** The collection holding Quiet Hours and Dry Run (default `options`). */
	options?: string;
	of(value: T, itemIndex: number): { to?: string; message?: CampaignMessage; shown?: IDataObject; reference?: number };
}

/**
 * guardItems for an operation that sends its items together (Infobip, Infopromo, txtcoop jobs): the
 * entries left to send now or at `sendAt`, and the outcomes of the others.
 */
export async function guardEntries<T>(
	context: IExecuteFunctions,
	entries: Array<{ itemIndex: number; value: T }>,
	guard: BatchGuard<T>,
): Promise<Guarded & { entries: Array<{ itemIndex: number; value: T }> }> {
	const items: GuardedItem[] = [];
	const unreadable = new Map<number, Outcome>();
	for (const { itemIndex, value } of entries) {
		try {
			const care = careOf(context, itemIndex, itemOptions(context, itemIndex, guard.options));
			const { to, message, shown, reference } = guard.of(value, itemIndex);
			const keyed = message && String(message.campaignKey ?? '').trim() ? message : undefined;
			items.push({ itemIndex, care, to: to ?? message?.to, message: keyed, shown, reference });
		} catch (error) {
			unreadable.set(itemIndex, { error: withItemIndex(context, error, itemIndex) });
		}
	}
	const { outcomes, sendAt } = await guardItems(context, items, guard.schedules);
	for (const [itemIndex, outcome] of unreadable) outcomes.set(itemIndex, outcome);
	return { outcomes, sendAt, entries: entries.filter(({ itemIndex }) => !outcomes.has(itemIndex)) };
}

/** For collectItems: a dry run's item that a real run would fail is output as such, not failed. */
export function dryRunInstead(context: IExecuteFunctions, collection = 'options') {
	return (itemIndex: number, error: Error): IDataObject | undefined =>
		itemOptions(context, itemIndex, collection).dryRun === true ? dryRunFailure(error, {}) : undefined;
}
