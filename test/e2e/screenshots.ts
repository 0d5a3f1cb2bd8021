// `npm run screenshots`: the README's pictures, taken in headless Chromium (Debian's, driven by
// puppeteer-core) from the stack `npm run dev` starts, with the example workflows it imports. Written to
// docs/images/; run again after a change a user would see (`npm run screenshots -- <file.png> …` takes only those).
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'puppeteer-core';

import { launchChromium, signedInPage } from './editor-browser';
import { ROOT, WORK } from './paths';
import { runOrFail } from './processes';
import { E2E_OWNER, ensureRuntime, startStack } from './stack';

const OUT = join(ROOT, 'docs/images');
const PORT = 5998;

interface Shot {
	file: string;
	/** What the picture shows, for the log. */
	what: string;
	take(page: Page, base: string): Promise<void>;
}

const settle = async (page: Page, ms = 1_500) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a workflow on its canvas. */
const openWorkflow = async (page: Page, base: string, workflowId: string) => {
	await page.goto(`${base}/workflow/${workflowId}`, { waitUntil: 'networkidle2' });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await settle(page);
};

/** Opens one node's panel (n8n's URL for a node opens it). */
const openNode = async (page: Page, base: string, workflowId: string, nodeId: string) => {
	await openWorkflow(page, base, `${workflowId}/${nodeId}`);
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
	await settle(page);
};

const SHOTS: Shot[] = [
	{
		file: 'nodes-panel.png',
		what: 'the nodes panel, searched for "message gateway": the five gateways',
		take: async (page, base) => {
			await page.goto(`${base}/workflow/new`, { waitUntil: 'networkidle2' });
			await page.waitForSelector('[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"]', { timeout: 60_000 });
			await page.click('[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"]');
			await page.waitForSelector('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input', { timeout: 30_000 });
			await page.type('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input', 'message gateway');
			await settle(page);
		},
	},
	{
		file: 'send-node.png',
		what: "InfiniReach's Send: the fields of a send",
		take: async (page, base) => await openNode(page, base, 'irSendSms0000001', 'a0000000-0000-4000-8000-000000000002'),
	},
	{
		file: 'campaign-workflow.png',
		what: 'the weekly CSV campaign with a Campaign Key',
		take: async (page, base) => await openWorkflow(page, base, 'irWeeklyCsv00001'),
	},
	{
		file: 'campaign-key.png',
		what: "the campaign's send: its Campaign Key, one per week",
		take: async (page, base) => await openNode(page, base, 'irWeeklyCsv00001', 'a0000000-0000-4000-8000-000000000104'),
	},
	{
		file: 'trigger-setup.png',
		what: "InfiniReach Trigger's setup: its URL, events and signature",
		take: async (page, base) => await openNode(page, base, 'irAutoReply00001', 'a0000000-0000-4000-8000-000000000001'),
	},
	{
		file: 'one-inbox.png',
		what: 'one inbox: four gateways into one auto-reply, opt-outs into a Data Table',
		take: async (page, base) => await openWorkflow(page, base, 'oneInbox00000001'),
	},
	{
		file: 'opt-out-campaign.png',
		what: 'a campaign that skips whoever opted out',
		take: async (page, base) => await openWorkflow(page, base, 'oneInboxCampaign'),
	},
	{
		file: 'quiet-hours.png',
		what: "a campaign's Quiet Hours: 8:00–21:00 where each recipient is, under a Campaign Key",
		take: async (page, base) => await openNode(page, base, 'quietHoursIr0001', 'b1000000-0000-4000-8000-000000000005'),
	},
	{
		file: 'whatsapp-failover.png',
		what: 'WhatsApp first, SMS as failover, under one Campaign Key',
		take: async (page, base) => await openWorkflow(page, base, 'whatsAppFailover'),
	},
];

/** `npm run screenshots -- one-inbox.png …`: only those pictures; none named, all. */
const wanted = process.argv.slice(2);

async function main(): Promise<void> {
	await runOrFail('bash', [join(ROOT, 'test/e2e/install-chromium.sh')]);
	await ensureRuntime();
	mkdirSync(OUT, { recursive: true });
	const stack = await startStack({
		folder: join(WORK, 'screenshots'),
		port: PORT,
		brokerPort: PORT + 2,
		owner: E2E_OWNER,
		log: (line) => console.log(`screenshots: ${line}`),
	});
	const browser = await launchChromium();
	try {
		const page = await signedInPage(browser, stack.n8n.baseUrl, E2E_OWNER);
		for (const shot of SHOTS.filter(({ file }) => !wanted.length || wanted.includes(file))) {
			await shot.take(page, stack.n8n.baseUrl).catch(async (error: Error) => {
				// What the page showed instead, to see why.
				await page.screenshot({ path: join(WORK, `failed-${shot.file}`) });
				throw new Error(`${shot.file}: ${error.message} (the page as it was: ${join(WORK, `failed-${shot.file}`)})`);
			});
			await page.screenshot({ path: join(OUT, shot.file) });
			console.log(`screenshots: docs/images/${shot.file}: ${shot.what}`);
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
}

main().catch((error: Error) => {
	console.error(`screenshots: ${error.stack ?? error.message}`);
	process.exit(1);
});
