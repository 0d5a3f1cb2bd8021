import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { asObject } from '../../shared/json';
import { requestList } from '../../shared/transport';
import { MAX_PAGE_SIZE } from '../helpers/lists';
import { txtCoop } from '../transport';

/**
 * One page of a txtcoop list for a resource locator: named by `label`, narrowed to what the user
 * typed (txtcoop lists take no search), with the next page as the token.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	key: string,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const answer = await requestList.call(
		context,
		txtCoop,
		{ method: 'GET', path, qs: { page, limit: MAX_PAGE_SIZE }, idempotent: true },
		key,
	);
	const totalPages = Number(asObject(answer.body.pagination).totalPages);
	const more = Number.isFinite(totalPages) ? page < totalPages : answer.data.length === MAX_PAGE_SIZE;
	const wanted = filter?.trim().toLowerCase();
	const results = answer.data
		.map((entry) => ({ name: label(entry), value: String(entry.id ?? entry.jobId ?? '') }))
		.filter((result) => result.value && (!wanted || `${result.name} ${result.value}`.toLowerCase().includes(wanted)));
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export async function searchMessages(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'/api/v1/messages',
		'messages',
		(m) => `${text(m.direction) === 'received' ? text(m.from) : text(m.to)}: ${text(m.body).slice(0, 40) || '(attachments)'}`,
		filter,
		token,
	);
}

export async function searchBulkJobs(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'/api/v1/messages/bulk',
		'jobs',
		(job) => `${text(job.jobId)} (${text(job.status)}, ${text(job.totalRecipients)} recipients)`,
		filter,
		token,
	);
}

export async function searchRelays(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'/api/v1/relays',
		'relays',
		(relay) => `${text(relay.name || relay.id)} (${text(relay.status)})`,
		filter,
		token,
	);
}

export async function searchConversations(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'/api/v1/conversations',
		'conversations',
		(c) => (Array.isArray(c.participants) ? c.participants.map(text).join(', ') : text(c.participant ?? c.id)),
		filter,
		token,
	);
}
