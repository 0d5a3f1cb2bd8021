import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../shared/operation';
import * as message from './message';
import type { WhatsInfinityOperations } from './node.type';
import * as session from './session';

const operations: OperationTable<WhatsInfinityOperations> = {
	message: {
		sendText: message.sendText.operation,
		sendMedia: message.sendMedia.operation,
	},
	session: {
		create: session.create.execute,
		delete: session.deleteSession.execute,
		getAll: session.getAll.execute,
		getPairingCode: session.getPairingCode.execute,
		getQr: session.getQr.execute,
		getStatus: session.getStatus.execute,
		restart: session.restart.execute,
		rotateKey: session.rotateKey.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
