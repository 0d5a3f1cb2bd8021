// One lane of the end-to-end run: WhatsApp first, SMS as failover, paced at WhatsInfinity's 10 messages
// a minute (the longest lane: about 13 minutes), in one real n8n beside the other lanes.
import { failoverScenarios, NOT_ON_WHATSAPP } from './gateways/Failover';
import { laneStack } from './lane';

jest.setTimeout(35 * 60_000);

const stack = laneStack('whatsapp-failover', {
	port: 6018,
	sandbox: { whatsInfinity: { unregisteredNumbers: NOT_ON_WHATSAPP }, infiniReach: { stepMs: 20 } },
});

failoverScenarios(stack);
