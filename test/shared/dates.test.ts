import { dateTimeMs } from '../../nodes/shared/dates';

const iso = (value: unknown, zone?: string) => new Date(dateTimeMs(value, zone)).toISOString();

describe('dateTimeMs', () => {
	it.each([
		// What n8n's date picker stores: a wall time without zone, read in the workflow's zone.
		['2026-12-24T09:30:00', 'Europe/Berlin', '2026-12-24T08:30:00.000Z'],
		['2026-12-24T09:30:00', 'America/New_York', '2026-12-24T14:30:00.000Z'],
		['2026-12-24 09:30', 'Asia/Kolkata', '2026-12-24T04:00:00.000Z'],
		['2026-12-24', 'Asia/Tokyo', '2026-12-23T15:00:00.000Z'],
		['2026-07-01T12:00:00.250', 'Australia/Sydney', '2026-07-01T02:00:00.250Z'],
		// A time the clocks skip (Berlin, 29 March 2026, 02:00 → 03:00) reads as the hour after.
		['2026-03-29T02:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
		['2026-03-29T03:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
		// Summer time on either side of a change.
		['2026-03-29T01:30:00', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
		['2026-10-25T03:30:00', 'Europe/Berlin', '2026-10-25T02:30:00.000Z'],
		// A time with a zone is an instant already, whatever the workflow's zone.
		['2026-12-24T09:30:00Z', 'Europe/Berlin', '2026-12-24T09:30:00.000Z'],
		['2026-12-24T09:30:00+05:30', 'America/New_York', '2026-12-24T04:00:00.000Z'],
	])('%s in %s is %s', (value, zone, expected) => {
		expect(iso(value, zone)).toBe(expected);
	});

	it('takes Dates and Luxon DateTimes (from expressions) as the instants they are', () => {
		expect(iso(new Date('2026-12-24T09:30:00Z'), 'Asia/Tokyo')).toBe('2026-12-24T09:30:00.000Z');
		expect(iso({ toMillis: () => Date.parse('2026-12-24T09:30:00Z') }, 'Asia/Tokyo')).toBe('2026-12-24T09:30:00.000Z');
	});

	it('is NaN for what is no date, and for a zone that is none', () => {
		expect(dateTimeMs('next tuesday', 'UTC')).toBeNaN();
		expect(dateTimeMs('2026-12-24T09:30:00', 'Mars/Olympus')).toBeNaN();
	});
});
