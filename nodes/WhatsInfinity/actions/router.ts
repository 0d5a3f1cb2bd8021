import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable, type SendResultTable } from '../../shared/operation';
import { sendResults } from '../helpers/common';
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

/** The send operations, whose outputs carry the common send result. */
export const sends: SendResultTable = { message: { sendText: sendResults, sendMedia: sendResults } };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, sends);
}
