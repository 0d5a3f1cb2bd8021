// The common send result on failures: why each item failed (error.reason), whether trying again can
// help (permanent), and its fate; and n8n's "On Error: Continue (using error output)" taking exactly
// the failed items, each with the input item's fields, so a workflow routes them (WhatsApp → SMS).
import nock from 'nock';

import { STATUSES } from '../../nodes/InfiniReach/helpers/common';
import { withSendResult } from '../../nodes/shared/send-result';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import { errorOf } from '../harness/common-shapes';
import { runNode } from '../harness/n8n';
import {
	accepted as infobipAccepted,
	credentials as infobipCredentials,
	gateway as infobip,
	sendParameters as infobipSend,
} from './Infobip/fixtures';
import { credentials as infiniReachCredentials, gateway as infiniReach, sendParameters as infiniReachSend } from './InfiniReach/fixtures';
import { credentials as infopromoCredentials, gateway as infopromo, sendParameters as infopromoSend } from './Infopromo/fixtures';
import { credentials as whatsInfinityCredentials, failure, gateway as whatsInfinity, ok, textParameters } from './WhatsInfinity/fixtures';

let fakeClock: FakeClock;
beforeEach(() => (fakeClock = useFakeClock()));
afterEach(() => {
	fakeClock.restore();
	nock.cleanAll();
});

describe('the error output of a send', () => {
	// In a workflow, n8n adds the input item's fields to each of these (the e2e failover shows it); here the node has no input node.
	it('takes exactly the items not on WhatsApp, with reason notOnChannel and nothing else beside error and details', async () => {
		whatsInfinity()
			.post('/send', (body) => body.to !== '919999999992')
			.times(2)
			.reply(200, (_uri, body) => ok({ messageId: `wamid-${(body as { to: string }).to}`, queued: false }))
			.post('/send', (body) => body.to === '919999999992')
			.reply(422, failure('Request failed', 'Number not registered on WhatsApp', 'req-422'));

		const input = [1, 2, 3].map((n) => ({ to: `+91999999999${n}`, text: 'hi', customer: `c${n}` }));
		const { items, errorItems, error } = await runNode(
			{ type: 'whatsInfinity', parameters: textParameters(), credentials: whatsInfinityCredentials, errorOutput: true },
			input,
		);

		expect(error).toBeUndefined();
		expect(items.map(({ json }) => [json.to, json.fate, json.status])).toEqual([
			['919999999991', 'sent', 'sent'],
			['919999999993', 'sent', 'sent'],
		]);
		expect(errorItems.map(({ json }) => json)).toEqual([
			{
				error: expect.objectContaining({ reason: 'notOnChannel', permanent: true, httpCode: '422' }),
				details: { gateway: 'whatsinfinity', messageId: null, to: '+919999999992', fate: 'notSent', status: 'rejected' },
			},
		]);
		expect(errorOf(errorItems[0])?.message).toMatch(/WhatsInfinity answered 422/);
	});
});

describe('why a send failed, for each kind of failure', () => {
	const infiniReachRun = async (to: string, text = 'hi') =>
		await runNode({ type: 'infiniReach', parameters: infiniReachSend(), credentials: infiniReachCredentials, continueOnFail: true }, [
			{ to, text },
		]);

	it('a number that cannot be one: invalidNumber, permanent, and nothing sent', async () => {
		const scope = infiniReach().post('/api/v1/messages').reply(201, { success: true });
		const { items } = await infiniReachRun('not a number');
		expect(items[0].json.details).toEqual({ gateway: 'infinireach', messageId: null, to: 'not a number', fate: 'notSent', status: null });
		expect(errorOf(items[0])).toMatchObject({ reason: 'invalidNumber', permanent: true });
		expect(scope.isDone()).toBe(false);
	});

	it('a field the gateway cannot take: badInput, permanent, and nothing sent', async () => {
		const scope = infiniReach().post('/api/v1/messages').reply(201, { success: true });
		const { items } = await infiniReachRun('+14155550123', 'x'.repeat(1601));
		expect(errorOf(items[0])).toMatchObject({ reason: 'badInput', permanent: true });
		expect(scope.isDone()).toBe(false);
	});

	it('a gateway that cannot be reached: unreachable, not permanent', async () => {
		infiniReach()
			.post('/api/v1/messages')
			.times(10)
			.replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
		const { items } = await infiniReachRun('+14155550123');
		expect(errorOf(items[0])).toMatchObject({ reason: 'unreachable', permanent: false });
		expect(items[0].json.details).toMatchObject({ fate: 'notSent' });
	});

	it('a refused key: rejected, permanent', async () => {
		infiniReach().post('/api/v1/messages').reply(401, { success: false, error: 'Invalid API key' });
		const { items } = await infiniReachRun('+14155550123');
		expect(errorOf(items[0])).toMatchObject({ reason: 'rejected', permanent: true, httpCode: '401' });
	});

	it('a message Infobip did not accept (status group REJECTED): rejected, with Infobip’s words', async () => {
		infobip()
			.post('/messages-api/1/messages')
			.reply(200, (_uri, body) => {
				const answer = infobipAccepted(body as never) as { messages: Array<{ status: unknown }> };
				answer.messages[0].status = {
					groupId: 5,
					groupName: 'REJECTED',
					id: 12,
					name: 'REJECTED_NOT_ENOUGH_CREDITS',
					description: 'Not enough credits',
				};
				return answer;
			});
		const { items } = await runNode({ type: 'infobip', parameters: infobipSend(), credentials: infobipCredentials, continueOnFail: true }, [
			{ to: '+447491163443', text: 'hi' },
			{ to: '+447491163444', text: 'hi' },
		]);
		expect(items.map((item) => errorOf(item)?.reason ?? item.json.fate)).toEqual(['rejected', 'sent']);
		expect(errorOf(items[0])?.message).toMatch(/REJECTED_NOT_ENOUGH_CREDITS/);
		expect(items[0].json.details).toMatchObject({ fate: 'notSent', status: 'rejected', to: '+447491163443' });
	});

	it('a send whose answer was lost, on a gateway without an idempotency key: unknownFate, fate unknown', async () => {
		infopromo()
			.post('/api/v3/sms/send')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const { items } = await runNode(
			{ type: 'infopromo', parameters: infopromoSend(), credentials: infopromoCredentials, continueOnFail: true },
			[{ to: '+31612345678', text: 'hi' }],
		);
		expect(errorOf(items[0])).toMatchObject({ reason: 'unknownFate', permanent: false });
		expect(items[0].json.details).toMatchObject({ fate: 'unknown', status: null, messageId: null });
	});
});

describe('an output that is a failure in words only', () => {
	it('is a failure, never "sent"', () => {
		const spec = { gateway: 'infinireach' as const, statuses: STATUSES, toOfItem: () => '+14155550123' };
		expect(withSendResult({ json: { error: 'The service was not available' }, pairedItem: { item: 0 } }, 0, spec).json).toEqual({
			error: { message: 'The service was not available', reason: 'rejected', permanent: true },
			details: { gateway: 'infinireach', messageId: null, to: '+14155550123', fate: 'notSent', status: 'rejected' },
		});
	});
});
