import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

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

/** A call on one scheduled bulk: `/messages-api/1/bulks[/status]?bulkId=…`. */
export async function bulkRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: '' | '/status',
	body?: IDataObject,
): Promise<IDataObject> {
	const bulkId = idOf(context, itemIndex, 'bulkId', 'Bulk ID', 'Give the bulkId that Send returned.');
	const hints = { 404: 'No scheduled bulk has that ID: it may have been sent already, or cancelled.' };
	const { data } = await requestRecord.call(context, infobip, {
		method,
		path: `/messages-api/1/bulks${path}`,
		qs: { bulkId },
		...(body ? { body } : {}),
		idempotent: true,
		itemIndex,
		hints,
	});
	return { bulkId, ...data };
}
