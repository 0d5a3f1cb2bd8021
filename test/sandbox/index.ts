import { InfiniReachEmulator } from './infinireach/emulator';
import type { InfiniReachConfig } from './infinireach/state';
import { WhatsInfinityEmulator } from './whatsinfinity/emulator';
import type { WhatsInfinityConfig } from './whatsinfinity/state';

export { InfiniReachEmulator } from './infinireach/emulator';
export { SANDBOX_API_KEY as INFINIREACH_API_KEY } from './infinireach/state';
export { WhatsInfinityEmulator } from './whatsinfinity/emulator';
export { SANDBOX_SESSION as WHATSINFINITY_SESSION } from './whatsinfinity/state';

export interface SandboxOptions {
	/** First port; each gateway takes the next one. 0 = any free ports. */
	basePort?: number;
	infiniReach?: Partial<InfiniReachConfig>;
	whatsInfinity?: Partial<WhatsInfinityConfig>;
}

export interface Sandbox {
	infiniReach: InfiniReachEmulator;
	whatsInfinity: WhatsInfinityEmulator;
	urls: Record<string, string>;
	stop(): Promise<void>;
}

/** Every gateway emulator, each on its own loopback port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const port = (offset: number) => (options.basePort ? options.basePort + offset : 0);
	const infiniReach = new InfiniReachEmulator(options.infiniReach);
	const whatsInfinity = new WhatsInfinityEmulator(options.whatsInfinity);
	const emulators = [infiniReach, whatsInfinity];
	const urls: Record<string, string> = {};
	try {
		urls.infiniReach = await infiniReach.start(port(0));
		urls.whatsInfinity = await whatsInfinity.start(port(1));
	} catch (error) {
		await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		throw error;
	}
	return {
		infiniReach,
		whatsInfinity,
		urls,
		stop: async () => {
			await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		},
	};
}
