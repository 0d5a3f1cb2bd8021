import { listSearch, runNode } from '../../harness/n8n';
import { credentials, gateway, page } from './fixtures';

const setup = { type: 'txtCoop', parameters: {}, credentials };

describe('txtcoop: IDs from lists', () => {
	it('lists relays for the picker, narrowed to what was typed', async () => {
		gateway()
			.get('/api/v1/relays')
			.query({ page: '1', limit: '100' })
			.reply(200, {
				data: [
					{ id: 'relay_office', name: 'Office Mac mini', status: 'online' },
					{ id: 'relay_home', name: 'Home MacBook', status: 'offline' },
				],
			});

		const found = await listSearch(setup, 'searchRelays', 'office');

		expect(found).toEqual({ results: [{ name: 'Office Mac mini (online)', value: 'relay_office' }], paginationToken: undefined });
	});

	it('pages through messages and bulk jobs with the next page as the token', async () => {
		gateway()
			.get('/api/v1/messages')
			.query({ page: '2', limit: '100' })
			.reply(200, page([{ id: 'msg_1', direction: 'received', from: 'anna@icloud.com', body: 'Table for two?' }], 2, 100, 250));
		gateway()
			.get('/api/v1/messages/bulk')
			.query({ page: '1', limit: '100' })
			.reply(200, page([{ jobId: 'bulk_1', status: 'completed', totalRecipients: 50 }], 1, 100, 1));

		const messages = await listSearch(setup, 'searchMessages', undefined, '2');
		const jobs = await listSearch(setup, 'searchBulkJobs');

		expect(messages).toEqual({ results: [{ name: 'anna@icloud.com: Table for two?', value: 'msg_1' }], paginationToken: '3' });
		expect(jobs).toEqual({ results: [{ name: 'bulk_1 (completed, 50 recipients)', value: 'bulk_1' }], paginationToken: undefined });
	});

	it('lists conversations by their participants', async () => {
		gateway()
			.get('/api/v1/conversations')
			.query(true)
			.reply(200, { data: [{ id: 'conv_1', participants: ['+14155550123', 'anna@icloud.com'] }] });
		expect((await listSearch(setup, 'searchConversations')).results).toEqual([{ name: '+14155550123, anna@icloud.com', value: 'conv_1' }]);
	});

	it.each([
		['getStatus', 'messageId', '/api/v1/messages/msg_1/status', { id: 'msg_1', status: 'sent' }],
		['getResults', 'jobId', '/api/v1/messages/bulk/bulk_1/results', { data: [{ to: '+14155550123', status: 'delivered' }] }],
	])('%s takes the picked ID (a resource locator value)', async (operation, name, path, answer) => {
		gateway().get(path).query(true).reply(200, answer);
		const resource = operation === 'getStatus' ? 'message' : 'bulkJob';

		const { items, error } = await runNode({
			type: 'txtCoop',
			parameters: {
				resource,
				operation,
				[name]: { __rl: true, mode: 'list', value: path.split('/')[name === 'jobId' ? 5 : 4] },
				returnAll: true,
			},
			credentials,
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});
