import { wallTimeAt, wallTimeMs } from './dates';

/**
 * Quiet Hours: a message goes only while it is inside the window (e.g. 8:00–21:00, the US rule for
 * marketing texts) on an allowed day, at the recipient's place. A number that may be in several zones
 * goes only when it is inside the window in all of them: the strictest reading.
 */
export interface Window {
	/** Minutes after midnight: the window opens at `from` and closes at `until` (exclusive). */
	from: number;
	until: number;
	/** Allowed weekdays, 0 = Sunday. */
	days: number[];
}

export const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** `8:00`, `08:00`, `21:30` → minutes after midnight; NaN when not a time of day. */
export function minutesOf(text: string): number {
	const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(text);
	if (!match) return NaN;
	const hour = Number(match[1]);
	const minute = Number(match[2] ?? 0);
	return hour > 24 || minute > 59 || (hour === 24 && minute > 0) ? NaN : hour * 60 + minute;
}

export function clockText(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether the instant is inside the window at a zone's clocks. */
function insideAt(ms: number, zone: string, window: Window): boolean {
	const { hour, minute, weekday } = wallTimeAt(ms, zone);
	const minutes = hour * 60 + minute;
	return window.days.includes(weekday) && minutes >= window.from && minutes < window.until;
}

export function insideAll(ms: number, zones: string[], window: Window): boolean {
	return zones.every((zone) => insideAt(ms, zone, window));
}

const DAY_MS = 86_400_000;
/** A window that opens in none of the next 8 days never opens (no allowed day, or zones too far apart). */
const DAYS_AHEAD = 8;

/**
 * The first instant from `now` at which the window is open in every zone: now, or the latest of the
 * zones' openings that follow; undefined when it does not open within a week.
 */
export function nextOpening(now: number, zones: string[], window: Window): number | undefined {
	if (insideAll(now, zones, window)) return now;
	// The window opens for all when it opens for the last of them: at one zone's opening.
	const openings: number[] = [];
	for (const zone of zones) {
		const today = wallTimeAt(now, zone);
		for (let day = 0; day <= DAYS_AHEAD; day++) {
			const date = new Date(Date.UTC(today.year, today.month - 1, today.day + day));
			const at = wallTimeMs(
				[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(window.from / 60), window.from % 60, 0, 0],
				zone,
			);
			if (at > now && at <= now + DAYS_AHEAD * DAY_MS) openings.push(at);
		}
	}
	return openings.sort((a, b) => a - b).find((at) => insideAll(at, zones, window));
}
