import { testCredential } from '../../harness/n8n';
import { API_KEY, gateway, serialized } from './fixtures';

describe('InfiniReach API credential test', () => {
	it('reads one message of history with the key, at the Base URL given', async () => {
		const scope = gateway().get('/api/v1/messages').query({ limit: '1' }).reply(200, { messages: [], total: 0 });

		const { error } = await testCredential('infiniReachApi', { apiKey: API_KEY, baseUrl: 'https://api.infinireach.io/' });

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('fails for a refused key without echoing it', async () => {
		// n8n's request helper tries a 401 once more after re-reading the credential.
		const scope = gateway().get('/api/v1/messages').query({ limit: '1' }).times(2).reply(401, { error: 'Invalid or missing API key' });

		const { error } = await testCredential('infiniReachApi', { apiKey: API_KEY, baseUrl: 'https://api.infinireach.io' });

		expect(scope.isDone()).toBe(true);
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toContain('Authorization failed');
		expect(serialized(error)).not.toContain(API_KEY);
	});
});
