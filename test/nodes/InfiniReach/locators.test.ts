import { listSearch, runNode } from '../../harness/n8n';
import { credentials, gateway } from './fixtures';

const row = (n: number) => ({
	_id: `m${n}`,
	direction: 'inbound',
	e164From: '+14155550123',
	e164To: '+15559876543',
	body: `Order ${n} is ready for pickup today`,
	status: 'delivered',
	createdAt: 't',
});

describe('InfiniReach: message IDs from a list', () => {
	it('lists the latest messages for the picker, searching their text, with the next offset as the token', async () => {
		const asked: Array<Record<string, string>> = [];
		gateway()
			.get('/api/v1/messages')
			.query((q) => (asked.push(q as Record<string, string>), true))
			.times(2)
			.reply(200, (uri) => {
				const offset = Number(new URL(uri, 'http://x').searchParams.get('offset'));
				const rows = Array.from({ length: offset === 0 ? 50 : 3 }, (_, i) => row(offset + i));
				return { messages: rows, total: 53, returned: rows.length, limit: 50, offset };
			});

		const first = await listSearch({ type: 'infiniReach', parameters: {}, credentials }, 'searchMessages', 'order');
		const second = await listSearch({ type: 'infiniReach', parameters: {}, credentials }, 'searchMessages', 'order', first.paginationToken);

		expect(asked).toEqual([
			{ limit: '50', offset: '0', q: 'order' },
			{ limit: '50', offset: '50', q: 'order' },
		]);
		expect(first.results[0]).toEqual({ name: '+14155550123 → +15559876543: Order 0 is ready for pickup today', value: 'm0' });
		expect([first.results.length, first.paginationToken, second.results.length, second.paginationToken]).toEqual([50, '50', 3, undefined]);
	});

	it('Get takes the picked message (a resource locator value)', async () => {
		gateway()
			.get('/api/v1/messages/m7')
			.reply(200, { success: true, message: row(7) });

		const { items, error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'get', messageId: { __rl: true, mode: 'list', value: 'm7' } },
			credentials,
		});

		expect(error).toBeUndefined();
		expect(items[0].json._id).toBe('m7');
	});
});
