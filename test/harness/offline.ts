// Every test file: no real network except loopback, and no interceptor (or send pacer) outlives its test.
import nock from 'nock';

import { forgetProcessMemory } from '../../nodes/shared/process-memory';
import { processedData } from './processed-data';

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
	nock.cleanAll();
	nock.abortPendingRequests();
	// Pacers and the like live as long as the n8n process, n8n's store as long as its database; each test has its own.
	forgetProcessMemory();
	processedData.reset();
});

// The http module outlives a test file inside a jest worker; the next file loads its own nock.
afterAll(() => nock.restore());
