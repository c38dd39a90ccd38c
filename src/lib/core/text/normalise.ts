/**
 * Normalising and tokenising free-text answers in Finnish, Swedish and English (ADR 0019).
 *
 * Text is put into Unicode NFC first, so that "ä" typed as a + combining diaeresis (as some phones
 * and copy-pasted PDFs produce) is the same letter as a precomposed "ä", then lower-cased without a
 * locale (the three languages need no special case mapping). Typographic apostrophes and dashes
 * become their ASCII forms.
 */
export const textLanguages = ['fi', 'sv', 'en'] as const;
export type TextLanguage = (typeof textLanguages)[number];

export function normalise(text: string): string {
	return text.normalize('NFC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒]/g, '-');
}

export interface Token {
	/** The word as written, normalised (lower case, NFC). */
	word: string;
	/** Which clause of the answer it is in: punctuation and line breaks start a new clause. */
	clause: number;
	/** Where it stands in `normalise(text)`. */
	start: number;
	end: number;
}

/** A word: letters and digits, with inner hyphens and apostrophes (e-kirja, library's). */
const wordPattern = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
/** What ends a clause between two words. */
const clauseBreak = /[.,;:!?()[\]{}"«»“”\n\r–—/]/;

/**
 * The words of a text in order, each with its clause number, so that two-word phrases never
 * span a full stop or a comma.
 *
 * @example tokenise('Hyvä palvelu. Kiitos!').map((t) => [t.word, t.clause]) // [['hyvä', 0], ['palvelu', 0], ['kiitos', 1]]
 */
export function tokenise(text: string): Token[] {
	const normal = normalise(text);
	const tokens: Token[] = [];
	let clause = 0;
	let last = 0;
	for (const match of normal.matchAll(wordPattern)) {
		if (tokens.length > 0 && clauseBreak.test(normal.slice(last, match.index))) clause += 1;
		tokens.push({ word: match[0], clause, start: match.index, end: match.index + match[0].length });
		last = match.index + match[0].length;
	}
	return tokens;
}
