import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/fields';
import type { ItemResult } from '../../../shared/items';
import { idOf } from '../../../shared/parameters';
import { requestRecord } from '../../../shared/transport';
import { txtCoop } from '../../transport';

const properties: INodeProperties[] = [
	idLocator({
		name: 'relayId',
		displayName: 'Relay ID',
		placeholder: 'relay_123',
		searchListMethod: 'searchRelays',
		description: 'The Mac',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['relay'], operation: ['get'] } }, properties);

/** One Mac relay with its status and numbers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const path = `/api/v1/relays/${encodeURIComponent(idOf(this, itemIndex, 'relayId', 'Relay ID'))}`;
	return (await requestRecord.call(this, txtCoop, { method: 'GET', path, idempotent: true, itemIndex })).data;
}
