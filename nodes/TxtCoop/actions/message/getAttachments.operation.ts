import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { textOf } from '../../../shared/json';
import { idOf } from '../../../shared/parameters';
import { unexpectedAnswer } from '../../../shared/failures';
import { downloadFile, requestList } from '../../../shared/transport';
import { messageIdLocator } from '../../helpers/locators';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [
	messageIdLocator,
	{
		displayName: 'Download',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download the files into binary fields attachment_0, attachment_1, …',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAttachments'] } }, properties);

/** An attachment as listed: an object, or just its download URL. */
function attachmentRecord(entry: unknown): IDataObject {
	return typeof entry === 'string' ? { url: entry } : (entry as IDataObject);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const messageId = idOf(this, itemIndex, 'messageId', 'Message ID', 'Give the ID that Send returned (e.g. msg_abc123).');
	const answer = await requestList.call(
		this,
		txtCoop,
		{ method: 'GET', path: `/api/v1/messages/${encodeURIComponent(messageId)}/attachments`, idempotent: true, itemIndex },
		'attachments',
	);
	const attachments = answer.data.map(attachmentRecord);
	const json: IDataObject = { messageId, attachments };
	if (!(this.getNodeParameter('download', itemIndex, false) as boolean)) return { json };

	const binary: IBinaryKeyData = {};
	for (const [index, attachment] of attachments.entries()) {
		const url = textOf(attachment.downloadUrl) ?? textOf(attachment.url);
		if (!url) throw unexpectedAnswer(this, txtCoop, `a download URL for attachment ${index}`, attachment);
		const data = await downloadFile.call(this, txtCoop, url, itemIndex);
		const fileName =
			textOf(attachment.fileName) ?? textOf(attachment.filename) ?? textOf(attachment.name) ?? fileNameOf(url) ?? `attachment_${index}`;
		const mimeType = textOf(attachment.mimeType) ?? textOf(attachment.contentType);
		binary[`attachment_${index}`] = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	}
	return { json, binary };
}

/** The last path segment of a URL, for a file listed without a name. */
function fileNameOf(url: string): string | undefined {
	const segment = new URL(url).pathname.split('/').pop();
	return segment ? decodeURIComponent(segment) : undefined;
}
