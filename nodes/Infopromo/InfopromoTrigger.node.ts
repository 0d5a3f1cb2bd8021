import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { simplifyField } from '../shared/common-event';
import { pollMemory, polledItems } from '../shared/polling';
import { optionsCollection } from '../shared/fields';
import { DEFAULT_MAX_PAGES, newestSample, pollMessages, type WatchMemory } from './helpers/message-poll';
import { events as commonEvents } from './helpers/common';
import { CREDENTIAL_TYPE } from './transport';

export class InfopromoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infopromo Trigger',
		name: 'infopromoTrigger',
		icon: { light: 'file:infopromo.svg', dark: 'file:infopromo.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default: the common event (version 1 keeps the platform's own records).
		version: [1, 1.1],
		defaultVersion: 1.1,
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
					'The platform has no webhooks: this trigger reads its message list at the interval below, from the newest message back to the last one it saw, and starts once per new message. Its first poll only notes where things stand: nothing older ever starts it.',
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
			simplifyField(),
			optionsCollection([
				{
					displayName: 'Most Pages Per Poll',
					name: 'maxPages',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: DEFAULT_MAX_PAGES,
					description:
						'How far one poll reads back through a list (the platform pages it, 25 messages a page on the hosts seen). More new messages than this are left out, with a notice on the items and in the log.',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		const maxPages = Number((this.getNodeParameter('options', {}) as IDataObject).maxPages ?? DEFAULT_MAX_PAGES);
		const memory = pollMemory<WatchMemory>(this);

		// A manual test shows what a run would get, without touching the memory of the active workflow.
		if (this.getMode() === 'manual') {
			const sample = await newestSample(this, events, memory.previous);
			return polledItems(this, commonEvents, sample);
		}

		const { items, memory: next, notice } = await pollMessages(this, events, memory.previous, maxPages);
		// n8n saves this memory with the execution it starts (in one transaction where its durable poll cursors are on).
		memory.save(next);
		if (notice) this.logger.warn(`Infopromo Trigger: ${notice}`);
		return polledItems(this, commonEvents, items);
	}
}
