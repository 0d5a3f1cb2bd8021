import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { listDevices } from '../../helpers/devices';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['getAll'] } }, properties);

/** Every device of the account with its status and SIM numbers. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await listDevices.call(this, itemIndex);
}
