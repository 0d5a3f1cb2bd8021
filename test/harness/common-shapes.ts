// Every run of a send operation and every trigger item the unit tests make is checked against the
// schemas of docs/schemas: a test that produces an output breaking them fails, whatever it asserts.
import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import { sends as infiniReach } from '../../nodes/InfiniReach/actions/router';
import { sends as infobip } from '../../nodes/Infobip/actions/router';
import { sends as infopromo } from '../../nodes/Infopromo/actions/router';
import { sends as txtCoop } from '../../nodes/TxtCoop/actions/router';
import { sends as whatsInfinity } from '../../nodes/WhatsInfinity/actions/router';
import { SIMPLIFY_SINCE } from '../../nodes/shared/common-event';
import type { SendResultTable } from '../../nodes/shared/operation';
import { expectAllValid } from './json-schema';

/** Each action node's send operations, as its router marks them. */
export const SEND_OPERATIONS: Record<string, SendResultTable> = { infiniReach, infobip, infopromo, txtCoop, whatsInfinity };

interface Setup {
	type: string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
}

let nodeTypeOf: (type: string) => INodeType;

export function knowNodeTypes(lookup: (type: string) => INodeType): void {
	nodeTypeOf = lookup;
}

/** A parameter's value, or its default where the setup leaves it out (the default operation of the resource). */
function parameter(setup: Setup, name: string, resource?: string): string {
	if (setup.parameters[name] !== undefined) return String(setup.parameters[name]);
	const property = nodeTypeOf(setup.type).description.properties.find(
		(candidate) =>
			candidate.name === name && (!resource || (candidate.displayOptions?.show?.resource as string[] | undefined)?.includes(resource)),
	);
	return String(property?.default ?? '');
}

export function isSendOperation(setup: Setup): boolean {
	const table = SEND_OPERATIONS[setup.type];
	if (!table) return false;
	const resource = parameter(setup, 'resource');
	return !!table[resource]?.[parameter(setup, 'operation', resource)];
}

export function checkSendResults(setup: Setup, items: INodeExecutionData[]): void {
	if (isSendOperation(setup) && items.length) expectAllValid('send-result', items);
}

export function checkCommonEvents(setup: Setup, items: INodeExecutionData[]): void {
	if ((setup.typeVersion ?? 1) >= SIMPLIFY_SINCE && setup.parameters.simplify !== false && items.length)
		expectAllValid('common-event', items);
}

/** A failed item's error, as Continue On Fail outputs it. */
export interface ItemError {
	message: string;
	description?: string;
	httpCode?: string;
	reason: string;
	permanent: boolean;
}

/** The error of a failed output item; undefined for one that did not fail. */
export function errorOf(item: INodeExecutionData): ItemError | undefined {
	return item.json.error as ItemError | undefined;
}
