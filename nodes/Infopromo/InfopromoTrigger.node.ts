import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollMemory } from '../shared/polling';
import { uidOf } from './helpers/lists';
import { newestMessages, remember, type WatchMemory } from './helpers/message-poll';
import { CREDENTIAL_TYPE } from './transport';

export class InfopromoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infopromo Trigger',
		name: 'infopromoTrigger',
		icon: { light: 'file:infopromo.svg', dark: 'file:infopromo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on new inbound messages and on status changes of sent ones, by polling Infopromo',
		defaults: { name: 'Infopromo Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'The platform has no webhooks: this trigger asks it for messages at the interval below, remembers what it has seen, and starts once per new message. Its first poll only notes where things stand.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Inbound Message', value: 'incoming', description: 'A message arrived' },
					{
						name: 'Sent Message Status Changed',
						value: 'statusChanged',
						description: 'An outgoing message changed status (e.g. to Delivered)',
					},
				],
				default: ['incoming'],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		const incoming = events.includes('incoming') ? await newestMessages(this, 'incoming') : [];
		const outgoing = events.includes('statusChanged') ? await newestMessages(this, 'outgoing') : [];

		// A manual test shows what a run would get, without touching the memory of the active workflow.
		if (this.getMode() === 'manual') {
			const sample = [
				...incoming.slice(0, 1).map((m) => ({ event: 'incoming', ...m })),
				...outgoing.slice(0, 1).map((m) => ({ event: 'statusChanged', previousStatus: null, ...m })),
			];
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const memory = pollMemory<WatchMemory>(this);
		const previous = memory.previous;
		memory.save(remember(previous, incoming, outgoing));
		if (!previous) return null;

		const seen = new Set(previous.seen);
		const items: IDataObject[] = [];
		for (const message of incoming) if (!seen.has(uidOf(message)!)) items.push({ event: 'incoming', ...message });
		for (const message of outgoing) {
			const before = previous.statuses[uidOf(message)!];
			if (before !== undefined && before !== String(message.status ?? ''))
				items.push({ event: 'statusChanged', previousStatus: before, ...message });
		}
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
