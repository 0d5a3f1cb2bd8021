import { nonGsmCharacters } from './segments';

/**
 * Look-alikes of GSM characters that word processors and phones put into texts: one of them makes a
 * whole SMS UCS-2 (70 characters a part instead of 160). Each reads as its GSM replacement.
 */
const LOOK_ALIKES: Record<string, string> = {
	// Quotes and apostrophes.
	'\u2018': "'",
	'\u2019': "'",
	'\u201A': "'",
	'\u201B': "'",
	'\u2032': "'",
	'\u02B9': "'",
	'\u02BB': "'",
	'\u02BC': "'",
	'\u02BD': "'",
	'\u00B4': "'",
	'\u0060': "'",
	'\u201C': '"',
	'\u201D': '"',
	'\u201E': '"',
	'\u201F': '"',
	'\u2033': '"',
	'\u02BA': '"',
	'\u00AB': '"',
	'\u00BB': '"',
	'\u2039': '<',
	'\u203A': '>',
	// Dashes and hyphens.
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u2015': '-',
	'\u2212': '-',
	'\u2043': '-',
	// Spaces; invisible characters go.
	'\u00A0': ' ',
	'\u2000': ' ',
	'\u2001': ' ',
	'\u2002': ' ',
	'\u2003': ' ',
	'\u2004': ' ',
	'\u2005': ' ',
	'\u2006': ' ',
	'\u2007': ' ',
	'\u2008': ' ',
	'\u2009': ' ',
	'\u200A': ' ',
	'\u202F': ' ',
	'\u205F': ' ',
	'\u3000': ' ',
	'\t': ' ',
	'\u200B': '',
	'\u200C': '',
	'\u200D': '',
	'\u2060': '',
	'\uFEFF': '',
	'\u00AD': '',
	// Others.
	'\u2026': '...',
	'\u2022': '-',
	'\u00B7': '.',
	'\u2044': '/',
	'\u2215': '/',
	'\u00A6': '|',
	'\u02C6': '^',
	'\u02DC': '~',
	'\u203C': '!!',
	'\u2047': '??',
	'\u2048': '?!',
	'\u2049': '!?',
	'\u00E7': 'Ç',
};

export interface SmartEncoded {
	text: string;
	/** What was replaced, each look-alike once: `{from: '’', to: "'", count: 3}`. */
	replaced: Array<{ from: string; to: string; count: number }>;
}

/**
 * The text with its look-alikes replaced, when they are all that keep it from GSM-7; otherwise the
 * text as it is (it goes as UCS-2 either way, and the user's characters are kept).
 */
export function smartEncode(text: string): SmartEncoded {
	const forcing = nonGsmCharacters(text);
	if (!forcing.length || !forcing.every((character) => character in LOOK_ALIKES)) return { text, replaced: [] };
	const counts = new Map<string, number>();
	let result = '';
	for (const character of text) {
		const replacement = LOOK_ALIKES[character];
		if (replacement === undefined) result += character;
		else {
			result += replacement;
			counts.set(character, (counts.get(character) ?? 0) + 1);
		}
	}
	return { text: result, replaced: [...counts].map(([from, count]) => ({ from, to: LOOK_ALIKES[from], count })) };
}
