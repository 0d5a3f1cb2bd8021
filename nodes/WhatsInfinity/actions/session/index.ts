import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSession from './delete.operation';
import * as getAll from './getAll.operation';
import * as getPairingCode from './getPairingCode.operation';
import * as getQr from './getQr.operation';
import * as getStatus from './getStatus.operation';
import * as restart from './restart.operation';
import * as rotateKey from './rotateKey.operation';

export { create, deleteSession, getAll, getPairingCode, getQr, getStatus, restart, rotateKey };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{ name: 'Create', value: 'create', description: "Create the credential's session with its key", action: 'Create a session' },
			{ name: 'Delete', value: 'delete', description: 'Delete the session for good', action: 'Delete a session' },
			{ name: 'Get Many', value: 'getAll', description: 'List every session on the server', action: 'Get many sessions' },
			{
				name: 'Get Pairing Code',
				value: 'getPairingCode',
				description: 'Get an 8-digit code to link WhatsApp without scanning',
				action: 'Get a pairing code',
			},
			{ name: 'Get QR Code', value: 'getQr', description: 'Get the QR code to scan, as a PNG', action: 'Get a QR code' },
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get the session's status, queue and rate budget",
				action: 'Get session status',
			},
			{ name: 'Restart', value: 'restart', description: 'Restart the session, optionally wiping its login', action: 'Restart a session' },
			{
				name: 'Rotate Key',
				value: 'rotateKey',
				description: "Replace the session's API key; the old one stops working",
				action: 'Rotate the API key',
			},
		],
		default: 'getStatus',
	},
	...create.description,
	...deleteSession.description,
	...getAll.description,
	...getPairingCode.description,
	...getQr.description,
	...getStatus.description,
	...restart.description,
	...rotateKey.description,
];
