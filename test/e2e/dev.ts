// `npm run dev`: the sandbox and a real n8n with this package, ready to click through. What the user
// builds in the editor stays for the next run; a change to the package's source is built and reloaded.
import { join } from 'path';

import { INFINIREACH_API_KEY, INFOBIP_API_KEY, INFOPROMO_TOKEN, TXTCOOP_API_KEY, WHATSINFINITY_SESSION } from '../sandbox';
import { WORK } from './paths';
import { AUTO_REPLY, IMESSAGE_REPLY, INFOBIP_EVENTS, NEW_SESSION, startStack, WEBHOOK_SECRET } from './stack';
import { reloadOnChange } from './reload';

const port = Number(process.env.N8N_PORT ?? 5678);
const owner = {
	email: process.env.DEV_OWNER_EMAIL ?? 'dev@example.com',
	password: process.env.DEV_OWNER_PASSWORD ?? 'Dev-Sandbox-Password-1',
};

async function main(): Promise<void> {
	const stack = await startStack({
		folder: join(WORK, 'dev'),
		port,
		brokerPort: port + 1001,
		owner,
		sandbox: { basePort: Number(process.env.SANDBOX_PORT ?? 5700) },
		log: (line) => console.log(`dev: ${line}`),
		keep: true,
		// n8n reloads an installed package whose files change.
		env: { N8N_DEV_RELOAD: 'true' },
	});
	const watcher = reloadOnChange(stack.n8n, (line) => console.log(`dev: ${line}`));
	const inboundUrl = `${stack.sandbox.urls.infiniReach}/__sandbox/inbound`;
	console.log(`
n8n is running at ${stack.n8n.baseUrl}  (PID ${stack.n8n.pid})
  Log in as ${owner.email} / ${owner.password}
  The example workflows are imported, with credentials that point at the sandbox.

InfiniReach sandbox at ${stack.sandbox.urls.infiniReach}  (API key ${INFINIREACH_API_KEY})
  Webhooks go to the active "auto-reply" workflow, signed with "${WEBHOOK_SECRET}".
  Send it an inbound message:
    curl -X POST ${inboundUrl} -H 'Content-Type: application/json' \\
      -d '{"from":"+14155550199","to":"+15559876543","text":"Hello"}'
  then see the execution of workflow ${AUTO_REPLY.workflowId} in n8n, and the reply in
    ${stack.sandbox.urls.infiniReach}/__sandbox/messages

WhatsInfinity sandbox at ${stack.sandbox.urls.whatsInfinity}
  Session "${WHATSINFINITY_SESSION.sessionId}" is linked already; run the "create a session" workflow for "${NEW_SESSION.sessionId}",
  then "scan" its QR with:
    curl -X POST ${stack.sandbox.urls.whatsInfinity}/__sandbox/sessions/${NEW_SESSION.sessionId}/scan
  The active "alert when the session disconnects" workflow fires within a minute of:
    curl -X POST ${stack.sandbox.urls.whatsInfinity}/__sandbox/sessions/${WHATSINFINITY_SESSION.sessionId}/disconnect

txtcoop sandbox at ${stack.sandbox.urls.txtCoop}  (API key ${TXTCOOP_API_KEY})
  Activate the "answer inbound iMessages" workflow (${IMESSAGE_REPLY.workflowId}): it registers its own webhook. Then:
    curl -X POST ${stack.sandbox.urls.txtCoop}/__sandbox/inbound -H 'Content-Type: application/json' \\
      -d '{"from":"anna@icloud.com","text":"Table for two?"}'

Infobip sandbox at ${stack.sandbox.urls.infobip}  (API key ${INFOBIP_API_KEY}, sent as "App <key>")
  Its subscription pushes inbound messages and delivery reports, HMAC-signed, to the active
  "react to delivery reports and inbound messages" workflow (${INFOBIP_EVENTS.workflowId}). Try:
    curl -X POST ${stack.sandbox.urls.infobip}/__sandbox/inbound -H 'Content-Type: application/json' \\
      -d '{"from":"447491163443","to":"447860099299","text":"Hello","channel":"WHATSAPP"}'
  or run the 2,000-recipient campaign, or the scheduled campaign that is cancelled before it goes out.

Infopromo sandbox at ${stack.sandbox.urls.infopromo}  (API token ${INFOPROMO_TOKEN})
  The active "react to inbound messages" workflow polls it every minute. Send it a message:
    curl -X POST ${stack.sandbox.urls.infopromo}/__sandbox/inbound -H 'Content-Type: application/json' \\
      -d '{"from":"31612345678","text":"Is the shop open today?"}'

What you build in the editor is kept in ${join(WORK, 'dev')} for the next \`npm run dev\` (delete the folder to
start afresh). A change under nodes/ or credentials/ is built and reloaded into the running n8n: reload the
editor's page to see it.

Ctrl-C stops n8n and the sandbox.`);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		console.log('\ndev: stopping');
		watcher.close();
		void stack.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`dev: ${error.message}`);
	process.exit(1);
});
