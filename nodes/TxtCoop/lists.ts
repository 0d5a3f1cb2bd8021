import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../shared/fields';
import { collectByPage } from '../shared/pagination';
import { asObject } from '../shared/json';
import { listFrom, txtCoopRequest } from './transport';

/** txtcoop serves at most 100 per page. */
export const MAX_PAGE_SIZE = 100;

export function listFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return returnAllFields(displayOptions);
}

/**
 * A `page`/`limit` list with Return All or Limit: pages are walked to `pagination.totalPages` or,
 * where the answer has none, to the first short page.
 */
export async function pagedList(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject = {},
	...keys: string[]
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return await collectByPage<IDataObject>({ returnAll, limit, maxPageSize: MAX_PAGE_SIZE }, async (page, pageSize) => {
		const body = await txtCoopRequest.call(context, {
			method: 'GET',
			path,
			qs: { ...qs, page, limit: pageSize },
			idempotent: true,
			itemIndex,
		});
		// Without `pagination` (or its totalPages), a short page is the last.
		const totalPages = Number(asObject(body.pagination).totalPages);
		return { items: listFrom(context, body, ...keys), lastPage: Number.isFinite(totalPages) ? totalPages : undefined };
	});
}
