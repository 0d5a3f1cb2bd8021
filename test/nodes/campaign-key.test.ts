// Campaign Key on every send and bulk operation of every gateway: a second run of the same campaign
// sends nothing and says so per item; a new recipient is sent alone; a refused send is not recorded.
// (InfiniReach's own test, InfiniReach/campaign-key.test.ts, also covers its idempotency key.)
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode, type NodeSetup } from '../harness/n8n';
import { processedData } from '../harness/processed-data';
import { useFakeClock, type FakeClock } from '../harness/fake-clock';
import * as infobip from './Infobip/fixtures';
import * as infopromo from './Infopromo/fixtures';
import * as txtCoop from './TxtCoop/fixtures';
import * as whatsInfinity from './WhatsInfinity/fixtures';

const KEY = 'launch';

interface Case {
	name: string;
	setup: NodeSetup;
	/** Three input items, one per recipient. */
	inputs: IDataObject[];
	/** Accepts every request to the send endpoint, noting each recipient it carried. */
	accept: (sent: string[]) => nock.Scope;
	/** Refuses the next request. */
	refuse: () => nock.Scope;
	/** The three recipients as the gateway sees them. */
	recipients: string[];
}

const phones = ['+14155550100', '+14155550101', '+14155550102'];
const people = (recipients: string[]) => recipients.map((to) => ({ to, text: 'We launch today' }));

const cases: Case[] = [
	{
		name: 'WhatsInfinity → Send Text',
		setup: {
			type: 'whatsInfinity',
			parameters: whatsInfinity.textParameters({ options: { campaignKey: KEY } }),
			credentials: whatsInfinity.credentials,
		},
		inputs: people(phones),
		accept: (sent) =>
			whatsInfinity
				.gateway()
				.post('/send', (body) => (sent.push(String(body.to)), true))
				.times(10)
				.reply(200, whatsInfinity.ok({ messageId: 'w1', queued: true })),
		refuse: () =>
			whatsInfinity.gateway().post('/send').reply(422, whatsInfinity.failure('Not on WhatsApp', 'The number has no WhatsApp account')),
		recipients: phones.map((phone) => phone.slice(1)),
	},
	{
		name: 'txtcoop → Message → Send',
		setup: {
			type: 'txtCoop',
			parameters: txtCoop.sendParameters({ options: { campaignKey: KEY } }),
			credentials: txtCoop.credentials,
		},
		inputs: people(phones),
		accept: (sent) =>
			txtCoop
				.gateway()
				.post('/api/v1/messages', (body) => (sent.push(String(body.to)), true))
				.times(10)
				.reply(201, { messageId: 'msg_1', status: 'queued' }),
		refuse: () =>
			txtCoop.gateway().post('/api/v1/messages').reply(400, { error: 'Bad Request', message: 'No relay online', statusCode: 400 }),
		recipients: phones,
	},
	{
		name: 'txtcoop → Bulk Job → Create',
		setup: {
			type: 'txtCoop',
			parameters: {
				resource: 'bulkJob',
				operation: 'create',
				to: '={{ $json.to }}',
				body: '={{ $json.text }}',
				options: { campaignKey: KEY },
			},
			credentials: txtCoop.credentials,
		},
		inputs: people(phones),
		accept: (sent) =>
			txtCoop
				.gateway()
				.post('/api/v1/messages/bulk', (body) => (sent.push(...(body.messages as IDataObject[]).map((m) => String(m.to))), true))
				.times(10)
				.reply(201, { jobId: 'bulk_1', status: 'processing' }),
		refuse: () =>
			txtCoop.gateway().post('/api/v1/messages/bulk').reply(400, { error: 'Bad Request', message: 'Too many jobs', statusCode: 400 }),
		recipients: phones,
	},
	{
		name: 'Infobip → Message → Send',
		setup: { type: 'infobip', parameters: infobip.sendParameters({ campaign: { campaignKey: KEY } }), credentials: infobip.credentials },
		inputs: people(phones),
		accept: (sent) =>
			infobip
				.gateway()
				.post(
					'/messages-api/1/messages',
					(body) => (
						sent.push(...(body.messages as IDataObject[]).flatMap((m) => (m.destinations as IDataObject[]).map((d) => `+${String(d.to)}`))),
						true
					),
				)
				.times(10)
				.reply(200, (_uri, body) => infobip.accepted(body as IDataObject)),
		refuse: () => infobip.gateway().post('/messages-api/1/messages').reply(401, { errorCode: 'E401', description: 'Unauthorized' }),
		recipients: phones,
	},
	{
		name: 'Infopromo → SMS → Send',
		setup: {
			type: 'infopromo',
			parameters: infopromo.sendParameters({ options: { campaignKey: KEY } }),
			credentials: infopromo.credentials,
		},
		inputs: people(phones),
		accept: (sent) =>
			infopromo
				.gateway()
				.post('/api/v3/sms/send', (body) => (sent.push(...String(body.recipient).split(',')), true))
				.times(10)
				.reply(200, infopromo.ok({ uid: 'u1' })),
		refuse: () => infopromo.gateway().post('/api/v3/sms/send').reply(200, infopromo.refused('Insufficient balance')),
		recipients: phones.map((phone) => phone.slice(1)),
	},
	{
		name: 'Infopromo → Campaign → Create',
		setup: {
			type: 'infopromo',
			parameters: {
				resource: 'campaign',
				operation: 'create',
				contactListIds: '={{ $json.to }}',
				senderId: 'YourName',
				type: 'plain',
				message: '={{ $json.text }}',
				options: { campaignKey: KEY },
			},
			credentials: infopromo.credentials,
		},
		inputs: people(['list-a', 'list-b', 'list-c']),
		accept: (sent) =>
			infopromo
				.gateway()
				.post('/api/v3/sms/campaign', (body) => (sent.push(String(body.contact_list_id)), true))
				.times(10)
				.reply(200, infopromo.ok({ uid: 'c1', status: 'queued' })),
		refuse: () => infopromo.gateway().post('/api/v3/sms/campaign').reply(200, infopromo.refused('Insufficient balance')),
		recipients: ['list-a', 'list-b', 'list-c'],
	},
];

