/**
 * How an SMS text travels (3GPP TS 23.038 and 23.040): in GSM-7 when every character is in the GSM
 * alphabet, else in UCS-2. One part carries 160 septets or 70 UTF-16 units; a longer text goes in parts
 * of 153 septets or 67 units (each part gives 6 bytes to the concatenation header). An escaped GSM
 * character (`^{}\[~]|€` and form feed) takes two septets and a surrogate pair (an emoji) two units,
 * and neither is split across parts: a part that cannot take the whole character ends before it.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

const GSM_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export interface Segments {
	encoding: SmsEncoding;
	segments: number;
	/** Septets (GSM-7) or UTF-16 units (UCS-2) the text takes. */
	units: number;
	/** The characters that are not in the GSM alphabet, each once, in the order they appear. */
	forcedUcs2: string[];
}

export function isGsmCharacter(character: string): boolean {
	return GSM_BASIC.has(character) || GSM_EXTENSION.has(character);
}

/** The characters of a text outside the GSM alphabet, each once (a surrogate pair is one). */
export function nonGsmCharacters(text: string): string[] {
	const found = new Set<string>();
	for (const character of text) if (!isGsmCharacter(character)) found.add(character);
	return [...found];
}

/** Each character's size in its encoding's units, in order. */
function sizes(text: string, encoding: SmsEncoding): number[] {
	const result: number[] = [];
	for (const character of text) {
		if (encoding === 'UCS-2') result.push(character.length);
		else result.push(GSM_EXTENSION.has(character) ? 2 : 1);
	}
	return result;
}

/**
 * The encoding, parts and size of an SMS text. An empty text is one (empty) part. `sentAs`: where the
 * message type fixes the encoding (a gateway's "Unicode SMS").
 */
export function segmentsOf(text: string, sentAs?: SmsEncoding): Segments {
	const forcedUcs2 = nonGsmCharacters(text);
	const encoding: SmsEncoding = sentAs ?? (forcedUcs2.length ? 'UCS-2' : 'GSM-7');
	const each = sizes(text, encoding);
	const units = each.reduce((sum, size) => sum + size, 0);
	if (units <= SINGLE[encoding]) return { encoding, segments: 1, units, forcedUcs2 };
	let segments = 1;
	let used = 0;
	for (const size of each) {
		if (used + size > PART[encoding]) {
			segments++;
			used = 0;
		}
		used += size;
	}
	return { encoding, segments, units, forcedUcs2 };
}
