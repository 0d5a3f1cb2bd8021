// Every test file: no real network except loopback, and no interceptor outlives its test.
import nock from 'nock';

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
	nock.cleanAll();
	nock.abortPendingRequests();
});

// The http module outlives a test file inside a jest worker; the next file loads its own nock.
afterAll(() => nock.restore());
