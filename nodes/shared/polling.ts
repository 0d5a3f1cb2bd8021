import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from './clock';
import { asCommonEvents, simplifies, type EventMapping } from './common-event';

export interface PollMemory<T> {
	/** What the previous poll saw; undefined on the first poll of this workflow. */
	previous: T | undefined;
	save(value: T): void;
}

/** A polling trigger's memory between polls, kept per workflow and node in n8n's static data. */
export function pollMemory<T extends IDataObject>(context: IPollFunctions): PollMemory<T> {
	const data = context.getWorkflowStaticData('node');
	return {
		previous: data.lastPoll as T | undefined,
		save: (value) => {
			data.lastPoll = value;
		},
	};
}

/** A polling trigger's items, as its output: the common events where Simplify is on (version 1.1 on). */
export function polledItems(context: IPollFunctions, mapping: EventMapping, items: IDataObject[]): INodeExecutionData[][] | null {
	if (!items.length) return null;
	const simplified = simplifies(context.getNode(), context.getNodeParameter('simplify', true));
	return [context.helpers.returnJsonArray(simplified ? asCommonEvents(mapping, items, clock.now()) : items)];
}
