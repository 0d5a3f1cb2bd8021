import nock from 'nock';
import type { ICredentialType, IDataObject } from 'n8n-workflow';
import { readFileSync } from 'fs';
import { basename, join } from 'path';

import { ITEMS_IN_FLIGHT } from '../../nodes/shared/operation';
import { ROOT } from '../e2e/paths';
import { credentialReads, runNode } from '../harness/n8n';
import { credentials, gateway, sendParameters } from '../nodes/InfiniReach/fixtures';

// What a run of many sends costs and how it behaves with several items in flight: through the
// InfiniReach node, since every per-item operation of every gateway runs in the same shared loop.

type Reply = (error: Error | null, response: [number, IDataObject]) => void;

const accepted = (to: unknown) => ({ success: true, queued: true, messageId: `m-${String(to)}`, jobId: 'j' });
const recipients = (count: number) => Array.from({ length: count }, (_, i) => ({ to: `+1415555${String(1000 + i)}`, text: `hello ${i}` }));
const fastPace = { options: { requestsPerMinute: 100_000 } };

afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());

describe('a run of many sends', () => {
	it(`keeps up to ${ITEMS_IN_FLIGHT} requests in flight, and outputs in input order`, async () => {
		let open = 0;
		let most = 0;
		gateway()
			.post('/api/v1/messages')
			.times(20)
			.reply((_uri, body, reply: Reply) => {
				most = Math.max(most, ++open);
				// Later items answered sooner: the output must still follow the input.
				const to = (body as IDataObject).to as string;
				setTimeout(() => (open--, reply(null, [201, accepted(to)])), 40 - Number(to.slice(-2)));
			});

		const { items, error } = await runNode({ type: 'infiniReach', parameters: sendParameters(fastPace), credentials }, recipients(20));

		expect(error).toBeUndefined();
		expect(most).toBe(ITEMS_IN_FLIGHT);
		expect(items.map((item) => [item.json.to, item.pairedItem])).toEqual(recipients(20).map((r, i) => [r.to, { item: i }]));
	});

	it('reads the credential once for the whole run', async () => {
		const setup = { type: 'infiniReach', parameters: sendParameters(fastPace), credentials, credentialId: 'one-run' };
		gateway()
			.post('/api/v1/messages')
			.times(10)
			.reply(201, (_uri, body) => accepted((body as IDataObject).to));
		const before = credentialReads.get('infiniReachApi') ?? 0;

		const { error } = await runNode(setup, recipients(10));

		expect(error).toBeUndefined();
		expect((credentialReads.get('infiniReachApi') ?? 0) - before).toBe(1);
	});

	it('sends a second message to one person only after the first was answered', async () => {
		const events: string[] = [];
		gateway()
			.post('/api/v1/messages')
			.times(3)
			.reply((_uri, body, reply: Reply) => {
				const { to, message } = body as IDataObject;
				events.push(`arrived ${String(message)}`);
				// The first message is slow to be answered.
				setTimeout(() => (events.push(`answered ${String(message)}`), reply(null, [201, accepted(to)])), message === 'first' ? 60 : 1);
			});

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(fastPace), credentials }, [
			{ to: '+14155550101', text: 'first' },
			{ to: '+14155550102', text: 'other person' },
			{ to: '+14155550101', text: 'second' },
		]);

		expect(error).toBeUndefined();
		expect(events.indexOf('arrived second')).toBeGreaterThan(events.indexOf('answered first'));
		// The other person's message did not wait for it.
		expect(events.indexOf('arrived other person')).toBeLessThan(events.indexOf('answered first'));
	});

	it('fails the node at the first bad item and sends none of the items after it', async () => {
		const sent: string[] = [];
		gateway()
			.post('/api/v1/messages')
			.times(10)
			.reply((_uri, body, reply: Reply) => {
				sent.push((body as IDataObject).to as string);
				setTimeout(() => reply(null, [201, accepted((body as IDataObject).to)]), 5);
			});
		const input = recipients(10);
		input[2] = { to: 'not a number', text: 'x' };

		const { error } = await runNode({ type: 'infiniReach', parameters: sendParameters(fastPace), credentials }, input);

		expect(error?.message).toMatch(/Invalid "To".*\[item 2\]$/);
		expect(sent.sort()).toEqual([input[0].to, input[1].to]);
	});

	it('with Continue On Fail, reports the bad item and sends all the others', async () => {
		gateway()
			.post('/api/v1/messages')
			.times(9)
			.reply(201, (_uri, body) => accepted((body as IDataObject).to));
		const input = recipients(10);
		input[2] = { to: 'not a number', text: 'x' };

		const { items, error } = await runNode(
			{ type: 'infiniReach', parameters: sendParameters(fastPace), credentials, continueOnFail: true },
			input,
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => (item.json.error ? 'error' : item.json.to))).toEqual(input.map((r, i) => (i === 2 ? 'error' : r.to)));
		expect(nock.isDone()).toBe(true);
	});
});

describe('credential authentication', () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };

	it.each(manifest.n8n.credentials.map((path) => basename(path, '.credentials.js')))(
		'%s sets its header with a function, not an expression n8n would evaluate on every request',
		async (name) => {
			const module = (await import(join(ROOT, 'credentials', `${name}.credentials`))) as Record<string, new () => ICredentialType>;
			const type = new module[name]();

			expect(typeof type.authenticate).toBe('function');
			const signed = await (type.authenticate as unknown as (c: IDataObject, o: IDataObject) => Promise<{ headers?: IDataObject }>)(
				{ apiKey: 'key-1234567890abcdef', apiToken: 'key-1234567890abcdef', apiStyle: 'v3' },
				{ url: 'http://127.0.0.1/x', method: 'GET', headers: { 'User-Agent': 'ua' } },
			);
			expect(signed.headers?.['User-Agent']).toBe('ua');
			expect(Object.values(signed.headers ?? {}).some((value) => String(value).includes('key-1234567890abcdef'))).toBe(true);
		},
	);
});
