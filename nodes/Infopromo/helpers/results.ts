import type { IDataObject } from 'n8n-workflow';

const NUMBER_FIELDS = ['to', 'recipient', 'phone', 'number', 'mobile', 'destination'];
const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/**
 * One recipient's result from a send's `data`, which the platform documents only as "sms reports with
 * all details": a list of records (the recipient's own, found by its number), one record, or text.
 */
export function resultFor(data: unknown, recipient: string): IDataObject {
	if (Array.isArray(data)) {
		const own = (data as IDataObject[]).find((record) => NUMBER_FIELDS.some((field) => digits(record?.[field]) === recipient));
		return own ? { ...own } : { reports: data };
	}
	if (data && typeof data === 'object') return { ...(data as IDataObject) };
	return data === undefined || data === null ? {} : { details: data };
}
