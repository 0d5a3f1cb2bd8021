// The workflows `npm run bench` imports into n8n: each of the package's contenders beside the peer
// a user would otherwise build from n8n's own nodes.
const PACKAGE = 'n8n-nodes-message-gateways';
export const SENDER = '+15559876543';

export interface Workflow {
	id: string;
	name: string;
	nodes: object[];
	connections: object;
	active: boolean;
	settings: object;
	pinData: object;
}

let nodeIds = 0;
const node = (name: string, type: string, typeVersion: number, parameters: object, extra: object = {}) => ({
	id: `b0000000-0000-4000-8000-${String(++nodeIds).padStart(12, '0')}`,
	name,
	type,
	typeVersion,
	position: [nodeIds * 220, 0],
	parameters,
	...extra,
});

function chain(id: string, name: string, nodes: Array<ReturnType<typeof node>>): Workflow {
	const connections: Record<string, object> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Manual start, then `count` recipients from a Code node. */
function recipients(count: number, prefix: string) {
	return [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Recipients', 'n8n-nodes-base.code', 2, {
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { to: '${prefix}' + String(i).padStart(5, '0'), text: i % 2 ? 'Hi guest ' + i + ', your code is SPRING' + i : 'Our spring sale starts today' } }));`,
		}),
	];
}

const infiniReachCredential = (id: string) => ({ infiniReachApi: { id, name: id } });

/** The node under test: an InfiniReach send per item (`options`: more of the node's options). */
export function nodeSends(id: string, count: number, credentialId: string, perMinute: number, options: object = {}): Workflow {
	return chain(id, `bench: InfiniReach node, ${count} sends`, [
		...recipients(count, '+141555'),
		node(
			'Send',
			`${PACKAGE}.infiniReach`,
			1,
			{
				resource: 'message',
				operation: 'send',
				channel: 'sms',
				from: SENDER,
				to: '={{ $json.to }}',
				message: '={{ $json.text }}',
				options: { requestsPerMinute: perMinute, ...options },
			},
			{ credentials: infiniReachCredential(credentialId) },
		),
	]);
}

/** The peer: n8n's HTTP Request node posting the same message, its body as a JSON expression or as fields. */
export function httpSends(
	id: string,
	count: number,
	url: string,
	apiKey: string,
	body: 'json' | 'fields',
	batching?: { batchSize: number; batchInterval: number },
): Workflow {
	const common = {
		method: 'POST',
		url: `${url}/api/v1/messages`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'X-API-Key', value: apiKey }] },
		sendBody: true,
		options: batching ? { batching: { batch: batching } } : {},
	};
	const parameters =
		body === 'json'
			? {
					...common,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ to: $json.to, message: $json.text, from: '${SENDER}', channel: 'sms' }) }}`,
				}
			: {
					...common,
					bodyParameters: {
						parameters: [
							{ name: 'to', value: '={{ $json.to }}' },
							{ name: 'message', value: '={{ $json.text }}' },
							{ name: 'from', value: SENDER },
							{ name: 'channel', value: 'sms' },
						],
					},
				};
	// A campaign of hand-built requests goes on past a refused one, as a user would set it up.
	return chain(id, `bench: HTTP Request node (${body} body), ${count} sends`, [
		...recipients(count, '+141555'),
		node('Send', 'n8n-nodes-base.httpRequest', 4.2, parameters, { onError: 'continueRegularOutput' }),
	]);
}

/** Infobip's send for `count` recipients, `perRequest` messages in each request. */
export function infobipSends(id: string, count: number, credentialId: string, perRequest: number, campaign: object = {}): Workflow {
	return chain(id, `bench: Infobip node, ${count} recipients`, [
		...recipients(count, '+4474911'),
		node(
			'Send',
			`${PACKAGE}.infobip`,
			1,
			{
				resource: 'message',
				operation: 'send',
				channel: 'SMS',
				sender: 'InfoSMS',
				to: '={{ $json.to }}',
				text: '={{ $json.text }}',
				campaign: { bulkId: `={{ 'bench-${perRequest}-' + $execution.id }}`, messagesPerRequest: perRequest, ...campaign },
			},
			{ credentials: { infobipApi: { id: credentialId, name: credentialId } } },
		),
	]);
}

export interface TriggerWorkflow extends Workflow {
	/** The production URL's path under /webhook/. */
	path: string;
}

function triggerChain(id: string, name: string, trigger: ReturnType<typeof node>, path: string): TriggerWorkflow {
	return { ...chain(id, name, [trigger, node('Done', 'n8n-nodes-base.noOp', 1, {})]), path };
}

export function infiniReachTrigger(id: string, credentialId: string): TriggerWorkflow {
	return triggerChain(
		id,
		'bench: InfiniReach Trigger',
		node(
			'Trigger',
			`${PACKAGE}.infiniReachTrigger`,
			1,
			{ events: ['message.inbound'] },
			{ credentials: infiniReachCredential(credentialId), webhookId: 'bench-infinireach' },
		),
		'bench-infinireach/webhook',
	);
}

export function webhookNode(id: string): TriggerWorkflow {
	return triggerChain(
		id,
		'bench: Webhook node',
		node(
			'Trigger',
			'n8n-nodes-base.webhook',
			2,
			{ httpMethod: 'POST', path: 'bench-webhook', options: {} },
			{ webhookId: 'bench-webhook-node' },
		),
		'bench-webhook',
	);
}

/** A core service trigger of the same kind (a URL pasted into the service): Chargebee's. */
export function chargebeeTrigger(id: string): TriggerWorkflow {
	return triggerChain(
		id,
		'bench: Chargebee Trigger',
		node('Trigger', 'n8n-nodes-base.chargebeeTrigger', 1, { events: ['*'] }, { webhookId: 'bench-chargebee' }),
		'bench-chargebee/webhook',
	);
}
