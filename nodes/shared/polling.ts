import type { IDataObject, IPollFunctions } from 'n8n-workflow';

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
