// Kept equal to package.json's version by a unit test: node code reads no files at run time.
const PACKAGE_NAME = 'n8n-nodes-message-gateways';
const PACKAGE_VERSION = '0.1.0';
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;
