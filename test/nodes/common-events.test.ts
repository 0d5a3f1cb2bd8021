// Every trigger at version 1.1 (Simplify on by default) starts with the common event: the same
// fields for all five gateways, checked against docs/schemas/common-event.schema.json by the harness.
import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { callWebhook, runPoll } from '../harness/n8n';
import { credentials as infobipCredentials, WEBHOOK_SECRET as INFOBIP_SECRET } from './Infobip/fixtures';
import { credentials as infopromoCredentials, gateway as infopromo, ok as infopromoOk } from './Infopromo/fixtures';
import { credentials as txtCoopCredentials } from './TxtCoop/fixtures';
import {
	SESSION,
	credentials as whatsInfinityCredentials,
	gateway as whatsInfinity,
	ok as whatsInfinityOk,
} from './WhatsInfinity/fixtures';

const hex = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
const EVENT_ID = expect.stringMatching(/^[0-9a-f]{32}$/);

afterEach(() => nock.cleanAll());

describe('InfiniReach Trigger 1.1', () => {
	const setup = (events: string[], parameters: IDataObject = {}, typeVersion = 1.1) => ({
		type: 'infiniReachTrigger',
		typeVersion,
		parameters: { events, ...parameters },
		credentials: { infiniReachApi: { apiKey: 'ir_live_key_0123456789', baseUrl: 'https://api.infinireach.io', webhookSecret: '' } },
	});
	const inbound = {
		event: 'message.inbound',
		timestamp: '2026-12-05T10:00:01.000Z',
		data: {
			messageId: 'm1',
			direction: 'inbound',
			from: '+14155550123',
			to: '+14155550100',
			body: 'Stop please',
			deviceId: 'd1',
			timestamp: '2026-12-05T10:00:00.000Z',
			status: 'received',
		},
	};

	it('gives a received message as the common event, its STOP read as an opt-out, the payload in raw', async () => {
		const result = await callWebhook(setup(['message.inbound']), { body: JSON.stringify(inbound) });
		expect(result.items.map((item) => item.json)).toEqual([
			{
				gateway: 'infinireach',
				event: 'message.received',
				eventId: EVENT_ID,
				messageId: 'm1',
				channel: 'unknown',
				from: '+14155550123',
				to: '+14155550100',
				text: 'Stop please',
				media: [],
				status: null,
				gatewayStatus: 'received',
				error: null,
				at: '2026-12-05T10:00:00.000Z',
				intent: 'optOut',
				raw: expect.objectContaining({ event: 'message.inbound', body: 'Stop please', payload: inbound }),
			},
		]);
	});

	it('gives a delivery, a failure and a device going offline in the vocabulary', async () => {
		const body = JSON.stringify([
			{
				event: 'message.delivered',
				timestamp: '2026-12-05T10:01:00.000Z',
				data: { messageId: 'm2', from: '+14155550100', to: '+14155550123', channel: 'sms' },
			},
			{
				event: 'message.failed',
				timestamp: '2026-12-05T10:02:00.000Z',
				data: { messageId: 'm3', status: 'failed', error: 'SIM not ready' },
			},
			{ event: 'device.offline', timestamp: '2026-12-05T10:03:00.000Z', data: { deviceId: 'd1' } },
		]);
		const result = await callWebhook(setup(['message.delivered', 'message.failed', 'device.offline']), { body });
		expect(
			result.items.map(({ json }) => [json.event, json.messageId, json.channel, json.status, json.gatewayStatus, json.error, json.at]),
		).toEqual([
			['message.status', 'm2', 'sms', 'delivered', 'delivered', null, '2026-12-05T10:01:00.000Z'],
			[
				'message.status',
				'm3',
				'unknown',
				'failed',
				'failed',
				{ code: null, message: 'SIM not ready', permanent: null },
				'2026-12-05T10:02:00.000Z',
			],
			['session.status', null, 'unknown', null, 'offline', null, '2026-12-05T10:03:00.000Z'],
		]);
	});

	it('keeps the gateway’s own output with Simplify off, and at version 1', async () => {
		for (const [messageId, setupOf] of [
			['m-off', setup(['message.inbound'], { simplify: false })],
			['m-v1', setup(['message.inbound'], {}, 1)],
		] as const) {
			const payload = { ...inbound, data: { ...inbound.data, messageId } };
			const result = await callWebhook(setupOf, { body: JSON.stringify(payload) });
			expect(result.items.map((item) => item.json)).toEqual([
				{ event: 'message.inbound', eventTimestamp: inbound.timestamp, ...payload.data, payload, eventId: EVENT_ID },
			]);
		}
	});

	it('does not start on a status event unless Events asks for it', async () => {
		const body = JSON.stringify({ event: 'message.delivered', timestamp: '2026-12-05T10:01:00.000Z', data: { messageId: 'm9' } });
		const result = await callWebhook(setup(['message.inbound']), { body });
		expect([result.started, result.items]).toEqual([false, []]);
	});
});

