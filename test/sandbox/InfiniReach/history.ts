import type { StoredMessage } from './state';

export interface HistoryQuery {
	[key: string]: string | undefined;
}

export type HistoryResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

/** ISO timestamps or epoch milliseconds, as the docs allow. */
function timeBound(value: string | undefined): number | null | undefined {
	if (value === undefined || value === '') return null;
	const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** `GET /api/v1/messages`: every documented filter, with aliases, then offset pagination. */
export function queryHistory(all: StoredMessage[], query: HistoryQuery): HistoryResult {
	const limit = query.limit === undefined ? 100 : Number(query.limit);
	const offset = query.offset === undefined ? 0 : Number(query.offset);
	if (!Number.isInteger(limit) || limit < 1 || limit > 500) return { ok: false, error: 'limit must be an integer from 1 to 500' };
	if (!Number.isInteger(offset) || offset < 0) return { ok: false, error: 'offset must be a non-negative integer' };
	const order = query.order ?? 'desc';
	if (order !== 'asc' && order !== 'desc') return { ok: false, error: 'order must be asc or desc' };
	const since = timeBound(query.since);
	const until = timeBound(query.until);
	if (since === undefined || until === undefined)
		return { ok: false, error: 'since and until must be ISO timestamps or epoch milliseconds' };

	const from = query.from ?? query.e164From;
	const to = query.to ?? query.e164To;
	const conversation = query.conversation ?? query.pair;
	const oneDirection = conversation === 'false' || conversation === 'strict';
	const text = query.q?.toLowerCase();

	const matches = all.filter((m) => {
		if (from && to) {
			const forward = m.e164From === from && m.e164To === to;
			const backward = m.e164From === to && m.e164To === from;
			if (!(forward || (!oneDirection && backward))) return false;
		} else if (from && m.e164From !== from) return false;
		else if (to && m.e164To !== to) return false;
		if (query.direction && m.direction !== query.direction) return false;
		if (query.channel && m.channel !== query.channel) return false;
		if (query.status && m.status !== query.status) return false;
		if (text && !m.body.toLowerCase().includes(text)) return false;
		const created = Date.parse(m.createdAt);
		if (since !== null && created < since) return false;
		if (until !== null && created > until) return false;
		return true;
	});
	// Same-millisecond messages keep their creation order.
	matches.sort((a, b) => (Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq) * (order === 'asc' ? 1 : -1));
	const page = matches.slice(offset, offset + limit).map(documentedRow);

	return {
		ok: true,
		body: {
			messages: page,
			total: matches.length,
			returned: page.length,
			limit,
			offset,
			order,
			filters: {
				direction: query.direction ?? null,
				from: from ?? null,
				to: to ?? null,
				channel: query.channel ?? null,
				status: query.status ?? null,
				q: query.q ?? null,
				since: since === null ? null : new Date(since).toISOString(),
				until: until === null ? null : new Date(until).toISOString(),
			},
		},
	};
}

/** A history row with the seed's fields only: the channel, device and keys are not promised there. */
export function documentedRow(message: StoredMessage) {
	const { _id, direction, e164From, e164To, body, status, createdAt } = message;
	return { _id, direction, e164From, e164To, body, status, createdAt };
}
