import { createServer, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';

export interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

/** A loopback HTTP server standing for a webhook receiver: it records each request and answers `status`. */
export interface Receiver {
	url: string;
	received: Received[];
	status: number;
	stop(): Promise<void>;
}

export async function startReceiver(path = '/hook'): Promise<Receiver> {
	const receiver: Receiver = { url: '', received: [], status: 200, stop: async () => undefined };
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			receiver.received.push({ headers: req.headers, body });
			res.statusCode = receiver.status;
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
	receiver.stop = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return receiver;
}
