import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../harness/n8n';
import { credentials, gateway, ok } from './fixtures';

type Row = { uid: string; status?: string; message?: string };
const page = (data: Row[], n = 1, last = 1) => ok({ current_page: n, data, last_page: last, per_page: 25, total: data.length });
const trigger = (staticData: IDataObject, events = ['incoming']) => ({
	type: 'infopromoTrigger',
	parameters: { events },
	credentials,
	staticData,
});

function incoming(...pages: Row[][]) {
	pages.forEach((rows, index) =>
		gateway()
			.get('/api/v3/sms')
			.query({ direction: 'incoming', page: String(index === 0 ? 1 : pages.length) })
			.reply(200, page(rows, index === 0 ? 1 : pages.length, pages.length)),
	);
}

describe('Infopromo Trigger', () => {
	it('notes where things stand on its first poll, then starts once per new inbound message, never twice', async () => {
		const staticData: IDataObject = {};
		incoming([{ uid: 'old-1' }, { uid: 'old-2' }]);
		expect(await runPoll(trigger(staticData))).toBeNull();

		incoming([{ uid: 'new-1', message: 'Hi' }, { uid: 'old-1' }, { uid: 'old-2' }]);
		const second = await runPoll(trigger(staticData));
		expect(second?.[0].map((i) => [i.json.event, i.json.uid, i.json.message])).toEqual([['incoming', 'new-1', 'Hi']]);

		incoming([{ uid: 'new-1' }, { uid: 'old-1' }]);
		expect(await runPoll(trigger(staticData))).toBeNull();
	});

	it('reads the last page too, where a list ordered oldest first keeps the newest', async () => {
		const staticData: IDataObject = {};
		incoming([{ uid: 'a' }], [{ uid: 'b' }]);
		await runPoll(trigger(staticData));
		incoming([{ uid: 'a' }], [{ uid: 'b' }, { uid: 'c' }]);
		expect((await runPoll(trigger(staticData)))?.[0].map((i) => i.json.uid)).toEqual(['c']);
	});

	it('starts for sent messages whose status changed, with the previous status', async () => {
		const staticData: IDataObject = {};
		const outgoing = (rows: Row[]) => gateway().get('/api/v3/sms').query({ direction: 'outgoing', page: '1' }).reply(200, page(rows));
		outgoing([
			{ uid: 's1', status: 'Scheduled' },
			{ uid: 's2', status: 'Delivered' },
		]);
		await runPoll(trigger(staticData, ['statusChanged']));
		outgoing([
			{ uid: 's1', status: 'Delivered' },
			{ uid: 's2', status: 'Delivered' },
			{ uid: 's3', status: 'Delivered' },
		]);

		const fired = await runPoll(trigger(staticData, ['statusChanged']));

		expect(fired?.[0].map((i) => [i.json.event, i.json.uid, i.json.previousStatus, i.json.status])).toEqual([
			['statusChanged', 's1', 'Scheduled', 'Delivered'],
		]);
	});

	it('fails the poll when messages come without a uid, rather than starting for them', async () => {
		incoming([{ message: 'no id' } as unknown as Row]);
		await expect(runPoll(trigger({}))).rejects.toThrow('Infopromo answered without a uid for each message');
	});

	it('in a manual test shows the newest message and leaves the memory alone', async () => {
		const staticData: IDataObject = {};
		incoming([{ uid: 'n1' }]);
		const shown = await runPoll({ ...trigger(staticData) }, 'manual');
		expect(shown?.[0].map((i) => i.json.uid)).toEqual(['n1']);
		expect(staticData).toEqual({});
	});
});
