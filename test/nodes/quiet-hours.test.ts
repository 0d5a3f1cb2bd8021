// Quiet Hours on every send: an item goes only inside the window at its recipient's clock; outside it,
// a gateway that schedules gets the window's opening (Infobip's sendAt, Infopromo's schedule_time),
// and on the others the item is deferred: its output says until when, and a later run with the same
// Campaign Key sends it, once.
import nock from 'nock';

import { errorOf } from '../harness/common-shapes';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import { runNode } from '../harness/n8n';
import { accepted, credentials as infobipCredentials, gateway as infobip, sendParameters as infobipSend } from './Infobip/fixtures';
import { credentials as infiniReachCredentials, gateway as infiniReach, sendParameters as infiniReachSend } from './InfiniReach/fixtures';
import { credentials as infopromoCredentials, gateway as infopromo, ok, sendParameters as infopromoSend } from './Infopromo/fixtures';
import { credentials as txtCoopCredentials, gateway as txtCoop, sendParameters as txtCoopSend } from './TxtCoop/fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EIGHT_TO_NINE = { window: { from: '08:00', until: '21:00' } };
// Monday 7 December 2026, 13:30 UTC: 08:30 in New York, 05:30 in Los Angeles, 22:30 in Tokyo.
const MONDAY = Date.UTC(2026, 11, 7, 13, 30);
const NEW_YORK = '+12125550123';
const LOS_ANGELES = '+13105550123';
const TOKYO = '+81312345678';

let fakeClock: FakeClock;
beforeEach(() => (fakeClock = useFakeClock(MONDAY)));
afterEach(() => {
	fakeClock.restore();
	nock.cleanAll();
});