describe('Infobip Trigger 1.1', () => {
	const results = [
		{
			event: 'MO',
			channel: 'WHATSAPP',
			sender: '447491163443',
			destination: '447860099299',
			content: [
				{ type: 'TEXT', text: 'HELP' },
				{ type: 'IMAGE', url: 'https://cdn.example/p.jpg' },
			],
			receivedAt: '2026-12-05T10:00:00.000+0000',
			messageId: 'mo1',
		},
		{
			event: 'DELIVERY',
			channel: 'SMS',
			sender: 'InfoSMS',
			destination: '447491163443',
			messageId: 'm1',
			doneAt: '2026-12-05T10:05:00.000+0000',
			status: { groupId: 5, groupName: 'REJECTED', id: 12, name: 'REJECTED_NOT_ENOUGH_CREDITS', description: 'Not enough credits' },
			error: { id: 0, groupId: 0, groupName: 'OK', name: 'NO_ERROR', permanent: false },
		},
		{
			event: 'DELIVERY',
			channel: 'SMS',
			destination: '447491163444',
			messageId: 'm2',
			status: { groupId: 2, groupName: 'UNDELIVERABLE', name: 'UNDELIVERABLE_NOT_DELIVERED' },
			error: { id: 27, groupId: 1, name: 'EC_ABSENT_SUBSCRIBER', description: 'Absent subscriber', permanent: false },
		},
		{ event: 'SEEN', channel: 'WHATSAPP', messageId: 'm3', seenAt: '2026-12-05T10:06:00.000+0000' },
	];

	it('gives inbound messages with their media, numbers with their +, reports in the vocabulary with Infobip’s error, and seen as read', async () => {
		const body = JSON.stringify({ results });
		const result = await callWebhook(
			{
				type: 'infobipTrigger',
				typeVersion: 1.1,
				parameters: { events: ['inbound', 'delivery', 'seen'] },
				credentials: infobipCredentials,
			},
			{ body, headers: { 'X-Webhook-Signature': hex(INFOBIP_SECRET, body) } },
		);
		expect(
			result.items.map(({ json }) => [
				json.event,
				json.channel,
				json.from,
				json.to,
				json.text,
				json.intent,
				json.status,
				json.gatewayStatus,
			]),
		).toEqual([
			['message.received', 'whatsapp', '+447491163443', '+447860099299', 'HELP', 'help', null, null],
			['message.status', 'sms', 'InfoSMS', '+447491163443', null, null, 'rejected', 'REJECTED'],
			['message.status', 'sms', null, '+447491163444', null, null, 'failed', 'UNDELIVERABLE'],
			['message.status', 'whatsapp', null, null, null, null, 'read', 'SEEN'],
		]);
		expect(result.items.map(({ json }) => [json.media, json.error, json.at])).toEqual([
			[[{ url: 'https://cdn.example/p.jpg', type: 'image' }], null, '2026-12-05T10:00:00.000Z'],
			[[], null, '2026-12-05T10:05:00.000Z'],
			[[], { code: 'EC_ABSENT_SUBSCRIBER', message: 'Absent subscriber', permanent: false }, expect.any(String)],
			[[], null, '2026-12-05T10:06:00.000Z'],
		]);
	});
});

