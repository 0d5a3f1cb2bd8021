/** An n8n date/time (ISO text, a Luxon DateTime from an expression, a Date) as epoch milliseconds; NaN when none. */
export function dateTimeMs(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	const luxon = value as { toMillis?: () => number } | undefined;
	if (luxon && typeof luxon.toMillis === 'function') return luxon.toMillis();
	return Date.parse(String(value ?? ''));
}
