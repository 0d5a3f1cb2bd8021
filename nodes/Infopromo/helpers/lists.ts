import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asObject } from '../../shared/json';
import { collectByPage, pageOptionsOf } from '../../shared/pagination';
import type { RequestContext } from '../../shared/gateway';
import { requestList } from '../../shared/transport';
import { infopromo } from '../transport';

/** The platform does not say how many a page holds: pages are as long as it makes them. */
const ANY_PAGE_SIZE = 1000;

/** One Laravel page: `{current_page, data: […], next_page_url, last_page, per_page, total}`. */
export async function laravelPage(context: RequestContext, path: string, qs: IDataObject, page: number, itemIndex?: number) {
	const answer = await requestList.call(context, infopromo, { method: 'GET', path, qs: { ...qs, page }, idempotent: true, itemIndex });
	const last = Number(answer.body.last_page);
	const total = Number(answer.body.total);
	return {
		items: answer.data,
		/** Laravel's last_page, where it says. */
		lastPage: Number.isFinite(last) ? last : undefined,
		/** Laravel's total, where it says. */
		total: answer.body.total !== undefined && Number.isFinite(total) ? total : undefined,
		more: Number.isFinite(last) ? page < last : Boolean(answer.body.next_page_url),
	};
}

/** A Laravel-paginated list with Return All or Limit. */
export async function laravelList(context: IExecuteFunctions, itemIndex: number, path: string, qs: IDataObject): Promise<IDataObject[]> {
	return await collectByPage<IDataObject>(pageOptionsOf(context, itemIndex, ANY_PAGE_SIZE), async (page) => {
		const { items, more } = await laravelPage(context, path, qs, page, itemIndex);
		return { items, lastPage: more ? page + 1 : page };
	});
}

/** A message's ID: `uid`, as the platform names it. */
export function uidOf(record: IDataObject): string | undefined {
	const value = asObject(record).uid ?? record.id;
	return value === undefined || value === null ? undefined : String(value);
}
