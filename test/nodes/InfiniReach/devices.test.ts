import { loadOptions, runNode } from '../../harness/n8n';
import { credentials, gateway } from './fixtures';

const devices = {
	devices: [
		{
			id: 'd1',
			name: 'Pixel',
			status: 'online',
			simSlots: [
				{ phoneNumber: '+14155550100', smsReady: true },
				{ phoneNumber: '+14155550101', smsReady: false },
			],
		},
		{ id: 'd2', name: 'Spare', status: 'offline', simSlots: [{ phoneNumber: '+14155550102', smsReady: true }] },
		{ id: 'd3', status: 'online', phoneNumber: '+14155550100' },
	],
};

describe('InfiniReach → Device → Get Many', () => {
	it('fails with what came back when the answer holds no device list, rather than returning nothing', async () => {
		gateway().get('/api/v1/devices').reply(200, { ok: true });

		const { items, error } = await runNode({ type: 'infiniReach', parameters: { resource: 'device', operation: 'getAll' }, credentials });

		expect(items).toEqual([]);
		expect(error?.message).toBe('InfiniReach answered without a list of devices (under "devices" or "data") [item 0]');
		expect(error?.description).toContain('It answered: {"ok":true}');
	});

	it('returns one item per device', async () => {
		gateway().get('/api/v1/devices').reply(200, devices);

		const { items, error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'device', operation: 'getAll' },
			credentials,
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id, i.json.status])).toEqual([
			['d1', 'online'],
			['d2', 'offline'],
			['d3', 'online'],
		]);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('says what to do when the server has no device list', async () => {
		gateway().get('/api/v1/devices').reply(404, { error: 'Cannot GET /api/v1/devices' });

		const { error } = await runNode({
			type: 'infiniReach',
			parameters: { resource: 'device', operation: 'getAll' },
			credentials,
		});

		expect(error?.message).toBe('InfiniReach answered 404: Cannot GET /api/v1/devices [item 0]');
		expect(error?.description).toContain('Type the sender number into "From" instead');
	});
});

describe('InfiniReach → From dropdown', () => {
	it('lists each SIM number once, naming its device and whether it can send', async () => {
		gateway().get('/api/v1/devices').reply(200, devices);

		const options = await loadOptions({ type: 'infiniReach', parameters: {}, credentials }, 'getSenders');

		expect(options).toEqual([
			{ name: '+14155550100 (Pixel, SIM 1)', value: '+14155550100' },
			{ name: '+14155550101 (Pixel, SIM 2, offline)', value: '+14155550101' },
			{ name: '+14155550102 (Spare, SIM 1, offline)', value: '+14155550102' },
		]);
	});

	it('fails with the hint to type the number when the server has no device list', async () => {
		gateway().get('/api/v1/devices').reply(404, { error: 'Not found' });

		await expect(loadOptions({ type: 'infiniReach', parameters: {}, credentials }, 'getSenders')).rejects.toMatchObject({
			message: 'InfiniReach answered 404: Not found',
			description: expect.stringContaining('Type the sender number into "From" instead'),
		});
	});
});
