import type { IDataObject } from 'n8n-workflow';

import { runPoll, testCredential } from '../../harness/n8n';
import { API_KEY, SESSION, credentials, failure, gateway, ok } from './fixtures';

const state = (status: string, queueSize = 0) =>
	ok({ status, isReady: status === 'active', hasQR: status === 'qr', queueSize, rateLimitRemaining: 10 });

describe('WhatsInfinity Trigger', () => {
	const poll = async (staticData: IDataObject, parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') =>
		await runPoll({ type: 'whatsInfinityTrigger', parameters: { statuses: [], ...parameters }, credentials, staticData }, mode);

	it('notes the state on its first poll without firing, then fires on each change', async () => {
		const staticData: IDataObject = {};
		gateway().get(`/check-session/${SESSION}`).reply(200, state('active'));
		gateway().get(`/check-session/${SESSION}`).reply(200, state('active'));
		gateway().get(`/check-session/${SESSION}`).reply(200, state('disconnected', 3));
		gateway().get(`/check-session/${SESSION}`).reply(200, state('qr'));

		expect(await poll(staticData)).toBeNull();
		expect(await poll(staticData)).toBeNull();
		const disconnected = await poll(staticData);
		const needsScan = await poll(staticData);

		expect(disconnected?.[0].map((i) => i.json)).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				previousStatus: 'active',
				status: 'disconnected',
				queueSize: 3,
				sessionId: SESSION,
			}),
		]);
		expect(needsScan?.[0][0].json).toMatchObject({ previousStatus: 'disconnected', status: 'qr', hasQR: true });
	});

	it('with Statuses set, fires only on changes into them but still follows the others', async () => {
		const staticData: IDataObject = {};
		for (const status of ['active', 'connecting', 'active', 'disconnected']) {
			gateway().get(`/check-session/${SESSION}`).reply(200, state(status));
		}

		const results = [];
		for (let i = 0; i < 4; i++) results.push(await poll(staticData, { statuses: ['disconnected'] }));

		expect(results.slice(0, 3)).toEqual([null, null, null]);
		expect(results[3]?.[0][0].json).toMatchObject({ previousStatus: 'active', status: 'disconnected' });
	});

	it('alerts once when the queue passes the threshold, and again only after it fell back', async () => {
		const staticData: IDataObject = {};
		for (const size of [0, 60, 80, 10, 55]) gateway().get(`/check-session/${SESSION}`).reply(200, state('disconnected', size));

		const results = [];
		for (let i = 0; i < 5; i++) results.push(await poll(staticData, { options: { queueThreshold: 50 } }));

		expect(results.map((r) => r?.[0].map((i) => [i.json.event, i.json.queueSize]) ?? null)).toEqual([
			null,
			[['queueAboveThreshold', 60]],
			null,
			null,
			[['queueAboveThreshold', 55]],
		]);
	});

	it('keeps separate memory per workflow', async () => {
		const first: IDataObject = {};
		const second: IDataObject = {};
		gateway().get(`/check-session/${SESSION}`).times(2).reply(200, state('active'));
		gateway().get(`/check-session/${SESSION}`).reply(200, state('disconnected'));

		await poll(first);
		await poll(second);
		expect(await poll(second)).not.toBeNull();
		expect(first).not.toEqual(second);
	});

	it('in a manual test shows the current state and leaves the memory alone', async () => {
		const staticData: IDataObject = {};
		gateway().get(`/check-session/${SESSION}`).reply(200, state('active'));

		const result = await poll(staticData, {}, 'manual');

		expect(result?.[0][0].json).toMatchObject({ event: 'status', status: 'active' });
		expect(staticData).toEqual({});
	});

	it('fails the poll with the gateway message when the key is refused', async () => {
		gateway()
			.get(`/check-session/${SESSION}`)
			.reply(401, failure('Unauthorized', 'Invalid or missing API key', 'req-9'));

		await expect(poll({})).rejects.toMatchObject({ message: 'WhatsInfinity answered 401: Unauthorized (request ID req-9)' });
	});
});

describe('WhatsInfinity API credential test', () => {
	it('checks the credential session with its key', async () => {
		const scope = gateway().get(`/check-session/${SESSION}`).reply(200, state('active'));

		const { error } = await testCredential('whatsInfinityApi', credentials.whatsInfinityApi);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('fails for a refused key without echoing it', async () => {
		gateway().get(`/check-session/${SESSION}`).times(2).reply(401, failure('Unauthorized', 'Invalid or missing API key'));

		const { error } = await testCredential('whatsInfinityApi', credentials.whatsInfinityApi);

		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
