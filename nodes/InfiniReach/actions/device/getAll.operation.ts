import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listDevices } from '../../devices';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await listDevices.call(this, itemIndex);
}
