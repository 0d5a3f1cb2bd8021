import { segmentsOf } from '../../nodes/shared/segments';
import { smartEncode } from '../../nodes/shared/smart-encoding';
import { referenceSegments } from '../harness/segment-reference';

// The node's part count against a second layout of the same message (Twilio's calculator's rules, in
// test/harness/segment-reference.ts), on texts built to sit on every boundary, plus hand-counted ones.

const GSM =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ#¤%&()*+-/:;<=>¡ÄÖÑÜ§¿äöñüà\n\r';
const ESCAPED = '^{}[]~|€\\\f';
const UNICODE = 'яжщЯЖ中文日本語한국어ąęłńśźżčřšžőűçãõâêîôûñ';
const EMOJI = ['😀', '👍', '🚀', '🇫🇷', '👩‍💻', '❤️', '𝒜', '🎉'];
const COMBINING = ['e\u0301', 'a\u0308', 'n\u0303', 'o\u0302\u0323'];

/** A repeatable sequence of numbers in [0, 1). */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function repeat(characters: string[], length: number, next: () => number): string {
	let text = '';
	for (let i = 0; i < length; i++) text += characters[Math.floor(next() * characters.length)];
	return text;
}

/** Texts around each boundary of both encodings, mixing in escaped characters, emoji and combining marks. */
function builtTexts(): Array<[string, string]> {
	const next = random(20261205);
	const gsm = Array.from(GSM);
	const escaped = Array.from(ESCAPED);
	const unicode = Array.from(UNICODE);
	const texts: Array<[string, string]> = [];
	for (const length of [1, 100, 152, 153, 154, 159, 160, 161, 305, 306, 307, 458, 459, 460, 612, 765]) {
		texts.push([`GSM-7 basic, ${length}`, repeat(gsm, length, next)]);
		texts.push([`GSM-7 with escapes, ${length}`, repeat([...gsm, ...escaped], length, next)]);
		texts.push([`escapes only, ${length}`, repeat(escaped, length, next)]);
	}
	for (const length of [1, 66, 67, 68, 69, 70, 71, 133, 134, 135, 200, 201, 268, 335]) {
		texts.push([`UCS-2, ${length}`, repeat(unicode, length, next)]);
		texts.push([`UCS-2 with GSM, ${length}`, repeat([...unicode, ...gsm], length, next)]);
		texts.push([`emoji and text, ${length}`, repeat([...EMOJI, ...gsm], length, next)]);
		texts.push([`combining marks, ${length}`, repeat([...COMBINING, ...gsm], length, next)]);
	}
	// An escaped character or a surrogate pair on a part's last place, and one after.
	for (const before of [151, 152, 153, 158, 159, 160, 304, 305, 306]) {
		for (const character of escaped.slice(0, 4))
			texts.push([`${before} + ${JSON.stringify(character)}`, 'a'.repeat(before) + character + 'b'.repeat(5)]);
	}
	for (const before of [65, 66, 67, 68, 69, 70, 132, 133, 134]) {
		for (const emoji of EMOJI.slice(0, 4)) texts.push([`${before} + ${emoji}`, 'я'.repeat(before) + emoji + 'ж'.repeat(3)]);
		texts.push([`${before} GSM + emoji`, 'a'.repeat(before) + '😀']);
	}
	// Random texts of any length and mix.
	const pools = [gsm, [...gsm, ...escaped], [...gsm, ...unicode], [...gsm, ...EMOJI], [...gsm, ...COMBINING, ...escaped]];
	while (texts.length < 560) {
		const pool = pools[Math.floor(next() * pools.length)];
		texts.push([`random ${texts.length}`, repeat(pool, 1 + Math.floor(next() * 700), next)]);
	}
	return texts;
}

