/** Infobip's resources and their operations: the router's table must have each, and no other. */
export type InfobipOperations = {
	message: 'send' | 'validate';
	report: 'getAll';
	inbound: 'getAll';
	scheduledBulk: 'get' | 'getStatus' | 'reschedule' | 'updateStatus';
	account: 'getBalance';
};
