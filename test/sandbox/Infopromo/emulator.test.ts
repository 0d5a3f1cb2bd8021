import axios, { type AxiosInstance } from 'axios';

import { INFOPROMO_TOKEN, startSandbox, type Sandbox } from '../index';

import { waitUntil } from '../wait';
const send = { recipient: '31612345678', sender_id: 'YourName', type: 'plain', message: 'Hello' };

describe('Infopromo sandbox', () => {
	let sandbox: Sandbox;
	let v3: AxiosInstance;
	let http: AxiosInstance;

	beforeAll(async () => {
		sandbox = await startSandbox();
		v3 = axios.create({
			baseURL: `${sandbox.urls.infopromo}/api/v3`,
			headers: { Authorization: `Bearer ${INFOPROMO_TOKEN}`, Accept: 'application/json' },
			validateStatus: () => true,
		});
		http = axios.create({ baseURL: `${sandbox.urls.infopromo}/api/http`, validateStatus: () => true });
	});
	afterEach(() => {
		sandbox.infopromo.server.reset();
		Object.assign(sandbox.infopromo.config, {
			errors: 'http',
			sendAnswer: 'records',
			order: 'newestFirst',
			listRecords: 'full',
			directionFilter: 'honoured',
			httpReads: 'bodyOnly',
			httpPaths: 'all',
			commaRecipients: 'accepted',
			perPage: 25,
			msPerSecond: 1000,
		});
	});
	afterAll(async () => await sandbox.stop());

	it('takes the token as Bearer on /api/v3 and as api_token on /api/http, and refuses others both ways', async () => {
		expect((await v3.post('/sms/send', send)).data.status).toBe('success');
		expect((await http.post('/sms/send', { ...send, api_token: INFOPROMO_TOKEN })).data.status).toBe('success');
		expect((await http.get('/balance', { data: { api_token: INFOPROMO_TOKEN } })).data.status).toBe('success');
		// A read's token where n8n can put it (it sends no body with a GET), as each host mode allows.
		const read = async (mode: 'bodyOnly' | 'bearerToo' | 'queryToo') => {
			sandbox.infopromo.config.httpReads = mode;
			const asBearer = await http.get('/balance', { headers: { Authorization: `Bearer ${INFOPROMO_TOKEN}` } });
			const inQuery = await http.get('/balance', { params: { api_token: INFOPROMO_TOKEN } });
			return [asBearer.status, inQuery.status];
		};
		expect([await read('bodyOnly'), await read('bearerToo'), await read('queryToo')]).toEqual([
			[401, 401],
			[200, 401],
			[401, 200],
		]);
		sandbox.infopromo.config.httpReads = 'bodyOnly';
		// A send's token goes in the body only.
		expect((await http.post('/sms/send', send, { headers: { Authorization: `Bearer ${INFOPROMO_TOKEN}` } })).status).toBe(401);
		expect(JSON.stringify(sandbox.infopromo.server.log)).not.toContain(INFOPROMO_TOKEN);
		const refused = await v3.get('/balance', { headers: { Authorization: 'Bearer nope' } });
		expect([refused.status, refused.data]).toEqual([401, { status: 'error', message: 'Unauthenticated.' }]);
		sandbox.infopromo.config.errors = 'ok200';
		const quiet = await http.get('/balance', { data: { api_token: 'nope' } });
		expect([quiet.status, quiet.data.status]).toEqual([200, 'error']);
	});

	it('sends comma-separated recipients, and answers data as records, one record or text', async () => {
		const records = await v3.post('/sms/send', { ...send, recipient: '31612345678,31612345679' });
		expect(records.data.data.map((m: { to: string }) => m.to)).toEqual(['31612345678', '31612345679']);
		sandbox.infopromo.config.sendAnswer = 'record';
		expect((await v3.post('/sms/send', send)).data.data).toMatchObject({ to: '31612345678', status: 'Delivered' });
		sandbox.infopromo.config.sendAnswer = 'text';
		expect(typeof (await v3.post('/sms/send', send)).data.data).toBe('string');
		expect(sandbox.infopromo.sent()).toHaveLength(4);
	});

	it.each([
		['a long sender name', { sender_id: 'MyLongShopName' }],
		['an unknown type', { type: 'fax' }],
		['an MMS without media', { type: 'mms' }],
		['a voice message without language', { type: 'voice' }],
		['a bad schedule time', { schedule_time: '2026-12-24T09:00' }],
		['a number with a +', { recipient: '+31612345678' }],
	])('refuses %s with a 422 and sends nothing', async (_name, patch) => {
		const response = await v3.post('/sms/send', { ...send, ...patch });
		expect([response.status, response.data.status]).toEqual([422, 'error']);
		expect(sandbox.infopromo.messages).toEqual([]);
	});

	it('sends a scheduled message at its time, and pages the list as Laravel does', async () => {
		sandbox.infopromo.config.msPerSecond = 5;
		const at = new Date(Date.now() + 120_000);
		const when = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)}`;
		await v3.post('/sms/send', { ...send, schedule_time: when });
		expect(sandbox.infopromo.messages[0].status).toBe('Scheduled');
		await waitUntil(() => sandbox.infopromo.messages[0].status === 'Delivered');
		expect(sandbox.infopromo.messages[0].status).toBe('Delivered');

		sandbox.infopromo.config.perPage = 2;
		for (let i = 0; i < 4; i++) await v3.post('/sms/send', { ...send, message: `m${i}` });
		const first = (await v3.get('/sms', { params: { direction: 'outgoing' } })).data.data;
		expect([first.current_page, first.last_page, first.total, first.data.length, first.next_page_url !== null]).toEqual([1, 3, 5, 2, true]);
		expect(first.data[0].message).toBe('m3');
	});

	it('keeps inbound messages it is told to receive in the incoming list', async () => {
		await axios.post(`${sandbox.urls.infopromo}/__sandbox/inbound`, { from: '31612345678', text: 'STOP' });
		const list = (await v3.get('/sms', { params: { direction: 'incoming' } })).data.data.data;
		expect(list.map((m: { from: string; message: string }) => [m.from, m.message])).toEqual([['31612345678', 'STOP']]);
	});

	it('lists records without uid, or ignores the direction asked for, as its modes say', async () => {
		await axios.post(`${sandbox.urls.infopromo}/__sandbox/inbound`, { from: '31611111111', text: 'Hi' });
		await v3.post('/sms/send', send);
		const listed = async () =>
			(await v3.get('/sms', { params: { direction: 'incoming' } })).data.data.data as Array<Record<string, unknown>>;

		expect((await listed()).map((record) => [record.direction, typeof record.uid])).toEqual([['incoming', 'string']]);
		sandbox.infopromo.config.listRecords = 'withoutUid';
		sandbox.infopromo.config.directionFilter = 'ignored';
		expect((await listed()).map((record) => [record.direction, typeof record.uid])).toEqual([
			['outgoing', 'undefined'],
			['incoming', 'undefined'],
		]);
	});

	it('has balance, profile and campaigns under /api/http too, or only the SMS paths seed 004 shows, as its mode says', async () => {
		const auth = { data: { api_token: INFOPROMO_TOKEN } };
		const statuses = async () => [
			(await http.get('/balance', auth)).status,
			(await http.get('/me', auth)).status,
			(await http.get('/sms', auth)).status,
		];
		const all = await statuses();
		sandbox.infopromo.config.httpPaths = 'smsOnly';
		expect([all, await statuses()]).toEqual([
			[200, 200, 200],
			[404, 404, 200],
		]);
	});

	it('takes comma-separated recipients, or only one a request, as its mode says', async () => {
		const two = { ...send, recipient: '31612345678,31612345679' };
		const accepted = (await v3.post('/sms/send', two)).status;
		sandbox.infopromo.config.commaRecipients = 'refused';
		const refused = await v3.post('/sms/send', two);
		const one = (await v3.post('/sms/send', send)).status;
		expect([accepted, refused.status, refused.data.message, one]).toEqual([200, 422, 'The recipient must be a valid number.', 200]);
	});

	it('sends a campaign to a contact list', async () => {
		const campaign = await v3.post('/sms/campaign', { ...send, recipient: undefined, contact_list_id: '6065ecdc9184a' });
		expect(campaign.data.data).toMatchObject({ total_recipients: 3 });
		expect((await v3.get(`/campaign/${campaign.data.data.uid}/view`)).data.data).toMatchObject({ delivered: 3 });
	});
});
