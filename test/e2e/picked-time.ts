// `npm run picked-time`: what n8n's editor stores when a user picks a date and time, found in headless
// Chromium with three different time zones (browser, server, workflow), and the instant each gateway
// node then sends. Prints one line per field; docs/nodes.md records what it found.
import { join } from 'path';

import { launchChromium, signedInPage } from './editor-browser';
import { WORK } from './paths';
import { E2E_OWNER, ensureRuntime, startStack } from './stack';

const PORT = 5978;
const BROWSER_ZONE = 'Asia/Tokyo';
const SERVER_ZONE = 'UTC';
const WORKFLOW_ZONE = 'America/New_York';
const PICKED = '2027-01-15 09:30:00';

const FIELDS = [
	{
		node: 'Infobip Send',
		type: 'n8n-nodes-message-gateways.infobip',
		parameter: 'sendAt',
		parameters: {
			resource: 'message',
			operation: 'send',
			channel: 'SMS',
			sender: 'InfoSMS',
			to: '+447491163443',
			text: 'Later',
			campaign: { sendAt: '2027-01-01T00:00:00' },
		},
		credential: { infobipApi: { id: 'ibSandboxCred001', name: 'Infobip Sandbox' } },
	},
	{
		node: 'Infopromo Send',
		type: 'n8n-nodes-message-gateways.infopromo',
		parameter: 'scheduleTime',
		parameters: {
			resource: 'sms',
			operation: 'send',
			recipient: '+31612345678',
			senderId: 'YourName',
			type: 'plain',
			message: 'Later',
			options: { scheduleTime: '2027-01-01T00:00:00' },
		},
		credential: { infopromoApi: { id: 'ipSandboxCred001', name: 'Infopromo Sandbox' } },
	},
];

async function main(): Promise<void> {
	await ensureRuntime();
	const stack = await startStack({
		folder: join(WORK, 'picked-time'),
		port: PORT,
		brokerPort: PORT + 2,
		owner: E2E_OWNER,
		env: { TZ: SERVER_ZONE, GENERIC_TIMEZONE: SERVER_ZONE },
	});
	const browser = await launchChromium({ TZ: BROWSER_ZONE });
	try {
		const api = await stack.n8n.api();
		const nodes = FIELDS.map((field, i) => ({
			id: `d0000000-0000-4000-8000-00000000000${i + 1}`,
			name: field.node,
			type: field.type,
			typeVersion: 1,
			position: [i * 300, 0],
			parameters: field.parameters,
			credentials: field.credential,
		}));
		const created = await api.post('/workflows', {
			name: 'Picked times',
			nodes,
			connections: {},
			settings: { executionOrder: 'v1', timezone: WORKFLOW_ZONE },
		});
		const workflowId = String(created.data.id);
		const page = await signedInPage(browser, stack.n8n.baseUrl, E2E_OWNER);
		console.log(
			`picked-time: browser in ${BROWSER_ZONE} (it says ${await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)}), server in ${SERVER_ZONE}, workflow in ${WORKFLOW_ZONE}; picked ${PICKED}`,
		);
		for (const [i, field] of FIELDS.entries()) {
			await page.goto(`${stack.n8n.baseUrl}/workflow/${workflowId}/${nodes[i].id}`, { waitUntil: 'networkidle2' });
			await page.waitForSelector('[data-test-id="ndv"]', { timeout: 60_000 });
			const input = await page.waitForSelector(`[data-test-id="parameter-input-${field.parameter}"] input`, { timeout: 30_000 });
			await input!.click({ clickCount: 3 });
			await page.keyboard.press('Backspace');
			await input!.type(PICKED);
			await page.keyboard.press('Enter');
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			await page.keyboard.press('Escape');
			await new Promise((resolve) => setTimeout(resolve, 500));
			await page.keyboard.down('Control');
			await page.keyboard.press('s');
			await page.keyboard.up('Control');
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			const saved = (await api.get(`/workflows/${workflowId}`)).data.nodes.find(
				(node: { name: string }) => node.name === field.node,
			).parameters;
			const stored = field.parameter === 'sendAt' ? saved.campaign?.sendAt : saved.options?.scheduleTime;
			console.log(`picked-time: ${field.node} → ${field.parameter} stored as ${JSON.stringify(stored)}`);
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
}

main().catch((error: Error) => {
	console.error(`picked-time: ${error.stack ?? error.message}`);
	process.exit(1);
});
