import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { checkSession } from '../../helpers/session';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await checkSession.call(this, itemIndex);
}
