/** WhatsInfinity's resources and their operations: the router's table must have each, and no other. */
export type WhatsInfinityOperations = {
	message: 'sendText' | 'sendMedia';
	session: 'create' | 'delete' | 'getAll' | 'getPairingCode' | 'getQr' | 'getStatus' | 'restart' | 'rotateKey';
};
