// Dry Run on every send operation of every gateway: 10,000 items, no request leaves, and each item
// says what a real run would do: sent, scheduled (when), deferred (until when), skipped by the
// Campaign Key, or not sent (why).
import nock from 'nock';

import type { Departure } from '../harness/credentials-helper';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import { runNode, type NodeSetup } from '../harness/n8n';
import { accepted, credentials as infobipCredentials, gateway as infobip, sendParameters as infobipSend } from './Infobip/fixtures';
import { credentials as infiniReachCredentials, gateway as infiniReach, sendParameters as infiniReachSend } from './InfiniReach/fixtures';
import { credentials as infopromoCredentials, sendParameters as infopromoSend } from './Infopromo/fixtures';
import { credentials as txtCoopCredentials, sendParameters as txtCoopSend } from './TxtCoop/fixtures';
import { credentials as whatsInfinityCredentials, textParameters } from './WhatsInfinity/fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const QUIET = { window: { from: '08:00', until: '21:00' } };
// Monday 7 December 2026, 13:30 UTC: 08:30 in New York, 05:30 in Los Angeles.
const MONDAY = Date.UTC(2026, 11, 7, 13, 30);
const ITEMS = 10_000;
// 10,000 items through n8n's expression engine take a few seconds, more on a busy machine: the tests
// assert what was sent and said, not how long it took.
jest.setTimeout(120_000);

/** Every 100th item has a number that cannot be one; the others alternate New York and Los Angeles. */
function input(count = ITEMS): Json[] {
	return Array.from({ length: count }, (_, index) => {
		if (index % 100 === 99) return { to: 'not a number', text: 'Sale' };
		const local = String(1_000_000 + index).slice(1);
		return { to: index % 2 ? `+1310555${local.slice(-4)}` : `+1212555${local.slice(-4)}`, text: `Sale ${index}` };
	});
}

let fakeClock: FakeClock;
beforeEach(() => (fakeClock = useFakeClock(MONDAY)));
afterEach(() => {
	fakeClock.restore();
	nock.cleanAll();
});

const SENDS: Array<[string, (options: Json) => NodeSetup, 'deferred' | 'scheduled']> = [
	[
		'InfiniReach Send',
		(options) => ({ type: 'infiniReach', parameters: infiniReachSend({ options }), credentials: infiniReachCredentials }),
		'deferred',
	],
	[
		'WhatsInfinity Send Text',
		(options) => ({ type: 'whatsInfinity', parameters: textParameters({ options }), credentials: whatsInfinityCredentials }),
		'deferred',
	],
	[
		'Infobip Send',
		(options) => ({ type: 'infobip', parameters: infobipSend({ campaign: options }), credentials: infobipCredentials }),
		'scheduled',
	],
	['txtcoop Send', (options) => ({ type: 'txtCoop', parameters: txtCoopSend({ options }), credentials: txtCoopCredentials }), 'deferred'],
	[
		'txtcoop Create Bulk Job',
		(options) => ({
			type: 'txtCoop',
			parameters: { resource: 'bulkJob', operation: 'create', to: '={{ $json.to }}', body: '={{ $json.text }}', options },
			credentials: txtCoopCredentials,
		}),
		'deferred',
	],
	[
		'Infopromo Send',
		(options) => ({ type: 'infopromo', parameters: infopromoSend({ options }), credentials: infopromoCredentials }),
		'scheduled',
	],
];

