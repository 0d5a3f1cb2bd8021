// Redis and Postgres for n8n's queue mode, each on a loopback port in the test's folder, stopped by PID.
// Installed by install-services.sh (Debian's packages) when missing.
import type { ChildProcess } from 'child_process';
import { chownSync, createWriteStream, mkdirSync, readdirSync } from 'fs';
import { createConnection } from 'net';
import { join } from 'path';

import { ROOT } from './paths';
import { run, runOrFail, startDetached, stopGroup, waitFor } from './processes';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

export async function installServices(): Promise<void> {
	await runOrFail('bash', [join(ROOT, 'test/e2e/install-services.sh')]);
}

async function listening(port: number): Promise<true | undefined> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port }, () => {
			socket.end();
			resolve(true);
		});
		socket.once('error', () => resolve(undefined));
	});
}

/** Fails before anything is touched when a port is taken: most often, another run of the same stack. */
export async function assertPortsFree(ports: number[]): Promise<void> {
	const taken = [];
	for (const port of ports) if (await listening(port)) taken.push(port);
	if (taken.length) throw new Error(`Port ${taken.join(', ')} on 127.0.0.1 is in use: is another run of this stack still going?`);
}

function logged(child: ChildProcess, file: string): ChildProcess {
	const log = createWriteStream(file);
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	return child;
}

export async function startRedis(folder: string, port: number): Promise<Service> {
	mkdirSync(folder, { recursive: true });
	const server = logged(
		startDetached('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder], {
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
		join(folder, 'redis.log'),
	);
	await waitFor(`Redis on port ${port}`, async () => {
		if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}; see ${folder}/redis.log`);
		return await listening(port);
	});
	return { port, stop: async () => await stopGroup(server) };
}

const POSTGRES_BIN = () => join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().pop()!, 'bin');

/** Postgres refuses to run as root: as root, its commands run as the package's `postgres` user. */
async function asPostgresUser(command: string, args: string[], runner = runOrFail) {
	const full = join(POSTGRES_BIN(), command);
	return process.getuid?.() === 0 ? await runner('runuser', ['-u', 'postgres', '--', full, ...args]) : await runner(full, args);
}

/** A fresh cluster with a database `n8n` owned by the user `n8n` (trust authentication: loopback only). */
export async function startPostgres(folder: string, port: number): Promise<Service> {
	const data = join(folder, 'data');
	mkdirSync(folder, { recursive: true });
	if (process.getuid?.() === 0) {
		const { stdout } = await runOrFail('id', ['-u', 'postgres']);
		const { stdout: group } = await runOrFail('id', ['-g', 'postgres']);
		chownSync(folder, Number(stdout.trim()), Number(group.trim()));
	}
	await asPostgresUser('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
	await asPostgresUser('pg_ctl', [
		'-D',
		data,
		'-l',
		join(folder, 'postgres.log'),
		'-w',
		'-o',
		`-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`,
		'start',
	]);
	await asPostgresUser('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return {
		port,
		stop: async () => {
			await asPostgresUser('pg_ctl', ['-D', data, '-m', 'fast', 'stop'], run);
		},
	};
}
