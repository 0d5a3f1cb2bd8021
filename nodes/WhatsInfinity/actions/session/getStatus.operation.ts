import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkSession } from '../../session';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await checkSession.call(this, itemIndex);
}