describe('Dry Run', () => {
	it.each(SENDS)(`%s: ${ITEMS.toLocaleString('en-US')} items, no request, a verdict per item`, async (_name, setup, outside) => {
		const departures: Departure[] = [];
		const { items, error } = await runNode({ ...setup({ dryRun: true, quietHours: QUIET, campaignKey: 'december' }), departures }, input());
		expect(error).toBeUndefined();
		expect(departures).toEqual([]);
		expect(items).toHaveLength(ITEMS);
		const verdicts = new Map<string, number>();
		for (const { json } of items) verdicts.set(String(json.wouldBe), (verdicts.get(String(json.wouldBe)) ?? 0) + 1);
		expect(Object.fromEntries(verdicts)).toEqual({ sent: 5_000, [outside]: 4_900, notSent: 100 });
		expect(items.every(({ json }) => json.dryRun === true && json.fate === 'skipped' && json.skippedBecause === 'dryRun')).toBe(true);
		expect(items.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual([...Array(ITEMS).keys()]);
		const later = items[1].json;
		expect(later).toMatchObject({ to: expect.stringMatching(/^\+?1310555/), recipientZones: ['America/Los_Angeles'] });
		expect(later[outside === 'scheduled' ? 'sendAt' : 'sendAfter']).toBe('2026-12-07T16:00:00.000Z');
		expect(items[99].json).toMatchObject({ wouldBe: 'notSent', problem: { reason: 'invalidNumber', permanent: true } });
		expect((items[99].json.problem as Json).message).toContain('[item 99]');
	});

	it('WhatsInfinity Send Media and Infopromo Create Campaign: no request either', async () => {
		const departures: Departure[] = [];
		const media = await runNode(
			{
				type: 'whatsInfinity',
				parameters: {
					resource: 'message',
					operation: 'sendMedia',
					to: '={{ $json.to }}',
					mediaType: 'image',
					url: 'https://files.example.com/sale.png',
					options: { dryRun: true, quietHours: QUIET },
				},
				credentials: whatsInfinityCredentials,
				departures,
			},
			input(3),
		);
		expect(media.items.map(({ json }) => [json.wouldBe, json.sendAfter ?? null])).toEqual([
			['sent', null],
			['deferred', '2026-12-07T16:00:00.000Z'],
			['sent', null],
		]);
		const campaign = await runNode(
			{
				type: 'infopromo',
				parameters: {
					resource: 'campaign',
					operation: 'create',
					contactListIds: '={{ $json.lists }}',
					senderId: 'YourName',
					type: 'plain',
					message: 'News',
					options: { dryRun: true, quietHours: { window: { ...QUIET.window, recipientTimeZone: '={{ $json.zone }}' } } },
				},
				credentials: infopromoCredentials,
				departures,
			},
			[
				{ lists: 'l1', zone: 'America/New_York' },
				{ lists: 'l2', zone: 'America/Los_Angeles' },
				{ lists: 'l3', zone: '' },
			],
		);
		expect(campaign.items.map(({ json }) => [json.wouldBe, json.sendAt ?? null, json.segments])).toEqual([
			['sent', null, 1],
			['scheduled', '2026-12-07T16:00:00.000Z', 1],
			['notSent', null, 1],
		]);
		expect((campaign.items[2].json.problem as Json).message).toContain('Quiet Hours cannot tell where');
		expect(departures).toEqual([]);
	});

	it('says which messages the Campaign Key would skip, and leaves its record as it was', async () => {
		const sent: string[] = [];
		infiniReach()
			.post('/api/v1/messages', (body) => (sent.push(body.to), true))
			.times(3)
			.reply(201, (_uri, body) => ({ success: true, data: { messageId: `m-${(body as Json).to}` } }));
		const setup = (options: Json) => ({
			type: 'infiniReach',
			parameters: infiniReachSend({ options: { campaignKey: 'december', ...options } }),
			credentials: infiniReachCredentials,
		});
		const list = [
			{ to: '+12125550001', text: 'Sale' },
			{ to: '+12125550002', text: 'Sale' },
			{ to: '+12125550002', text: 'Sale' },
		];
		await runNode(setup({}), list.slice(0, 1));
		expect(sent).toEqual(['+12125550001']);

		const dry = await runNode(setup({ dryRun: true }), list);
		expect(dry.items.map(({ json }) => [json.wouldBe, json.wouldSkipBecause ?? null])).toEqual([
			['skipped', 'sentBefore'],
			['sent', null],
			['skipped', 'duplicate'],
		]);
		expect(sent).toHaveLength(1);

		// The dry run claimed nothing: the real run sends what it said it would.
		const real = await runNode(setup({}), list);
		expect(real.items.map(({ json }) => json.skippedBecause ?? json.fate)).toEqual(['sentBefore', 'sent', 'duplicate']);
		expect(sent).toEqual(['+12125550001', '+12125550002']);
	});

	it('shows the segments and what Smart Encoding would replace', async () => {
		const { items } = await runNode(
			{
				type: 'infobip',
				parameters: infobipSend({ campaign: { dryRun: true, smartEncoding: true } }),
				credentials: infobipCredentials,
			},
			[
				{ to: '+12125550001', text: `It’s “50%” off${'!'.repeat(140)}` },
				{ to: '+12125550002', text: 'Привет 😀' },
			],
		);
		expect(items[0].json).toMatchObject({
			wouldBe: 'sent',
			encoding: 'GSM-7',
			segments: 1,
			ucs2Characters: [],
			replacedCharacters: [
				{ from: '’', to: "'", count: 1 },
				{ from: '“', to: '"', count: 1 },
				{ from: '”', to: '"', count: 1 },
			],
		});
		expect(items[1].json).toMatchObject({ encoding: 'UCS-2', segments: 1, ucs2Characters: ['П', 'р', 'и', 'в', 'е', 'т', '😀'] });
	});

	it('Infobip: a real run sends the replaced text it showed', async () => {
		const bodies: Json[] = [];
		infobip()
			.post('/messages-api/1/messages', (body) => (bodies.push(body), true))
			.reply(200, (_uri, body) => accepted(body as Json));
		const { items } = await runNode(
			{ type: 'infobip', parameters: infobipSend({ campaign: { smartEncoding: true } }), credentials: infobipCredentials },
			[{ to: '+12125550001', text: 'It’s on' }],
		);
		expect(bodies[0].messages[0].content.body.text).toBe("It's on");
		expect(items[0].json).toMatchObject({ fate: 'sent', encoding: 'GSM-7', replacedCharacters: [{ from: '’', to: "'", count: 1 }] });
	});
});
