import axios from 'axios';
import { readFileSync } from 'fs';
import http from 'http';

/** Median of a list of numbers. */
export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Linux reports process CPU in clock ticks of 10 ms (USER_HZ 100 on every Linux we run). */
const MS_PER_TICK = 10;

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which is in parentheses and may hold spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Waits until a process has been idle (under 20 ms of CPU in 300 ms), so work it queued is counted. */
export async function settle(pid: number, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = cpuMs(pid);
	while (Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 300));
		const now = cpuMs(pid);
		if (now - last < 20) return;
		last = now;
	}
}

export interface LoadResult {
	requests: number;
	ms: number;
	statuses: Record<number, number>;
	/** Content types of the answers. */
	types: Record<string, number>;
	bodies: unknown[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `count` requests to `url` with at most `concurrency` at once. */
/** What one request sends: a body and its headers (the nth of the run). */
export type Delivery = (n: number) => { body: string; headers: Record<string, string> };

export async function load(url: string, count: number, concurrency: number, delivery: Delivery): Promise<LoadResult> {
	const result: LoadResult = { requests: count, ms: 0, statuses: {}, types: {}, bodies: [] };
	let next = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < count) {
			const { body, headers } = delivery(next++);
			const response = await axios.post(url, body, {
				headers: { 'Content-Type': 'application/json', ...headers },
				httpAgent: agent,
				validateStatus: () => true,
				transformResponse: (raw: unknown) => raw,
			});
			result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
			const type = String(response.headers['content-type'] ?? '').split(';')[0];
			result.types[type] = (result.types[type] ?? 0) + 1;
			if (result.bodies.length < 3) result.bodies.push(response.data);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	result.ms = Number(process.hrtime.bigint() - started) / 1e6;
	return result;
}

/** A gateway that answers every POST at once with an accepted message: the "zero-latency stub". */
export async function startStub(): Promise<{ url: string; posts: () => number; stop: () => Promise<void> }> {
	let posts = 0;
	const server = http.createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			if (request.method === 'POST') posts++;
			response.writeHead(201, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ success: true, queued: true, messageId: `m${posts}`, jobId: `j${posts}` }));
		});
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		posts: () => posts,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
