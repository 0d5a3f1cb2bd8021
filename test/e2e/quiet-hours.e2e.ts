// One lane of the end-to-end run: Quiet Hours in a real n8n whose clock the lane sets
// (test/e2e/shifted-clock.cjs), beside the other lanes.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { quietHoursScenarios } from './gateways/QuietHours';
import { laneStack } from './lane';
import { ROOT, WORK } from './paths';

jest.setTimeout(15 * 60_000);

const CLOCK_FILE = join(WORK, 'quiet-hours.clock');
mkdirSync(WORK, { recursive: true });
// The real time until a scenario sets one.
writeFileSync(CLOCK_FILE, '');

const stack = laneStack('quiet-hours', {
	port: 6088,
	env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/e2e/shifted-clock.cjs')}`, E2E_CLOCK_FILE: CLOCK_FILE },
});

quietHoursScenarios(stack, async (at) => {
	writeFileSync(CLOCK_FILE, String(at));
	// n8n looks at the file every 100 ms.
	await new Promise((resolve) => setTimeout(resolve, 500));
});
