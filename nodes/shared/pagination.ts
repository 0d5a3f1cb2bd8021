import type { IExecuteFunctions } from 'n8n-workflow';

export interface PageOptions {
	/** Whether to fetch every page; otherwise stop at `limit` items. */
	returnAll: boolean;
	limit: number;
	/** The largest page the gateway serves. */
	maxPageSize: number;
}

export interface Page<T, Next> {
	items: T[];
	/** Where the next page starts, or undefined when this was the last. */
	next: Next | undefined;
}

/** Return All / Limit as the user set them (see returnAllFields), for a gateway serving `maxPageSize` a page. */
export function pageOptionsOf(context: IExecuteFunctions, itemIndex: number, maxPageSize: number): PageOptions {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit, maxPageSize };
}

/** The shared loop: asks for pages no larger than needed until enough items or no next page. */
async function collect<T, Next>(
	options: PageOptions,
	first: Next,
	fetchPage: (position: Next, pageSize: number) => Promise<Page<T, Next>>,
): Promise<T[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	const results: T[] = [];
	let position: Next | undefined = first;
	let previousFirst: string | undefined;
	while (position !== undefined && results.length < wanted) {
		const pageSize = Math.min(options.maxPageSize, wanted - results.length);
		const page: Page<T, Next> = await fetchPage(position, pageSize);
		if (!page.items.length) break;
		// A server that ignores the position sends the same page again: it had no more.
		const firstItem = JSON.stringify(page.items[0]);
		if (firstItem === previousFirst) break;
		previousFirst = firstItem;
		results.push(...page.items.slice(0, wanted - results.length));
		position = page.next;
	}
	return results;
}

/** `offset` + `limit` APIs; the page tells the total when it knows it. */
export async function collectByOffset<T>(
	options: PageOptions,
	fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total?: number }>,
): Promise<T[]> {
	return await collect<T, number>(options, 0, async (offset, limit) => {
		const { items, total } = await fetchPage(offset, limit);
		const nextOffset = offset + items.length;
		// Without a total, only a full page may have a next one (more than asked for: the server ignores paging).
		const more = total !== undefined ? nextOffset < total : items.length === limit;
		return { items, next: more ? nextOffset : undefined };
	});
}

/** `page` (1-based) + page-size APIs; the page tells the last page number when it knows it. */
export async function collectByPage<T>(
	options: PageOptions,
	fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; lastPage?: number }>,
): Promise<T[]> {
	// A page size fixed for the whole walk, so page numbers stay aligned.
	const pageSize = options.returnAll ? options.maxPageSize : Math.min(options.maxPageSize, options.limit);
	return await collect<T, number>({ ...options, maxPageSize: pageSize }, 1, async (page) => {
		const { items, lastPage } = await fetchPage(page, pageSize);
		const more = lastPage !== undefined ? page < lastPage : items.length === pageSize;
		return { items, next: more ? page + 1 : undefined };
	});
}

/** Cursor APIs: each page names the cursor of the next. */
export async function collectByCursor<T>(
	options: PageOptions,
	fetchPage: (cursor: string | null, limit: number) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
	return await collect<T, string | null>(options, null, async (cursor, limit) => {
		const { items, nextCursor } = await fetchPage(cursor, limit);
		return { items, next: nextCursor ? nextCursor : undefined };
	});
}
