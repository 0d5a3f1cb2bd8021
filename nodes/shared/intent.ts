/**
 * What an inbound message asks of the sender: to stop (opt out), to start again (opt in), or for help.
 * Only a message that *is* such a request counts — a keyword alone, or with "please", "now", "thanks"
 * and the like around it — never a sentence that merely contains the word ("don't stop the delivery").
 * The words: the FCC's (stop, quit, end, revoke, opt out, cancel, unsubscribe, since April 2025) and
 * the carriers' (STOPALL, START, UNSTOP, YES, HELP, INFO), and their common forms in a few languages.
 */
export type Intent = 'optOut' | 'optIn' | 'help';

// prettier-ignore
const PHRASES: Record<Intent, string[]> = {
	optOut: [
		// English: the FCC's words, the carriers' and what people write instead.
		'stop', 'stopall', 'stop all', 'unsubscribe', 'end', 'quit', 'cancel', 'revoke', 'opt out', 'optout',
		'remove', 'remove me', 'stop texting', 'stop texting me', 'stop messaging me', 'stop sending', 'stop sending me messages',
		'unsubscribe me', 'opt me out', 'take me off', 'take me off your list', 'no more', 'no more texts', 'no more messages',
		'do not text', 'do not text me', 'dont text me',
		// French, Spanish, Portuguese, German, Italian, Dutch.
		'arret', 'arreter', 'desabonner', 'desinscrire', 'desinscription', 'desabonnement',
		'alto', 'baja', 'parar', 'para', 'detener', 'cancelar', 'darme de baja', 'dar de baja', 'no mas',
		'sair', 'descadastrar', 'cancelar inscricao',
		'stopp', 'abmelden', 'ende', 'abbestellen', 'austragen', 'kundigen',
		'cancella', 'disiscrivi', 'disiscriviti', 'basta',
		'afmelden', 'uitschrijven', 'stoppen',
	],
	optIn: ['start', 'unstop', 'yes', 'subscribe', 'opt in', 'optin', 'si', 'alta', 'suscribir', 'sim', 'oui', 'ja', 'anmelden', 'inscrire', 'iscrivi', 'aanmelden'],
	help: ['help', 'help me', 'info', 'information', 'support', 'aide', 'ayuda', 'ajuda', 'hilfe', 'aiuto', 'hulp'],
};

/** Words around a keyword that leave it the whole message: courtesy, urgency, addressing. */
// prettier-ignore
const AROUND = new Set([
	'please', 'pls', 'plz', 'now', 'thanks', 'thank', 'you', 'thx', 'ok', 'okay', 'hi', 'hello',
	'por', 'favor', 'svp', 'bitte', 'merci', 'gracias', 'obrigado', 'danke',
]);

const LOOKUP = new Map<string, Intent>();
for (const intent of Object.keys(PHRASES) as Intent[])
	for (const phrase of PHRASES[intent]) {
		LOOKUP.set(phrase, intent);
		LOOKUP.set(phrase.replace(/ /g, ''), intent);
	}

/** Lower case, accents off, everything but letters and digits a space: "ARRÊT!!" and "arret" read alike. */
function wordsOf(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’`]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** The message's intent, or null when it is anything else (or says two things, "stop help"). */
export function intentOf(text: unknown): Intent | null {
	if (typeof text !== 'string' || text.length > 80) return null;
	let words = wordsOf(text);
	// Courtesy around the request: from both ends, so "please stop now, thanks" is "stop".
	while (words.length && AROUND.has(words[0])) words = words.slice(1);
	while (words.length && AROUND.has(words[words.length - 1])) words = words.slice(0, -1);
	if (!words.length) return null;
	const phrase = words.join(' ');
	const found = LOOKUP.get(phrase) ?? LOOKUP.get(words.join(''));
	if (found) return found;
	// The same keyword said again: "STOP STOP", "stop. stop!".
	const first = LOOKUP.get(words[0]);
	return first && words.every((word) => word === words[0]) ? first : null;
}
