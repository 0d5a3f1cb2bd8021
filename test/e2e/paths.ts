import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** The repository root, whether this runs from test/ (jest) or from the compiled .tools/. */
function findRoot(start: string): string {
	for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-message-gateways') {
			return dir;
		}
	}
	throw new Error(`No n8n-nodes-message-gateways checkout above ${start}`);
}

export const ROOT = findRoot(__dirname);
export const RUNTIME = join(ROOT, '.n8n-runtime');
export const NODE24 = join(RUNTIME, 'node/node_modules/node/bin/node');
export const N8N_BIN = join(RUNTIME, 'n8n/node_modules/n8n/bin/n8n');
export const WORKFLOWS = join(ROOT, 'test/e2e/workflows');
/** Scratch space of the e2e runs and `npm run dev` (ignored by git). */
export const WORK = join(ROOT, '.e2e-work');

/** Where example workflows read their files (a recipients CSV): n8n may read only folders it is told of. */
export const EXAMPLE_FILES = '/tmp/n8n-nodes-message-gateways';
