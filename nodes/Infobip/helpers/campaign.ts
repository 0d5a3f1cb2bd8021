import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { dateTimeMs } from '../../shared/dates';
import { itemError } from '../../shared/items';
import { fixedEntries } from '../../shared/parameters';
import { DEFAULT_MESSAGES_PER_REQUEST } from './fields';

const MAX_DAYS_AHEAD = 180;

/** Settings of the whole run, read once: they go into every request's `options`. */
export interface Campaign {
	/** The first request's bulk ID; the next ones are <ID>-2, <ID>-3, … */
	bulkId: string;
	messagesPerRequest: number;
	/** `options` of every request, but the schedule. */
	requestOptions: IDataObject;
	/** `options.schedule` of every request, but its bulk ID and sendAt (the sending speed limit). */
	schedule: IDataObject;
	sendAt?: string;
}

/** Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, in UTC: `2026-12-24T09:00:00.000+0000`. */
export function infobipDateTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+0000');
}

/** A time to send at: in the future, and at most 180 days ahead, or the item fails naming it. */
export function sendAtOf(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	// A picked time is a wall time in the workflow's zone (n8n's picker stores no zone).
	const ms = dateTimeMs(value, context.getTimezone());
	if (Number.isNaN(ms)) {
		throw itemError(
			context,
			itemIndex,
			`Send At "${String(value)}" is not a date and time`,
			'Give an ISO date and time, e.g. 2026-12-24T09:00:00Z, or pick one.',
		);
	}
	const now = clock.now();
	if (ms <= now)
		throw itemError(
			context,
			itemIndex,
			`Send At ${new Date(ms).toISOString()} is in the past`,
			'Pick a time in the future, or leave Send At empty to send now.',
		);
	if (ms > now + MAX_DAYS_AHEAD * 86_400_000) {
		throw itemError(
			context,
			itemIndex,
			`Send At ${new Date(ms).toISOString()} is more than ${MAX_DAYS_AHEAD} days ahead`,
			`Infobip schedules at most ${MAX_DAYS_AHEAD} days in advance.`,
		);
	}
	return infobipDateTime(ms);
}

/** The run's campaign settings, from the first item (they are the same for every request). */
export function campaignOf(context: IExecuteFunctions): Campaign {
	const settings = context.getNodeParameter('campaign', 0, {}) as IDataObject;
	const perRequest = Number(settings.messagesPerRequest ?? DEFAULT_MESSAGES_PER_REQUEST);
	if (!Number.isInteger(perRequest) || perRequest < 1) {
		throw itemError(
			context,
			0,
			`Messages Per Request ${String(settings.messagesPerRequest)} is not a whole number of 1 or more`,
			`Use e.g. ${DEFAULT_MESSAGES_PER_REQUEST}.`,
		);
	}
	const bulkId = String(settings.bulkId ?? '').trim() || generatedBulkId(context);
	if (bulkId.length > 96)
		throw itemError(context, 0, 'Bulk ID is longer than 96 characters', 'Infobip takes 100; the node adds -2, -3, … to the next requests.');
	const requestOptions: IDataObject = {};
	const speed = fixedEntries(settings.speed, 'limit')[0];
	const tracking = fixedEntries(settings.tracking, 'settings')[0];
	if (tracking) requestOptions.tracking = Object.fromEntries(Object.entries(tracking).filter(([, value]) => value !== ''));
	const sendAt = settings.sendAt ? sendAtOf(context, 0, settings.sendAt) : undefined;
	// Seed 002: options.schedule holds bulkId, sendAt and sendingSpeedLimit.
	const schedule: IDataObject = speed ? { sendingSpeedLimit: { amount: Number(speed.amount), timeUnit: speed.timeUnit ?? 'MINUTE' } } : {};
	return { bulkId, messagesPerRequest: perRequest, requestOptions, schedule, ...(sendAt ? { sendAt } : {}) };
}

/** Known before the request leaves, so that a send whose fate is unknown can still be looked up. */
function generatedBulkId(context: IExecuteFunctions): string {
	const seed = [context.getWorkflow().id, context.getExecutionId(), context.getNode().name, clock.now()].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}
