import type { IDataObject } from 'n8n-workflow';

import { segmentsOf, type SmsEncoding } from './segments';
import { smartEncode } from './smart-encoding';

/**
 * An SMS text as it will go: with Smart Encoding, its look-alikes replaced (when they are all that
 * force UCS-2); and the fields every SMS send output carries: `encoding`, `segments`,
 * `ucs2Characters` (what forced UCS-2) and `replacedCharacters` (what Smart Encoding replaced).
 */
export function smsText(text: string, smartEncoding: boolean, sentAs?: SmsEncoding): { text: string; fields: IDataObject } {
	// A text sent as UCS-2 whatever it holds keeps its characters.
	const encoded = smartEncoding && !sentAs ? smartEncode(text) : { text, replaced: [] };
	const { encoding, segments, forcedUcs2 } = segmentsOf(encoded.text, sentAs);
	return {
		text: encoded.text,
		fields: {
			encoding,
			segments,
			ucs2Characters: forcedUcs2,
			...(encoded.replaced.length ? { replacedCharacters: encoded.replaced } : {}),
		},
	};
}