const skippedOf = (items: INodeExecutionData[]) =>
	items.filter((item) => item.json.skipped === true).map((item) => [(item.pairedItem as { item: number }).item, item.json.campaignKey]);

describe.each(cases)('$name with a Campaign Key', ({ setup, inputs, accept, refuse, recipients }) => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('sends each message once: a second run skips them all, and a new recipient goes alone', async () => {
		const sent: string[] = [];
		accept(sent);
		const first = await runNode(setup, inputs.slice(0, 2));
		const second = await runNode(setup, inputs.slice(0, 2));
		const third = await runNode(setup, inputs);

		expect([first.error, second.error, third.error]).toEqual([undefined, undefined, undefined]);
		expect(sent).toEqual(recipients);
		expect(skippedOf(second.items)).toEqual([
			[0, KEY],
			[1, KEY],
		]);
		expect(skippedOf(third.items)).toEqual([
			[0, KEY],
			[1, KEY],
		]);
		expect(second.items[0].json.reason).toBe(`Sent before in campaign "${KEY}": this recipient already got this message from this node`);
	});

	it("goes again when another worker created the workflow's record in the store at the same moment", async () => {
		// The first call to the store, with no record yet, meets the database's unique key (two workers' first calls).
		processedData.raceOnCreate();
		const sent: string[] = [];
		accept(sent);
		const first = await runNode(setup, inputs.slice(0, 2));
		const again = await runNode(setup, inputs.slice(0, 2));

		expect([first.error, again.error]).toEqual([undefined, undefined]);
		expect(sent).toEqual(recipients.slice(0, 2));
		expect(skippedOf(again.items)).toEqual([
			[0, KEY],
			[1, KEY],
		]);
	});

	it('records nothing the gateway refused: the next run sends it', async () => {
		refuse();
		const one = inputs.slice(0, 1);
		const refused = await runNode({ ...setup, continueOnFail: true }, one);
		expect(refused.items[0].json.error).toBeDefined();

		const sent: string[] = [];
		accept(sent);
		const again = await runNode(setup, one);

		expect(again.error).toBeUndefined();
		expect(sent).toEqual(recipients.slice(0, 1));
	});
});
