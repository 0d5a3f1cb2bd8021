// `npm run dev` twice: what the user saved in the editor the first time is there the second time, the
// examples are not imported over it, and the sandbox credentials point at the new sandbox.
import { join } from 'path';

import { nodeOutput } from './n8n';
import { WORK } from './paths';
import { E2E_OWNER, ensureRuntime, startStack, type Stack } from './stack';

jest.setTimeout(10 * 60_000);

const folder = join(WORK, 'e2e-dev-keeps');
const start = async (keep: boolean) => await startStack({ folder, port: 5888, brokerPort: 5890, owner: E2E_OWNER, keep });

interface SavedWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
}

describe('npm run dev, run twice', () => {
	let stack: Stack | undefined;
	afterEach(async () => {
		await stack?.stop();
		stack = undefined;
	});

	it('keeps a workflow saved in the editor, and the examples as the user left them', async () => {
		await ensureRuntime();
		// A folder from an earlier run of the tests is not the user's: start from nothing.
		stack = await start(false);
		const rest = await stack.n8n.rest();
		const examples = (await rest.get('/workflows')).data.data as SavedWorkflow[];
		// What the editor sends when the user saves a new workflow.
		const saved = (
			await rest.post('/workflows', {
				name: 'Built in the editor',
				nodes: [{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
				connections: {},
				settings: { executionOrder: 'v1' },
			})
		).data.data as SavedWorkflow;
		// And an example the user changed.
		const example = (await rest.get('/workflows/irSendSms0000001')).data.data as SavedWorkflow & { versionId: string };
		const edited = example.nodes.map((node) =>
			node.name === 'Send SMS' ? { ...node, parameters: { ...node.parameters, message: 'Edited in the editor' } } : node,
		);
		await rest.patch('/workflows/irSendSms0000001', { ...example, nodes: edited });
		await stack.stop();

		stack = await start(true);
		const again = await stack.n8n.rest();
		const listed = (await again.get('/workflows')).data.data as SavedWorkflow[];
		expect(listed.map((workflow) => workflow.id).sort()).toEqual([...examples.map((workflow) => workflow.id), saved.id].sort());
		expect((await again.get(`/workflows/${saved.id}`)).data.data).toMatchObject({
			name: 'Built in the editor',
			nodes: [expect.objectContaining({ name: 'Start' })],
		});

		// The edited example runs with the edit, through a credential that now points at this run's sandbox.
		const { ok, data } = await stack.n8n.execute('irSendSms0000001');
		expect(ok).toBe(true);
		expect(stack.sandbox.infiniReach.outbound().map((message) => message.body)).toEqual(['Edited in the editor']);
		expect(nodeOutput(data.data, 'Send SMS')).toEqual([expect.objectContaining({ to: '+14155550123' })]);
	});
});
