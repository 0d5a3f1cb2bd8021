// One lane of the end-to-end run: the gateways whose scenarios wait on n8n's minute (polling triggers)
// or on a gateway's minute (WhatsInfinity's 10 sends a minute), in one real n8n, beside the other lanes.
import { infopromoScenarios } from './gateways/Infopromo';
import { whatsInfinityScenarios } from './gateways/WhatsInfinity';
import { laneStack } from './lane';

jest.setTimeout(10 * 60_000);

const stack = laneStack('minute-paced', {
	port: 5788,
	// Infopromo's scheduled sends come 10 times sooner; a message waits in its inbox from the start.
	sandbox: { infopromo: { msPerSecond: 100, inbox: [{ from: '31611111111', text: 'Old news' }] } },
});

// WhatsInfinity first: by the time Infopromo's scenarios start, its trigger has made its first poll.
whatsInfinityScenarios(stack);
infopromoScenarios(stack);
