/** InfiniReach's resources and their operations: the router's table must have each, and no other. */
export type InfiniReachOperations = {
	message: 'send' | 'get' | 'getAll';
	device: 'getAll';
};
