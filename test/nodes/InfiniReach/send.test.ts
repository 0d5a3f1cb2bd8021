import { runNode } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { API_KEY, credentials, gateway, sendParameters, serialized } from './fixtures';

const accepted = (id: string) => ({ success: true, queued: true, messageId: id, jobId: `job-${id}` });

describe('InfiniReach → Message → Send', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('sends one SMS with the documented body and reports the message', async () => {
		let body: Record<string, unknown> = {};
		const scope = gateway()
			.post('/api/v1/messages', (b) => ((body = b), true))
			.reply(201, accepted('m1'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+1 (415) 555-0123', text: 'Hello from n8n' },
		]);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(body).toEqual({
			to: '+14155550123',
			message: 'Hello from n8n',
			from: '+14155550100',
			channel: 'sms',
			externalId: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			success: true,
			messageId: 'm1',
			jobId: 'job-m1',
			status: 'queued',
			queued: true,
			to: '+14155550123',
			channel: 'sms',
			externalId: body.externalId,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(serialized(items)).not.toContain(API_KEY);
	});

	it('normalises national numbers with the default country, and sends WhatsApp contact keys as written (InfiniReach matches the contact by their instance ID)', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		gateway()
			.post('/api/v1/messages', (b) => (bodies.push(b), true))
			.times(3)
			.reply(201, (_uri, b) => accepted(String((b as { to: string }).to)));

		const { items, error } = await runNode(
			{
				type: 'infiniReach',
				parameters: sendParameters({ channel: 'whatsapp', options: { defaultCountry: 'gb', externalId: '={{ $json.ref }}' } }),
				credentials,
			},
			[
				{ to: '020 7946 0958', text: 'a', ref: 'order-1' },
				{ to: 'group:69b605fdd822e2a741b3bd95:120363423156426110@g.us', text: 'b', ref: 'order-2' },
				{ to: '69b605fdd822e2a741b3bd95:120363043049692322@g.us', text: 'c', ref: 'order-3' },
			],
		);

		expect(error).toBeUndefined();
		expect(bodies.map((b) => [b.to, b.channel, b.externalId])).toEqual([
			['+442079460958', 'whatsapp', 'order-1'],
			['group:69b605fdd822e2a741b3bd95:120363423156426110@g.us', 'whatsapp', 'order-2'],
			['69b605fdd822e2a741b3bd95:120363043049692322@g.us', 'whatsapp', 'order-3'],
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('reads the message id from `id` or `data.messageId` as other servers answer', async () => {
		gateway().post('/api/v1/messages').reply(200, { id: 'alt-1' });
		gateway()
			.post('/api/v1/messages')
			.reply(200, { success: true, data: { messageId: 'alt-2', jobId: 'j2' } });

		const { items } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'x' },
			{ to: '+14155550124', text: 'y' },
		]);

		expect(items.map((i) => [i.json.messageId, i.json.jobId])).toEqual([
			['alt-1', null],
			['alt-2', 'j2'],
		]);
	});

	it('derives a stable external ID per item so a retried send reuses it', async () => {
		const ids: string[] = [];
		gateway()
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.times(2)
			.reply(500, { error: 'Internal error' })
			.post('/api/v1/messages', (b) => (ids.push(b.externalId), true))
			.reply(201, accepted('m9'));

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(), credentials }, [
			{ to: '+14155550123', text: 'retry me' },
		]);

		expect(error).toBeUndefined();
		expect(items[0].json.messageId).toBe('m9');
		expect(ids).toHaveLength(3);
		expect(new Set(ids).size).toBe(1);
	});
});
