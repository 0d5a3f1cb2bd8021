// One lane of the end-to-end run: the gateways whose scenarios wait on no clock (sends, bulk jobs,
// signed webhooks), in one real n8n. The lanes run side by side: see CONTRIBUTING.md.
import { infiniReachScenarios } from './gateways/InfiniReach';
import { infobipScenarios } from './gateways/Infobip';
import { txtCoopScenarios } from './gateways/TxtCoop';
import { laneStack } from './lane';

jest.setTimeout(10 * 60_000);

const stack = laneStack('sends-and-webhooks', { port: 5688, sandbox: { infiniReach: { stepMs: 20 }, txtCoop: { stepMs: 20 } } });

infiniReachScenarios(stack);
infobipScenarios(stack);
txtCoopScenarios(stack);