describe('txtcoop Trigger 1.1', () => {
	const secret = 'a'.repeat(64);
	const setup = (events: string[]) => ({
		type: 'txtCoopTrigger',
		typeVersion: 1.1,
		parameters: { events },
		credentials: txtCoopCredentials,
		staticData: { 'node:Gateway': { webhookId: 'wh_1', secret } },
	});

	it('gives a received iMessage with its attachments, and a relay going offline as a session event', async () => {
		const body = JSON.stringify([
			{
				event: 'message.received',
				timestamp: '2026-12-05T10:00:02.000Z',
				data: {
					id: 'msg_9',
					direction: 'received',
					from: '+14155550123',
					to: '+14155550100',
					body: 'START',
					attachments: [{ id: 'a1', fileName: 'p.heic', mimeType: 'image/heic', downloadUrl: 'https://acme.txtcoop.example/a1' }],
					status: 'received',
					createdAt: '2026-12-05T10:00:00.000Z',
				},
			},
			{ event: 'relay.offline', timestamp: '2026-12-05T10:01:00.000Z', data: { id: 'relay_1', name: 'Office Mac', status: 'offline' } },
		]);
		const result = await callWebhook(setup(['message.received', 'relay.offline']), {
			body,
			headers: { 'X-Webhook-Signature': hex(secret, body) },
		});
		expect(
			result.items.map(({ json }) => [
				json.event,
				json.channel,
				json.messageId,
				json.from,
				json.text,
				json.intent,
				json.status,
				json.gatewayStatus,
				json.media,
				json.at,
			]),
		).toEqual([
			[
				'message.received',
				'imessage',
				'msg_9',
				'+14155550123',
				'START',
				'optIn',
				null,
				'received',
				[{ url: 'https://acme.txtcoop.example/a1', type: 'image/heic' }],
				'2026-12-05T10:00:00.000Z',
			],
			['session.status', 'unknown', null, 'Office Mac', null, null, null, 'offline', [], '2026-12-05T10:01:00.000Z'],
		]);
	});
});

describe('Infopromo Trigger 1.1', () => {
	it('gives a polled inbound message as the common event, its channel from the send type', async () => {
		const lists: IDataObject[][] = [
			[],
			[
				{
					uid: 'u1',
					from: '31612345678',
					to: 'SHOP',
					message: 'ARRÊT',
					sms_type: 'whatsapp',
					direction: 'incoming',
					created_at: '2026-12-05 10:00:00',
				},
			],
		];
		let poll = 0;
		infopromo()
			.get('/api/v3/sms')
			.query(true)
			.times(2)
			.reply(() => {
				const data = lists[poll++];
				return [200, infopromoOk({ current_page: 1, data, last_page: 1, per_page: 25, total: data.length })];
			});
		const staticData: IDataObject = {};
		const setup = {
			type: 'infopromoTrigger',
			typeVersion: 1.1,
			parameters: { events: ['incoming'] },
			credentials: infopromoCredentials,
			staticData,
		};
		expect(await runPoll(setup)).toBeNull();
		const items = (await runPoll(setup))?.[0] ?? [];
		expect(
			items.map(({ json }) => [json.gateway, json.event, json.messageId, json.channel, json.from, json.text, json.intent, json.eventId]),
		).toEqual([['infopromo', 'message.received', 'u1', 'whatsapp', '+31612345678', 'ARRÊT', 'optOut', EVENT_ID]]);
	});
});

describe('WhatsInfinity Trigger 1.1', () => {
	it('gives a session state change as a session event, with no message status', async () => {
		const state = (status: string) =>
			whatsInfinityOk({ status, isReady: status === 'active', hasQR: false, queueSize: 0, rateLimitRemaining: 10 });
		whatsInfinity().get(`/check-session/${SESSION}`).reply(200, state('active'));
		whatsInfinity().get(`/check-session/${SESSION}`).reply(200, state('disconnected'));
		const staticData: IDataObject = {};
		const setup = {
			type: 'whatsInfinityTrigger',
			typeVersion: 1.1,
			parameters: { statuses: [] },
			credentials: whatsInfinityCredentials,
			staticData,
		};
		expect(await runPoll(setup)).toBeNull();
		const items = (await runPoll(setup))?.[0] ?? [];
		expect(items.map(({ json }) => [json.gateway, json.event, json.channel, json.status, json.gatewayStatus, json.eventId])).toEqual([
			['whatsinfinity', 'session.status', 'whatsapp', null, 'disconnected', EVENT_ID],
		]);
	});
});