describe('Quiet Hours on a gateway that cannot schedule (InfiniReach)', () => {
	const run = async (options: Json, input: Json[]) =>
		await runNode({ type: 'infiniReach', parameters: infiniReachSend({ options }), credentials: infiniReachCredentials }, input);
	const sentTo: string[] = [];
	const gateway = () =>
		infiniReach()
			.post('/api/v1/messages', (body) => (sentTo.push(body.to), true))
			.times(10)
			.reply(201, (_uri, body) => ({ success: true, data: { messageId: `m-${(body as Json).to}` } }));

	beforeEach(() => (sentTo.length = 0));

	it('sends only inside each recipient’s window; a scheduled re-run with the same Campaign Key sends each deferred one, once', async () => {
		gateway();
		const input = [NEW_YORK, LOS_ANGELES, TOKYO].map((to) => ({ to, text: 'Sale today' }));
		const options = { quietHours: EIGHT_TO_NINE, campaignKey: 'december' };

		const first = await run(options, input);
		expect(first.error).toBeUndefined();
		expect(sentTo).toEqual([NEW_YORK]);
		expect(first.items.map(({ json }) => [json.to, json.fate, json.sendAfter ?? null])).toEqual([
			[NEW_YORK, 'sent', null],
			[LOS_ANGELES, 'deferred', '2026-12-07T16:00:00.000Z'],
			[TOKYO, 'deferred', '2026-12-07T23:00:00.000Z'],
		]);
		expect(first.items[1].json).toMatchObject({
			recipientZones: ['America/Los_Angeles'],
			campaignKey: 'december',
			messageId: null,
			status: null,
			reason: expect.stringContaining('08:00–21:00'),
		});

		// The next hourly run: 8:30 in Los Angeles, 01:30 in Tokyo.
		await fakeClock.advance(3 * 3_600_000);
		const second = await run(options, input);
		expect(sentTo).toEqual([NEW_YORK, LOS_ANGELES]);
		expect(second.items.map(({ json }) => json.skippedBecause ?? json.fate)).toEqual(['sentBefore', 'sent', 'deferred']);

		// 08:30 in Tokyo.
		await fakeClock.advance(7 * 3_600_000);
		const third = await run(options, input);
		expect(sentTo).toEqual([NEW_YORK, LOS_ANGELES, TOKYO]);
		expect(third.items.map(({ json }) => json.skippedBecause ?? json.fate)).toEqual(['sentBefore', 'sentBefore', 'sent']);
	});

	it('takes a Recipient Time Zone given per item over the number’s', async () => {
		gateway();
		const options = { quietHours: { window: { ...EIGHT_TO_NINE.window, recipientTimeZone: '={{ $json.zone }}' } } };
		const { items } = await run(options, [
			{ to: NEW_YORK, text: 'a', zone: 'Asia/Tokyo' },
			{ to: LOS_ANGELES, text: 'b', zone: 'Europe/Paris' },
		]);
		expect(items.map(({ json }) => json.fate)).toEqual(['deferred', 'sent']);
		expect(items[0].json).toMatchObject({ recipientZones: ['Asia/Tokyo'], note: expect.stringContaining('No Campaign Key') });
		expect(sentTo).toEqual([LOS_ANGELES]);
	});

	it('keeps a number whose zone is uncertain to the strictest window of its zones', async () => {
		gateway();
		// A Russian mobile: anywhere from Kaliningrad (15:30) to Kamchatka (01:30).
		const { items } = await run({ quietHours: EIGHT_TO_NINE }, [{ to: '+79161234567', text: 'a' }]);
		expect(items[0].json.fate).toBe('deferred');
		expect((items[0].json.recipientZones as string[]).length).toBeGreaterThan(5);
		// 06:00 UTC is 08:00 in Kaliningrad and 18:00 in Kamchatka: the first instant open everywhere.
		expect(items[0].json.sendAfter).toBe('2026-12-08T06:00:00.000Z');
		expect(sentTo).toEqual([]);
	});

	it('fails a number whose zones are too far apart for the window to open in all at once, naming them', async () => {
		const scope = gateway();
		const { items } = await runNode(
			{
				type: 'infiniReach',
				parameters: infiniReachSend({ options: { quietHours: { window: { from: '09:00', until: '10:00' } } } }),
				credentials: infiniReachCredentials,
				continueOnFail: true,
			},
			[{ to: '+79161234567', text: 'a' }],
		);
		expect(errorOf(items[0])).toMatchObject({
			message: expect.stringMatching(/09:00–10:00 never open at once in every zone .*Europe\/Kaliningrad.*Asia\/Kamchatka/),
			description: expect.stringContaining('Recipient Time Zone'),
		});
		expect(scope.isDone()).toBe(false);
	});

	it('keeps to the allowed days', async () => {
		gateway();
		const weekend = { window: { ...EIGHT_TO_NINE.window, days: [0, 6] } };
		const { items } = await run({ quietHours: weekend }, [{ to: NEW_YORK, text: 'a' }]);
		expect(items[0].json.sendAfter).toBe('2026-12-12T13:00:00.000Z');
		expect(sentTo).toEqual([]);
	});

	it.each([
		['a window that ends before it opens', { window: { from: '21:00', until: '08:00' } }, /not a window of one day/],
		[
			'a time zone that is none',
			{ window: { ...EIGHT_TO_NINE.window, recipientTimeZone: 'Mars/Olympus' } },
			/"Mars\/Olympus" is not a time zone/,
		],
		['no day', { window: { ...EIGHT_TO_NINE.window, days: [] } }, /allow no day/],
	])('fails the item on %s, naming it, and sends nothing', async (_case, quietHours, said) => {
		const scope = gateway();
		const { items } = await runNode(
			{
				type: 'infiniReach',
				parameters: infiniReachSend({ options: { quietHours } }),
				credentials: infiniReachCredentials,
				continueOnFail: true,
			},
			[{ to: NEW_YORK, text: 'a' }],
		);
		expect(errorOf(items[0])?.message).toMatch(said);
		expect(errorOf(items[0])?.message).toContain('[item 0]');
		expect(scope.isDone()).toBe(false);
		expect(sentTo).toEqual([]);
	});
});

describe('Quiet Hours where the recipient is no number (txtcoop)', () => {
	it('fails an Apple ID without a Recipient Time Zone, saying how to fix it; with one, it goes', async () => {
		const sent: string[] = [];
		txtCoop()
			.post('/api/v1/messages', (body) => (sent.push(body.to), true))
			.reply(201, { id: 'msg_1', status: 'queued' });
		const { items } = await runNode(
			{
				type: 'txtCoop',
				parameters: txtCoopSend({
					options: { quietHours: { window: { ...EIGHT_TO_NINE.window, recipientTimeZone: '={{ $json.zone }}' } } },
				}),
				credentials: txtCoopCredentials,
				continueOnFail: true,
			},
			[
				{ to: 'ann@example.com', text: 'a', zone: '' },
				{ to: 'bob@example.com', text: 'b', zone: 'America/New_York' },
			],
		);
		expect(errorOf(items[0])).toMatchObject({
			message: expect.stringContaining('cannot tell where "ann@example.com" is'),
			reason: 'badInput',
		});
		expect(errorOf(items[0])?.description).toContain('Recipient Time Zone');
		expect(items[1].json.fate).toBe('sent');
		expect(sent).toEqual(['bob@example.com']);
	});

	it('leaves deferred items out of a bulk job, each with its own output', async () => {
		let job: Json = {};
		txtCoop()
			.post('/api/v1/messages/bulk', (body) => ((job = body), true))
			.reply(201, { jobId: 'bulk_1', status: 'processing', totalRecipients: 1, createdAt: '2026-12-07T13:30:00Z' });
		const { items } = await runNode(
			{
				type: 'txtCoop',
				parameters: { resource: 'bulkJob', operation: 'create', to: '={{ $json.to }}', body: 'hi', options: { quietHours: EIGHT_TO_NINE } },
				credentials: txtCoopCredentials,
			},
			[{ to: NEW_YORK }, { to: LOS_ANGELES }],
		);
		expect(job.messages).toEqual([{ to: NEW_YORK, body: 'hi' }]);
		expect(items.map(({ json }) => [json.fate, json.to])).toEqual([
			['deferred', LOS_ANGELES],
			['sent', null],
		]);
	});
});

