import nock from 'nock';

import { runNode, testCredential } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { API_KEY, credentials, gateway } from './fixtures';

const node = (resource: string, operation: string, extra: Record<string, unknown> = {}) => ({
	type: 'infobip',
	parameters: { resource, operation, ...extra },
	credentials,
});

describe('Infobip → reports, inbound, scheduled bulks, balance', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('Delivery Report → Get Many pulls with the filters and limit, one item per report', async () => {
		gateway()
			.get('/messages-api/1/reports')
			.query({ bulkId: 'b', channel: 'SMS', limit: '500' })
			.reply(200, {
				results: [
					{ messageId: 'm1', status: { groupName: 'DELIVERED' } },
					{ messageId: 'm2', status: { groupName: 'UNDELIVERABLE' } },
				],
			});

		const { items, error } = await runNode(node('report', 'getAll', { filters: { bulkId: 'b', channel: 'SMS' }, limit: 500 }));

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.messageId)).toEqual(['m1', 'm2']);
	});

	it.each([
		['the documented results key', { results: [{ messageId: 'm1' }] }, ['m1']],
		['a reports key', { reports: [{ messageId: 'm1' }] }, ['m1']],
		['nothing when nothing waits', {}, []],
		['a null list and counts', { results: null, messageCount: 0 }, []],
	])('Delivery Report → Get Many reads %s', async (_name, answer, ids) => {
		gateway().get('/messages-api/1/reports').query(true).reply(200, answer);
		const { items, error } = await runNode(node('report', 'getAll', { limit: 50 }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.messageId)).toEqual(ids);
	});

	it('Delivery Report → Get Many fails on an answer that is no list of results, rather than returning nothing', async () => {
		gateway().get('/messages-api/1/reports').query(true).reply(200, { error: 'maintenance' });
		const { error } = await runNode(node('report', 'getAll', { limit: 50 }));
		expect(error?.message).toBe('Infobip answered without a list of results (under "results") [item 0]');
	});

	it('refuses a pull limit over 1,000 before any request', async () => {
		const scope = gateway().get(/.*/).reply(200, { results: [] });
		const { error } = await runNode(node('report', 'getAll', { limit: 1001 }));
		expect(error?.message).toBe('Limit 1001 is out of range [item 0]');
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it('Inbound Message → Get Many pulls by channel', async () => {
		gateway()
			.get('/messages-api/1/inbound')
			.query({ channel: 'WHATSAPP', limit: '50' })
			.reply(200, { results: [{ messageId: 'mo1' }], messageCount: 1, pendingMessageCount: 0 });
		const { items } = await runNode(node('inbound', 'getAll', { channel: 'WHATSAPP' }));
		expect(items.map((i) => i.json.messageId)).toEqual(['mo1']);
	});

	it('Scheduled Bulk: get, reschedule, get status, and pause/resume/cancel on the bulks endpoints', async () => {
		const calls: string[] = [];
		const log = (label: string) => (body: unknown) => (calls.push(`${label} ${JSON.stringify(body)}`), true);
		gateway().get('/messages-api/1/bulks').query({ bulkId: 'c1' }).reply(200, { bulkId: 'c1', sendAt: '2026-11-23T09:30:00.000+0000' });
		gateway()
			.put('/messages-api/1/bulks', log('reschedule'))
			.query({ bulkId: 'c1' })
			.reply(200, { bulkId: 'c1', sendAt: '2026-11-24T08:00:00.000+0000' });
		gateway().get('/messages-api/1/bulks/status').query({ bulkId: 'c1' }).reply(200, { bulkId: 'c1', status: 'PENDING' });
		gateway().put('/messages-api/1/bulks/status', log('status')).query({ bulkId: 'c1' }).reply(200, { bulkId: 'c1', status: 'CANCELED' });

		// Each looks for a second part of the campaign (Send names them c1-2, c1-3, …): there is none.
		const notFound = { requestError: { serviceException: { messageId: 'NOT_FOUND', text: 'Bulk c1-2 not found' } } };
		gateway().get('/messages-api/1/bulks').query({ bulkId: 'c1-2' }).reply(404, notFound);
		gateway().put('/messages-api/1/bulks').query({ bulkId: 'c1-2' }).reply(404, notFound);
		gateway().get('/messages-api/1/bulks/status').query({ bulkId: 'c1-2' }).reply(404, notFound);
		gateway().put('/messages-api/1/bulks/status').query({ bulkId: 'c1-2' }).reply(404, notFound);

		const got = await runNode(node('scheduledBulk', 'get', { bulkId: 'c1' }));
		const moved = await runNode(node('scheduledBulk', 'reschedule', { bulkId: 'c1', sendAt: '2026-11-24T08:00:00Z' }));
		const status = await runNode(node('scheduledBulk', 'getStatus', { bulkId: 'c1' }));
		const cancelled = await runNode(node('scheduledBulk', 'updateStatus', { bulkId: 'c1', status: 'CANCELED' }));

		expect([got, moved, status, cancelled].map((r) => r.items[0].json)).toEqual([
			{ bulkId: 'c1', sendAt: '2026-11-23T09:30:00.000+0000' },
			{ bulkId: 'c1', sendAt: '2026-11-24T08:00:00.000+0000' },
			{ bulkId: 'c1', status: 'PENDING' },
			{ bulkId: 'c1', status: 'CANCELED' },
		]);
		expect(calls).toEqual(['reschedule {"sendAt":"2026-11-24T08:00:00.000+0000"}', 'status {"status":"CANCELED"}']);
	});

	it('Cancel, pause, resume and reschedule cover every request of a campaign Send split, and only it when told', async () => {
		const cancelled: string[] = [];
		gateway()
			.put('/messages-api/1/bulks/status')
			.query(true)
			.times(5)
			.reply((uri) => {
				const bulkId = new URL(uri, 'https://x').searchParams.get('bulkId')!;
				if (!['big', 'big-2', 'big-3'].includes(bulkId))
					return [404, { requestError: { serviceException: { messageId: 'NOT_FOUND', text: 'not found' } } }];
				cancelled.push(bulkId);
				return [200, { bulkId, status: 'CANCELED' }];
			});

		const all = await runNode(node('scheduledBulk', 'updateStatus', { bulkId: 'big', status: 'CANCELED' }));
		const onlyFirst = await runNode(node('scheduledBulk', 'updateStatus', { bulkId: 'big', status: 'CANCELED', splitParts: false }));

		expect(cancelled).toEqual(['big', 'big-2', 'big-3', 'big']);
		expect(all.items[0].json).toEqual({
			bulkId: 'big',
			status: 'CANCELED',
			parts: [
				{ bulkId: 'big', status: 'CANCELED' },
				{ bulkId: 'big-2', status: 'CANCELED' },
				{ bulkId: 'big-3', status: 'CANCELED' },
			],
		});
		expect(onlyFirst.items[0].json).toEqual({ bulkId: 'big', status: 'CANCELED' });
		nock.cleanAll();
	});

	it('Reschedule refuses a time in the past before any request', async () => {
		const scope = gateway().put(/.*/).reply(200, {});
		const { error } = await runNode(node('scheduledBulk', 'reschedule', { bulkId: 'c1', sendAt: '2020-01-01T00:00:00Z' }));
		expect(error?.message).toBe('Send At 2020-01-01T00:00:00.000Z is in the past [item 0]');
		expect(scope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it('Account → Get Balance', async () => {
		gateway().get('/account/1/balance').reply(200, { balance: 47.79, currency: 'EUR' });
		expect((await runNode(node('account', 'getBalance'))).items[0].json).toEqual({ balance: 47.79, currency: 'EUR' });
	});
});

describe('Infobip API credential test', () => {
	it('reads the balance with the App key', async () => {
		const scope = gateway().get('/account/1/balance').reply(200, { balance: 1, currency: 'EUR' });
		const { error } = await testCredential('infobipApi', credentials.infobipApi);
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('fails for a refused key without echoing it', async () => {
		gateway()
			.get('/account/1/balance')
			.times(2)
			.reply(401, { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } });
		const { error } = await testCredential('infobipApi', credentials.infobipApi);
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
