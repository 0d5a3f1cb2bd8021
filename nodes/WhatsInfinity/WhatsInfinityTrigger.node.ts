import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { clock } from '../shared/clock';
import { simplifyField } from '../shared/common-event';
import { optionsCollection } from '../shared/fields';
import { eventIdOf, eventKey } from '../shared/event-id';
import { pollMemory, polledItems } from '../shared/polling';
import { events as commonEvents, SESSION_STATES } from './helpers/common';
import { checkSession } from './helpers/session';
import { CREDENTIAL_TYPE } from './transport';

interface LastPoll extends IDataObject {
	status: string;
	queueAbove: boolean;
}

export class WhatsInfinityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsInfinity Trigger',
		name: 'whatsInfinityTrigger',
		icon: { light: 'file:whatsinfinity.svg', dark: 'file:whatsinfinity.dark.svg' },
		group: ['trigger'],
		// 1.1: Simplify, on by default: the common event (version 1 keeps the session's own fields).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: 'Session status',
		description: 'Starts the workflow when a WhatsInfinity session changes status or its queue grows',
		defaults: { name: 'WhatsInfinity Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					"Checks the credential's session on every poll. The first poll only notes the current state; the workflow starts on later changes.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: SESSION_STATES.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
				default: [],
				description: 'Start only when the session changes to one of these. None selected: on every change.',
			},
			simplifyField(),
			optionsCollection([
				{
					displayName: 'Queue Size Alert',
					name: 'queueThreshold',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 50,
					description:
						'Also start when the number of queued messages goes above this (the queue holds 100 while the session is disconnected)',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const session = await checkSession.call(this);
		const status = String(session.status ?? 'unknown');
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const threshold = (this.getNodeParameter('options', {}) as IDataObject).queueThreshold as number | undefined;
		const queueSize = Number(session.queueSize ?? 0);
		const queueAbove = threshold !== undefined && queueSize > threshold;
		const checkedAt = new Date(clock.now()).toISOString();

		// A manual test shows what a run would get, without touching the memory of the active workflow.
		if (this.getMode() === 'manual') {
			const eventId = eventIdOf(eventKey('status', session.sessionId, { status, queueSize, checkedAt }));
			return polledItems(this, commonEvents, [{ event: 'status', previousStatus: null, ...session, checkedAt, eventId }]);
		}

		const memory = pollMemory<LastPoll>(this);
		const previous = memory.previous;
		memory.save({ status, queueAbove });
		if (!previous) return null;

		const events: IDataObject[] = [];
		if (status !== previous.status && (!statuses.length || statuses.includes(status))) {
			events.push({ event: 'statusChanged', previousStatus: previous.status, ...session, checkedAt });
		}
		if (queueAbove && !previous.queueAbove) {
			events.push({ event: 'queueAboveThreshold', threshold, ...session, checkedAt });
		}
		// One poll, one observation: what changed and when it was seen identifies it.
		for (const event of events) event.eventId = eventIdOf(eventKey(event.event, session.sessionId, { status, queueSize, checkedAt }));
		return polledItems(this, commonEvents, events);
	}
}
