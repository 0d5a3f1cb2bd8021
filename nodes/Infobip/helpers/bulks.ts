import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withItemIndex } from '../../shared/items';
import { idOf } from '../../shared/parameters';
import { requestRecord } from '../../shared/transport';
import { infobip } from '../transport';

export const bulkIdField: INodeProperties = {
	displayName: 'Bulk ID',
	name: 'bulkId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'n8n-3f1c…',
	description: 'The scheduled campaign: the bulkId Send returned (or the one you gave it)',
};

/** Send splits a large campaign into requests named `<ID>`, `<ID>-2`, `<ID>-3`, …: the others are its parts. */
export const splitPartsField: INodeProperties = {
	displayName: 'Include Split Parts',
	name: 'splitParts',
	type: 'boolean',
	default: true,
	description:
		'Whether to act on the other requests of a campaign that Send split (&lt;Bulk ID&gt;-2, &lt;Bulk ID&gt;-3, …) too, until one is not found. Turn it off for a bulk of your own whose name ends like that.',
};

/** Most parts a campaign is looked for in: Send's largest split at its smallest request size. */
const MAX_PARTS = 1000;

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * A call on a scheduled bulk (`/messages-api/1/bulks[/status]?bulkId=…`), and with Include Split
 * Parts on the same call on each part Send made of it, in order, until one is not found. The item is
 * the first part's answer, with `parts` listing every part's when there are several.
 */
export async function bulkRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: '' | '/status',
	body?: IDataObject,
): Promise<IDataObject> {
	const bulkId = idOf(context, itemIndex, 'bulkId', 'Bulk ID', 'Give the bulkId that Send returned.');
	const hints = { 404: 'No scheduled bulk has that ID: it may have been sent already, or cancelled.' };
	const onePart = async (id: string): Promise<IDataObject> => {
		const { data } = await requestRecord.call(context, infobip, {
			method,
			path: `/messages-api/1/bulks${path}`,
			qs: { bulkId: id },
			...(body ? { body } : {}),
			idempotent: true,
			itemIndex,
			hints,
		});
		return { bulkId: id, ...data };
	};
	const first = await onePart(bulkId);
	if (!context.getNodeParameter('splitParts', itemIndex, true)) return first;
	const parts = [first];
	for (let part = 2; part <= MAX_PARTS; part++) {
		try {
			parts.push(await onePart(`${bulkId}-${part}`));
		} catch (error) {
			if (isNotFound(error)) break;
			throw withItemIndex(context, error, itemIndex);
		}
	}
	return parts.length > 1 ? { ...first, parts } : first;
}
