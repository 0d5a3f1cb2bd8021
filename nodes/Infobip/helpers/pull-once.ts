import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../shared/items';
import { requestList } from '../../shared/transport';
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
	return (await requestList.call(context, infobip, { method: 'GET', path, qs: query, idempotent: true, itemIndex }, 'results')).data;
}
