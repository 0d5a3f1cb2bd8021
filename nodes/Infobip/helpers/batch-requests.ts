import type { IDataObject } from 'n8n-workflow';

import type { Campaign } from './campaign';
import type { ItemMessage } from './compose';

/** One recipient of a planned request: which input item it answers, under which messageId. */
export interface PlannedDestination {
	itemIndex: number;
	to: string;
	messageId: string;
}

export interface PlannedRequest {
	bulkId: string;
	destinations: PlannedDestination[];
	body: IDataObject;
}

/**
 * All items as few requests as possible: items whose message (channel, sender, content, options) is
 * the same become one message with many destinations; the others are messages of their own, in the
 * same request. A request holds at most `messagesPerRequest` recipients; input order is kept.
 */
export function planRequests(items: Array<{ itemIndex: number; value: ItemMessage }>, campaign: Campaign): PlannedRequest[] {
	const requests: PlannedRequest[] = [];
	let current: { bulkId: string; messages: Map<string, IDataObject>; destinations: PlannedDestination[] } | undefined;
	for (const { itemIndex, value } of items) {
		if (!current || current.destinations.length >= campaign.messagesPerRequest) {
			if (current) requests.push(finish(current, campaign));
			const bulkId = requests.length ? `${campaign.bulkId}-${requests.length + 1}` : campaign.bulkId;
			current = { bulkId, messages: new Map(), destinations: [] };
		}
		const key = JSON.stringify(value.message);
		let message = current.messages.get(key);
		if (!message) {
			message = { ...value.message, destinations: [] };
			current.messages.set(key, message);
		}
		const destination: PlannedDestination = { itemIndex, to: value.to, messageId: value.messageId ?? `${current.bulkId}-${itemIndex}` };
		(message.destinations as IDataObject[]).push(destinationOf(value.message, destination));
		current.destinations.push(destination);
	}
	if (current) requests.push(finish(current, campaign));
	return requests;
}

/**
 * A destination as seed 002 wants it: `{to, messageId}`, or, when the message fails over to other
 * channels, a "Channels Destination" naming the address on each channel (`byChannel`, one per channel).
 */
function destinationOf(message: IDataObject, { to, messageId }: PlannedDestination): IDataObject {
	const failover = Array.isArray(message.failover) ? (message.failover as IDataObject[]) : [];
	if (!failover.length) return { to, messageId };
	const channels = [message.channel, ...failover.map((step) => step.channel)];
	return { messageId, byChannel: channels.map((channel) => ({ channel, to })) };
}

function finish(
	request: { bulkId: string; messages: Map<string, IDataObject>; destinations: PlannedDestination[] },
	campaign: Campaign,
): PlannedRequest {
	const schedule: IDataObject = { ...campaign.schedule, bulkId: request.bulkId, ...(campaign.sendAt ? { sendAt: campaign.sendAt } : {}) };
	return {
		bulkId: request.bulkId,
		destinations: request.destinations,
		body: { messages: [...request.messages.values()], options: { ...campaign.requestOptions, schedule } },
	};
}