describe('Quiet Hours on gateways that schedule', () => {
	it('Infobip: items outside their window go in a request of their own, with sendAt at the window’s opening', async () => {
		const bodies: Json[] = [];
		infobip()
			.post('/messages-api/1/messages', (body) => (bodies.push(body), true))
			.times(3)
			.reply(200, (_uri, body) => accepted(body as Json));
		const { items, error } = await runNode(
			{
				type: 'infobip',
				parameters: infobipSend({ campaign: { bulkId: 'dec', quietHours: EIGHT_TO_NINE } }),
				credentials: infobipCredentials,
			},
			[NEW_YORK, LOS_ANGELES, TOKYO, '+13105550199'].map((to) => ({ to, text: 'Sale' })),
		);
		expect(error).toBeUndefined();
		expect(
			bodies.map((body) => [
				body.options.schedule.bulkId,
				body.options.schedule.sendAt ?? null,
				body.messages[0].destinations.map((d: Json) => d.to),
			]),
		).toEqual([
			['dec', null, ['12125550123']],
			['dec-q1', '2026-12-07T16:00:00.000+0000', ['13105550123', '13105550199']],
			['dec-q2', '2026-12-07T23:00:00.000+0000', ['81312345678']],
		]);
		expect(items.map(({ json }) => [json.fate, json.sendAt ?? null, json.scheduledFor ?? null])).toEqual([
			['sent', null, null],
			['sent', '2026-12-07T16:00:00.000+0000', 'quietHours'],
			['sent', '2026-12-07T23:00:00.000+0000', 'quietHours'],
			['sent', '2026-12-07T16:00:00.000+0000', 'quietHours'],
		]);
	});

	it('Infobip: counts from the campaign’s Send At, not from now', async () => {
		const bodies: Json[] = [];
		infobip()
			.post('/messages-api/1/messages', (body) => (bodies.push(body), true))
			.reply(200, (_uri, body) => accepted(body as Json));
		// 03:00 in New York on Tuesday: the window opens at 08:00 there.
		await runNode(
			{
				type: 'infobip',
				parameters: infobipSend({ campaign: { quietHours: EIGHT_TO_NINE, sendAt: '2026-12-08T08:00:00Z' } }),
				credentials: infobipCredentials,
			},
			[{ to: NEW_YORK, text: 'Sale' }],
		);
		expect(bodies[0].options.schedule.sendAt).toBe('2026-12-08T13:00:00.000+0000');
	});

	it('Infopromo: schedule_time at the window’s opening, in the Time Zone the platform reads it in', async () => {
		const bodies: Json[] = [];
		infopromo()
			.post('/api/v3/sms/send', (body) => (bodies.push(body), true))
			.times(2)
			.reply(200, ok('sent'));
		const { items } = await runNode(
			{
				type: 'infopromo',
				parameters: infopromoSend({ options: { quietHours: EIGHT_TO_NINE, timezone: 'Europe/London' } }),
				credentials: infopromoCredentials,
			},
			[NEW_YORK, LOS_ANGELES].map((to) => ({ to, text: 'Sale' })),
		);
		expect(bodies.map((body) => [body.recipient, body.schedule_time ?? null])).toEqual([
			['12125550123', null],
			['13105550123', '2026-12-07 16:00'],
		]);
		expect(items[1].json).toMatchObject({ fate: 'sent', scheduleTime: '2026-12-07 16:00', scheduleTimeZone: 'Europe/London' });
	});
});
