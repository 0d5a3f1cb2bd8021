import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';

export interface Finished {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to its end, capturing its output. */
export async function run(command: string, args: string[], options: SpawnOptions = {}): Promise<Finished> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, stdout, stderr }));
	});
}

export async function runOrFail(command: string, args: string[], options: SpawnOptions = {}): Promise<Finished> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`);
	}
	return result;
}

/** A long-running child in its own process group, so that stopping it stops its children too. */
export function startDetached(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	return spawn(command, args, { ...options, detached: true });
}

/** SIGTERM to the whole group by PID, then SIGKILL if it has not exited in time. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, name);
		} catch {
			// Already gone.
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	// Children that outlived their parent (the task runner) get the same.
	signal('SIGKILL');
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
	throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
