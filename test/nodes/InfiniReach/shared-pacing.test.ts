// One pacer per InfiniReach account in the n8n process, shared by every execution: runs here are
// executions of one process (the harness forgets pacers only between tests).
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import type { Departure } from '../../harness/credentials-helper';
import { runNode } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { credentials, gateway, sendParameters } from './fixtures';

const accepted = (id: string) => ({ success: true, queued: true, messageId: id });
const recipients = (run: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ to: `+1415555${run}10${i}`, text: `run ${run}, ${i}` }));

describe('InfiniReach → Send: one pacer per account in the process', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	async function run(items: IDataObject[], departures: Departure[], credentialData = credentials, perMinute = 4) {
		const { error } = await runNode(
			{
				type: 'infiniReach',
				parameters: sendParameters({ options: { requestsPerMinute: perMinute } }),
				credentials: credentialData,
				departures,
			},
			items,
		);
		expect(error).toBeUndefined();
	}

	it('makes a second execution on the account wait for the window the first one filled', async () => {
		gateway().post('/api/v1/messages').times(6).reply(201, accepted('m'));
		const start = fakeClock.now();
		const first: Departure[] = [];
		const second: Departure[] = [];

		await run(recipients(1, 3), first);
		await run(recipients(2, 3), second);

		const seconds = (departures: Departure[]) => departures.map((d) => (d.at - start) / 1000);
		expect(seconds(first)).toEqual([0, 0, 0]);
		expect(seconds(second)).toEqual([0, 61, 61]);
	});

	it('keeps the accounts apart: another API key has a window of its own', async () => {
		gateway().post('/api/v1/messages').times(4).reply(201, accepted('m'));
		const other = { infiniReachApi: { ...credentials.infiniReachApi, apiKey: 'ir_live_AnotherAccountsKey_987' } };
		nock(credentials.infiniReachApi.baseUrl, { reqheaders: { 'x-api-key': other.infiniReachApi.apiKey } })
			.post('/api/v1/messages')
			.times(4)
			.reply(201, accepted('o'));
		const start = fakeClock.now();
		const first: Departure[] = [];
		const second: Departure[] = [];

		await run(recipients(1, 4), first);
		await run(recipients(2, 4), second, other);

		expect([...first, ...second].map((d) => (d.at - start) / 1000)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('slows every execution on the account to what got through after a 429 from elsewhere, then probes its way back', async () => {
		gateway()
			.post('/api/v1/messages')
			.times(3)
			.reply(201, accepted('m'))
			.post('/api/v1/messages')
			.reply(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '5' })
			.post('/api/v1/messages')
			.times(15)
			.reply(201, accepted('m'));
		const start = fakeClock.now();
		const first: Departure[] = [];
		const second: Departure[] = [];
		const third: Departure[] = [];

		// 10 a minute each: without the 429, all three runs would go at once.
		await run(recipients(1, 4), first, credentials, 10);
		// The 429 came when 3 sends had got through: the account's share is 3, so the next execution waits
		// a window; then, one at a time, each send beyond the share that the gateway takes adds one.
		await run(recipients(2, 4), second, credentials, 10);
		await fakeClock.advance(3 * 60_000);
		await run(recipients(3, 10), third, credentials, 10);

		const seconds = (departures: Departure[]) => departures.map((d) => Math.round((d.at - start) / 1000));
		expect(seconds(first)).toEqual([0, 0, 0, 0, 5]);
		expect(seconds(second)).toEqual([60, 60, 60, 60]);
		// The share has grown back to the whole rate: ten at once.
		expect(new Set(seconds(third)).size).toBe(1);
		expect(third).toHaveLength(10);
	});
});
