import { InfiniReachEmulator } from './infinireach/emulator';
import type { InfiniReachConfig } from './infinireach/state';
import { TxtCoopEmulator } from './txtcoop/emulator';
import type { TxtCoopConfig } from './txtcoop/state';
import { WhatsInfinityEmulator } from './whatsinfinity/emulator';
import type { WhatsInfinityConfig } from './whatsinfinity/state';

export { InfiniReachEmulator } from './infinireach/emulator';
export { SANDBOX_API_KEY as INFINIREACH_API_KEY } from './infinireach/state';
export { TxtCoopEmulator } from './txtcoop/emulator';
export { SANDBOX_KEY as TXTCOOP_API_KEY } from './txtcoop/state';
export { WhatsInfinityEmulator } from './whatsinfinity/emulator';
export { SANDBOX_SESSION as WHATSINFINITY_SESSION } from './whatsinfinity/state';

export interface SandboxOptions {
	/** First port; each gateway takes the next one. 0 = any free ports. */
	basePort?: number;
	infiniReach?: Partial<InfiniReachConfig>;
	whatsInfinity?: Partial<WhatsInfinityConfig>;
	txtCoop?: Partial<TxtCoopConfig>;
}

export interface Sandbox {
	infiniReach: InfiniReachEmulator;
	whatsInfinity: WhatsInfinityEmulator;
	txtCoop: TxtCoopEmulator;
	urls: Record<string, string>;
	stop(): Promise<void>;
}

/** Every gateway emulator, each on its own loopback port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const port = (offset: number) => (options.basePort ? options.basePort + offset : 0);
	const infiniReach = new InfiniReachEmulator(options.infiniReach);
	const whatsInfinity = new WhatsInfinityEmulator(options.whatsInfinity);
	const txtCoop = new TxtCoopEmulator(options.txtCoop);
	const emulators = [infiniReach, whatsInfinity, txtCoop];
	const urls: Record<string, string> = {};
	try {
		urls.infiniReach = await infiniReach.start(port(0));
		urls.whatsInfinity = await whatsInfinity.start(port(1));
		urls.txtCoop = await txtCoop.start(port(2));
	} catch (error) {
		await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		throw error;
	}
	return {
		infiniReach,
		whatsInfinity,
		txtCoop,
		urls,
		stop: async () => {
			await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		},
	};
}
