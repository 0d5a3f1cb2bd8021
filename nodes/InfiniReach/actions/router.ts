import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable, type SendResultTable } from '../../shared/operation';
import { sendResults } from '../helpers/common';
import * as device from './device';
import * as message from './message';
import type { InfiniReachOperations } from './node.type';

const operations: OperationTable<InfiniReachOperations> = {
	message: {
		send: message.send.operation,
		get: message.get.execute,
		getAll: message.getAll.execute,
	},
	device: { getAll: device.getAll.execute },
};

/** The send operations, whose outputs carry the common send result. */
export const sends: SendResultTable = { message: { send: sendResults } };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, sends);
}
