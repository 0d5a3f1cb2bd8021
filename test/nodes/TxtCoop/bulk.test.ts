import nock from 'nock';

import { errorOf } from '../../harness/common-shapes';
import { runNode } from '../../harness/n8n';
import { BASE_URL, credentials, gateway, page } from './fixtures';

const bulk = (parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'txtCoop',
	parameters: { resource: 'bulkJob', ...parameters },
	credentials,
	continueOnFail,
});
const create = (options: Record<string, unknown> = {}) =>
	bulk({ operation: 'create', to: '={{ $json.phone }}', body: '=Hi {{ $json.name }}', options });
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ phone: `+1415555${String(1000 + i)}`, name: `P${i}` }));

describe('txtcoop → Bulk Job', () => {
	it('Create sends all input items as one job, paired to all of them', async () => {
		let body: { messages: unknown[] } = { messages: [] };
		gateway()
			.post('/api/v1/messages/bulk', (b) => ((body = b), true))
			.reply(201, { jobId: 'bulk_1', status: 'processing', totalRecipients: 3, createdAt: '2026-11-22T12:00:00Z' });

		const { items, error } = await runNode(create(), people(3));

		expect(error).toBeUndefined();
		expect(body.messages).toEqual([
			{ to: '+14155551000', body: 'Hi P0' },
			{ to: '+14155551001', body: 'Hi P1' },
			{ to: '+14155551002', body: 'Hi P2' },
		]);
		expect(items).toEqual([
			{
				json: {
					jobId: 'bulk_1',
					totalRecipients: 3,
					createdAt: '2026-11-22T12:00:00Z',
					itemCount: 3,
					// A job stands for all its recipients: it names none.
					gateway: 'txtcoop',
					messageId: 'bulk_1',
					to: null,
					fate: 'sent',
					status: 'queued',
					gatewayStatus: 'processing',
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
	});

	it('splits a large input into jobs of Recipients Per Job', async () => {
		const sizes: number[] = [];
		gateway()
			.post('/api/v1/messages/bulk', (b) => (sizes.push(b.messages.length), true))
			.times(3)
			.reply(201, () => ({ jobId: `bulk_${sizes.length}`, status: 'processing', totalRecipients: sizes[sizes.length - 1] }));

		const { items } = await runNode(create({ jobSize: 4 }), people(10));

		expect(sizes).toEqual([4, 4, 2]);
		expect(items.map((i) => [i.json.jobId, (i.pairedItem as Array<{ item: number }>).map((p) => p.item)])).toEqual([
			['bulk_1', [0, 1, 2, 3]],
			['bulk_2', [4, 5, 6, 7]],
			['bulk_3', [8, 9]],
		]);
	});

	it('a bad item stops the whole job before anything is sent', async () => {
		const scope = nock(BASE_URL).post(/.*/).reply(201, {});

		const { error } = await runNode(create(), [...people(2), { phone: 'nope', name: 'X' }]);

		expect(error?.message).toMatch(/^Invalid "To": "nope" is not a phone number.*\[item 2\]$/);
		expect(scope.isDone()).toBe(false);
	});

	it('with Continue On Fail, a bad item is reported and the rest form the job', async () => {
		let body: { messages: Array<{ to: string }> } = { messages: [] };
		gateway()
			.post('/api/v1/messages/bulk', (b) => ((body = b), true))
			.reply(201, { jobId: 'bulk_9', status: 'processing', totalRecipients: 2 });

		const { items } = await runNode({ ...create(), continueOnFail: true }, [people(1)[0], { phone: 'nope', name: 'X' }, people(3)[2]]);

		expect(body.messages.map((m) => m.to)).toEqual(['+14155551000', '+14155551002']);
		expect(items.map((i) => [i.json.jobId ?? errorOf(i)?.message, i.pairedItem])).toEqual([
			[expect.stringMatching(/^Invalid "To": "nope".*\[item 1\]$/), { item: 1 }],
			['bulk_9', [{ item: 0 }, { item: 2 }]],
		]);
	});

	it('Get, Get Many and Get Results read their endpoints; results page through Return All', async () => {
		gateway().get('/api/v1/messages/bulk/bulk_1').reply(200, { jobId: 'bulk_1', status: 'completed', progress: 100 });
		gateway()
			.get('/api/v1/messages/bulk')
			.query(true)
			.reply(200, page([{ jobId: 'bulk_1' }, { jobId: 'bulk_2' }], 1, 50, 2));
		gateway()
			.get('/api/v1/messages/bulk/bulk_1/results')
			.query((q) => q.limit === '100')
			.times(2)
			.reply(200, (uri) => {
				const pageNumber = Number(new URL(uri, BASE_URL).searchParams.get('page'));
				const results = Array.from({ length: pageNumber === 1 ? 100 : 20 }, (_, i) => ({ to: `+1${pageNumber}${i}`, status: 'delivered' }));
				return page(results, pageNumber, 100, 120);
			});

		const job = await runNode(bulk({ operation: 'get', jobId: 'bulk_1' }));
		const jobs = await runNode(bulk({ operation: 'getAll', limit: 50 }));
		const results = await runNode(bulk({ operation: 'getResults', jobId: 'bulk_1', returnAll: true }));

		expect(job.items[0].json).toEqual({ jobId: 'bulk_1', status: 'completed', progress: 100 });
		expect(jobs.items.map((i) => i.json.jobId)).toEqual(['bulk_1', 'bulk_2']);
		expect(results.items).toHaveLength(120);
	});
});

describe('txtcoop → Relay and Conversation', () => {
	it('lists relays, online or not, and gets one', async () => {
		gateway()
			.get('/api/v1/relays')
			.reply(200, {
				data: [
					{ id: 'r1', name: 'Office Mac', status: 'online' },
					{ id: 'r2', name: 'Home Mac', status: 'offline' },
				],
			});
		gateway()
			.get('/api/v1/relays/r2')
			.reply(200, { data: { id: 'r2', status: 'offline', lastHeartbeat: 'x' } });

		const all = await runNode({ type: 'txtCoop', parameters: { resource: 'relay', operation: 'getAll' }, credentials });
		const one = await runNode({ type: 'txtCoop', parameters: { resource: 'relay', operation: 'get', relayId: 'r2' }, credentials });

		expect(all.items.map((i) => [i.json.id, i.json.status])).toEqual([
			['r1', 'online'],
			['r2', 'offline'],
		]);
		expect(one.items[0].json).toEqual({ id: 'r2', status: 'offline', lastHeartbeat: 'x' });
	});

	it('takes a bare list as well as one under data', async () => {
		gateway()
			.get('/api/v1/relays')
			.reply(200, [{ id: 'r1', status: 'online' }]);

		const { items } = await runNode({ type: 'txtCoop', parameters: { resource: 'relay', operation: 'getAll' }, credentials });

		expect(items.map((i) => i.json.id)).toEqual(['r1']);
	});

	it('gets, lists and looks up conversations by participant', async () => {
		gateway()
			.get('/api/v1/conversations/conv_1')
			.reply(200, { id: 'conv_1', participants: ['+14155550123'] });
		gateway()
			.get('/api/v1/conversations')
			.query({ page: '1', limit: '10' })
			.reply(200, page([{ id: 'conv_1' }], 1, 10, 1));
		gateway()
			.get('/api/v1/conversations/lookup')
			.query({ participant: '+14155550123' })
			.reply(200, { data: [{ id: 'conv_1' }] });

		const one = await runNode({
			type: 'txtCoop',
			parameters: { resource: 'conversation', operation: 'get', conversationId: 'conv_1' },
			credentials,
		});
		const list = await runNode({ type: 'txtCoop', parameters: { resource: 'conversation', operation: 'getAll', limit: 10 }, credentials });
		const found = await runNode({
			type: 'txtCoop',
			parameters: { resource: 'conversation', operation: 'lookup', participant: '+1 (415) 555-0123' },
			credentials,
		});

		expect(one.items[0].json.id).toBe('conv_1');
		expect(list.items.map((i) => i.json.id)).toEqual(['conv_1']);
		expect(found.items.map((i) => i.json.id)).toEqual(['conv_1']);
	});

	it('an empty ID fails its item without a request', async () => {
		const scope = nock(BASE_URL).get(/.*/).reply(200, {});

		const { error } = await runNode({
			type: 'txtCoop',
			parameters: { resource: 'relay', operation: 'get', relayId: '={{ "" }}' },
			credentials,
		});

		expect(error?.message).toBe('No Relay ID is set [item 0]');
		expect(scope.isDone()).toBe(false);
	});
});
