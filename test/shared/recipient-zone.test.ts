import { wallTimeAt } from '../../nodes/shared/dates';
import { insideAll, nextOpening, type Window } from '../../nodes/shared/quiet-hours';
import { zonesOfNumber } from '../../nodes/shared/recipient-zone';

// Where a number's recipient is, for 2,000+ numbers of 20 countries: the place each prefix serves
// (an area code's city, a DDD's state), written down here from the numbering plans, independently of
// the data the node bundles. A prefix that belongs to no one place (a mobile range of a country with
// several zones, an area code cut by a zone line) lists every zone it may be in.
type Truth = [prefix: string, zones: string[], mobile?: 'mobile'];

const COUNTRIES: Record<string, { digits: number; rows: Truth[] }> = {
	US: {
		digits: 11,
		rows: [
			['1212', ['America/New_York']],
			['1646', ['America/New_York']],
			['1305', ['America/New_York']],
			['1404', ['America/New_York']],
			['1617', ['America/New_York']],
			['1202', ['America/New_York']],
			['1313', ['America/Detroit']],
			['1704', ['America/New_York']],
			['1213', ['America/Los_Angeles']],
			['1415', ['America/Los_Angeles']],
			['1206', ['America/Los_Angeles']],
			['1503', ['America/Los_Angeles']],
			['1702', ['America/Los_Angeles']],
			['1312', ['America/Chicago']],
			['1214', ['America/Chicago']],
			['1713', ['America/Chicago']],
			['1612', ['America/Chicago']],
			['1504', ['America/Chicago']],
			['1615', ['America/Chicago']],
			['1303', ['America/Denver']],
			['1801', ['America/Denver']],
			['1505', ['America/Denver']],
			['1602', ['America/Phoenix']],
			['1480', ['America/Phoenix']],
			['1907', ['America/Anchorage']],
			['1808', ['Pacific/Honolulu']],
			['1219', ['America/Chicago']],
			['1850', ['America/Chicago', 'America/New_York']],
			['1208', ['America/Boise', 'America/Los_Angeles']],
			['1605', ['America/Chicago', 'America/Denver']],
			['1541', ['America/Los_Angeles', 'America/Boise']],
			['1423', ['America/New_York', 'America/Chicago']],
		],
	},
	CA: {
		digits: 11,
		rows: [
			['1416', ['America/Toronto']],
			['1647', ['America/Toronto']],
			['1514', ['America/Toronto']],
			['1613', ['America/Toronto']],
			['1604', ['America/Vancouver']],
			['1403', ['America/Edmonton']],
			['1780', ['America/Edmonton']],
			['1204', ['America/Winnipeg']],
			['1306', ['America/Regina']],
			['1902', ['America/Halifax']],
			['1506', ['America/Moncton']],
			['1709', ['America/St_Johns']],
			['1250', ['America/Vancouver', 'America/Edmonton']],
			['1807', ['America/Toronto', 'America/Winnipeg']],
			['1867', ['America/Whitehorse', 'America/Yellowknife', 'America/Iqaluit', 'America/Rankin_Inlet']],
		],
	},
	BR: {
		digits: 13,
		rows: [
			['55119', ['America/Sao_Paulo']],
			['55213', ['America/Sao_Paulo']],
			['55319', ['America/Sao_Paulo']],
			['55413', ['America/Sao_Paulo']],
			['55519', ['America/Sao_Paulo']],
			['55619', ['America/Sao_Paulo']],
			['55719', ['America/Bahia']],
			['55819', ['America/Recife']],
			['55859', ['America/Fortaleza']],
			['55919', ['America/Belem']],
			['55929', ['America/Manaus']],
			['55659', ['America/Cuiaba']],
			['55679', ['America/Campo_Grande']],
			['55689', ['America/Rio_Branco']],
			['55699', ['America/Porto_Velho']],
			['55959', ['America/Boa_Vista']],
			['55989', ['America/Fortaleza']],
		],
	},
	MX: {
		digits: 12,
		rows: [
			['5255', ['America/Mexico_City']],
			['5233', ['America/Mexico_City']],
			['5281', ['America/Monterrey']],
			['52222', ['America/Mexico_City']],
			['52999', ['America/Merida']],
			['52871', ['America/Monterrey']],
			['52664', ['America/Tijuana']],
			['52686', ['America/Tijuana']],
			['52998', ['America/Cancun']],
			['52984', ['America/Cancun']],
			['52662', ['America/Hermosillo']],
			['52667', ['America/Mazatlan']],
			['52669', ['America/Mazatlan']],
			['52612', ['America/Mazatlan']],
			['52614', ['America/Chihuahua']],
			['52656', ['America/Ciudad_Juarez']],
		],
	},
	AU: {
		digits: 11,
		rows: [
			['6129', ['Australia/Sydney']],
			['6139', ['Australia/Melbourne']],
			['6136', ['Australia/Hobart']],
			['6173', ['Australia/Brisbane']],
			['6189', ['Australia/Perth']],
			['61882', ['Australia/Adelaide']],
			['61889', ['Australia/Darwin']],
			['614', ['Australia/Perth', 'Australia/Darwin', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney'], 'mobile'],
		],
	},
	RU: {
		digits: 11,
		rows: [
			['7495', ['Europe/Moscow']],
			['7499', ['Europe/Moscow']],
			['7812', ['Europe/Moscow']],
			['7843', ['Europe/Moscow']],
			['7846', ['Europe/Samara']],
			['7845', ['Europe/Saratov']],
			['74012', ['Europe/Kaliningrad']],
			['7343', ['Asia/Yekaterinburg']],
			['7381', ['Asia/Omsk']],
			['7383', ['Asia/Novosibirsk']],
			['7391', ['Asia/Krasnoyarsk']],
			['7395', ['Asia/Irkutsk']],
			['7421', ['Asia/Vladivostok']],
			['7423', ['Asia/Vladivostok']],
			['7415', ['Asia/Kamchatka']],
			[
				'79',
				['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok', 'Asia/Kamchatka'],
				'mobile',
			],
		],
	},
	ID: {
		digits: 12,
		rows: [
			['6221', ['Asia/Jakarta']],
			['6222', ['Asia/Jakarta']],
			['6231', ['Asia/Jakarta']],
			['6261', ['Asia/Jakarta']],
			['62274', ['Asia/Jakarta']],
			['62361', ['Asia/Makassar']],
			['62411', ['Asia/Makassar']],
			['62541', ['Asia/Makassar']],
			['62967', ['Asia/Jayapura']],
			['62911', ['Asia/Jayapura']],
			['628', ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], 'mobile'],
		],
	},
	ES: {
		digits: 11,
		rows: [
			['3491', ['Europe/Madrid']],
			['3493', ['Europe/Madrid']],
			['34928', ['Atlantic/Canary']],
			['34922', ['Atlantic/Canary']],
			['346', ['Europe/Madrid', 'Atlantic/Canary'], 'mobile'],
		],
	},
	PT: {
		digits: 12,
		rows: [
			['35121', ['Europe/Lisbon']],
			['35122', ['Europe/Lisbon']],
			['351291', ['Atlantic/Madeira']],
			['351296', ['Atlantic/Azores']],
			['3519', ['Europe/Lisbon', 'Atlantic/Azores'], 'mobile'],
		],
	},
	NZ: {
		digits: 10,
		rows: [
			['649', ['Pacific/Auckland']],
			['644', ['Pacific/Auckland']],
			['643', ['Pacific/Auckland']],
			['642', ['Pacific/Auckland', 'Pacific/Chatham'], 'mobile'],
		],
	},
	GB: {
		digits: 12,
		rows: [
			['4420', ['Europe/London']],
			['44161', ['Europe/London']],
			['447', ['Europe/London']],
		],
	},
	FR: {
		digits: 11,
		rows: [
			['331', ['Europe/Paris']],
			['336', ['Europe/Paris']],
			['334', ['Europe/Paris']],
		],
	},
	DE: {
		digits: 12,
		rows: [
			['4930', ['Europe/Berlin']],
			['4989', ['Europe/Berlin']],
			['49151', ['Europe/Berlin']],
		],
	},
	IN: {
		digits: 12,
		rows: [
			['9111', ['Asia/Kolkata']],
			['9198', ['Asia/Kolkata']],
		],
	},
	JP: {
		digits: 12,
		rows: [
			['813', ['Asia/Tokyo']],
			['8190', ['Asia/Tokyo']],
		],
	},
	ZA: {
		digits: 11,
		rows: [
			['2711', ['Africa/Johannesburg']],
			['2782', ['Africa/Johannesburg']],
		],
	},
	NG: {
		digits: 13,
		rows: [
			['2341', ['Africa/Lagos']],
			['234803', ['Africa/Lagos']],
		],
	},
	AR: {
		digits: 13,
		rows: [
			['5411', ['America/Argentina/Buenos_Aires']],
			['54911', ['America/Argentina/Buenos_Aires']],
		],
	},
	TR: {
		digits: 12,
		rows: [
			['90212', ['Europe/Istanbul']],
			['90532', ['Europe/Istanbul']],
		],
	},
	PH: {
		digits: 12,
		rows: [
			['632', ['Asia/Manila']],
			['63917', ['Asia/Manila']],
		],
	},
};

/** Instants across a year, both sides of every summer-time change. */
const INSTANTS = ['2026-01-15', '2026-03-20', '2026-04-15', '2026-07-15', '2026-10-15', '2026-11-15'].map((day) =>
	Date.parse(`${day}T12:00:00Z`),
);

function offsetAt(ms: number, zone: string): number {
	const { year, month, day, hour, minute } = wallTimeAt(ms, zone);
	return (Date.UTC(year, month - 1, day, hour, minute) - ms) / 60_000;
}

function numbersOf(
	country: { digits: number; rows: Truth[] },
	perRow: number,
): Array<{ number: string; truth: string[]; mobile: boolean }> {
	let state = 7;
	const digit = () => (state = (state * 48271) % 2147483647) % 10;
	return country.rows.flatMap(([prefix, truth, mobile]) =>
		Array.from({ length: perRow }, () => {
			let number = prefix;
			// A subscriber number never starts with 0 or 1 after an area code (NANP) or a mobile prefix.
			while (number.length < country.digits) number += number.length === prefix.length ? 2 + (digit() % 8) : digit();
			return { number: `+${number}`, truth, mobile: mobile === 'mobile' };
		}),
	);
}

/**
 * Right: the zones found show one clock at every instant, the truth's (for a prefix of several zones,
 * one of them: the data knows the exchange). Strictest: several that disagree, whose clocks span
 * every zone the recipient may be in. Wrong: any other answer, above all one zone that is not the
 * recipient's. A mobile number belongs to no place: only the strictest answer is right for it.
 */
function verdict(found: string[], truth: string[], mobile: boolean): 'right' | 'strictest' | 'wrong' {
	if (!found.length) return 'wrong';
	const agree = INSTANTS.every((ms) => new Set(found.map((zone) => offsetAt(ms, zone))).size === 1);
	if (agree && mobile) return 'wrong';
	if (agree) return truth.some((zone) => INSTANTS.every((ms) => offsetAt(ms, found[0]) === offsetAt(ms, zone))) ? 'right' : 'wrong';
	const spans = INSTANTS.every((ms) => {
		const offsets = found.map((zone) => offsetAt(ms, zone));
		return truth.every((zone) => offsetAt(ms, zone) >= Math.min(...offsets) && offsetAt(ms, zone) <= Math.max(...offsets));
	});
	return spans ? 'strictest' : 'wrong';
}

describe('the recipient zone of a number', () => {
	const numbers = Object.entries(COUNTRIES).flatMap(([country, rows]) =>
		numbersOf(rows, country === 'US' || country === 'CA' ? 15 : 18).map((entry) => ({ country, ...entry })),
	);

	it(`finds the zone of ${numbers.length} numbers of ${Object.keys(COUNTRIES).length} countries, or the strictest candidates: never a wrong one`, () => {
		expect(numbers.length).toBeGreaterThanOrEqual(2000);
		expect(Object.keys(COUNTRIES)).toHaveLength(20);
		const verdicts = numbers.map(({ country, number, truth, mobile }) => ({
			country,
			number,
			truth,
			found: zonesOfNumber(number),
			verdict: verdict(zonesOfNumber(number), truth, mobile),
		}));
		const wrong = verdicts.filter((entry) => entry.verdict === 'wrong').map(({ number, truth, found }) => `${number}: ${truth} → ${found}`);
		expect(wrong).toEqual([]);
		// A place the prefix names is found exactly, not as a range.
		const single = verdicts.filter((entry) => entry.truth.length === 1);
		const right = single.filter((entry) => entry.verdict === 'right').length;
		expect(right / single.length).toBeGreaterThan(0.85);
	});

	it('gives every zone of a mobile range of a country with several', () => {
		expect(zonesOfNumber('+79161234567')).toHaveLength(12);
		expect(zonesOfNumber('+61412345678')).toContain('Australia/Perth');
		expect(zonesOfNumber('+6281234567890')).toContain('Asia/Jayapura');
	});

	it('finds nothing for a number no prefix knows', () => {
		expect(zonesOfNumber('+999123')).toEqual([]);
	});
});

describe('Quiet Hours windows', () => {
	const window: Window = { from: 8 * 60, until: 21 * 60, days: [0, 1, 2, 3, 4, 5, 6] };
	// Monday 7 December 2026, 13:30 UTC: 08:30 in New York, 05:30 in Los Angeles, 22:30 in Tokyo.
	const now = Date.parse('2026-12-07T13:30:00Z');

	it('is open where the recipient’s clock is inside it', () => {
		expect(insideAll(now, ['America/New_York'], window)).toBe(true);
		expect(insideAll(now, ['America/Los_Angeles'], window)).toBe(false);
		expect(insideAll(now, ['America/New_York', 'America/Los_Angeles'], window)).toBe(false);
	});

	it('opens at the next 8:00 of the zone, or of the last of several zones', () => {
		expect(new Date(nextOpening(now, ['America/Los_Angeles'], window)!).toISOString()).toBe('2026-12-07T16:00:00.000Z');
		expect(new Date(nextOpening(now, ['Asia/Tokyo'], window)!).toISOString()).toBe('2026-12-07T23:00:00.000Z');
		expect(new Date(nextOpening(now, ['America/New_York', 'America/Los_Angeles'], window)!).toISOString()).toBe('2026-12-07T16:00:00.000Z');
		expect(nextOpening(now, ['America/New_York'], window)).toBe(now);
	});

	it('keeps to the allowed days', () => {
		const weekdays: Window = { ...window, days: [1, 2, 3, 4, 5] };
		// Saturday 12 December, 10:00 in Paris: the next opening is Monday 8:00.
		const saturday = Date.parse('2026-12-12T09:00:00Z');
		expect(new Date(nextOpening(saturday, ['Europe/Paris'], weekdays)!).toISOString()).toBe('2026-12-14T07:00:00.000Z');
	});

	it('never opens for zones too far apart for a short window', () => {
		const short: Window = { ...window, from: 9 * 60, until: 12 * 60 };
		expect(nextOpening(now, ['Pacific/Honolulu', 'Asia/Tokyo'], short)).toBeUndefined();
	});
});
