import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { InfiniReach } from '../../../nodes/InfiniReach/InfiniReach.node';
import { listSearch, runNode } from '../../harness/n8n';
import { useFakeClock, type FakeClock } from '../../harness/fake-clock';
import { credentials, gateway, sendParameters } from './fixtures';

const devices = {
	devices: [
		{ id: 'd1', name: 'Pixel', status: 'online', simSlots: [{ phoneNumber: '+14155550100', smsReady: true }] },
		{ id: 'd2', name: 'Spare', status: 'offline', simSlots: [{ phoneNumber: '+14155550102', smsReady: true }] },
	],
};

/** The From field a user (or an AI agent) sees in a node of the given version. */
function fromField(typeVersion: number): INodeProperties[] {
	const { description } = new InfiniReach();
	const parameters: INodeParameters = { resource: 'message', operation: 'send' };
	return description.properties.filter(
		(property) => property.name === 'from' && NodeHelpers.displayParameter(parameters, property, { typeVersion }, description),
	);
}

async function sentFrom(typeVersion: number, from: unknown, item: Record<string, unknown> = {}) {
	let body: Record<string, unknown> = {};
	gateway()
		.post('/api/v1/messages', (b) => ((body = b), true))
		.reply(201, { success: true, queued: true, messageId: 'm1' });
	const run = await runNode({ type: 'infiniReach', typeVersion, parameters: sendParameters({ from }), credentials }, [
		{ to: '+14155550123', text: 'Hi', ...item },
	]);
	return { ...run, body };
}

describe('InfiniReach → Send → From, by node version', () => {
	let fakeClock: FakeClock;
	beforeEach(() => {
		fakeClock = useFakeClock();
	});
	afterEach(() => fakeClock.restore());

	it('is a dropdown in version 1 and, from 1.1, a list or a plain number', () => {
		expect(fromField(1).map((field) => field.type)).toEqual(['options']);
		const [field] = fromField(1.1);
		expect(field).toMatchObject({ type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(field.modes?.map(({ name, displayName, type }) => ({ name, displayName, type }))).toEqual([
			{ name: 'list', displayName: 'From List', type: 'list' },
			{ name: 'number', displayName: 'Number', type: 'string' },
		]);
		expect(field.description).toMatch(/international format .*e\.g\. \+15559876543/);
		expect(new InfiniReach().description).toMatchObject({ version: [1, 1.1], defaultVersion: 1.1 });
	});

	it('sends from a number typed into version 1.1, formatting removed', async () => {
		const { body, error } = await sentFrom(1.1, { __rl: true, mode: 'number', value: '+1 (415) 555-0100' });
		expect(error).toBeUndefined();
		expect(body).toMatchObject({ from: '+14155550100', to: '+14155550123' });
	});

	it('sends from a number picked from the list in version 1.1', async () => {
		const { body, error } = await sentFrom(1.1, { __rl: true, mode: 'list', value: '+14155550102' });
		expect(error).toBeUndefined();
		expect(body.from).toBe('+14155550102');
	});

	it('sends from an expression in version 1.1, as an AI agent fills it', async () => {
		const { body, error } = await sentFrom(1.1, { __rl: true, mode: 'number', value: '={{ $json.sender }}' }, { sender: '+14155550101' });
		expect(error).toBeUndefined();
		expect(body.from).toBe('+14155550101');
	});

	it('still sends from the plain string saved by version 1', async () => {
		const { body, error } = await sentFrom(1, '+14155550100');
		expect(error).toBeUndefined();
		expect(body.from).toBe('+14155550100');
	});

	it('refuses a From that comes out empty in version 1.1, and sends nothing', async () => {
		const scope = gateway().post('/api/v1/messages').reply(201, {});
		const { error } = await runNode(
			{
				type: 'infiniReach',
				typeVersion: 1.1,
				parameters: sendParameters({ from: { __rl: true, mode: 'number', value: '={{ $json.sender }}' } }),
				credentials,
			},
			[{ to: '+14155550123', text: 'Hi' }],
		);
		expect(error?.message).toBe('No sender ("From") is set [item 0]');
		expect(error?.description).toContain('type it in international format (e.g. +15559876543)');
		expect(scope.isDone()).toBe(false);
	});
});

describe('InfiniReach → From picker (version 1.1)', () => {
	it('lists the senders, searching by number or device name', async () => {
		gateway().get('/api/v1/devices').times(2).reply(200, devices);

		const all = await listSearch({ type: 'infiniReach', parameters: {}, credentials }, 'searchSenders');
		const spare = await listSearch({ type: 'infiniReach', parameters: {}, credentials }, 'searchSenders', 'spare');

		expect(all.results).toEqual([
			{ name: '+14155550100 (Pixel, SIM 1)', value: '+14155550100' },
			{ name: '+14155550102 (Spare, SIM 1, offline)', value: '+14155550102' },
		]);
		expect(spare.results).toEqual([{ name: '+14155550102 (Spare, SIM 1, offline)', value: '+14155550102' }]);
	});
});
