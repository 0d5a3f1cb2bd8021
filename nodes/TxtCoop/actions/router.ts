import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable, type SendResultTable } from '../../shared/operation';
import { sendResults } from '../helpers/common';
import * as bulkJob from './bulkJob';
import * as conversation from './conversation';
import * as message from './message';
import type { TxtCoopOperations } from './node.type';
import * as relay from './relay';

const operations: OperationTable<TxtCoopOperations> = {
	message: {
		send: message.send.operation,
		getAll: message.getAll.execute,
		getStatus: message.getStatus.execute,
		getAttachments: message.getAttachments.execute,
		getQueueStats: message.getQueueStats.execute,
	},
	bulkJob: {
		create: { batch: bulkJob.create.batch },
		get: bulkJob.get.execute,
		getAll: bulkJob.getAll.execute,
		getResults: bulkJob.getResults.execute,
	},
	relay: { get: relay.get.execute, getAll: relay.getAll.execute },
	conversation: { get: conversation.get.execute, getAll: conversation.getAll.execute, lookup: conversation.lookup.execute },
};

/** The send operations, whose outputs carry the common send result. */
export const sends: SendResultTable = { message: { send: sendResults }, bulkJob: { create: sendResults } };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, sends);
}