describe('SMS segments and encoding', () => {
	const texts = builtTexts();

	it(`counts ${texts.length} texts as the reference layout does`, () => {
		expect(texts.length).toBeGreaterThanOrEqual(500);
		const differences = texts
			.map(([name, text]) => ({ name, ours: segmentsOf(text), reference: referenceSegments(text) }))
			.filter(({ ours, reference }) => ours.encoding !== reference.encoding || ours.segments !== reference.segments)
			.map(({ name, ours, reference }) => `${name}: ${ours.encoding} ${ours.segments} vs ${reference.encoding} ${reference.segments}`);
		expect(differences).toEqual([]);
	});

	it.each([
		['160 GSM characters', 'a'.repeat(160), 'GSM-7', 1],
		['161 GSM characters', 'a'.repeat(161), 'GSM-7', 2],
		['306 GSM characters', 'a'.repeat(306), 'GSM-7', 2],
		['307 GSM characters', 'a'.repeat(307), 'GSM-7', 3],
		['80 escaped characters (160 septets)', '€'.repeat(80), 'GSM-7', 1],
		['81 escaped characters (162 septets)', '€'.repeat(81), 'GSM-7', 2],
		['152 + € + 8: the € opens part 2', `${'a'.repeat(152)}€${'b'.repeat(8)}`, 'GSM-7', 2],
		['152 + € + 155: 3 parts where 307 septets would be 3 anyway', `${'a'.repeat(152)}€${'b'.repeat(153)}`, 'GSM-7', 3],
		['70 Cyrillic letters', 'я'.repeat(70), 'UCS-2', 1],
		['71 Cyrillic letters', 'я'.repeat(71), 'UCS-2', 2],
		['134 Cyrillic letters', 'я'.repeat(134), 'UCS-2', 2],
		['135 Cyrillic letters', 'я'.repeat(135), 'UCS-2', 3],
		['35 emoji (70 units)', '😀'.repeat(35), 'UCS-2', 1],
		['36 emoji (72 units)', '😀'.repeat(36), 'UCS-2', 2],
		['66 letters + emoji: the pair opens part 2', `${'я'.repeat(66)}😀${'я'.repeat(5)}`, 'UCS-2', 2],
		['a curly quote in 160 characters', `${'a'.repeat(159)}’`, 'UCS-2', 3],
		['an empty text', '', 'GSM-7', 1],
	])('%s', (_name, text, encoding, segments) => {
		expect(segmentsOf(text)).toMatchObject({ encoding, segments });
		expect(referenceSegments(text)).toMatchObject({ encoding, segments });
	});

	it('names the characters that forced UCS-2, each once, in order', () => {
		expect(segmentsOf('Hi “Ann”, 50% off 😀 today 😀').forcedUcs2).toEqual(['“', '”', '😀']);
		expect(segmentsOf('plain {GSM} text €5').forcedUcs2).toEqual([]);
	});
});

describe('Smart Encoding', () => {
	it('replaces look-alikes when they are all that force UCS-2, and says what it replaced', () => {
		const encoded = smartEncode(`It’s “50%” off\u00a0— today…${'x'.repeat(130)}`);
		expect(encoded.text).toBe(`It's "50%" off - today...${'x'.repeat(130)}`);
		expect(encoded.replaced).toEqual([
			{ from: '’', to: "'", count: 1 },
			{ from: '“', to: '"', count: 1 },
			{ from: '”', to: '"', count: 1 },
			{ from: '\u00a0', to: ' ', count: 1 },
			{ from: '—', to: '-', count: 1 },
			{ from: '…', to: '...', count: 1 },
		]);
		expect(segmentsOf(encoded.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
	});

	it('leaves a text that stays UCS-2 as the user wrote it', () => {
		expect(smartEncode('It’s 😀')).toEqual({ text: 'It’s 😀', replaced: [] });
		expect(smartEncode('Привет “друг”')).toEqual({ text: 'Привет “друг”', replaced: [] });
	});

	it('leaves a GSM-7 text alone', () => {
		expect(smartEncode('Hello {world} €5')).toEqual({ text: 'Hello {world} €5', replaced: [] });
	});

	it('drops invisible characters', () => {
		expect(smartEncode('a\u200bb\ufeff')).toEqual({
			text: 'ab',
			replaced: [
				{ from: '\u200b', to: '', count: 1 },
				{ from: '\ufeff', to: '', count: 1 },
			],
		});
	});
});
