import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/items';
import type { RunState } from '../../../shared/operation';
import { sendOptions, sendThroughSession, toField } from './send';

export const MAX_TEXT_LENGTH = 65_000;

const displayOptions = { show: { resource: ['message'], operation: ['sendText'] } };

export const description: INodeProperties[] = [
	toField(displayOptions),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'Text to send, at most 65,000 characters',
		displayOptions,
	},
	sendOptions(displayOptions, [
		{
			// The API documents `typing` for text messages only.
			displayName: 'Typing Indicator',
			name: 'typing',
			type: 'boolean',
			default: false,
			description: 'Whether to show "typing…" to the recipient briefly before the message',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, run: RunState) {
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
	if (!message.trim()) throw itemError(this, itemIndex, 'The message is empty', 'Write the text to send in "Message".');
	if (message.length > MAX_TEXT_LENGTH) {
		throw itemError(
			this,
			itemIndex,
			`The message is ${message.length} characters long; WhatsInfinity accepts at most ${MAX_TEXT_LENGTH}`,
			'Shorten it, or split it into several messages.',
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const content: IDataObject = { type: 'text', message };
	if (options.typing === true) content.typing = true;
	return await sendThroughSession(this, itemIndex, run, content);
}
