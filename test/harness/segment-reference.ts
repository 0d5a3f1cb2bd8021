/**
 * A second, independent count of SMS parts, the way Twilio's open message-segment calculator lays a
 * message out: every character as the bits it takes (GSM-7: 7, escaped: 14; UCS-2: 16 per UTF-16
 * unit, so a surrogate pair 32), a message of at most 1,120 bits in one part, else parts of 1,120 bits
 * of which the concatenation header takes 48; a character that does not fit whole starts the next part.
 * The tests compare the node's arithmetic (nodes/shared/segments.ts) with this layout.
 */
const BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const ESCAPED = '\f^{}\\[~]|€';

const PART_BITS = 1120;
const HEADER_BITS = 48;

export function referenceSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number; bits: number } {
	const characters = Array.from(text);
	const gsm = characters.every((character) => BASIC.includes(character) || ESCAPED.includes(character));
	const bits = characters.map((character) => (gsm ? (ESCAPED.includes(character) ? 14 : 7) : 16 * character.length));
	const total = bits.reduce((sum, size) => sum + size, 0);
	const encoding = gsm ? 'GSM-7' : 'UCS-2';
	if (total <= PART_BITS) return { encoding, segments: 1, bits: total };
	const parts: number[] = [HEADER_BITS];
	for (const size of bits) {
		if (parts[parts.length - 1] + size > PART_BITS) parts.push(HEADER_BITS);
		parts[parts.length - 1] += size;
	}
	return { encoding, segments: parts.length, bits: total };
}
