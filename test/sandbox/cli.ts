// `npm run sandbox`: every gateway emulator in one process, until Ctrl-C or SIGTERM.
import { GATEWAY_KEYS, GATEWAYS } from '../gateways';
import { startSandbox } from './index';

async function main(): Promise<void> {
	const basePort = Number(process.env.SANDBOX_PORT ?? 5700);
	const sandbox = await startSandbox({ basePort });
	console.log('Gateway sandbox (control endpoints under /__sandbox on each):');
	for (const key of GATEWAY_KEYS) console.log(`  ${GATEWAYS[key].label.padEnd(14)} ${sandbox.urls[key]}  ${GATEWAYS[key].account}`);
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
