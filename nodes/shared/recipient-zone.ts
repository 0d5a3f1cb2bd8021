import { PREFIXES, SOURCE, ZONES } from './data/phone-zones.data';
import { REPLACED_PREFIXES, ZONE_CORRECTIONS } from './data/zone-corrections';

export { SOURCE as ZONE_DATA_SOURCE };

/** Prefix (country code and digits) → the zones its numbers may be in; read on first use. */
let table: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
	const zones = ZONES.split(' ');
	const map = new Map<string, string[]>();
	for (const group of PREFIXES.split(';')) {
		const [set, prefixes] = group.split(':');
		const names = set.split('.').map((index) => zones[parseInt(index, 36)]);
		for (const prefix of prefixes.split(',')) {
			if (!REPLACED_PREFIXES.some((replaced) => prefix.startsWith(replaced) && prefix !== replaced)) map.set(prefix, names);
		}
	}
	for (const [prefix, names] of Object.entries(ZONE_CORRECTIONS)) map.set(prefix, names);
	return map;
}

/**
 * The time zones a number (E.164) may be in: one where its prefix says where it is, several where it
 * does not (a mobile range of a country with several zones, an area code a zone line crosses); empty
 * for a number no prefix knows.
 */
export function zonesOfNumber(e164: string): string[] {
	table ??= load();
	const digits = e164.replace(/\D/g, '');
	for (let length = Math.min(digits.length, 10); length > 0; length--) {
		const zones = table.get(digits.slice(0, length));
		if (zones) return zones;
	}
	return [];
}
