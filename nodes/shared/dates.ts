/** `2026-12-24T09:30:00`, `2026-12-24 09:30` or `2026-12-24`: a wall time without a zone, as n8n's date picker stores it. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** One formatter per zone: making one costs far more than using it, and a campaign asks thousands of times. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			weekday: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether a zone is one the time-zone database knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatterOf(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall time a zone's clocks show at the instant `ms`, to the second (weekday 0 is Sunday); throws on a zone that is none. */
export function wallTimeAt(
	ms: number,
	timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
	const parts = Object.fromEntries(
		formatterOf(timeZone)
			.formatToParts(new Date(ms))
			.map((part) => [part.type, part.type === 'weekday' ? WEEKDAYS.indexOf(part.value) : Number(part.value)]),
	);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
		weekday: parts.weekday,
	};
}

/** How far `timeZone`'s clock is ahead of UTC at the instant `ms`. */
function offsetMs(ms: number, timeZone: string): number {
	const { year, month, day, hour, minute, second } = wallTimeAt(ms, timeZone);
	return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall time has in a zone (a time skipped by a clock change reads as the hour after it). */
export function wallTimeMs(fields: number[], timeZone: string): number {
	const [year, month, day, hour, minute, second, milli] = fields;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, milli);
	// Twice: the offset at the first guess may differ from the offset at the answer (a clock change between).
	let ms = asUtc - offsetMs(asUtc, timeZone);
	ms = asUtc - offsetMs(ms, timeZone);
	return ms;
}

/**
 * An n8n date/time as epoch milliseconds; NaN when none. ISO text with a zone (`Z`, `+01:00`), a Luxon
 * DateTime from an expression and a Date are instants already. A wall time without a zone, which is
 * what n8n's date picker stores (`2026-12-24T09:30:00`), is read in `timeZone`: the workflow's, so the
 * time that reaches the gateway is the one the user picked, whatever the server's zone.
 */
export function dateTimeMs(value: unknown, timeZone?: string): number {
	if (value instanceof Date) return value.getTime();
	const luxon = value as { toMillis?: () => number } | undefined;
	if (luxon && typeof luxon.toMillis === 'function') return luxon.toMillis();
	const text = String(value ?? '').trim();
	const wall = WALL_TIME.exec(text);
	if (wall && timeZone) {
		const fields = wall.slice(1).map((part, index) => (part === undefined ? 0 : index === 6 ? Number(part.padEnd(3, '0')) : Number(part)));
		try {
			return wallTimeMs(fields, timeZone);
		} catch {
			return NaN;
		}
	}
	return Date.parse(text);
}
