import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { InfiniReachApi } from '../../credentials/InfiniReachApi.credentials';
import { InfobipApi } from '../../credentials/InfobipApi.credentials';
import { InfopromoApi } from '../../credentials/InfopromoApi.credentials';
import { TxtCoopApi } from '../../credentials/TxtCoopApi.credentials';
import { WhatsInfinityApi } from '../../credentials/WhatsInfinityApi.credentials';
import { sendsKeyInClear, warnIfClearText } from '../../nodes/shared/clear-text';
import type { Gateway, RequestContext } from '../../nodes/shared/gateway';

describe('an http:// Base URL', () => {
	it.each([
		['http://api.whatsinfinity.com', true],
		['http://203.0.113.7:8080/api', true],
		['HTTP://gateway.example.com', true],
		['https://api.whatsinfinity.com', false],
		['http://localhost:3000', false],
		['http://127.0.0.1:8080', false],
		['http://[::1]:8080', false],
		['http://192.168.1.20', false],
		['http://10.0.0.5', false],
		['http://172.20.1.1', false],
		['http://gateway.local', false],
		['http://mac-mini', false],
	])("%s sends the key in clear over a network not the user's own: %s", (url, expected) => {
		expect(sendsKeyInClear(url)).toBe(expected);
	});

	it.each([new InfiniReachApi(), new InfobipApi(), new InfopromoApi(), new TxtCoopApi(), new WhatsInfinityApi()])(
		'$displayName shows a notice under an http:// Base URL, and none under https://',
		(credential) => {
			const notice = credential.properties.find((property) => property.name === 'clearTextNotice') as INodeProperties;
			const shown = (baseUrl: string) => NodeHelpers.displayParameter({ baseUrl }, notice, null, null);
			expect([shown('http://gateway.example.com'), shown('https://gateway.example.com')]).toEqual([true, false]);
		},
	);

	it('is logged once per host, naming the host and never the key', () => {
		const warnings: string[] = [];
		const context = { logger: { warn: (message: string) => warnings.push(message) } } as unknown as RequestContext;
		const gateway = { name: 'WhatsInfinity', credentialName: 'WhatsInfinity API' } as Gateway;
		for (let i = 0; i < 3; i++) warnIfClearText(context, gateway, 'http://api.whatsinfinity.com');
		warnIfClearText(context, gateway, 'https://api.whatsinfinity.com');
		warnIfClearText(context, gateway, 'http://127.0.0.1:8080');

		expect(warnings).toEqual([
			'WhatsInfinity: the "WhatsInfinity API" credential\'s Base URL http://api.whatsinfinity.com is http://, so its API key crosses the network unencrypted. Use https:// if the server offers it.',
		]);
	});
});
