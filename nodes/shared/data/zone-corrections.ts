/**
 * Where Google's prefix-to-zone map (phone-zones.data.ts) names one zone for numbers that may be in
 * several, or an outdated one: our reading, which wins over the map at the same or a shorter prefix.
 * Mobile ranges of countries with several zones belong to no place, so they get all the country's
 * zones; an area code cut by a zone line gets both sides. Sources: the US time-zone boundaries
 * (49 CFR part 71), the provinces' and states' time laws, ANATEL's DDD plan, and the zone changes of
 * the IANA database (Mexico 2022, Saratov 2016).
 */
export const ZONE_CORRECTIONS: Record<string, string[]> = {
	// US area codes that a zone line crosses.
	'1208': ['America/Boise', 'America/Los_Angeles'],
	'1219': ['America/Chicago', 'America/New_York'],
	'1574': ['America/Chicago', 'America/New_York'],
	'1812': ['America/Chicago', 'America/New_York'],
	'1930': ['America/Chicago', 'America/New_York'],
	'1270': ['America/Chicago', 'America/New_York'],
	'1364': ['America/Chicago', 'America/New_York'],
	'1606': ['America/Chicago', 'America/New_York'],
	'1423': ['America/Chicago', 'America/New_York'],
	'1931': ['America/Chicago', 'America/New_York'],
	'1850': ['America/Chicago', 'America/New_York'],
	'1448': ['America/Chicago', 'America/New_York'],
	'1906': ['America/Chicago', 'America/New_York'],
	'1308': ['America/Chicago', 'America/Denver'],
	'1785': ['America/Chicago', 'America/Denver'],
	'1620': ['America/Chicago', 'America/Denver'],
	'1432': ['America/Chicago', 'America/Denver'],
	'1541': ['America/Los_Angeles', 'America/Boise'],
	'1458': ['America/Los_Angeles', 'America/Boise'],
	// Canadian area codes over several zones.
	'1807': ['America/Toronto', 'America/Winnipeg'],
	'1867': ['America/Whitehorse', 'America/Edmonton', 'America/Winnipeg', 'America/Toronto'],
	'1306': ['America/Regina', 'America/Edmonton'],
	'1639': ['America/Regina', 'America/Edmonton'],
	'1474': ['America/Regina', 'America/Edmonton'],
	'1250': ['America/Vancouver', 'America/Edmonton', 'America/Dawson_Creek'],
	'1236': ['America/Vancouver', 'America/Edmonton', 'America/Dawson_Creek'],
	'1778': ['America/Vancouver', 'America/Edmonton', 'America/Dawson_Creek'],
	'1672': ['America/Vancouver', 'America/Edmonton', 'America/Dawson_Creek'],
	'1709': ['America/St_Johns', 'America/Goose_Bay'],
	'1879': ['America/St_Johns', 'America/Goose_Bay'],
	'1418': ['America/Toronto', 'America/Halifax'],
	'1581': ['America/Toronto', 'America/Halifax'],
	'1367': ['America/Toronto', 'America/Halifax'],
	// Brazil, by DDD (area code): the map's deeper entries put Recife's and Belém's numbers in Fernando de Noronha's and Manaus's zones.
	...Object.fromEntries(
		[
			[[11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38], 'America/Sao_Paulo'],
			[[41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 64], 'America/Sao_Paulo'],
			[[63], 'America/Araguaina'],
			[[65, 66], 'America/Cuiaba'],
			[[67], 'America/Campo_Grande'],
			[[68], 'America/Rio_Branco'],
			[[69], 'America/Porto_Velho'],
			[[71, 73, 74, 75, 77], 'America/Bahia'],
			[[79], 'America/Maceio'],
			[[82], 'America/Maceio'],
			[[83, 84, 85, 86, 88, 89, 98, 99], 'America/Fortaleza'],
			[[87], 'America/Recife'],
			[[91, 93, 94, 96], 'America/Belem'],
			[[92], 'America/Manaus'],
			[[95], 'America/Boa_Vista'],
		].flatMap(([codes, zone]) => (codes as number[]).map((code) => [`55${code}`, [zone as string]])),
	),
	// DDD 81 holds Recife and Fernando de Noronha; DDD 97 western Amazonas.
	'5581': ['America/Recife', 'America/Noronha'],
	'5597': ['America/Manaus', 'America/Eirunepe'],
	// Mexico: Chihuahua left Mountain time in 2022.
	...Object.fromEntries(
		['614', '625', '627', '628', '629', '635', '636', '639', '648', '649'].map((code) => [`52${code}`, ['America/Chihuahua']]),
	),
	// Mobile ranges, which belong to no place.
	'614': ['Australia/Perth', 'Australia/Darwin', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney'],
	'628': ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
	'79': [
		'Europe/Kaliningrad',
		'Europe/Moscow',
		'Europe/Samara',
		'Asia/Yekaterinburg',
		'Asia/Omsk',
		'Asia/Novosibirsk',
		'Asia/Krasnoyarsk',
		'Asia/Irkutsk',
		'Asia/Yakutsk',
		'Asia/Vladivostok',
		'Asia/Magadan',
		'Asia/Kamchatka',
	],
	'346': ['Europe/Madrid', 'Atlantic/Canary'],
	'347': ['Europe/Madrid', 'Atlantic/Canary'],
	'642': ['Pacific/Auckland', 'Pacific/Chatham'],
	// Queensland (07) keeps no summer time; Kaliningrad and Saratov are their own zones.
	'617': ['Australia/Brisbane'],
	'618': ['Australia/Perth', 'Australia/Darwin', 'Australia/Adelaide'],
	'74012': ['Europe/Kaliningrad'],
	'7845': ['Europe/Saratov'],
};

/** Prefixes under which the map's deeper entries are set aside: our reading covers them. */
export const REPLACED_PREFIXES = ['55', '614', '628', '79', '346', '347', '642'];
