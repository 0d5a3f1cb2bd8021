import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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

/** Statuses of a record the platform will not deliver ("Failed", "Rejected", "Insufficient balance", …). */
const NOT_SENT = /fail|reject|undeliver|insufficient|invalid|block|error|cancel/i;

/** Why the platform did not send to the recipient, when its own record in a send's answer says so. */
export function refusedBecause(result: IDataObject): string | undefined {
	const status = result.status ?? result.sms_status ?? result.delivery_status;
	return typeof status === 'string' && NOT_SENT.test(status) ? status : undefined;
}

/**
 * A 2xx without the documented envelope (a wrong host, or a platform answering in its own way): the
 * request was taken, and nothing says whether the messages went out.
 */
export function answeredWithoutEnvelope(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || !/^2\d\d$/.test(String(error.httpCode ?? ''))) return false;
	const body = error.errorResponse as IDataObject | undefined;
	return body?.status !== 'error';
}
