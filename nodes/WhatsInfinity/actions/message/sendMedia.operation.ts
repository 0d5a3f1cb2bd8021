import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemError } from '../../../shared/items';
import { plainText } from '../../../shared/parameters';
import { isHttpUrl } from '../../../shared/url';
import { sendOptions, sessionOperation, toField } from '../../helpers/send';

export const MEDIA_TYPES = ['media', 'image', 'video', 'audio', 'document'];

const properties: INodeProperties[] = [
	toField(),
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'Formats such as mp3 and ogg' },
			{ name: 'Detect From File', value: 'media', description: 'Let WhatsInfinity tell from the file' },
			{ name: 'Document', value: 'document', description: 'Formats such as pdf, docx and xlsx' },
			{ name: 'Image', value: 'image', description: 'Formats such as jpg, png and gif' },
			{ name: 'Video', value: 'video', description: 'Formats such as mp4' },
		],
		default: 'media',
		description: 'How WhatsApp shows the file; Detect From File when unsure',
	},
	{
		displayName: 'File URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://files.example.com/invoice.pdf',
		description: 'Public http(s) address WhatsInfinity downloads the file from',
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Text shown with an image, video or document',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'Name the recipient sees for a document',
	},
	sendOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendMedia'] } }, properties);

/** The item's message, checked. */
function contentOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = String(this.getNodeParameter('mediaType', itemIndex, 'media'))
		.trim()
		.toLowerCase();
	if (!MEDIA_TYPES.includes(type)) {
		throw itemError(this, itemIndex, `Unknown media type "${type}"`, `Use one of: ${MEDIA_TYPES.join(', ')}.`);
	}
	const url = String(this.getNodeParameter('url', itemIndex, '')).trim();
	if (!isHttpUrl(url)) {
		throw itemError(
			this,
			itemIndex,
			`"${url}" is not an http(s) URL`,
			'Give the full public address of the file, starting with https:// (WhatsInfinity downloads it from there).',
		);
	}
	const content: IDataObject = { type, url };
	const caption = plainText(this, itemIndex, this.getNodeParameter('caption', itemIndex, ''), 'Caption');
	const fileName = String(this.getNodeParameter('fileName', itemIndex, '') ?? '').trim();
	if (caption) content.caption = caption;
	if (fileName) content.fileName = fileName;
	return content;
}

export const operation = sessionOperation(contentOf);
