import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { FaultQueue, type Fault } from './faults';

export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** Parsed JSON, or the raw text when it is not JSON. */
	body: unknown;
}

export interface SandboxReply {
	status: number;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as is (an image), with its Content-Type in `headers`. */
	raw?: Buffer;
	headers?: Record<string, string>;
}

export type Handler = (request: SandboxRequest) => SandboxReply | Promise<SandboxReply>;

/** What the request log keeps: secrets become "<valid>" or "<invalid>", so logs never hold them. */
export interface LoggedRequest extends SandboxRequest {
	at: string;
	status?: number;
}

export interface Route {
	method: string;
	/** `/api/v1/messages/:id` style; params are added to the query under their names. */
	path: string;
	handler: Handler;
}

export interface ServerOptions {
	name: string;
	/** Turns a request's secret headers into "<valid>"/"<invalid>" for the log. */
	redact?: (headers: Record<string, string>) => Record<string, string>;
	/** The gateway's error envelope, for injected faults and unknown paths. */
	errorBody?: (status: number, message: string) => unknown;
	/** Body and query fields that carry a secret (an `api_token`): logged as "<redacted>". */
	secretFields?: string[];
}

const CONTROL = '/__sandbox';

function compile(path: string): { regex: RegExp; names: string[] } {
	const names: string[] = [];
	const pattern = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { regex: new RegExp(`^${pattern}/?$`), names };
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One gateway's stand-in: JSON routes, a request log, injectable faults, and control endpoints under
 * `/__sandbox` (never faulted, never logged) for tests to steer it and read what it received.
 */
export class SandboxServer {
	readonly faults = new FaultQueue();
	readonly log: LoggedRequest[] = [];
	private readonly routes: Array<Route & ReturnType<typeof compile>> = [];
	private readonly control: Array<Route & ReturnType<typeof compile>> = [];
	private server?: Server;
	private readonly resets: Array<() => void> = [];

	readonly name: string;
	private readonly redact: (headers: Record<string, string>) => Record<string, string>;
	private readonly errorBody: (status: number, message: string) => unknown;
	private readonly secretFields: string[];

	constructor(options: ServerOptions) {
		this.secretFields = options.secretFields ?? [];
		this.name = options.name;
		this.redact = options.redact ?? ((headers) => headers);
		this.errorBody = options.errorBody ?? ((_status, message) => ({ error: message }));
		this.controlRoute('GET', '/requests', () => ({ status: 200, body: { requests: this.log } }));
		this.controlRoute('GET', '/faults', () => ({ status: 200, body: { faults: this.faults.pending() } }));
		this.controlRoute('POST', '/faults', ({ body }) => {
			for (const fault of (Array.isArray(body) ? body : [body]) as Fault[]) this.faults.add(fault);
			return { status: 200, body: { faults: this.faults.pending() } };
		});
		this.controlRoute('POST', '/reset', () => {
			this.reset();
			return { status: 200, body: { reset: true } };
		});
	}

	route(method: string, path: string, handler: Handler): void {
		this.routes.push({ method, path, handler, ...compile(path) });
	}

	controlRoute(method: string, path: string, handler: Handler): void {
		this.control.push({ method, path, handler, ...compile(`${CONTROL}${path}`) });
	}

	/** Something else to clear on reset (an emulator's state). */
	onReset(reset: () => void): void {
		this.resets.push(reset);
	}

	reset(): void {
		this.faults.clear();
		this.log.length = 0;
		for (const reset of this.resets) reset();
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error(`The ${this.name} sandbox is not listening`);
		return `http://127.0.0.1:${address.port}`;
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: Error) => {
				if (!response.headersSent) this.send(response, { status: 500, body: { error: error.message } });
			});
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private send(response: ServerResponse, reply: SandboxReply): void {
		if (reply.raw) {
			response.writeHead(reply.status, reply.headers);
			response.end(reply.raw);
			return;
		}
		const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
		response.writeHead(reply.status, {
			...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
			...reply.headers,
		});
		response.end(text);
	}

	private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(incoming.url ?? '/', 'http://sandbox');
		const raw = await readBody(incoming);
		let body: unknown = raw;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			// Kept as text: the handler decides whether that is an error.
		}
		const request: SandboxRequest = {
			method: incoming.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')])),
			body,
		};

		const isControl = request.path.startsWith(CONTROL);
		const match = this.match(isControl ? this.control : this.routes, request);
		if (isControl) {
			this.send(response, match ? await match.handler(match.request) : { status: 404, body: { error: 'No such control endpoint' } });
			return;
		}

		const entry: LoggedRequest = {
			...request,
			headers: this.redact(request.headers),
			query: this.withoutSecrets(request.query) as Record<string, string>,
			body: this.withoutSecrets(request.body),
			at: new Date().toISOString(),
		};
		this.log.push(entry);
		const fault = this.faults.take(request.method, request.path);
		if (fault?.type === 'delay') await sleep(fault.ms ?? 1000);
		if (fault?.type === 'drop' && !fault.afterHandling) {
			incoming.socket.destroy();
			return;
		}
		if (fault?.type === 'status') {
			const status = fault.status ?? 500;
			const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			entry.status = status;
			this.send(response, { status, headers, body: fault.body ?? this.errorBody(status, `Injected ${status}`) });
			return;
		}
		const reply = match ? await match.handler(match.request) : { status: 404, body: this.errorBody(404, 'Not found') };
		entry.status = reply.status;
		if (fault?.type === 'drop') {
			incoming.socket.destroy();
			return;
		}
		this.send(response, reply);
	}

	private withoutSecrets(value: unknown): unknown {
		if (!value || typeof value !== 'object' || Array.isArray(value) || !this.secretFields.some((field) => field in value)) return value;
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, this.secretFields.includes(key) ? '<redacted>' : entry]));
	}

	private match(routes: Array<Route & ReturnType<typeof compile>>, request: SandboxRequest) {
		for (const route of routes) {
			if (route.method !== request.method) continue;
			const found = route.regex.exec(request.path);
			if (!found) continue;
			const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
			return { handler: route.handler, request: { ...request, query: { ...request.query, ...params } } };
		}
		return undefined;
	}
}
