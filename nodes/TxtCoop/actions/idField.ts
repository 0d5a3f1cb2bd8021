import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../shared/items';

/** A required ID parameter of one resource and its operations. */
export function idField(name: string, displayName: string, resource: string, operations: string[], placeholder: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder,
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}

/** The ID, URL-encoded for a path, or a per-item error when it is empty. */
export function idOf(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): string {
	const id = String(context.getNodeParameter(name, itemIndex, '')).trim();
	if (!id) throw itemError(context, itemIndex, `No ${displayName} is set`, `Give the ${displayName} to look up.`);
	return encodeURIComponent(id);
}
