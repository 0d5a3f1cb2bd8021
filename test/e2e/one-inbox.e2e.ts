// One lane of the end-to-end run: the one-inbox examples (four gateways' triggers into one flow,
// opt-outs in a Data Table), in one real n8n, beside the other lanes.
import { oneInboxScenarios } from './gateways/OneInbox';
import { laneStack } from './lane';

jest.setTimeout(10 * 60_000);

const stack = laneStack('one-inbox', { port: 5948, sandbox: { infiniReach: { stepMs: 20 }, txtCoop: { stepMs: 20 } } });

oneInboxScenarios(stack);
