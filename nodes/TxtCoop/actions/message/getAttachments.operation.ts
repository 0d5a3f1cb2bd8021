import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textOf } from '../../../shared/json';
import { baseUrlFrom, gatewayRequest, unexpectedAnswer } from '../../../shared/request';
import { USER_AGENT } from '../../../shared/version';
import { CREDENTIAL_TYPE, listFrom, txtCoop, txtCoopRequest } from '../../transport';
import { messageIdField, messageIdOf } from './messageId';

const displayOptions = { show: { resource: ['message'], operation: ['getAttachments'] } };

export const description: INodeProperties[] = [
	messageIdField(displayOptions),
	{
		displayName: 'Download',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download the files into binary fields attachment_0, attachment_1, …',
		displayOptions,
	},
];

/**
 * The file behind a download URL. The API key goes only to the txtcoop host itself; files on other
 * hosts (storage links) are fetched without it.
 */
async function download(context: IExecuteFunctions, itemIndex: number, url: string, baseUrl: string): Promise<Buffer> {
	const target = new URL(url, baseUrl);
	if (target.origin === new URL(baseUrl).origin) {
		const response = await gatewayRequest.call(context, txtCoop, {
			method: 'GET',
			path: `${target.pathname}${target.search}`,
			binary: true,
			idempotent: true,
			itemIndex,
		});
		return Buffer.from(response.body as Buffer);
	}
	const body = (await context.helpers.httpRequest({
		method: 'GET',
		url: target.toString(),
		encoding: 'arraybuffer',
		headers: { 'User-Agent': USER_AGENT },
	})) as ArrayBuffer;
	return Buffer.from(body);
}

/** An attachment as listed: an object, or just its download URL. */
function attachmentRecord(entry: unknown): IDataObject {
	return typeof entry === 'string' ? { url: entry } : (entry as IDataObject);
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const messageId = messageIdOf(this, itemIndex);
	const body = await txtCoopRequest.call(this, {
		method: 'GET',
		path: `/api/v1/messages/${messageId}/attachments`,
		idempotent: true,
		itemIndex,
	});
	const attachments = listFrom(this, body, 'attachments').map(attachmentRecord);
	const json: IDataObject = { messageId: decodeURIComponent(messageId), attachments };
	if (!(this.getNodeParameter('download', itemIndex, false) as boolean)) return { json };

	const baseUrl = baseUrlFrom(await this.getCredentials(CREDENTIAL_TYPE, itemIndex), txtCoop);
	const binary: IBinaryKeyData = {};
	for (const [index, attachment] of attachments.entries()) {
		const url = textOf(attachment.downloadUrl) ?? textOf(attachment.url);
		if (!url) throw unexpectedAnswer(this, txtCoop, `a download URL for attachment ${index}`, attachment);
		const data = await download(this, itemIndex, url, baseUrl);
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
