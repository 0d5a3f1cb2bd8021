// `npm run sandbox`: every gateway emulator in one process, until Ctrl-C or SIGTERM.
import { INFINIREACH_API_KEY, startSandbox, TXTCOOP_API_KEY, WHATSINFINITY_SESSION } from './index';

async function main(): Promise<void> {
	const basePort = Number(process.env.SANDBOX_PORT ?? 5700);
	const sandbox = await startSandbox({ basePort });
	console.log('Gateway sandbox (control endpoints under /__sandbox on each):');
	console.log(`  InfiniReach    ${sandbox.urls.infiniReach}  API key ${INFINIREACH_API_KEY}`);
	console.log(
		`  WhatsInfinity  ${sandbox.urls.whatsInfinity}  session "${WHATSINFINITY_SESSION.sessionId}", key ${WHATSINFINITY_SESSION.apiKey}`,
	);
	console.log(`  txtcoop        ${sandbox.urls.txtCoop}  API key ${TXTCOOP_API_KEY}`);
	const stop = () => {
		void sandbox.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`Sandbox failed to start: ${error.message}`);
	process.exit(1);
});
