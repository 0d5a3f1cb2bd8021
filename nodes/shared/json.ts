import type { IDataObject } from 'n8n-workflow';

/** A gateway answer as an object; anything else (a list, text, nothing) as an empty one. */
export function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** A non-empty string from a gateway answer, else undefined. */
export function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value ? value : undefined;
}

/** A scalar a gateway or a field gave, as text; null for nothing, an empty string, an object or a list. */
export function textOrNull(value: unknown): string | null {
	return value === undefined || value === null || value === '' || typeof value === 'object' ? null : String(value);
}
