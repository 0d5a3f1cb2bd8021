import { collectByCursor, collectByOffset, collectByPage } from '../../nodes/shared/pagination';

const range = (from: number, count: number) => Array.from({ length: Math.max(0, count) }, (_, i) => from + i);

describe('pagination', () => {
	it('by offset: walks to the total, asking only for what is still wanted', async () => {
		const asked: Array<[number, number]> = [];
		const all = await collectByOffset({ returnAll: true, limit: 0, maxPageSize: 100 }, async (offset, limit) => {
			asked.push([offset, limit]);
			return { items: range(offset, Math.min(limit, 250 - offset)), total: 250 };
		});
		expect(all).toEqual(range(0, 250));
		expect(asked).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);

		asked.length = 0;
		const some = await collectByOffset({ returnAll: false, limit: 130, maxPageSize: 100 }, async (offset, limit) => {
			asked.push([offset, limit]);
			return { items: range(offset, limit), total: 250 };
		});
		expect(some).toEqual(range(0, 130));
		expect(asked).toEqual([
			[0, 100],
			[100, 30],
		]);
	});

	it('by offset without a total: stops at the first short page', async () => {
		const asked: number[] = [];
		const all = await collectByOffset({ returnAll: true, limit: 0, maxPageSize: 10 }, async (offset, limit) => {
			asked.push(offset);
			return { items: range(offset, Math.min(limit, 15 - offset)) };
		});
		expect(all).toEqual(range(0, 15));
		expect(asked).toEqual([0, 10]);
	});

	it('by page: keeps one page size so page numbers line up, and trims to the limit', async () => {
		const asked: Array<[number, number]> = [];
		const some = await collectByPage({ returnAll: false, limit: 25, maxPageSize: 100 }, async (page, size) => {
			asked.push([page, size]);
			return { items: range((page - 1) * size, size), lastPage: 10 };
		});
		expect(some).toEqual(range(0, 25));
		expect(asked).toEqual([[1, 25]]);

		asked.length = 0;
		const all = await collectByPage({ returnAll: true, limit: 0, maxPageSize: 2 }, async (page, size) => {
			asked.push([page, size]);
			return { items: range((page - 1) * size, size), lastPage: 3 };
		});
		expect(all).toEqual(range(0, 6));
		expect(asked.map(([page]) => page)).toEqual([1, 2, 3]);
	});

	it('by cursor: follows each next cursor until there is none', async () => {
		const cursors: Array<string | null> = [];
		const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
			start: { items: [1, 2], nextCursor: 'b' },
			b: { items: [3], nextCursor: 'c' },
			c: { items: [4], nextCursor: null },
		};
		const all = await collectByCursor({ returnAll: true, limit: 0, maxPageSize: 2 }, async (cursor) => {
			cursors.push(cursor);
			return pages[cursor ?? 'start'];
		});
		expect(all).toEqual([1, 2, 3, 4]);
		expect(cursors).toEqual([null, 'b', 'c']);
	});

	it('stops on an empty page even if the gateway claims more', async () => {
		let calls = 0;
		const all = await collectByOffset({ returnAll: true, limit: 0, maxPageSize: 10 }, async () => {
			calls++;
			return { items: [], total: 1000 };
		});
		expect(all).toEqual([]);
		expect(calls).toBe(1);
	});
});
