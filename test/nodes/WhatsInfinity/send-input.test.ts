import nock from 'nock';

import { runNode } from '../../harness/n8n';
import { BASE_URL, credentials } from './fixtures';

const text = (to: string, message = 'hi') => ({ resource: 'message', operation: 'sendText', to, message });
const media = (extra: Record<string, unknown>) => ({
	resource: 'message',
	operation: 'sendMedia',
	to: '+919999999999',
	mediaType: 'image',
	url: 'https://files.example.com/a.png',
	...extra,
});

describe('WhatsInfinity → Message: bad input fails the item and sends nothing', () => {
	it.each([
		['a bad number', text('12'), 'Invalid "To": "12" is not a valid phone number: it has no country code.'],
		['letters in the number', text('call me'), 'Invalid "To": "call me" is not a phone number'],
		['an empty message', text('+919999999999', ' '), 'The message is empty'],
		[
			'a message over 65,000 characters',
			text('+919999999999', 'x'.repeat(65_001)),
			'The message is 65001 characters long; WhatsInfinity accepts at most 65000',
		],
		['a URL that is not http(s)', media({ url: 'ftp://files.example.com/a.png' }), '"ftp://files.example.com/a.png" is not an http(s) URL'],
		['a URL that is not one', media({ url: '={{ "files/a.png" }}' }), '"files/a.png" is not an http(s) URL'],
		['an unknown media type', media({ mediaType: '={{ "sticker" }}' }), 'Unknown media type "sticker"'],
	])('%s', async (_name, parameters, message) => {
		const scope = nock(BASE_URL).post(/.*/).reply(200, { success: true, data: {} });

		const { error, items } = await runNode({ type: 'whatsInfinity', parameters, credentials });

		expect(items).toEqual([]);
		expect(error?.message).toContain(message);
		expect(error?.message).toMatch(/\[item 0\]$/);
		expect(scope.isDone()).toBe(false);
	});

	it('a Base URL that is not one, with the documented http:// address as the example', async () => {
		const { error } = await runNode({
			type: 'whatsInfinity',
			parameters: text('+919999999999'),
			credentials: { whatsInfinityApi: { ...credentials.whatsInfinityApi, baseUrl: 'api.whatsinfinity.com' } },
		});

		expect(error?.message).toBe('The "WhatsInfinity API" credential has no valid Base URL [item 0]');
		expect(error?.description).toBe(
			"Set Base URL in the credential to your WhatsInfinity server's address, starting with http:// or https:// (WhatsInfinity's own is http://api.whatsinfinity.com).",
		);
	});

	it('a short key in the credential', async () => {
		const scope = nock(BASE_URL).post(/.*/).reply(200, { success: true, data: {} });

		const { error } = await runNode({
			type: 'whatsInfinity',
			parameters: text('+919999999999'),
			credentials: { whatsInfinityApi: { ...credentials.whatsInfinityApi, apiKey: '123456789012345' } },
		});

		expect(error?.message).toContain('is 15 characters long; WhatsInfinity needs at least 16');
		expect(scope.isDone()).toBe(false);
	});

	it('accepts exactly 65,000 characters', async () => {
		const scope = nock(BASE_URL)
			.post('/send')
			.reply(200, { success: true, requestId: 'r', data: { messageId: 'm' } });

		const { error } = await runNode({ type: 'whatsInfinity', parameters: text('+919999999999', 'x'.repeat(65_000)), credentials });

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});
