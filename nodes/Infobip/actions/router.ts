import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable, type SendResultTable } from '../../shared/operation';
import { sendResults } from '../helpers/common';
import * as account from './account';
import * as inbound from './inbound';
import * as message from './message';
import type { InfobipOperations } from './node.type';
import * as report from './report';
import * as scheduledBulk from './scheduledBulk';

const operations: OperationTable<InfobipOperations> = {
	// Sends take all items at once: one request carries many messages.
	message: { send: { batch: message.send.batch }, validate: { batch: message.validate.batch } },
	report: { getAll: report.getAll.execute },
	inbound: { getAll: inbound.getAll.execute },
	scheduledBulk: {
		get: scheduledBulk.get.execute,
		getStatus: scheduledBulk.getStatus.execute,
		reschedule: scheduledBulk.reschedule.execute,
		updateStatus: scheduledBulk.updateStatus.execute,
	},
	account: { getBalance: account.getBalance.execute },
};

/** The send operations, whose outputs carry the common send result. */
export const sends: SendResultTable = { message: { send: sendResults } };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, sends);
}
