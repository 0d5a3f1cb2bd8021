import { InfiniReachEmulator } from './infinireach/emulator';
import type { InfiniReachConfig } from './infinireach/state';

export { InfiniReachEmulator } from './infinireach/emulator';
export { SANDBOX_API_KEY as INFINIREACH_API_KEY } from './infinireach/state';

export interface SandboxOptions {
	/** First port; each gateway takes the next one. 0 = any free ports. */
	basePort?: number;
	infiniReach?: Partial<InfiniReachConfig>;
}

export interface Sandbox {
	infiniReach: InfiniReachEmulator;
	urls: Record<string, string>;
	stop(): Promise<void>;
}

/** Every gateway emulator, each on its own loopback port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const port = (offset: number) => (options.basePort ? options.basePort + offset : 0);
	const infiniReach = new InfiniReachEmulator(options.infiniReach);
	const emulators = [infiniReach];
	const urls: Record<string, string> = {};
	try {
		urls.infiniReach = await infiniReach.start(port(0));
	} catch (error) {
		await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		throw error;
	}
	return {
		infiniReach,
		urls,
		stop: async () => {
			await Promise.all(emulators.map(async (emulator) => await emulator.stop()));
		},
	};
}
