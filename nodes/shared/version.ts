// Node code reads no files at run time, so the build writes package.json's version over this
// placeholder in dist (gulpfile.js, build:version); sources run by the unit tests keep it.
const PACKAGE_NAME = 'n8n-nodes-message-gateways';
export const PACKAGE_VERSION = '0.0.0-source';
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;
