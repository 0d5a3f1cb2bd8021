/** Infopromo's resources and their operations: the router's table must have each, and no other. */
export type InfopromoOperations = {
	sms: 'send' | 'get' | 'getAll';
	campaign: 'create' | 'get';
	account: 'getBalance' | 'getProfile';
};
