// A lane of the end-to-end run (jest-only: it registers hooks).
import { join } from 'path';

import { WORK } from './paths';
import './shapes';
import { E2E_OWNER, ensureRuntime, startStack, type Stack, type StackOptions } from './stack';

/**
 * One stack for the scenarios of one e2e file (a lane): started once before them, stopped after them.
 * Lanes run side by side (jest workers), each on its own ports and folder.
 */
export function laneStack(lane: string, options: Pick<StackOptions, 'port' | 'sandbox' | 'env'>): () => Stack {
	let stack: Stack | undefined;
	beforeAll(async () => {
		await ensureRuntime();
		stack = await startStack({
			folder: join(WORK, `e2e-${lane}`),
			port: options.port,
			brokerPort: options.port + 2,
			owner: E2E_OWNER,
			sandbox: options.sandbox,
			env: options.env,
		});
	});
	afterAll(async () => await stack?.stop());
	return () => {
		if (!stack) throw new Error(`The ${lane} lane's stack did not start`);
		return stack;
	};
}
