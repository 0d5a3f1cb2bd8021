import type { IExecuteFunctions } from 'n8n-workflow';

import { pagedList } from '../../lists';

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await pagedList(this, itemIndex, '/api/v1/messages/bulk', {}, 'jobs');
}
