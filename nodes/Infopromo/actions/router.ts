import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable, type SendResultTable } from '../../shared/operation';
import { campaignResults, sendResults } from '../helpers/common';
import * as account from './account';
import * as campaign from './campaign';
import type { InfopromoOperations } from './node.type';
import * as sms from './sms';

const operations: OperationTable<InfopromoOperations> = {
	// Sends take all items at once: shared texts go out together, comma-separated.
	sms: { send: { batch: sms.send.batch }, get: sms.get.execute, getAll: sms.getAll.execute },
	campaign: {
		create: campaign.create.operation,
		get: campaign.get.execute,
	},
	account: { getBalance: account.getBalance.execute, getProfile: account.getProfile.execute },
};

/** The send operations, whose outputs carry the common send result. */
export const sends: SendResultTable = { sms: { send: sendResults }, campaign: { create: campaignResults } };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, sends);
}
