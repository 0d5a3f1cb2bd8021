import { runNode } from '../../harness/n8n';
import { credentials, gateway } from './fixtures';

const message = (n: number) => ({ _id: `m${n}`, direction: 'inbound', from: '+14155550123', body: `text ${n}` });
const messages = (from: number, count: number) => Array.from({ length: count }, (_, i) => message(from + i));

describe('InfiniReach → Message → Get Many', () => {
	it('sends the filters in the gateway query form and returns one item per message', async () => {
		let query: Record<string, string> = {};
		const scope = gateway()
			.get('/api/v1/messages')
			.query((q) => ((query = q as Record<string, string>), true))
			.reply(200, { messages: messages(1, 2), total: 2, returned: 2, limit: 10, offset: 0 });

		const { items, error } = await runNode({
			type: 'infiniReach',
			parameters: {
				resource: 'message',
				operation: 'getAll',
				limit: 10,
				filters: {
					from: '+1 (415) 555-0123',
					to: '+44 20 7946 0958',
					conversation: 'strict',
					direction: 'inbound',
					channel: 'whatsapp',
					status: 'delivered',
					q: 'order',
					order: 'asc',
					since: '2026-11-01T00:00:00.000Z',
				},
			},
			credentials,
		});

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(query).toEqual({
			from: '+14155550123',
			to: '+442079460958',
			conversation: 'strict',
			direction: 'inbound',
			channel: 'whatsapp',
			status: 'delivered',
			q: 'order',
			order: 'asc',
			since: '2026-11-01T00:00:00.000Z',
			limit: '10',
			offset: '0',
		});
		expect(items.map((i) => i.json._id)).toEqual(['m1', 'm2']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('leaves out a whole-thread conversation filter, which is the gateway default', async () => {
		let query: Record<string, string> = {};
		gateway()
			.get('/api/v1/messages')
			.query((q) => ((query = q as Record<string, string>), true))
			.reply(200, { messages: [], total: 0 });

		await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'getAll', limit: 5, filters: { conversation: 'both' } },
			credentials,
		});

		expect(query).toEqual({ limit: '5', offset: '0' });
	});

	it('with Return All walks every page at the 500 maximum until the total is reached', async () => {
		const offsets: string[] = [];
		const scope = gateway()
			.get('/api/v1/messages')
			.query((q) => (offsets.push(`${String(q.offset)}/${String(q.limit)}`), true))
			.times(3)
			.reply(200, (uri) => {
				const offset = Number(new URL(uri, 'http://x').searchParams.get('offset'));
				const count = Math.min(500, 1203 - offset);
				return { messages: messages(offset, count), total: 1203, returned: count, limit: 500, offset };
			});

		const { items, error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'getAll', returnAll: true },
			credentials,
		});

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(offsets).toEqual(['0/500', '500/500', '1000/500']);
		expect(items).toHaveLength(1203);
		expect(items[1202].json._id).toBe('m1202');
	});

	it('with a Limit asks for no more than it needs and stops there', async () => {
		const asked: string[] = [];
		gateway()
			.get('/api/v1/messages')
			.query((q) => (asked.push(`${String(q.offset)}/${String(q.limit)}`), true))
			.reply(200, { messages: messages(0, 7), total: 900 });

		const { items } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'getAll', limit: 7 },
			credentials,
		});

		expect(asked).toEqual(['0/7']);
		expect(items).toHaveLength(7);
	});

	it("filters by a device number the numbering plan does not know (the sandbox's +1 555 …), formatting it only", async () => {
		let query: Record<string, string> = {};
		gateway()
			.get('/api/v1/messages')
			.query((q) => ((query = q as Record<string, string>), true))
			.reply(200, { messages: [], total: 0, returned: 0, limit: 5, offset: 0 });

		const { error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'getAll', limit: 5, filters: { to: '+1 (555) 987-6543' } },
			credentials,
		});

		expect(error).toBeUndefined();
		expect(query.to).toBe('+15559876543');
	});

	it('rejects a filter number that is not a phone number, before any request', async () => {
		const scope = gateway().get(/.*/).reply(200, { messages: [] });

		const { error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'getAll', limit: 5, filters: { from: 'abc' } },
			credentials,
		});

		expect(error?.message).toMatch(/^Invalid "From" filter: "abc" is not a phone number.*\[item 0\]$/);
		expect(scope.isDone()).toBe(false);
	});
});

describe('InfiniReach → Message → Get', () => {
	it('fetches one message by ID and unwraps the envelope', async () => {
		gateway()
			.get('/api/v1/messages/abc%2F1')
			.reply(200, { success: true, message: { _id: 'abc/1', status: 'delivered' } });

		const { items, error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'get', messageId: ' abc/1 ' },
			credentials,
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ _id: 'abc/1', status: 'delivered' }]);
	});

	it('explains a 404: the ID is unknown or the server lacks the endpoint', async () => {
		gateway().get('/api/v1/messages/nope').reply(404, { error: 'Not found' });

		const { error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'message', operation: 'get', messageId: 'nope' },
			credentials,
		});

		expect(error?.message).toBe('InfiniReach answered 404: Not found [item 0]');
		expect(error?.description).toContain('Use Message → Get Many with filters instead');
	});
});
