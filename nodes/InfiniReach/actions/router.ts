import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../shared/operation';
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
