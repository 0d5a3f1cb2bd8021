import { GATEWAY_KEYS, GATEWAYS, type EmulatorConfigs, type Emulators, type GatewayKey } from '../gateways';

export { INFINIREACH_API_KEY, INFOBIP_API_KEY, INFOPROMO_TOKEN, TXTCOOP_API_KEY, WHATSINFINITY_SESSION } from '../gateways';

export type SandboxOptions = EmulatorConfigs & {
	/** First port; each gateway takes the next one, in the order of test/gateways.ts. 0 = any free ports. */
	basePort?: number;
};

export type Sandbox = Emulators & {
	urls: Record<GatewayKey, string>;
	stop(): Promise<void>;
};

interface Startable {
	start(port?: number): Promise<string>;
	stop(): Promise<void>;
}

/** Every gateway emulator, each on its own loopback port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const emulators = Object.fromEntries(
		GATEWAY_KEYS.map((key) => [key, (GATEWAYS[key].create as (config?: unknown) => Startable)(options[key])]),
	) as unknown as Emulators;
	const all = Object.values(emulators) as Startable[];
	const stop = async () => {
		await Promise.all(all.map(async (emulator) => await emulator.stop()));
	};
	const urls = {} as Record<GatewayKey, string>;
	try {
		for (const [offset, key] of GATEWAY_KEYS.entries()) {
			urls[key] = await (emulators[key] as Startable).start(options.basePort ? options.basePort + offset : 0);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { ...emulators, urls, stop };
}
