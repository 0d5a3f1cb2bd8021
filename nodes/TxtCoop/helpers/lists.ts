import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asObject } from '../../shared/json';
import { collectByPage, pageOptionsOf } from '../../shared/pagination';
import { requestList } from '../../shared/transport';
import { txtCoop } from '../transport';

/** txtcoop serves at most 100 per page. */
export const MAX_PAGE_SIZE = 100;

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
	return await collectByPage<IDataObject>(pageOptionsOf(context, itemIndex, MAX_PAGE_SIZE), async (page, pageSize) => {
		const answer = await requestList.call(
			context,
			txtCoop,
			{ method: 'GET', path, qs: { ...qs, page, limit: pageSize }, idempotent: true, itemIndex },
			...keys,
		);
		// Without `pagination` (or its totalPages), a short page is the last.
		const totalPages = Number(asObject(answer.body.pagination).totalPages);
		return { items: answer.data, lastPage: Number.isFinite(totalPages) ? totalPages : undefined };
	});
}
