import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkText, itemOptions } from '../../../shared/parameters';
import { sendOptions, sessionOperation, toField } from '../../helpers/send';

const MAX_TEXT_LENGTH = 65_000;

const properties: INodeProperties[] = [
	toField(),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'Text to send, at most 65,000 characters',
	},
	sendOptions([
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

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendText'] } }, properties);

/** The item's message, checked. */
function contentOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const message = checkText(this, itemIndex, this.getNodeParameter('message', itemIndex, ''), {
		field: 'Message',
		max: MAX_TEXT_LENGTH,
		gateway: 'WhatsInfinity',
	});
	const options = itemOptions(this, itemIndex);
	const content: IDataObject = { type: 'text', message };
	if (options.typing === true) content.typing = true;
	return content;
}

export const operation = sessionOperation(contentOf);
