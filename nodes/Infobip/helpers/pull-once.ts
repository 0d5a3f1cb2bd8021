import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { unexpectedAnswer } from '../../shared/failures';
import { itemError } from '../../shared/items';
import { asObject } from '../../shared/json';
import { requestAnswer } from '../../shared/transport';
import { infobip } from '../transport';
import { CHANNELS } from './fields';

export const MAX_PULL = 1000;

/** Limit of a pull, after a notice: Infobip hands each report or inbound message out once. */
export function pullFields(what: string): INodeProperties[] {
	return [
		{
			displayName: `Infobip hands out each ${what} only once: what this returns is gone from the next pull (and from other workflows), so keep the output.`,
			name: 'onceNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PULL },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

export const channelFilter: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	options: [{ name: 'Any', value: '' }, ...CHANNELS.map((value) => ({ name: value, value }))],
	default: '',
	description: 'Only this channel',
};

/** One pull of reports or inbound messages (`{results: […]}`), with the user's filters and limit. */
export async function pull(context: IExecuteFunctions, itemIndex: number, path: string, qs: IDataObject): Promise<IDataObject[]> {
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL) {
		throw itemError(context, itemIndex, `Limit ${String(limit)} is out of range`, `Use a whole number from 1 to ${MAX_PULL}.`);
	}
	const query: IDataObject = { limit };
	for (const [key, value] of Object.entries(qs)) if (value !== '' && value !== undefined && value !== null) query[key] = value;
	const answer = await requestAnswer.call(context, infobip, { method: 'GET', path, qs: query, idempotent: true, itemIndex });
	return pulledList(context, answer.data);
}

/**
 * The list in a pull's answer: under `results` (the documented key), or `reports` / `messages` /
 * `data`, or the answer itself; an answer with nothing in it (`{}`, `{"results": null}`, a 204) is
 * an empty pull, which is what a host may give when nothing waits. Anything else is no answer.
 */
function pulledList(context: IExecuteFunctions, data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	const body = asObject(data);
	const list = ['results', 'reports', 'messages', 'data'].map((key) => body[key]).find(Array.isArray);
	if (list) return list as IDataObject[];
	const said = Object.values(body).filter((value) => value !== null && value !== undefined && !(typeof value === 'number'));
	if (data === undefined || data === null || data === '' || !said.length) return [];
	throw unexpectedAnswer(context, infobip, 'a list of results (under "results")', data);
}
