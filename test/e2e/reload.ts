// `npm run dev`'s watch: a change to the package's source is built and copied over the package that n8n
// has installed, which n8n (started with N8N_DEV_RELOAD) reloads without a restart, as it does for
// `n8n-node dev`. The package stays installed as users install it: a copy, not a link to the checkout
// (a link would resolve a second n8n-workflow from the checkout's node_modules).
import { cpSync, rmSync, watch, type FSWatcher } from 'fs';
import { join } from 'path';

import type { N8n } from './n8n';
import { ROOT } from './paths';
import { runOrFail } from './processes';

const WATCHED = ['nodes', 'credentials'];
const PACKAGE = 'n8n-nodes-message-gateways';

export function reloadOnChange(n8n: N8n, log: (line: string) => void): { close(): void } {
	const installed = join(n8n.options.folder, '.n8n/nodes/node_modules', PACKAGE);
	let timer: NodeJS.Timeout | undefined;
	let building = false;
	let again = false;

	const rebuild = async () => {
		if (building) {
			again = true;
			return;
		}
		building = true;
		try {
			do {
				again = false;
				log('a source file changed: building');
				try {
					await runOrFail('npm', ['run', 'build', '--silent'], { cwd: ROOT });
					rmSync(join(installed, 'dist'), { recursive: true, force: true });
					cpSync(join(ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
					log('built and copied into n8n, which reloads it: reload the editor page');
				} catch (error) {
					// A type error while editing: say so, keep watching.
					log(`the build failed, n8n keeps the last good one:\n${(error as Error).message.slice(0, 2000)}`);
				}
			} while (again);
		} finally {
			building = false;
		}
	};

	const watchers: FSWatcher[] = WATCHED.map((dir) =>
		watch(join(ROOT, dir), { recursive: true }, () => {
			clearTimeout(timer);
			// Editors write a file in several steps, and a save often touches several files.
			timer = setTimeout(() => void rebuild(), 300);
		}),
	);
	return {
		close: () => {
			clearTimeout(timer);
			for (const watcher of watchers) watcher.close();
		},
	};
}
