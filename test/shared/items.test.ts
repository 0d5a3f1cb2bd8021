import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { forEachItem, InputError, itemError, parseInput } from '../../nodes/shared/items';

const node: INode = { id: '1', name: 'Gateway', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function context(count: number, continueOnFail = false): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: count }, (_, i) => ({ json: { i } })),
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as unknown as IExecuteFunctions;
}

describe('forEachItem', () => {
	it('pairs every output item, including several from one input, to its input', async () => {
		const out = await forEachItem(context(2), async (i) => (i === 0 ? { a: 1 } : [{ b: 1 }, { json: { c: 1 } }]));
		expect(out).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 0 } },
			{ json: { b: 1 }, pairedItem: { item: 1 } },
			{ json: { c: 1 }, pairedItem: { item: 1 } },
		]);
	});

	it('stops at the first failure, naming the item, without running later items', async () => {
		const seen: number[] = [];
		const run = forEachItem(context(3), async (i) => {
			seen.push(i);
			if (i === 1) throw itemError(context(0), i, 'Bad input', 'Fix it');
			return {};
		});
		await expect(run).rejects.toMatchObject({ message: 'Bad input [item 1]', context: { itemIndex: 1 } });
		expect(seen).toEqual([0, 1]);
	});

	it('with items in flight, fails with the lowest failing item even when a later one failed first, and starts no more', async () => {
		const started: number[] = [];
		const run = forEachItem(
			context(10),
			async (i) => {
				started.push(i);
				if (i === 1) await new Promise((resolve) => setTimeout(resolve, 30));
				if (i === 1 || i === 2) throw new Error(`bad ${i}`);
				return {};
			},
			{ inFlight: 3 },
		);
		await expect(run).rejects.toMatchObject({ message: 'bad 1 [item 1]' });
		// 0, 1 and 2 started together; 0 finished and made room for 3; 2 failed, so nothing after.
		expect(started).toEqual([0, 1, 2, 3]);
	});

	it('with Continue On Fail, turns each failure into an error item and goes on', async () => {
		const out = await forEachItem(context(3, true), async (i) => {
			if (i === 0) throw new NodeApiError(node, {}, { message: 'Gateway said no', description: 'Try later', httpCode: '503' });
			if (i === 1) throw Object.assign(new Error('boom'), { config: { headers: { 'X-API-Key': 'secret-key-123' } } });
			return { ok: true };
		});
		// Only `error` at the top, so that n8n's error output takes the item; why it failed, in `reason`.
		expect(out).toEqual([
			{
				json: {
					error: {
						message: 'Gateway said no [item 0]',
						description: 'Try later',
						httpCode: '503',
						reason: 'unknownFate',
						permanent: false,
					},
				},
				pairedItem: { item: 0 },
			},
			{ json: { error: { message: 'boom [item 1]', reason: 'rejected', permanent: true } }, pairedItem: { item: 1 } },
			{ json: { ok: true }, pairedItem: { item: 2 } },
		]);
		expect(JSON.stringify(out)).not.toContain('secret-key-123');
	});
});

describe('parseInput', () => {
	it('labels an InputError with the field and the item', () => {
		expect(() =>
			parseInput(context(1), 4, 'Invalid "To"', () => {
				throw new InputError('it is empty');
			}),
		).toThrow(new NodeOperationError(node, 'Invalid "To": it is empty [item 4]'));
	});

	it('passes the parsed value through', () => {
		expect(parseInput(context(1), 0, 'x', () => 42)).toBe(42);
	});
});
