import { loadSchema, schemaErrors } from '../harness/json-schema';

// The checker every output is held to must be able to say no: each broken shape is named.
describe('the schema checker of docs/schemas', () => {
	const event = loadSchema('common-event');
	const result = loadSchema('send-result');
	const goodEvent = {
		gateway: 'infobip',
		event: 'message.received',
		eventId: 'e1',
		messageId: 'm1',
		channel: 'sms',
		from: '+14155550123',
		to: '+14155550100',
		text: 'STOP',
		media: [],
		status: null,
		gatewayStatus: null,
		error: null,
		at: '2026-12-05T10:00:00.000Z',
		intent: 'optOut',
		raw: {},
	};

	it('takes a good common event and send results', () => {
		expect(schemaErrors(event, goodEvent)).toEqual([]);
		expect(schemaErrors(result, { gateway: 'txtcoop', messageId: 'x', to: '+1', fate: 'sent', status: 'queued', id: 'x' })).toEqual([]);
		expect(
			schemaErrors(result, {
				error: { message: 'Not on WhatsApp', reason: 'notOnChannel', permanent: true },
				details: { gateway: 'whatsinfinity', messageId: null, to: '919999999999', fate: 'notSent', status: 'rejected' },
			}),
		).toEqual([]);
	});

	it.each([
		['a missing field', Object.fromEntries(Object.entries(goodEvent).filter(([key]) => key !== 'at')), '$: lacks at'],
		['a field of the wrong type', { ...goodEvent, media: 'x' }, '$.media: is string, not array'],
		['a status outside the vocabulary', { ...goodEvent, status: 'DELIVERED' }, '$.status: "DELIVERED" is not one of'],
		['an extra field', { ...goodEvent, payload: {} }, '$: has payload, which it may not'],
		['a time that is not ISO', { ...goodEvent, at: '05/12/2026' }, 'is not an ISO date-time'],
		['a channel in capitals', { ...goodEvent, channel: 'SMS' }, 'does not match'],
		['an intent on a status event', { ...goodEvent, event: 'message.status' }, '$.intent: "optOut" is not null'],
	])('refuses a common event with %s', (_case, value, said) => {
		expect(schemaErrors(event, value).join('\n')).toContain(said);
	});

	it.each([
		['a sent item without its fate', { gateway: 'infobip', messageId: 'm', to: '+1', status: 'queued' }, '$: lacks fate'],
		[
			'a sent item whose status says it failed',
			{ gateway: 'infobip', messageId: 'm', to: '+1', fate: 'sent', status: 'failed' },
			'is not one of',
		],
		[
			'a failed item with fields beside error and details (n8n would not route it to the error output)',
			{
				error: { message: 'x', reason: 'rejected', permanent: true },
				details: { gateway: 'infobip', messageId: null, to: null, fate: 'notSent', status: null },
				to: '+1',
			},
			'$: has to, which it may not',
		],
		[
			'an unknown fate without the reason unknownFate',
			{
				error: { message: 'x', reason: 'rejected', permanent: true },
				details: { gateway: 'infobip', messageId: null, to: null, fate: 'unknown', status: null },
			},
			'is not "unknownFate"',
		],
		['a reason outside the list', { error: { message: 'x', reason: 'oops', permanent: true }, details: {} }, 'is not one of'],
		[
			'a deferred item without sendAfter',
			{ gateway: 'infinireach', messageId: null, to: '+1', fate: 'deferred', status: null, recipientZones: ['America/Chicago'] },
			'$: lacks sendAfter',
		],
		[
			'a dry run that says it sent',
			{ gateway: 'infinireach', messageId: null, to: '+1', fate: 'sent', status: 'queued', wouldBe: 'sent' },
			'$.fate: "sent" is not "skipped"',
		],
		[
			'no segments',
			{ gateway: 'infobip', messageId: 'm', to: '+1', fate: 'sent', status: 'queued', segments: 0 },
			'$.segments: less than 1',
		],
	])('refuses a send result with %s', (_case, value, said) => {
		expect(schemaErrors(result, value).join('\n')).toContain(said);
	});
});
