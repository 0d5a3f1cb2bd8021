/** txtcoop's resources and their operations: the router's table must have each, and no other. */
export type TxtCoopOperations = {
	message: 'send' | 'getAll' | 'getStatus' | 'getAttachments' | 'getQueueStats';
	bulkJob: 'create' | 'get' | 'getAll' | 'getResults';
	relay: 'get' | 'getAll';
	conversation: 'get' | 'getAll' | 'lookup';
};
