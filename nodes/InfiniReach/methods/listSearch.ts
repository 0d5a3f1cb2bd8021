import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { requestList } from '../../shared/transport';
import { infiniReach } from '../transport';
import { getSenders } from './loadOptions';

const PAGE = 50;

/** Messages for the Message ID picker, newest first; typing searches their text. */
export async function searchMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const { data, body } = await requestList.call(
		this,
		infiniReach,
		{ method: 'GET', path: '/api/v1/messages', qs: { limit: PAGE, offset, ...(filter ? { q: filter } : {}) }, idempotent: true },
		'messages',
	);
	const total = Number(body.total);
	const next = offset + data.length;
	return {
		results: data.map((message) => ({
			name: `${String(message.e164From ?? '?')} → ${String(message.e164To ?? '?')}: ${String(message.body ?? '').slice(0, 40)}`,
			value: String(message._id ?? message.id),
		})),
		paginationToken: data.length === PAGE && (!Number.isFinite(total) || next < total) ? String(next) : undefined,
	};
}

/** The From picker of version 1.1: the same numbers as the version 1 dropdown, searched by number or device. */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const senders = await getSenders.call(this);
	return {
		results: senders
			.filter(({ name }) => !needle || name.toLowerCase().includes(needle))
			.map(({ name, value }) => ({ name, value: String(value) })),
	};
}
