// Jest-only: every run the e2e reads from a real n8n has each of this package's send nodes' outputs
// checked against docs/schemas/send-result.schema.json and each trigger's (version 1.1, Simplify on)
// against common-event.schema.json. Imported for this effect by the lanes.
import type { INodeType } from 'n8n-workflow';

import { InfiniReach } from '../../nodes/InfiniReach/InfiniReach.node';
import { Infobip } from '../../nodes/Infobip/Infobip.node';
import { Infopromo } from '../../nodes/Infopromo/Infopromo.node';
import { TxtCoop } from '../../nodes/TxtCoop/TxtCoop.node';
import { WhatsInfinity } from '../../nodes/WhatsInfinity/WhatsInfinity.node';
import { isSendOperation, knowNodeTypes } from '../harness/common-shapes';
import { expectAllValid } from '../harness/json-schema';
import { N8n, type ExecutionData, type OutputItem, type WorkflowNode } from './n8n';

const PREFIX = 'n8n-nodes-message-gateways.';
const NODE_TYPES: Record<string, () => INodeType> = {
	infiniReach: () => new InfiniReach(),
	whatsInfinity: () => new WhatsInfinity(),
	infobip: () => new Infobip(),
	infopromo: () => new Infopromo(),
	txtCoop: () => new TxtCoop(),
};

// The node types, for the defaults a saved workflow leaves out (the resource and operation).
knowNodeTypes((type) => {
	const make = NODE_TYPES[type];
	if (!make) throw new Error(`No action node ${type}`);
	return make();
});

/** What the node itself put in an item of its error output: n8n routes only items with these fields there. */
function ownFields(item: OutputItem): OutputItem {
	return { ...item, json: Object.fromEntries(Object.entries(item.json).filter(([key]) => ['error', 'message', 'details'].includes(key))) };
}

export function checkWorkflowRun(nodes: WorkflowNode[], runData: ExecutionData['data']['resultData']['runData']): void {
	for (const node of nodes) {
		if (!node.type.startsWith(PREFIX)) continue;
		const type = node.type.slice(PREFIX.length);
		const parameters = node.parameters ?? {};
		const runs = runData[node.name] ?? [];
		// On the error output n8n adds the input item's fields beside the node's own `error` and `details`.
		const outputs = runs.flatMap((run) =>
			(run.data?.main ?? []).flatMap((items, index) => (index === 0 ? (items ?? []) : (items ?? []).map(ownFields))),
		);
		if (!outputs.length) continue;
		try {
			if (type.endsWith('Trigger')) {
				if (node.typeVersion >= 1.1 && parameters.simplify !== false) expectAllValid('common-event', outputs);
			} else if (isSendOperation({ type, parameters, typeVersion: node.typeVersion })) {
				expectAllValid('send-result', outputs);
			}
		} catch (error) {
			throw new Error(`Node "${node.name}" (${type} ${node.typeVersion}): ${(error as Error).message}`);
		}
	}
}

N8n.checkRun = checkWorkflowRun;
